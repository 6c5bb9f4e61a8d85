package dev.partialjson.binding;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.fasterxml.jackson.databind.JsonNode;
import dev.partialjson.binding.Models.Drawing;
import dev.partialjson.binding.Models.Plan;
import dev.partialjson.binding.Models.Priority;
import dev.partialjson.binding.Models.Shape;
import dev.partialjson.binding.Models.Step;
import dev.partialjson.binding.Models.Task;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * A callback is refused when it is registered if its pattern can never match the binder's type (a
 * typo) or its type cannot hold what the binder's type declares there; patterns under values that
 * may hold any key or index (Object, JsonNode, Map values, any-setters) are accepted.
 */
class CallbackPatternsTest {
  private static final StreamingBinder<Plan> PLANS = StreamingBinder.of(Plan.class);

  @Test
  void refusesAPatternThatNamesNoProperty() {
    BindingSession<Plan> session = PLANS.open();
    assertThatThrownBy(() -> session.onItem("$.taks[*]", Task.class, t -> {}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "the pattern $.taks[*] matches nothing in Plan: Plan has no property 'taks' at $"
                + " (it has goal, tasks)");
    assertThatThrownBy(() -> session.onText("$.tasks[*].titel", (p, f, d) -> {}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "the pattern $.tasks[*].titel matches nothing in Plan: Task has no property 'titel' at"
                + " $.tasks[*] (it has title, priority, notes)");
    assertThatThrownBy(() -> session.onValue("$.goal.text", String.class, v -> {}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "the pattern $.goal.text matches nothing in Plan: String at $.goal has no properties");
    assertThatThrownBy(() -> session.onValue("$.tasks.title", String.class, v -> {}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "the pattern $.tasks.title matches nothing in Plan: List<Task> at $.tasks has no"
                + " properties");
    assertThatThrownBy(() -> session.onItem("$[0]", Task.class, t -> {}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("the pattern $[0] matches nothing in Plan: Plan at $ has no elements");
    // [*] matches a property as well as an element: here each of Plan's, and Task holds neither
    assertThatThrownBy(() -> session.onItem("$[*]", Task.class, t -> {}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("the callback type Task cannot hold String, which Plan declares at $[*]");
  }

  @Test
  void refusesACallbackTypeThatCannotHoldWhatIsDeclaredThere() {
    BindingSession<Plan> session = PLANS.open();
    assertThatThrownBy(() -> session.onItem("$.tasks[*]", Step.class, s -> {}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("the callback type Step cannot hold Task, which Plan declares at $.tasks[*]");
    assertThatThrownBy(() -> session.onValue("$.tasks[0].priority", Integer.class, s -> {}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "the callback type Integer cannot hold Priority, which Plan declares at"
                + " $.tasks[0].priority");
    assertThatThrownBy(() -> session.onValue("$.*", String.class, s -> {}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("the callback type String cannot hold List<Task>, which Plan declares at $[*]");
    BindingSession<Drawing> drawing = StreamingBinder.of(Drawing.class).open();
    assertThatThrownBy(() -> drawing.onItem("$.shapes[*]", Models.Circle.class, c -> {}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "the callback type Circle cannot hold Shape, which Drawing declares at $.shapes[*]");
  }

  @Test
  void acceptsTheDeclaredTypeItsSupertypesAndPlainJsonHolders() {
    BindingSession<Plan> session = PLANS.open();
    session.onItem("$.tasks[*]", Task.class, t -> {});
    session.onItem("$.tasks[*]", Object.class, t -> {});
    session.onItem("$.tasks[*]", Record.class, t -> {});
    session.onValue("$.tasks[0]", Map.class, t -> {});
    session.onValue("$.tasks[0]", Side.current().treeType(), t -> {});
    session.onValue("$.tasks[0]", Side.current().objectTreeType(), t -> {});
    session.onValue("$.tasks", List.class, t -> {});
    session.onValue("$.tasks[1].priority", Priority.class, p -> {});
    session.onValue("$.tasks[1].priority", String.class, p -> {}); // an enum's JSON is a string
    session.onValue("$.tasks[1].title", CharSequence.class, p -> {});
    session.onText("$.tasks[*].title", (p, f, d) -> {});
    session.onValue("$.*", Object.class, p -> {});
    BindingSession<Drawing> drawing = StreamingBinder.of(Drawing.class).open();
    drawing.onItem("$.shapes[*]", Shape.class, s -> {});
    drawing.onValue("$.shapes[*].radius", Double.class, r -> {}); // a subtype's property
    drawing.onValue("$.shapes[*].type", String.class, r -> {}); // the type id
    BindingSession<List<Task>> list = StreamingBinder.of(new GenericType<List<Task>>() {}).open();
    list.onItem("$[*]", Task.class, t -> {});
  }

  record Open(
      Map<String, Step> steps,
      Object extra,
      JsonNode node,
      Map<String, List<Integer>> scores,
      AtomicReference<Step> maybe,
      @JsonAlias("heading") String title) {}

  static final class Bag {
    final Map<String, Object> rest = new HashMap<>();

    @JsonAnySetter
    void put(String name, Object value) {
      rest.put(name, value);
    }
  }

  record Wrapper(String id, @JsonUnwrapped Step step) {}

  @Test
  void acceptsPatternsUnderValuesThatMayHoldAnyKeyOrIndex() {
    BindingSession<Open> session = StreamingBinder.of(Open.class).open();
    session.onValue("$.steps.anything", Step.class, s -> {});
    session.onValue("$.steps['odd key'].step_title", String.class, s -> {});
    session.onValue("$.extra.deep[3].x", Object.class, s -> {});
    session.onValue("$.extra[0]", Side.current().treeType(), s -> {});
    session.onValue("$.node.a.b[2]", Side.current().treeType(), s -> {});
    session.onItem("$.scores.*[*]", Integer.class, s -> {});
    session.onValue("$.maybe", Step.class, s -> {});
    session.onValue("$.maybe.minutes", Integer.class, s -> {});
    session.onText("$.heading", (p, f, d) -> {});
    assertThatThrownBy(() -> session.onValue("$.scores.a.b", Integer.class, s -> {}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "the pattern $.scores.a.b matches nothing in Open: List<Integer> at $.scores.a has no"
                + " properties");
    StreamingBinder.of(Bag.class).open().onValue("$.whatever.below", Object.class, v -> {});
    StreamingBinder.of(Wrapper.class).open().onText("$.step_title", (p, f, d) -> {});
    StreamingBinder.of(Object.class).open().onItem("$.a[*].b[*]", Task.class, t -> {});
    StreamingBinder.of(Side.current().treeType()).open().onItem("$[*]", Map.class, t -> {});
    StreamingBinder.of(new GenericType<Map<String, Task>>() {})
        .open()
        .onValue("$.any.title", String.class, t -> {});
  }
}
