package dev.partialjson.binding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.partialjson.binding.Models.Plan;
import dev.partialjson.binding.Models.Task;
import dev.partialjson.testkit.Splits;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * An item a callback waits for that cannot be bound to the callback's type is a reported failure:
 * seen by {@code onCheckedItem}, failing a fail-fast session at once and the result at the end,
 * never skipped in silence.
 */
class ItemFailuresTest {
  interface Titled {
    String title();
  }

  record Entry(String title, int hours) implements Titled {}

  record Journal(List<Entry> entries) {}

  private static final String JOURNAL =
      "{\"entries\":[{\"title\":\"a\",\"hours\":1},{\"title\":\"b\",\"hours\":2}]}";

  private static final String CANNOT_CONSTRUCT =
      "Cannot construct instance of `dev.partialjson.binding.ItemFailuresTest$Titled` (no"
          + " Creators, like default constructor, exist): abstract types either need to be mapped"
          + " to concrete types, have custom deserializer, or contain additional type information"
          + " at ";

  @Test
  void anItemTheCallbackTypeCannotBindIsReportedNotSkipped() {
    StreamingBinder<Journal> binder = StreamingBinder.of(Journal.class);
    for (Splits.Split split : Sweep.of(JOURNAL)) {
      BindingSession<Journal> session = binder.open();
      List<BoundItem<Titled>> checked = new ArrayList<>();
      List<Titled> valid = new ArrayList<>();
      session.onCheckedItem("$.entries[*]", Titled.class, checked::add);
      session.onItem("$.entries[*]", Titled.class, valid::add);
      Sweep.feed(split, session);
      assertThat(valid).as(split.name()).isEmpty();
      assertThat(checked).hasSize(2);
      for (int i = 0; i < 2; i++) {
        BoundItem<Titled> item = checked.get(i);
        assertThat(item.path()).hasToString("$.entries[" + i + "]");
        assertThat(item.value()).isNull();
        assertThat(item.isValid()).isFalse();
        assertThat(item.error()).hasMessage(CANNOT_CONSTRUCT + "$.entries[" + i + "]");
      }
      BindingResult<Journal> result = session.result();
      assertThat(result.value()).isNull();
      assertThat(result.error()).isSameAs(checked.get(0).error());
      assertThatThrownBy(session::complete).isSameAs(checked.get(0).error());
    }
  }

  @Test
  void failFastStopsAtTheFirstItemTheCallbackTypeCannotBind() {
    StreamingBinder<Journal> binder =
        StreamingBinder.builder(Journal.class).failurePolicy(FailurePolicy.FAIL_FAST).build();
    for (Splits.Split split : Sweep.of(JOURNAL)) {
      BindingSession<Journal> session = binder.open();
      List<BoundItem<Titled>> checked = new ArrayList<>();
      session.onCheckedItem("$.entries[*]", Titled.class, checked::add);
      assertThatThrownBy(() -> Sweep.feed(split, session))
          .as(split.name())
          .isInstanceOf(BindingException.class)
          .hasMessage(CANNOT_CONSTRUCT + "$.entries[0]");
      assertThat(checked).hasSize(1);
      assertThat(session.result().error()).isSameAs(checked.get(0).error());
    }
  }

  @Test
  void anOnValueCallbackThatCannotBindFailsTheResult() {
    BindingSession<Journal> session = StreamingBinder.of(Journal.class).open();
    List<Titled> seen = new ArrayList<>();
    session.onValue("$.entries[1]", Titled.class, seen::add);
    session.feed(JOURNAL);
    assertThat(seen).isEmpty();
    assertThat(session.result().error()).hasMessage(CANNOT_CONSTRUCT + "$.entries[1]");
  }

  @Test
  void anItemOfTheDeclaredTypeThatCannotBeBoundReachesOnCheckedItem() {
    String json =
        "{\"goal\":\"g\",\"tasks\":[{\"title\":\"a\",\"priority\":\"LOW\"},"
            + "{\"title\":\"b\",\"priority\":\"URGENT\"},{\"title\":\"c\",\"priority\":\"HIGH\"}]}";
    StreamingBinder<Plan> binder = StreamingBinder.of(Plan.class);
    for (Splits.Split split : Sweep.of(json)) {
      BindingSession<Plan> session = binder.open();
      List<BoundItem<Task>> checked = new ArrayList<>();
      session.onCheckedItem("$.tasks[*]", Task.class, checked::add);
      Sweep.feed(split, session);
      assertThat(checked)
          .as(split.name())
          .extracting(BoundItem::isValid)
          .containsExactly(true, false, true);
      assertThat(checked.get(1).error())
          .hasMessageStartingWith(
              "Cannot deserialize value of type `dev.partialjson.binding.Models$Priority` from"
                  + " String \"URGENT\"")
          .hasMessageEndingWith(" at $.tasks[1].priority");
      assertThat(session.result().error()).hasMessage(checked.get(1).error().getMessage());
    }
  }
}
