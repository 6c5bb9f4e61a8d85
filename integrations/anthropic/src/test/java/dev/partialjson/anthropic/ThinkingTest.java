package dev.partialjson.anthropic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.anthropic.client.AnthropicClient;
import com.anthropic.core.ObjectMappers;
import com.anthropic.core.http.StreamResponse;
import com.anthropic.models.messages.MessageCreateParams;
import com.anthropic.models.messages.RawMessageStreamEvent;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import dev.partialjson.binding.StreamingBinder;
import dev.partialjson.embeddedmodel.EmbeddedModelExtension;
import dev.partialjson.parser.IncompleteJsonException;
import dev.partialjson.parser.ReasoningListener;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Thinking reaches the answer's session as reasoning ({@code session.onReasoning}): start, the
 * exact text, end, before the answer's first event; through the real SDK client against the
 * embedded model (its {@code reasoning} and {@code think} scenarios and recorded streams).
 */
class ThinkingTest {
  @RegisterExtension static final EmbeddedModelExtension MODEL = EmbeddedModelExtension.create();

  record Location(String location) {}

  record Sum(
      @JsonProperty("integer_a") int integerA,
      @JsonProperty("integer_b") int integerB,
      int answer) {}

  private final AnthropicClient client = Clients.of(MODEL.model());

  private RecordingEvents stream(AnthropicBinding<?> binding, String model, long block) {
    MessageCreateParams params = binding.applyTo(Clients.request(model)).build();
    return new RecordingEvents(client.messages().createStreaming(params), block);
  }

  @Test
  void aThinkingBlockIsOneSegmentOfTheAnswersReasoningBeforeItsJson() {
    StringBuilder raw = new StringBuilder();
    AnthropicBinding<Records.Trip> binding =
        AnthropicBinding.builder(StreamingBinder.of(Records.Trip.class))
            .onThinking((index, delta) -> raw.append(delta))
            .build();
    List<ReasoningLog> logs = new ArrayList<>();
    StreamedMessage<Records.Trip> message;
    byte[] text;
    try (RecordingEvents events = stream(binding, "embedded/reasoning", 1)) {
      message = binding.read(events, session -> logs.add(ReasoningLog.on(session)));
      text = events.text();
    }

    ReasoningLog log = logs.get(0);
    assertThat(raw).isNotEmpty();
    assertThat(log.order()).containsExactly("start", "delta", "end", "answer");
    assertThat(log.segments()).containsExactly(raw.toString());
    assertThat(message.answer().stats().reasoningChars()).isEqualTo(raw.length());
    assertThat(message.answer().stats().bytes()).isEqualTo(text.length);
    assertThat(message.complete().stops()).isNotEmpty();
  }

  @Test
  void theForcedToolsInputIsTheAnswerSoTheThinkingBeforeItIsItsReasoning() {
    StringBuilder raw = new StringBuilder();
    AnthropicBinding<Records.Plan> binding =
        AnthropicBinding.builder(StreamingBinder.of(Records.Plan.class))
            .answerAsTool("plan")
            .onThinking((index, delta) -> raw.append(delta))
            .build();
    List<ReasoningLog> logs = new ArrayList<>();
    StreamedMessage<Records.Plan> message;
    try (RecordingEvents events = stream(binding, "embedded/reasoning", 1)) {
      message = binding.read(events, session -> logs.add(ReasoningLog.on(session)));
    }

    assertThat(logs.get(0).order()).containsExactly("start", "delta", "end", "answer");
    assertThat(logs.get(0).text()).isEqualTo(raw.toString()).isNotEmpty();
    assertThat(message.answer().stats().reasoningChars()).isEqualTo(raw.length());
    assertThat(message.complete().tasks()).isNotEmpty();
  }

  @Test
  void aThinkBlockInTheTextIsTheSessionsReasoningAndNotTheRawThinkingListeners() {
    List<String> raw = new ArrayList<>();
    AnthropicBinding<Records.Trip> binding =
        AnthropicBinding.builder(StreamingBinder.of(Records.Trip.class))
            .onThinking((index, delta) -> raw.add(delta))
            .build();
    List<ReasoningLog> logs = new ArrayList<>();
    StreamedMessage<Records.Trip> message;
    String text;
    try (RecordingEvents events = stream(binding, "embedded/think", 0)) {
      message = binding.read(events, session -> logs.add(ReasoningLog.on(session)));
      text = new String(events.text(), StandardCharsets.UTF_8);
    }

    String thought = text.substring("<think>".length(), text.indexOf("</think>"));
    assertThat(thought).isNotBlank();
    assertThat(logs.get(0).order()).containsExactly("start", "delta", "end", "answer");
    assertThat(logs.get(0).segments()).containsExactly(thought);
    assertThat(message.answer().stats().reasoningChars()).isEqualTo(thought.length());
    assertThat(raw).isEmpty(); // inline text, not a thinking block
    assertThat(message.complete().stops()).isNotEmpty();
  }

