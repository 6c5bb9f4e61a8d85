package dev.partialjson.langchain4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.CompleteToolCall;
import dev.langchain4j.model.chat.response.PartialResponse;
import dev.langchain4j.model.chat.response.PartialResponseContext;
import dev.langchain4j.model.chat.response.PartialThinking;
import dev.langchain4j.model.chat.response.PartialToolCall;
import dev.langchain4j.model.chat.response.PartialToolCallContext;
import dev.langchain4j.model.chat.response.StreamingHandle;
import dev.langchain4j.model.output.FinishReason;
import dev.partialjson.binding.BindingResult;
import dev.partialjson.binding.FailurePolicy;
import dev.partialjson.binding.StreamingBinder;
import dev.partialjson.binding.TokenUsage;
import dev.partialjson.testkit.Splits;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

/**
 * The handler driven as LangChain4j drives it, callback by callback, with a handle that records its
 * cancellation; {@code OpenAiStreamingChatModelTest} does the same through the real client.
 */
class BindingHandlerTest {
  static final String TRIP =
      """
      {"title": "A weekend in Lisbon", "summary": "Trams and tarts.", "activities": [\
      {"name": "Tram 28", "day": "SATURDAY", "hours": 2}, \
      {"name": "Belém", "day": "SUNDAY", "hours": %d}, \
      {"name": "Miradouro", "day": "SUNDAY", "hours": 1}]}""";

  static final Trip EXPECTED =
      new Trip(
          "A weekend in Lisbon",
          "Trams and tarts.",
          List.of(
              new Trip.Activity("Tram 28", Trip.Day.SATURDAY, 2),
              new Trip.Activity("Belém", Trip.Day.SUNDAY, 3),
              new Trip.Activity("Miradouro", Trip.Day.SUNDAY, 1)));

  /** A handle that only records whether it was cancelled, as a test double for the client's. */
  static final class RecordingHandle implements StreamingHandle {
    boolean cancelled;

    @Override
    public void cancel() {
      cancelled = true;
    }

    @Override
    public boolean isCancelled() {
      return cancelled;
    }
  }

  private final RecordingHandle handle = new RecordingHandle();

  private void stream(BindingHandler<?> handler, String text) {
    for (String token : Splits.tokens(text)) {
      handler.onPartialResponse(new PartialResponse(token), new PartialResponseContext(handle));
    }
  }

  private static ChatResponse response(String text, FinishReason reason) {
    return ChatResponse.builder()
        .aiMessage(AiMessage.from(text))
        .tokenUsage(new dev.langchain4j.model.output.TokenUsage(12, 34))
        .finishReason(reason)
        .build();
  }

  @Test
  void bindsTheAnswerReportsTheUsageAndKeepsTheFinishReason() {
    List<Trip.Activity> items = new ArrayList<>();
    BindingHandler<Trip> handler =
        BindingHandler.of(
            StreamingBinder.of(Trip.class)
                .open()
                .onItem("$.activities[*]", Trip.Activity.class, items::add));
    String text = TRIP.formatted(3);

    stream(handler, text);
    assertThat(items).hasSize(3);
    assertThat(handler.result()).isNotDone();
    handler.onCompleteResponse(response(text, FinishReason.STOP));

    BindingResult<Trip> result = handler.result().join();
    assertThat(result.isValid()).isTrue();
    assertThat(result.value()).isEqualTo(EXPECTED);
    assertThat(handler.session().stats().usage()).isEqualTo(new TokenUsage(12, 34));
    assertThat(handler.finishReason()).isEqualTo(FinishReason.STOP);
    assertThat(handler.isCancelled()).isFalse();
    assertThat(handle.cancelled).isFalse();
  }

  @Test
  void cancelsTheStreamWhenTheSessionFailsFastAndIgnoresWhatFollows() {
    List<Trip.Activity> items = new ArrayList<>();
    StreamingBinder<Trip> binder =
        StreamingBinder.builder(Trip.class).failurePolicy(FailurePolicy.FAIL_FAST).build();
    BindingHandler<Trip> handler =
        BindingHandler.of(binder.open().onItem("$.activities[*]", Trip.Activity.class, items::add));
    String text = TRIP.formatted(14);

    stream(handler, text);
    handler.onCompleteResponse(response(text, FinishReason.STOP));

    assertThat(handle.cancelled).isTrue();
    assertThat(handler.isCancelled()).isTrue();
    assertThat(handler.response()).isNull();
    assertThat(items).containsExactly(EXPECTED.activities().get(0));
    BindingResult<Trip> result = handler.result().join();
    assertThat(result.value()).isNull();
    assertThat(result.error())
        .hasMessage(
            "1 constraint violation: $.activities[1].hours must be less than or equal to 12");
    assertThat(handler.session().stats().bytes()).isLessThan(text.length());
  }

