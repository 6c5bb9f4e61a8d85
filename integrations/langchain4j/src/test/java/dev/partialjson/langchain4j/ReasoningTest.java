package dev.partialjson.langchain4j;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.PartialResponse;
import dev.langchain4j.model.chat.response.PartialResponseContext;
import dev.langchain4j.model.chat.response.PartialThinking;
import dev.langchain4j.model.chat.response.PartialThinkingContext;
import dev.langchain4j.model.chat.response.PartialToolCall;
import dev.langchain4j.model.output.FinishReason;
import dev.partialjson.binding.BindingResult;
import dev.partialjson.binding.BindingSession;
import dev.partialjson.binding.StreamingBinder;
import dev.partialjson.embeddedmodel.EmbeddedModelExtension;
import dev.partialjson.parser.ReasoningListener;
import dev.partialjson.testkit.Splits;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The model's reasoning reaches the answer's session ({@code session.onReasoning}: start, the exact
 * text, end, before the answer's first event) exactly once, whether the provider streams it apart
 * ({@code onPartialThinking}) or the model writes a {@code <think>} block into the text; and {@link
 * BindingHandler#onThinking} still gets it raw. Through the real LangChain4j OpenAI client against
 * the embedded model and recorded streams.
 */
class ReasoningTest {
  @RegisterExtension static final EmbeddedModelExtension MODEL = EmbeddedModelExtension.create();

  private static final StreamingBinder<Trip> TRIPS = StreamingBinder.of(Trip.class);

  record Location(String location) {}

  private static ChatRequest request() {
    return ChatRequest.builder()
        .messages(UserMessage.from("Plan a weekend in Lisbon"))
        .responseFormat(LangChain4jSchemas.responseFormat(TRIPS))
        .build();
  }

  @Test
  void theProvidersReasoningIsTheSessionsReasoningBeforeItsJson() throws Exception {
    StringBuilder raw = new StringBuilder();
    BindingSession<Trip> session = TRIPS.open();
    ReasoningLog log = ReasoningLog.on(session);
    BindingHandler<Trip> handler = BindingHandler.of(session).onThinking(raw::append);
    EmbeddedModels.client(MODEL.model(), "embedded/reasoning").build().chat(request(), handler);
    BindingResult<Trip> result = handler.result().get(60, SECONDS);

    String thinking = handler.response().aiMessage().thinking();
    assertThat(thinking).isNotBlank();
    assertThat(log.order()).containsExactly("start", "delta", "end", "answer");
    assertThat(log.segments()).containsExactly(thinking);
    assertThat(raw.toString()).isEqualTo(thinking);
    assertThat(session.stats().reasoningChars()).isEqualTo(thinking.length());
    assertThat(result.isValid()).as("%s", result).isTrue();
  }

  @Test
  void aThinkBlockInTheTextReachesTheSessionOnceAndTheThinkingCallbackOnce() throws Exception {
    StringBuilder raw = new StringBuilder();
    BindingSession<Trip> session = TRIPS.open();
    ReasoningLog log = ReasoningLog.on(session);
    BindingHandler<Trip> handler = BindingHandler.of(session).onThinking(raw::append);
    DeltaRecorder recorder = new DeltaRecorder(handler);
    EmbeddedModels.client(MODEL.model(), "embedded/think").build().chat(request(), recorder);
    BindingResult<Trip> result = handler.result().get(60, SECONDS);

    String text = String.join("", recorder.deltas());
    String thought = text.substring("<think>".length(), text.indexOf("</think>"));
    assertThat(thought).isNotBlank();
    assertThat(log.order()).containsExactly("start", "delta", "end", "answer");
    assertThat(log.segments()).containsExactly(thought);
    assertThat(raw.toString()).isEqualTo(thought);
    assertThat(session.stats().reasoningChars()).isEqualTo(thought.length());
    assertThat(result.isValid()).as("%s", result).isTrue();
  }

  @Test
  void deepSeeksRecordedReasoningContentIsTheSessionsReasoning() throws Exception {
    StringBuilder raw = new StringBuilder();
    BindingSession<Trip> session = TRIPS.open();
    ReasoningLog log = ReasoningLog.on(session);
    BindingHandler<Trip> handler = BindingHandler.of(session).onThinking(raw::append);
    EmbeddedModels.client(MODEL.model(), "embedded/replay/chat-deepseek-reasoning-content")
        .build()
        .chat(ChatRequest.builder().messages(UserMessage.from("replayed")).build(), handler);
    handler.result().get(60, SECONDS);

    String thinking = handler.response().aiMessage().thinking();
    assertThat(thinking).startsWith("Hmm, the user just said \"Hello\".");
    assertThat(log.order()).startsWith("start", "delta", "end");
    assertThat(log.segments()).containsExactly(thinking);
    assertThat(raw.toString()).isEqualTo(thinking);
    assertThat(session.stats().reasoningChars()).isEqualTo(thinking.length());
  }

  @Test
  void reasoningBeforeOnlyAToolCallLeavesTheAnswerWithoutContentAsBefore() throws Exception {
    BindingSession<Trip> session = TRIPS.open();
    ReasoningLog log = ReasoningLog.on(session);
    BindingHandler<Trip> handler =
        BindingHandler.of(session)
            .onToolCall("weather", StreamingBinder.of(Location.class), s -> {});
    EmbeddedModels.client(MODEL.model(), "embedded/replay/chat-llama-cpp-reasoning-tool-call")
        .build()
        .chat(ChatRequest.builder().messages(UserMessage.from("replayed")).build(), handler);
    BindingResult<Trip> result = handler.result().get(60, SECONDS);

    String thinking = handler.response().aiMessage().thinking();
    assertThat(thinking).isNotBlank();
    assertThat(log.order()).containsExactly("start", "delta", "end");
    assertThat(log.segments()).containsExactly(thinking);
    assertThat(session.stats().bytes()).isZero();
    assertThat(result.error())
        .hasMessage(
            "No JSON value began before the end of the input at $ (offset 0, line 1, column 1)");
    assertThat(handler.finishReason()).isEqualTo(FinishReason.TOOL_EXECUTION);
    assertThat(handler.toolCalls()).hasSize(1);
    assertThat(handler.toolCalls().get(0).argumentsAs(Location.class))
        .isEqualTo(new Location("Florence, Italy"));
  }

  /** Both forms in one answer, fed as LangChain4j calls the handler: each reaches both once. */
  @Test
  void providerReasoningAndAThinkBlockAreTwoSegmentsEachSeenOnce() {
    List<String> raw = new ArrayList<>();
    BindingSession<Trip> session = TRIPS.open();
    ReasoningLog log = ReasoningLog.on(session);
    BindingHandler<Trip> handler = BindingHandler.of(session).onThinking(raw::add);
    handler.onPartialThinking(new PartialThinking("Reasoning "));
    handler.onPartialThinking(new PartialThinking("{not JSON}. "));
    String text = "<think>More {thought}.</think>\n" + BindingHandlerTest.TRIP.formatted(3);
    for (String token : Splits.tokens(text)) {
      handler.onPartialResponse(
          new PartialResponse(token),
          new PartialResponseContext(new BindingHandlerTest.RecordingHandle()));
    }
    handler.onCompleteResponse(
        dev.langchain4j.model.chat.response.ChatResponse.builder()
            .aiMessage(dev.langchain4j.data.message.AiMessage.from(text))
            .finishReason(FinishReason.STOP)
            .build());

    assertThat(log.order())
        .containsExactly("start", "delta", "end", "start", "delta", "end", "answer");
    assertThat(log.segments()).containsExactly("Reasoning {not JSON}. ", "More {thought}.");
    assertThat(String.join("", raw)).isEqualTo("Reasoning {not JSON}. More {thought}.");
    assertThat(raw).startsWith("Reasoning ", "{not JSON}. ");
    assertThat(session.stats().reasoningChars())
        .isEqualTo("Reasoning {not JSON}. More {thought}.".length());
    assertThat(session.stats().bytes()).isEqualTo(text.getBytes(StandardCharsets.UTF_8).length);
    assertThat(handler.result().join().value()).isEqualTo(BindingHandlerTest.EXPECTED);
  }

  /**
   * AI Services run rounds: thinking and a tool call, the tool's result, then thinking and the
   * answer, all through one handler. A tool call ends the thinking before it, so each round's
   * thinking is a segment of its own.
   */
  @Test
  void aToolCallEndsTheThinkingBeforeItSoTheNextRoundsThinkingIsAnotherSegment() {
    BindingSession<Trip> session = TRIPS.open();
    ReasoningLog log = ReasoningLog.on(session);
    List<String> orderAtCall = new ArrayList<>();
    BindingHandler<Trip> handler =
        BindingHandler.of(session)
            .onToolCall(
                "weather",
                StreamingBinder.of(Location.class),
                call -> orderAtCall.addAll(log.order()));
    handler.onPartialThinking(new PartialThinking("Check the weather."));
    handler.onPartialToolCall(
        PartialToolCall.builder()
            .index(0)
            .id("call_1")
            .name("weather")
            .partialArguments("{\"location\": \"Lisbon\"}")
            .build());
    handler.onPartialThinking(new PartialThinking("Sunny: plan outdoors."));
    handler.onPartialResponse(BindingHandlerTest.TRIP.formatted(3));

    assertThat(orderAtCall).containsExactly("start", "delta", "end");
    assertThat(log.order())
        .containsExactly("start", "delta", "end", "start", "delta", "end", "answer");
    assertThat(log.segments()).containsExactly("Check the weather.", "Sunny: plan outdoors.");
  }

  /**
   * A provider's piece that ends in half a surrogate pair whose other half never comes: the session
   * hands the lone half over when the answer ends the segment, and the raw callback, which had the
   * piece whole, does not get it twice.
   */
  @Test
  void theProvidersThinkingReachesTheRawCallbackOnceAlsoWhatTheSessionHeldBack() {
    List<String> raw = new ArrayList<>();
    BindingSession<Trip> session = TRIPS.open();
    ReasoningLog log = ReasoningLog.on(session);
    BindingHandler<Trip> handler = BindingHandler.of(session).onThinking(raw::add);
    handler.onPartialThinking(new PartialThinking("cut \uD83D"));
    handler.onPartialResponse(BindingHandlerTest.TRIP.formatted(3));

    assertThat(raw).containsExactly("cut \uD83D");
    assertThat(log.segments()).containsExactly("cut \uD83D");
    assertThat(log.order()).containsExactly("start", "delta", "end", "answer");
  }

  @Test
  void aReasoningListenersOwnExceptionCancelsTheStreamAndFailsTheResult() {
    IllegalStateException mistake = new IllegalStateException("the thoughts panel is gone");
    BindingHandlerTest.RecordingHandle handle = new BindingHandlerTest.RecordingHandle();
    BindingHandler<Trip> handler =
        BindingHandler.of(
            TRIPS
                .open()
                .onReasoning(
                    new ReasoningListener() {
                      @Override
                      public void reasoningDelta(CharSequence delta) {
                        throw mistake;
                      }
                    }));
    handler.onPartialThinking(
        new PartialThinking("Reasoning."), new PartialThinkingContext(handle));

    assertThat(handle.cancelled).isTrue();
    assertThatThrownBy(() -> handler.result().join()).hasCause(mistake);
  }

  @Test
  void aSessionFedBeforeTheHandlerIsAMistake() {
    BindingSession<Trip> session = TRIPS.open();
    session.feed("{");

    assertThatThrownBy(() -> BindingHandler.of(session))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("the session has been fed: give the handler a session before its first feed");
  }
}