  @Test
  void recordedThinkingBeforeStructuredOutputIsTheAnswersReasoning() {
    StringBuilder raw = new StringBuilder();
    AnthropicBinding<Sum> binding =
        AnthropicBinding.builder(StreamingBinder.of(Sum.class))
            .onThinking((index, delta) -> raw.append(delta))
            .build();
    List<ReasoningLog> logs = new ArrayList<>();
    StreamedMessage<Sum> message;
    try (RecordingEvents events =
        stream(binding, "embedded/replay/anthropic-thinking-structured-output", 1)) {
      message = binding.read(events, session -> logs.add(ReasoningLog.on(session)));
    }

    assertThat(raw.toString()).startsWith("The user is asking me to answer \"What is 2 + 2?\"");
    assertThat(logs.get(0).order()).containsExactly("start", "delta", "end", "answer");
    assertThat(logs.get(0).segments()).containsExactly(raw.toString());
    assertThat(message.answer().stats().reasoningChars()).isEqualTo(raw.length());
    assertThat(message.complete()).isEqualTo(new Sum(2, 2, 4));
  }

  @Test
  void thinkingBeforeOnlyAToolCallLeavesTheAnswerWithoutContentAsBefore() {
    StringBuilder raw = new StringBuilder();
    List<ToolUse<Location>> calls = new ArrayList<>();
    AnthropicBinding<Records.Trip> binding =
        AnthropicBinding.builder(StreamingBinder.of(Records.Trip.class))
            .tool("weather", "Weather at a place.", StreamingBinder.of(Location.class), calls::add)
            .onThinking((index, delta) -> raw.append(delta))
            .build();
    List<ReasoningLog> logs = new ArrayList<>();
    StreamedMessage<Records.Trip> message;
    try (RecordingEvents events =
        stream(binding, "embedded/replay/anthropic-thinking-tool-use", 1)) {
      message = binding.read(events, session -> logs.add(ReasoningLog.on(session)));
    }

    assertThat(logs.get(0).order()).containsExactly("start", "delta", "end");
    assertThat(logs.get(0).text()).isEqualTo(raw.toString()).isNotEmpty();
    assertThat(message.answer().stats().bytes()).isZero();
    IncompleteJsonException e =
        catchThrowableOfType(IncompleteJsonException.class, message::complete);
    assertThat(e)
        .hasMessage(
            "No JSON value began before the end of the input at $ (offset 0, line 1, column 1)");
    assertThat(message.toolUses()).hasSize(1);
    assertThat(message.toolUses().get(0).complete()).isEqualTo(new Location("Florence, Italy"));
    assertThat(calls.get(0).session().stats().reasoningChars()).isZero();
    assertThat(message.stopReason()).hasValue("tool_use");
  }

  @Test
  void redactedThinkingHasNoTextSoTheSessionGetsNoReasoning() {
    List<Long> raw = new ArrayList<>();
    AnthropicBinding<Records.Trip> binding =
        AnthropicBinding.builder(StreamingBinder.of(Records.Trip.class))
            .onThinking((index, delta) -> raw.add(index))
            .build();
    List<ReasoningLog> logs = new ArrayList<>();
    StreamedMessage<Records.Trip> message;
    try (RecordingEvents events =
        stream(binding, "embedded/replay/anthropic-redacted-thinking", 2)) {
      message = binding.read(events, session -> logs.add(ReasoningLog.on(session)));
    }

    assertThat(raw).isEmpty();
    assertThat(logs.get(0).order()).doesNotContain("start", "delta", "end");
    assertThat(message.answer().stats().reasoningChars()).isZero();
    assertThat(message.stopReason()).hasValue("end_turn");
  }

  @Test
  void withoutATypedAnswerThinkingGoesToTheRawListenerAndNoToolsSession() {
    StringBuilder raw = new StringBuilder();
    List<ToolUse<Location>> calls = new ArrayList<>();
    AnthropicBinding<Void> binding =
        AnthropicBinding.builder()
            .tool("weather", "Weather at a place.", StreamingBinder.of(Location.class), calls::add)
            .onThinking((index, delta) -> raw.append(delta))
            .build();
    try (RecordingEvents events =
        stream(binding, "embedded/replay/anthropic-thinking-tool-use", 1)) {
      binding.read(events);
    }

    assertThat(raw.toString()).startsWith("The user is asking for weather information");
    assertThat(calls.get(0).session().stats().reasoningChars()).isZero();
    assertThat(calls.get(0).complete()).isEqualTo(new Location("Florence, Italy"));
  }

  @Test
  void aReasoningListenersOwnExceptionClosesTheStreamAndIsThrown() {
    AnthropicBinding<Records.Trip> binding =
        AnthropicBinding.builder(StreamingBinder.of(Records.Trip.class)).build();
    IllegalStateException e;
    try (RecordingEvents events = stream(binding, "embedded/reasoning", 1)) {
      e =
          catchThrowableOfType(
              IllegalStateException.class,
              () ->
                  binding.read(
                      events,
                      session ->
                          session.onReasoning(
                              new ReasoningListener() {
                                @Override
                                public void reasoningDelta(CharSequence delta) {
                                  throw new IllegalStateException("the thoughts panel is gone");
                                }
                              })));
      assertThat(events.closed()).isTrue();
    }

    assertThat(e).hasMessage("the thoughts panel is gone");
  }

