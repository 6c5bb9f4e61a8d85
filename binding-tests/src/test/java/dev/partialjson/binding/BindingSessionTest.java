package dev.partialjson.binding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.partialjson.binding.Models.Document;
import dev.partialjson.binding.Models.Item;
import dev.partialjson.binding.Models.Plan;
import dev.partialjson.binding.Models.Priority;
import dev.partialjson.binding.Models.Section;
import dev.partialjson.binding.Models.Task;
import dev.partialjson.parser.JsonPath;
import dev.partialjson.testkit.Splits;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BindingSessionTest {
  static final String PLAN =
      "Sure! Here is the plan:\n```json\n"
          + "{\"goal\": \"Ship the caf\\u00e9 app \\ud83d\\ude80 by Friday\",\n"
          + " \"tasks\": [\n"
          + "  {\"title\": \"Write the \\\"spec\\\"\", \"priority\": \"HIGH\", \"notes\": \"été 🚀\"},\n"
          + "  {\"title\": \"Build it\", \"priority\": \"MEDIUM\", \"notes\": null},\n"
          + "  {\"title\": \"Test it\", \"priority\": \"LOW\"}\n"
          + " ]}\n```\nDone.";

  static final Plan PLAN_VALUE =
      new Plan(
          "Ship the café app 🚀 by Friday",
          List.of(
              new Task("Write the \"spec\"", Priority.HIGH, "été 🚀"),
              new Task("Build it", Priority.MEDIUM, null),
              new Task("Test it", Priority.LOW, null)));

  private static final StreamingBinder<Plan> BINDER = StreamingBinder.of(Plan.class);

  @Test
  void textDeltasConcatenateToTheFinalString() {
    for (Splits.Split split : Sweep.of(PLAN)) {
      BindingSession<Plan> session = BINDER.open();
      StringBuilder deltas = new StringBuilder();
      List<String> fulls = new ArrayList<>();
      session.onText(
          "$.goal",
          (path, full, delta) -> {
            assertThat(path).isEqualTo(JsonPath.parse("$.goal"));
            deltas.append(delta);
            assertThat(full).as(split.name()).isEqualTo(deltas.toString());
            fulls.add(full);
          });
      Sweep.feed(split, session);
      assertThat(deltas.toString()).as(split.name()).isEqualTo(PLAN_VALUE.goal());
      assertThat(fulls).as(split.name()).last().isEqualTo(PLAN_VALUE.goal());
      assertThat(session.complete()).isEqualTo(PLAN_VALUE);
    }
  }

  @Test
  void textCallbacksNameEachStringOfAWildcardPattern() {
    for (Splits.Split split : Sweep.of(PLAN)) {
      BindingSession<Plan> session = BINDER.open();
      Map<String, StringBuilder> titles = new java.util.LinkedHashMap<>();
      session.onText(
          "$.tasks[*].title",
          (path, full, delta) ->
              titles.computeIfAbsent(path.toString(), k -> new StringBuilder()).append(delta));
      Sweep.feed(split, session);
      assertThat(titles.toString())
          .as(split.name())
          .isEqualTo(
              "{$.tasks[0].title=Write the \"spec\", $.tasks[1].title=Build it,"
                  + " $.tasks[2].title=Test it}");
    }
  }

  @Test
  void emitsEachItemWhenItsObjectClosesBeforeLaterInputIsFed() {
    byte[] bytes = PLAN.getBytes(StandardCharsets.UTF_8);
    List<Long> closes = closingBraces(bytes, 3);
    for (Splits.Split split : Sweep.of(bytes)) {
      BindingSession<Plan> session = BINDER.open();
      Splits.Counting counter = Sweep.counting(session);
      List<Task> items = new ArrayList<>();
      session.onItem(
          "$.tasks[*]",
          Task.class,
          task -> {
            assertThat(counter.inCurrentPiece(closes.get(items.size())))
                .as("%s: item %d came in the piece with its '}'", split.name(), items.size())
                .isTrue();
            items.add(task);
          });
      split.feed(counter);
      assertThat(items).as(split.name()).isEqualTo(PLAN_VALUE.tasks());
      assertThat(session.complete()).isEqualTo(PLAN_VALUE);
    }
  }

  /** Returns the offsets of the first {@code n} '}' bytes after the list opens (none in text). */
  private static List<Long> closingBraces(byte[] bytes, int n) {
    List<Long> out = new ArrayList<>();
    String text = new String(bytes, StandardCharsets.ISO_8859_1); // one char per byte
    for (int at = text.indexOf('}', text.indexOf('['));
        out.size() < n;
        at = text.indexOf('}', at + 1)) {
      out.add((long) at);
    }
    return out;
  }

  @Test
  void emitsItemsOfAListAtTheRoot() {
    StreamingBinder<List<Task>> binder = StreamingBinder.of(new GenericType<List<Task>>() {});
    String json =
        "[{\"title\":\"a\",\"priority\":\"LOW\"},{\"title\":\"b\",\"priority\":\"HIGH\","
            + "\"notes\":\"x\"}]";
    for (Splits.Split split : Sweep.of(json)) {
      BindingSession<List<Task>> session = binder.open();
      List<BoundItem<Task>> items = new ArrayList<>();
      session.onCheckedItem("$[*]", Task.class, items::add);
      Sweep.feed(split, session);
      assertThat(items)
          .as(split.name())
          .containsExactly(
              new BoundItem<>(JsonPath.parse("$[0]"), new Task("a", Priority.LOW, null), List.of()),
              new BoundItem<>(
                  JsonPath.parse("$[1]"), new Task("b", Priority.HIGH, "x"), List.of()));
      assertThat(session.complete())
          .containsExactly(new Task("a", Priority.LOW, null), new Task("b", Priority.HIGH, "x"));
    }
  }

  @Test
  void emitsItemsOfNestedListsInnermostFirst() {
    StreamingBinder<Document> binder = StreamingBinder.of(Document.class);
    String json =
        "{\"name\":\"doc\",\"sections\":[{\"title\":\"one\",\"items\":[{\"name\":\"a\",\"value\":1},"
            + "{\"name\":\"b\",\"value\":2}]},{\"title\":\"two\",\"items\":[{\"name\":\"c\","
            + "\"value\":3}]}]}";
    for (Splits.Split split : Sweep.of(json)) {
      BindingSession<Document> session = binder.open();
      List<Object> seen = new ArrayList<>();
      session.onItem("$.sections[*].items[*]", Item.class, seen::add);
      session.onItem("$.sections[*]", Section.class, s -> seen.add(s.title()));
      Sweep.feed(split, session);
      assertThat(seen)
          .as(split.name())
          .containsExactly(new Item("a", 1), new Item("b", 2), "one", new Item("c", 3), "two");
      assertThat(session.complete().sections()).hasSize(2);
    }
  }

  @Test
  void emitsCompletedValuesBoundToTheRequestedType() {
    for (Splits.Split split : Sweep.of(PLAN)) {
      BindingSession<Plan> session = BINDER.open();
      List<Object> values = new ArrayList<>();
      session.onValue("$.tasks[1].priority", Priority.class, values::add);
      session.onValue("$.tasks[0]", Map.class, values::add);
      session.onValue("$.tasks", List.class, l -> values.add(l.size()));
      Sweep.feed(split, session);
      assertThat(values)
          .as(split.name())
          .containsExactly(
              Map.of("title", "Write the \"spec\"", "priority", "HIGH", "notes", "été 🚀"),
              Priority.MEDIUM,
              3);
    }
  }

  @Test
  void reportsFieldStatesAsTheyArrive() {
    BindingSession<Plan> session = BINDER.open();
    assertThat(session.state("$.goal")).isEqualTo(FieldState.NOT_STARTED);
    session.feed("{\"goal\": \"Sh");
    assertThat(session.state("$")).isEqualTo(FieldState.STREAMING);
    assertThat(session.state("$.goal")).isEqualTo(FieldState.STREAMING);
    assertThat(session.state("$.tasks")).isEqualTo(FieldState.NOT_STARTED);
    session.feed("ip\", \"tasks\": [{\"title\": \"a\", \"priority\": \"LOW\"}");
    assertThat(session.state("$.goal")).isEqualTo(FieldState.COMPLETE);
    assertThat(session.state("$.tasks")).isEqualTo(FieldState.STREAMING);
    assertThat(session.state(JsonPath.parse("$.tasks[0]"))).isEqualTo(FieldState.COMPLETE);
    assertThat(session.state("$.tasks[1]")).isEqualTo(FieldState.NOT_STARTED);
    session.feed("]}");
    assertThat(session.state("$")).isEqualTo(FieldState.COMPLETE);
  }

  @Test
  void completesWithTheBoundValueUnderEverySplit() {
    for (Splits.Split split : Sweep.of(PLAN)) {
      BindingSession<Plan> session = BINDER.open();
      Sweep.feed(split, session);
      assertThat(session.complete()).as(split.name()).isEqualTo(PLAN_VALUE);
      assertThat(session.result())
          .isEqualTo(new BindingResult<>(PLAN_VALUE, List.of(), null))
          .matches(BindingResult::isValid);
    }
  }

  @Test
  void rejectsCallbacksAfterTheFirstFeedAndFeedsAfterTheEnd() {
    BindingSession<Plan> session = BINDER.open();
    session.feed("{\"goal\":\"x\",\"tasks\":[]");
    assertThatThrownBy(() -> session.onText("$.goal", (p, f, d) -> {}))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("callbacks must be registered before the first feed");
    session.feed("}");
    session.result();
    assertThatThrownBy(() -> session.feed("x"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("complete");
    BindingSession<Plan> closed = BINDER.open();
    closed.close();
    assertThatThrownBy(() -> closed.feed("{"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("closed");
  }

  @Test
  void rejectsItemPatternsThatDoNotEndInAnIndex() {
    assertThatThrownBy(() -> BINDER.open().onItem("$.tasks", Task.class, t -> {}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("not a list item pattern (it must end in [*] or an index): $.tasks");
  }
}
