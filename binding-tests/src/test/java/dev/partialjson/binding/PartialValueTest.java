package dev.partialjson.binding;

import static org.assertj.core.api.Assertions.assertThat;

import dev.partialjson.binding.Models.Drawing;
import dev.partialjson.binding.Models.Link;
import dev.partialjson.binding.Models.Links;
import dev.partialjson.binding.Models.Plan;
import dev.partialjson.binding.Models.Priority;
import dev.partialjson.binding.Models.Rect;
import dev.partialjson.binding.Models.Task;
import dev.partialjson.testkit.Splits;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** {@link BindingSession#partial()} at points of a stream, each prefix fed under the sweep. */
class PartialValueTest {
  private static final StreamingBinder<Plan> PLANS = StreamingBinder.of(Plan.class);

  private static <T> void atPrefix(
      StreamingBinder<T> binder, String prefix, Consumer<BindingSession<T>> check) {
    for (Splits.Split split : Sweep.of(prefix)) {
      BindingSession<T> session = binder.open();
      Sweep.feed(split, session);
      check.accept(session);
    }
  }

  @Test
  void isNullBeforeTheValueBegins() {
    atPrefix(PLANS, "Here is the plan: ```json\n", s -> assertThat(s.partial()).isNull());
  }

  @Test
  void leavesUnseenFieldsNull() {
    atPrefix(
        PLANS,
        "{\"goal\": \"Ship it\", ",
        s -> assertThat(s.partial()).isEqualTo(new Plan("Ship it", null)));
  }

  @Test
  void showsStringsAsFarAsTheyHaveArrived() {
    atPrefix(
        PLANS,
        "{\"goal\": \"Ship i",
        s -> assertThat(s.partial()).isEqualTo(new Plan("Ship i", null)));
    atPrefix(
        PLANS,
        "{\"goal\": \"Ship\", \"tasks\": [{\"title\": \"Wri",
        s ->
            assertThat(s.partial())
                .isEqualTo(new Plan("Ship", List.of(new Task("Wri", null, null)))));
  }

  @Test
  void hidesAnEnumUntilItIsComplete() {
    String prefix = "{\"goal\": \"Ship\", \"tasks\": [{\"title\": \"Write\", \"priority\": \"HI";
    atPrefix(
        PLANS,
        prefix,
        s ->
            assertThat(s.partial())
                .isEqualTo(new Plan("Ship", List.of(new Task("Write", null, null)))));
    atPrefix(
        PLANS,
        prefix + "GH\"",
        s ->
            assertThat(s.partial())
                .isEqualTo(new Plan("Ship", List.of(new Task("Write", Priority.HIGH, null)))));
  }

  @Test
  void hidesAnEnumListElementUntilItIsComplete() {
    StreamingBinder<PriorityList> binder = StreamingBinder.of(PriorityList.class);
    atPrefix(
        binder,
        "{\"priorities\": [\"LOW\", \"HI",
        s -> assertThat(s.partial()).isEqualTo(new PriorityList(List.of(Priority.LOW))));
  }

  record PriorityList(List<Priority> priorities) {}

  @Test
  void hidesMarkedPropertiesUntilComplete() {
    StreamingBinder<Links> binder = StreamingBinder.of(Links.class);
    String prefix = "{\"links\": [{\"title\": \"Docs\", \"url\": \"https://exa";
    atPrefix(
        binder,
        prefix,
        s -> assertThat(s.partial()).isEqualTo(new Links(List.of(new Link("Docs", null, null)))));
    atPrefix(
        binder,
        prefix + "mple.com\"",
        s ->
            assertThat(s.partial())
                .isEqualTo(new Links(List.of(new Link("Docs", "https://example.com", null)))));
  }

  @Test
  void hidesPathsMarkedOnTheBuilderUntilComplete() {
    StreamingBinder<Plan> binder =
        StreamingBinder.builder(Plan.class).showWhenComplete("$.tasks[*].title").build();
    atPrefix(
        binder,
        "{\"goal\": \"Sh\", \"tasks\": [{\"title\": \"Wri",
        s ->
            assertThat(s.partial()).isEqualTo(new Plan("Sh", List.of(new Task(null, null, null)))));
  }

  @Test
  void showsAPolymorphicItemOnceItsTypeIdHasArrived() {
    StreamingBinder<Drawing> binder = StreamingBinder.of(Drawing.class);
    atPrefix(
        binder,
        "{\"title\": \"t\", \"shapes\": [{\"label\": \"box\", \"ty",
        s -> assertThat(s.partial()).isEqualTo(new Drawing("t", List.of())));
    atPrefix(
        binder,
        "{\"title\": \"t\", \"shapes\": [{\"label\": \"box\", \"type\": \"re",
        s -> assertThat(s.partial()).isEqualTo(new Drawing("t", List.of())));
    atPrefix(
        binder,
        "{\"title\": \"t\", \"shapes\": [{\"label\": \"box\", \"type\": \"rect\", \"width\": 2",
        s -> assertThat(s.partial()).isEqualTo(new Drawing("t", List.of(new Rect("box", 0, 0)))));
  }

  @Test
  void staysAvailableAfterTheInputIsCutOff() {
    BindingSession<Plan> session = PLANS.open();
    session.feed("{\"goal\": \"Ship\", \"tasks\": [{\"title\": \"Wri");
    assertThat(session.result().error())
        .isInstanceOf(dev.partialjson.parser.IncompleteJsonException.class);
    assertThat(session.partial()).isEqualTo(new Plan("Ship", List.of(new Task("Wri", null, null))));
  }
}