  /**
   * Interleaved thinking (a thinking block between two tool uses, then the answer): each thinking
   * block is a segment of the answer's reasoning, ended by its {@code content_block_stop}. The
   * events are parsed by the SDK's own JSON mapper, as its stream parses them.
   */
  @Test
  void interleavedThinkingBlocksAreSegmentsEachEndedByItsBlockStop() {
    List<String> raw = new ArrayList<>();
    List<ToolUse<Records.Weather>> calls = new ArrayList<>();
    List<ReasoningLog> logs = new ArrayList<>();
    List<String> orderAtToolStart = new ArrayList<>();
    AnthropicBinding<Records.Trip> binding =
        AnthropicBinding.builder(StreamingBinder.of(Records.Trip.class))
            .tool(
                "weather",
                "Weather.",
                StreamingBinder.of(Records.Weather.class),
                call -> {
                  calls.add(call);
                  orderAtToolStart.addAll(logs.get(0).order());
                })
            .onThinking((index, delta) -> raw.add(index + ":" + delta))
            .build();
    List<String> events =
        List.of(
            "{'type':'message_start','message':{'id':'msg_1','type':'message','role':'assistant',"
                + "'model':'claude-sonnet-4-5','content':[],'stop_reason':null,"
                + "'stop_sequence':null,'usage':{'input_tokens':10,'output_tokens':1}}}",
            "{'type':'content_block_start','index':0,"
                + "'content_block':{'type':'thinking','thinking':'','signature':''}}",
            thinking(0, "Check the weather "),
            thinking(0, "first."),
            "{'type':'content_block_delta','index':0,"
                + "'delta':{'type':'signature_delta','signature':'sig0'}}",
            "{'type':'content_block_stop','index':0}",
            "{'type':'content_block_start','index':1,'content_block':{'type':'tool_use',"
                + "'id':'toolu_1','name':'weather','input':{}}}",
            "{'type':'content_block_delta','index':1,"
                + "'delta':{'type':'input_json_delta','partial_json':'{\\'city\\': \\'Lisbon\\', \\'days\\': 2}'}}",
            "{'type':'content_block_stop','index':1}",
            "{'type':'content_block_start','index':2,"
                + "'content_block':{'type':'thinking','thinking':'','signature':''}}",
            thinking(2, "Sunny: plan outdoors."),
            "{'type':'content_block_stop','index':2}",
            "{'type':'content_block_start','index':3,"
                + "'content_block':{'type':'text','text':''}}",
            "{'type':'content_block_delta','index':3,'delta':{'type':'text_delta',"
                + "'text':'{\\'goal\\': \\'Sun\\', \\'stops\\': [{\\'place\\': \\'Belém\\', \\'hours\\': 2}]}'}}",
            "{'type':'content_block_stop','index':3}",
            "{'type':'message_delta','delta':{'stop_reason':'end_turn','stop_sequence':null},"
                + "'usage':{'output_tokens':40}}",
            "{'type':'message_stop'}");

    StreamedMessage<Records.Trip> message =
        binding.read(new Replayed(events), session -> logs.add(ReasoningLog.on(session)));

    ReasoningLog log = logs.get(0);
    assertThat(log.order())
        .containsExactly("start", "delta", "end", "start", "delta", "end", "answer");
    assertThat(log.segments()).containsExactly("Check the weather first.", "Sunny: plan outdoors.");
    assertThat(raw).containsExactly("0:Check the weather ", "0:first.", "2:Sunny: plan outdoors.");
    assertThat(message.answer().stats().reasoningChars())
        .isEqualTo("Check the weather first.Sunny: plan outdoors.".length());
    assertThat(message.complete())
        .isEqualTo(new Records.Trip("Sun", List.of(new Records.Stop("Belém", 2))));
    assertThat(calls.get(0).complete()).isEqualTo(new Records.Weather("Lisbon", 2));
    assertThat(calls.get(0).session().stats().reasoningChars()).isZero();
    // The first block's stop ended its segment: the tool call did not.
    assertThat(orderAtToolStart).containsExactly("start", "delta", "end");
  }

  private static String thinking(int index, String text) {
    return "{'type':'content_block_delta','index':"
        + index
        + ",'delta':{'type':'thinking_delta','thinking':'"
        + text
        + "'}}";
  }

  /** Events parsed by the SDK's JSON mapper from their wire form (single quotes for brevity). */
  private static final class Replayed implements StreamResponse<RawMessageStreamEvent> {
    private final List<RawMessageStreamEvent> events = new ArrayList<>();

    Replayed(List<String> json) {
      for (String event : json) {
        String wire = event.replace('\'', '"');
        try {
          events.add(ObjectMappers.jsonMapper().readValue(wire, RawMessageStreamEvent.class));
        } catch (JsonProcessingException e) {
          throw new IllegalArgumentException(wire, e);
        }
      }
    }

    @Override
    public Stream<RawMessageStreamEvent> stream() {
      return events.stream();
    }

    @Override
    public void close() {}
  }
}
