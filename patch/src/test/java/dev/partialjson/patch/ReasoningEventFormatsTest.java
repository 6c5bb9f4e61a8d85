package dev.partialjson.patch;

import static dev.partialjson.patch.PatchOperation.add;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The reasoning in both event forms. The AG-UI names are the protocol's reasoning events ({@code
 * REASONING_START}, {@code REASONING_MESSAGE_START} with {@code role} {@code "reasoning"}, {@code
 * REASONING_MESSAGE_CONTENT} with {@code delta}, {@code REASONING_MESSAGE_END}, {@code
 * REASONING_END}, each with a {@code messageId}), serialised in camelCase.
 */
class ReasoningEventFormatsTest {

  @Test
  void writesTheReasoningEventsAsTheProtocolNamesThem() {
    assertThat(AgUiEvents.reasoningStart("m1"))
        .isEqualTo("{\"type\":\"REASONING_START\",\"messageId\":\"m1\"}");
    assertThat(AgUiEvents.reasoningMessageStart("m1"))
        .isEqualTo(
            "{\"type\":\"REASONING_MESSAGE_START\",\"messageId\":\"m1\",\"role\":\"reasoning\"}");
    assertThat(AgUiEvents.reasoningMessageContent("m1", "a \"b\"\nc"))
        .isEqualTo(
            "{\"type\":\"REASONING_MESSAGE_CONTENT\",\"messageId\":\"m1\",\"delta\":\"a \\\"b\\\"\\nc\"}");
    assertThat(AgUiEvents.reasoningMessageEnd("m1"))
        .isEqualTo("{\"type\":\"REASONING_MESSAGE_END\",\"messageId\":\"m1\"}");
    assertThat(AgUiEvents.reasoningEnd("m1"))
        .isEqualTo("{\"type\":\"REASONING_END\",\"messageId\":\"m1\"}");
  }

  @Test
  void writesAWholeRunWithItsReasoningInOrderWithTheStateDeltas() {
    List<String> out = new ArrayList<>();
    PatchBatcher batcher =
        PatchBatcher.builder()
            .strings(PatchBatcher.Strings.REPLACE)
            .clock(() -> 0)
            .build(AgUiEvents.writer(out::add, "thread", "run"));
    batcher.reasoningStart();
    batcher.reasoningDelta("Plan ");
    batcher.reasoningDelta("it.");
    batcher.reasoningEnd();
    batcher.accept(add("", Map.of()));
    batcher.reasoningStart();
    batcher.reasoningDelta("Again.");
    batcher.reasoningEnd();
    batcher.end();

    assertThat(out)
        .containsExactly(
            "data: {\"type\":\"RUN_STARTED\",\"threadId\":\"thread\",\"runId\":\"run\"}\n\n",
            "data: {\"type\":\"REASONING_START\",\"messageId\":\"run-reasoning-1\"}\n\n",
            "data: {\"type\":\"REASONING_MESSAGE_START\",\"messageId\":\"run-reasoning-1\","
                + "\"role\":\"reasoning\"}\n\n",
            "data: {\"type\":\"REASONING_MESSAGE_CONTENT\",\"messageId\":\"run-reasoning-1\","
                + "\"delta\":\"Plan it.\"}\n\n",
            "data: {\"type\":\"REASONING_MESSAGE_END\",\"messageId\":\"run-reasoning-1\"}\n\n",
            "data: {\"type\":\"REASONING_END\",\"messageId\":\"run-reasoning-1\"}\n\n",
            "data: {\"type\":\"STATE_DELTA\",\"delta\":[{\"op\":\"add\",\"path\":\"\",\"value\":{}}]}\n\n",
            "data: {\"type\":\"REASONING_START\",\"messageId\":\"run-reasoning-2\"}\n\n",
            "data: {\"type\":\"REASONING_MESSAGE_START\",\"messageId\":\"run-reasoning-2\","
                + "\"role\":\"reasoning\"}\n\n",
            "data: {\"type\":\"REASONING_MESSAGE_CONTENT\",\"messageId\":\"run-reasoning-2\","
                + "\"delta\":\"Again.\"}\n\n",
            "data: {\"type\":\"REASONING_MESSAGE_END\",\"messageId\":\"run-reasoning-2\"}\n\n",
            "data: {\"type\":\"REASONING_END\",\"messageId\":\"run-reasoning-2\"}\n\n",
            "data: {\"type\":\"RUN_FINISHED\",\"threadId\":\"thread\",\"runId\":\"run\"}\n\n");
  }

  @Test
  void writesTheReasoningAsPlainServerSentEvents() {
    List<String> out = new ArrayList<>();
    PatchBatcher batcher = PatchBatcher.builder().clock(() -> 0).build(SseEvents.writer(out::add));
    batcher.reasoningStart();
    batcher.reasoningDelta("line\none");
    batcher.reasoningEnd();
    batcher.accept(add("", List.of()));
    batcher.end();

    assertThat(out)
        .containsExactly(
            "event: reasoning-start\ndata: {}\n\n",
            "event: reasoning\ndata: {\"delta\":\"line\\none\"}\n\n",
            "event: reasoning-end\ndata: {}\n\n",
            "event: patch\ndata: [{\"op\":\"add\",\"path\":\"\",\"value\":[]}]\n\n",
            "event: end\ndata: {}\n\n");
    assertThat(SseEvents.reasoning("x")).isEqualTo("event: reasoning\ndata: {\"delta\":\"x\"}\n\n");
    assertThat(SseEvents.reasoningStart()).isEqualTo("event: reasoning-start\ndata: {}\n\n");
    assertThat(SseEvents.reasoningEnd()).isEqualTo("event: reasoning-end\ndata: {}\n\n");
  }
}