  @Test
  void bindsInterleavedToolCallsByIndexTakingAnIdThatArrivesLate() {
    List<String> names = new ArrayList<>();
    BindingHandler<Trip> handler =
        BindingHandler.of(StreamingBinder.of(Trip.class).open())
            .onToolCall(
                "plan_trip",
                StreamingBinder.of(Trip.class),
                session -> session.onText("$.title", (path, full, delta) -> names.add(full)));
    String first = TRIP.formatted(3);
    String second = TRIP.formatted(4).replace("A weekend", "Two days");
    List<String> a = Splits.tokens(first);
    List<String> b = Splits.tokens(second);
    for (int i = 0; i < Math.max(a.size(), b.size()); i++) {
      if (i < a.size()) {
        toolFragment(handler, 0, "call_a", a.get(i));
      }
      if (i < b.size()) {
        toolFragment(handler, 1, i == 0 ? null : "call_b", b.get(i));
      }
    }
    handler.onCompleteToolCall(complete(0, "call_a", first));
    handler.onCompleteToolCall(complete(1, "call_b", second));
    handler.onCompleteResponse(
        ChatResponse.builder()
            .aiMessage(
                AiMessage.from(
                    List.of(
                        complete(0, "call_a", first).toolExecutionRequest(),
                        complete(1, "call_b", second).toolExecutionRequest())))
            .finishReason(FinishReason.TOOL_EXECUTION)
            .build());

    List<BoundToolCall> calls = handler.toolCalls();
    assertThat(calls).extracting(BoundToolCall::index).containsExactly(0, 1);
    assertThat(calls).extracting(BoundToolCall::id).containsExactly("call_a", "call_b");
    assertThat(calls.get(0).argumentsAs(Trip.class)).isEqualTo(EXPECTED);
    assertThat(calls.get(1).argumentsAs(Trip.class).title()).isEqualTo("Two days in Lisbon");
    assertThat(calls.get(1).arguments().isValid()).isTrue();
    assertThat(names).contains("A weekend in Lisbon", "Two days in Lisbon");
    assertThat(handler.finishReason()).isEqualTo(FinishReason.TOOL_EXECUTION);
    assertThat(handler.result().join().error())
        .hasMessage(
            "No JSON value began before the end of the input at $ (offset 0, line 1, column 1)");
  }

  private void toolFragment(BindingHandler<?> handler, int index, String id, String arguments) {
    handler.onPartialToolCall(
        PartialToolCall.builder()
            .index(index)
            .id(id)
            .name("plan_trip")
            .partialArguments(arguments)
            .build(),
        new PartialToolCallContext(handle));
  }

  private static CompleteToolCall complete(int index, String id, String arguments) {
    return new CompleteToolCall(
        index,
        ToolExecutionRequest.builder().id(id).name("plan_trip").arguments(arguments).build());
  }

  @Test
  void feedsAWholeToolCallThatDidNotStream() {
    BindingHandler<Trip> handler =
        BindingHandler.of(StreamingBinder.of(Trip.class).open())
            .onToolCall("plan_trip", StreamingBinder.of(Trip.class), session -> {});
    handler.onCompleteToolCall(complete(0, "call_a", TRIP.formatted(3)));

    assertThat(handler.toolCalls()).hasSize(1);
    assertThat(handler.toolCalls().get(0).argumentsAs(Trip.class)).isEqualTo(EXPECTED);
  }

  @Test
  void keepsThinkingApartFromTheAnswer() {
    StringBuilder thinking = new StringBuilder();
    BindingHandler<Trip> handler =
        BindingHandler.of(StreamingBinder.of(Trip.class).open()).onThinking(thinking::append);
    handler.onPartialThinking(new PartialThinking("Reasoning {not JSON}. "));
    String text = "<think>More {thought}.</think>\n" + TRIP.formatted(3);
    stream(handler, text);
    handler.onCompleteResponse(response(text, FinishReason.STOP));

    assertThat(thinking.toString()).isEqualTo("Reasoning {not JSON}. More {thought}.");
    assertThat(handler.result().join().value()).isEqualTo(EXPECTED);
    // The think block is the session's to skip: it saw the text as it came.
    assertThat(handler.session().stats().bytes())
        .isEqualTo(text.getBytes(java.nio.charset.StandardCharsets.UTF_8).length);
    assertThat(handler.session().stats().reasoningChars()).isEqualTo(thinking.length());
  }

  @Test
  void anErrorOfTheStreamFailsTheResultWithIt() {
    BindingHandler<Trip> handler = BindingHandler.of(StreamingBinder.of(Trip.class).open());
    stream(handler, "{\"title\": \"A wee");
    RuntimeException error = new RuntimeException("HTTP 429: rate limited");
    handler.onError(error);

    assertThatThrownBy(() -> handler.result().join())
        .isInstanceOf(CompletionException.class)
        .hasCause(error);
    assertThat(handler.session().partial().title()).isEqualTo("A wee");
    assertThatThrownBy(() -> handler.session().feed("k")).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void aCallbacksOwnExceptionCancelsTheStreamAndFailsTheResult() {
    IllegalStateException mistake = new IllegalStateException("the UI is gone");
    BindingHandler<Trip> handler =
        BindingHandler.of(
            StreamingBinder.of(Trip.class)
                .open()
                .onText(
                    "$.title",
                    (path, full, delta) -> {
                      throw mistake;
                    }));
    stream(handler, TRIP.formatted(3));

    assertThat(handle.cancelled).isTrue();
    assertThatThrownBy(() -> handler.result().join()).hasCause(mistake);
  }

  @Test
  void configuringAfterTheStreamStartedIsAMistake() {
    BindingHandler<Trip> handler = BindingHandler.of(StreamingBinder.of(Trip.class).open());
    stream(handler, "{");

    assertThatThrownBy(() -> handler.onThinking(thought -> {}))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("the stream has started: configure the handler before it");
    assertThatThrownBy(() -> handler.onToolCall("t", StreamingBinder.of(Trip.class), s -> {}))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("the stream has started: configure the handler before it");
  }
}
