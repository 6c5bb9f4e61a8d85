package dev.partialjson.binding;

import static org.assertj.core.api.Assertions.assertThat;

import dev.partialjson.binding.Models.Drawing;
import dev.partialjson.binding.Models.Estimate;
import dev.partialjson.binding.Models.Estimates;
import dev.partialjson.binding.Models.Plan;
import dev.partialjson.binding.Models.Task;
import dev.partialjson.parser.JsonPath;
import dev.partialjson.testkit.Splits;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * {@link BindingSession#partialState()}: the partial value with, for every path, whether it has
 * arrived and whether the value shows it, so that a UI never renders a primitive's default as if it
 * had arrived. Each prefix is fed under the sweep.
 */
class PartialStateTest {
  private static <T> void atPrefix(
      StreamingBinder<T> binder, String prefix, Consumer<Partial<T>> check) {
    for (Splits.Split split : Sweep.of(prefix)) {
      BindingSession<T> session = binder.open();
      Sweep.feed(split, session);
      check.accept(session.partialState());
    }
  }

  @Test
  void tellsAnUnseenPrimitiveFromOneThatArrived() {
    StreamingBinder<Estimates> binder = StreamingBinder.of(Estimates.class);
    atPrefix(
        binder,
        "{\"estimates\":[{\"title\":\"a\",\"hours\":3},{\"title\":\"b\",",
        p -> {
          // A record cannot hold null in an int: the value shows 0, the state says why.
          assertThat(p.value())
              .isEqualTo(new Estimates(List.of(new Estimate("a", 3), new Estimate("b", 0))));
          assertThat(p.shows("$.estimates[0].hours")).isTrue();
          assertThat(p.state("$.estimates[0].hours")).isEqualTo(FieldState.COMPLETE);
          assertThat(p.shows("$.estimates[1].hours")).isFalse();
          assertThat(p.state("$.estimates[1].hours")).isEqualTo(FieldState.NOT_STARTED);
          assertThat(p.shows("$.estimates[1].title")).isTrue();
          assertThat(p.state(JsonPath.parse("$.estimates[1]"))).isEqualTo(FieldState.STREAMING);
        });
    atPrefix(
        binder,
        "{\"estimates\":[{\"title\":\"b\",\"hours\":1", // a number completes at its delimiter
        p -> {
          assertThat(p.value()).isEqualTo(new Estimates(List.of(new Estimate("b", 0))));
          assertThat(p.shows("$.estimates[0].hours")).isFalse();
        });
  }

  @Test
  void aValueHiddenUntilCompleteIsStreamingButNotShown() {
    atPrefix(
        StreamingBinder.of(Plan.class),
        "{\"goal\":\"g\",\"tasks\":[{\"title\":\"Wri\",\"priority\":\"HI",
        p -> {
          assertThat(p.value()).isEqualTo(new Plan("g", List.of(new Task("Wri", null, null))));
          assertThat(p.state("$.tasks[0].priority")).isEqualTo(FieldState.STREAMING);
          assertThat(p.shows("$.tasks[0].priority")).isFalse();
          assertThat(p.state("$.tasks[0].title")).isEqualTo(FieldState.COMPLETE);
          assertThat(p.shows("$.tasks[0].title")).isTrue();
          assertThat(p.shows("$.tasks[0]")).isTrue();
          assertThat(p.shows("$.tasks[0].notes")).isFalse();
        });
    atPrefix(
        StreamingBinder.of(Drawing.class),
        "{\"title\":\"t\",\"shapes\":[{\"label\":\"box\",\"ty",
        p -> {
          assertThat(p.value()).isEqualTo(new Drawing("t", List.of()));
          assertThat(p.state("$.shapes[0]")).isEqualTo(FieldState.STREAMING);
          assertThat(p.shows("$.shapes[0]")).isFalse();
          assertThat(p.shows("$.shapes[0].label")).isFalse();
        });
  }

  @Test
  void showsNothingBeforeTheValueBegins() {
    atPrefix(
        StreamingBinder.of(Plan.class),
        "Here is the plan: ```json\n",
        p -> {
          assertThat(p.value()).isNull();
          assertThat(p.shows("$")).isFalse();
          assertThat(p.state("$")).isEqualTo(FieldState.NOT_STARTED);
        });
  }

  @Test
  void staysAsItWasWhenTaken() {
    BindingSession<Estimates> session = StreamingBinder.of(Estimates.class).open();
    session.feed("{\"estimates\":[{\"title\":\"a\",");
    Partial<Estimates> before = session.partialState();
    session.feed("\"hours\":2}]}");
    assertThat(before.shows("$.estimates[0].hours")).isFalse();
    assertThat(before.value()).isEqualTo(new Estimates(List.of(new Estimate("a", 0))));
    assertThat(session.partialState().shows("$.estimates[0].hours")).isTrue();
    assertThat(session.partial()).isEqualTo(new Estimates(List.of(new Estimate("a", 2))));
  }
}
