package dev.partialjson.patch;

import static dev.partialjson.patch.PatchOperation.add;
import static dev.partialjson.patch.PatchOperation.append;
import static dev.partialjson.patch.PatchOperation.replace;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.partialjson.parser.IncrementalJsonParser;
import dev.partialjson.parser.JsonListener;
import dev.partialjson.parser.ParserOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The AG-UI events and the plain server-sent events. The AG-UI names are the protocol's (its Python
 * SDK's {@code ag_ui.core.events}: {@code StateSnapshotEvent.snapshot}, {@code
 * StateDeltaEvent.delta}, {@code RunStartedEvent.thread_id}/{@code run_id}, {@code
 * RunErrorEvent.message}, serialised in camelCase; its encoder writes {@code data: <json>} and a
 * blank line).
 */
class EventFormatsTest {
  private static final PatchBatch BATCH =
      new PatchBatch(
          0,
          List.of(
              add("", Map.of()),
              add("/a~1b", List.of()),
              add("/a~1b/0", "line\n\"two\""),
              replace("/a~1b/0", 1)));

  @Test
  void writesAStateDeltaAsTheProtocolNamesIt() {
    String event = AgUiEvents.stateDelta(BATCH);

    assertThat(event)
        .isEqualTo(
            "{\"type\":\"STATE_DELTA\",\"delta\":[{\"op\":\"add\",\"path\":\"\",\"value\":{}},"
                + "{\"op\":\"add\",\"path\":\"/a~1b\",\"value\":[]},"
                + "{\"op\":\"add\",\"path\":\"/a~1b/0\",\"value\":\"line\\n\\\"two\\\"\"},"
                + "{\"op\":\"replace\",\"path\":\"/a~1b/0\",\"value\":1}]}");
    Map<?, ?> parsed = (Map<?, ?>) parse(event);
    assertThat(parsed.keySet()).map(Object::toString).containsExactly("type", "delta");
    assertThat((List<?>) parsed.get("delta"))
        .extracting(op -> ((Map<?, ?>) op).keySet().toString())
        .containsOnly("[op, path, value]");
  }

  @Test
  void writesAStateSnapshotAndTheRunEventsAsTheProtocolNamesThem() {
    Map<String, Object> state = new java.util.LinkedHashMap<>();
    state.put("title", "Plan");
    state.put("tasks", List.of(1, 2));

    assertThat(AgUiEvents.stateSnapshot(state))
        .isEqualTo(
            "{\"type\":\"STATE_SNAPSHOT\",\"snapshot\":{\"title\":\"Plan\",\"tasks\":[1,2]}}");
    assertThat(AgUiEvents.runStarted("t1", "r1"))
        .isEqualTo("{\"type\":\"RUN_STARTED\",\"threadId\":\"t1\",\"runId\":\"r1\"}");
    assertThat(AgUiEvents.runFinished("t1", "r1"))
        .isEqualTo("{\"type\":\"RUN_FINISHED\",\"threadId\":\"t1\",\"runId\":\"r1\"}");
    assertThat(AgUiEvents.runError("Expected ',' at $.a"))
        .isEqualTo("{\"type\":\"RUN_ERROR\",\"message\":\"Expected ',' at $.a\"}");
    assertThat(AgUiEvents.sse(AgUiEvents.runFinished("t1", "r1")))
        .isEqualTo("data: {\"type\":\"RUN_FINISHED\",\"threadId\":\"t1\",\"runId\":\"r1\"}\n\n");
  }

  @Test
  void refusesAnAppendInAnAgUiDeltaBecauseRfc6902HasNone() {
    PatchBatch appending = new PatchBatch(3, List.of(append("/t", "x")));

    assertThatThrownBy(() -> AgUiEvents.stateDelta(appending))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "AG-UI state deltas are RFC 6902, which has no append (at /t): build the batcher with"
                + " PatchBatcher.Strings.REPLACE");
  }

  @Test
  void writesAWholeRunFromABatcherWithTheErrorAfterTheLastDelta() {
    List<String> out = new ArrayList<>();
    PatchBatcher batcher =
        PatchBatcher.builder()
            .strings(PatchBatcher.Strings.REPLACE)
            .clock(() -> 0)
            .build(AgUiEvents.writer(out::add, "thread", "run"));
    batcher.accept(add("/t", "a"));
    batcher.flushIfDue();
    batcher.accept(append("/t", "b"));
    batcher.error(new IllegalStateException("cut off"));

    assertThat(out)
        .containsExactly(
            "data: {\"type\":\"RUN_STARTED\",\"threadId\":\"thread\",\"runId\":\"run\"}\n\n",
            "data: {\"type\":\"STATE_DELTA\",\"delta\":[{\"op\":\"add\",\"path\":\"/t\",\"value\":\"a\"}]}\n\n",
            "data: {\"type\":\"STATE_DELTA\",\"delta\":[{\"op\":\"replace\",\"path\":\"/t\",\"value\":\"ab\"}]}\n\n",
            "data: {\"type\":\"RUN_ERROR\",\"message\":\"cut off\"}\n\n");
  }

  @Test
  void writesPlainServerSentEventsWithNamesAnEventSourceDoesNotUseItself() {
    List<String> out = new ArrayList<>();
    PatchBatcher batcher = PatchBatcher.builder().clock(() -> 0).build(SseEvents.writer(out::add));
    batcher.accept(add("", List.of()));
    batcher.accept(add("/0", "x"));
    batcher.end();

    assertThat(out)
        .containsExactly(
            "event: patch\ndata: [{\"op\":\"add\",\"path\":\"\",\"value\":[]},"
                + "{\"op\":\"add\",\"path\":\"/0\",\"value\":\"x\"}]\n\n",
            "event: end\ndata: {}\n\n");
    assertThat(SseEvents.snapshot(List.of("a\nb")))
        .isEqualTo("event: snapshot\ndata: [\"a\\nb\"]\n\n");
    assertThat(SseEvents.failed("Incomplete JSON\nat $"))
        .isEqualTo("event: failed\ndata: {\"message\":\"Incomplete JSON\\nat $\"}\n\n");
  }

  @Test
  void refusesAnEventOfMoreThanOneLine() {
    assertThatThrownBy(() -> AgUiEvents.sse("{\n}"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("an event must be one line of JSON");
  }

  @Test
  void servesTheJavaScriptClientFromTheJar() {
    assertThat(PatchClient.script())
        .startsWith("/*\n * partialjson patch client")
        .contains("global.PartialJsonPatch = api;");
    assertThat(PatchClient.class.getClassLoader().getResource(PatchClient.RESOURCE)).isNotNull();
  }

  private static Object parse(String json) {
    IncrementalJsonParser parser =
        IncrementalJsonParser.create(ParserOptions.strict(), JsonListener.NONE);
    parser.feed(json);
    parser.finish();
    return parser.snapshot().value();
  }
}
