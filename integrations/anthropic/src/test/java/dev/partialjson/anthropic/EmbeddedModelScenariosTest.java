package dev.partialjson.anthropic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.anthropic.client.AnthropicClient;
import com.anthropic.models.messages.MessageCreateParams;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.partialjson.binding.BoundItem;
import dev.partialjson.binding.FailurePolicy;
import dev.partialjson.binding.StreamingBinder;
import dev.partialjson.binding.TokenUsage;
import dev.partialjson.binding.ValidationException;
import dev.partialjson.embeddedmodel.EmbeddedModelExtension;
import dev.partialjson.embeddedmodel.ServedStream;
import dev.partialjson.parser.IncompleteJsonException;
import dev.partialjson.parser.MalformedJsonException;
import dev.partialjson.parser.ParserOptions;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Every scenario of the embedded model that applies to Anthropic Messages, through the real
 * anthropic-java client: the answer is written to the schema the adapter put in the request.
 */
class EmbeddedModelScenariosTest {
  @RegisterExtension static final EmbeddedModelExtension MODEL = EmbeddedModelExtension.create();

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration END = Duration.ofSeconds(30);

  /**
   * An item with a check on a method, which the schema does not describe (a schema is written from
   * the fields), so the model writes titles of any length and the first long one fails the session;
   * the many items make the slow stream long enough that the server is still writing when the
   * adapter closes it.
   */
  record Check(@NotNull String title, int minutes) {
    @AssertTrue(message = "must be a title of at most 5 characters")
    boolean isBrief() {
      return title == null || title.length() <= 5;
    }
  }

  record Checklist(@NotNull String goal, @NotNull @Size(min = 20) List<@Valid Check> checks) {}

  /** A goal first, then a list long enough that the slow stream outlasts the callback's throw. */
  record LongTrip(@NotNull String goal, @NotNull @Size(min = 40) List<Records.Stop> stops) {}

  private final AnthropicClient client = Clients.of(MODEL.model());

  private RecordingEvents stream(
      AnthropicBinding<?> binding, String scenario, long block, long maxTokens) {
    MessageCreateParams params =
        binding.applyTo(Clients.request("embedded/" + scenario).maxTokens(maxTokens)).build();
    return new RecordingEvents(client.messages().createStreaming(params), block);
  }

  private static JsonNode served(ServedStream stream) throws Exception {
    return JSON.readTree(stream.requestBody());
  }

  @Test
  void structuredOutputIsBoundWithEachStopInTheDeltaThatClosesIt() throws Exception {
    AnthropicBinding<Records.Trip> binding =
        AnthropicBinding.builder(StreamingBinder.of(Records.Trip.class)).build();
    List<Records.Stop> stops = new ArrayList<>();
    List<long[]> pieces = new ArrayList<>();
    StreamedMessage<Records.Trip> message;
    try (RecordingEvents events = stream(binding, "valid", 0, 2048)) {
      message =
          binding.read(
              events,
              session ->
                  session.onItem(
                      "$.stops[*]",
                      Records.Stop.class,
                      stop -> {
                        stops.add(stop);
                        pieces.add(new long[] {events.fed().before(), events.fed().after()});
                      }));
      RecordedStreamsTest.assertClosedInTheirDelta(
          ClosingOffsets.of(events.text(), "stops"), pieces);
    }

    ServedStream served = MODEL.model().lastStream();
    JsonNode request = served(served);
    assertThat(request.at("/output_config/format/type").asText()).isEqualTo("json_schema");
    assertThat(request.at("/output_config/format/schema/properties/stops/items/required"))
        .hasToString("[\"place\",\"hours\"]");
    Records.Trip trip = message.complete();
    assertThat(trip.stops()).isNotEmpty().isEqualTo(stops);
    assertThat(message.stopReason()).hasValue("end_turn");
    TokenUsage usage = message.usage().orElseThrow();
    assertThat(usage.outputTokens()).isEqualTo(served.tokensSent());
    assertThat(message.answer().stats().usage()).isEqualTo(usage);
    assertThat(served.awaitEnd(END)).isEqualTo(ServedStream.Ending.COMPLETED);
  }

  @Test
  void forcedToolInputIsTheAnswer() throws Exception {
    AnthropicBinding<Records.Plan> binding =
        AnthropicBinding.builder(StreamingBinder.of(Records.Plan.class))
            .answerAsTool("plan")
            .build();
    StreamedMessage<Records.Plan> message;
    try (RecordingEvents events = stream(binding, "valid", 0, 2048)) {
      message = binding.read(events);
    }

    JsonNode request = served(MODEL.model().lastStream());
    assertThat(request.at("/tool_choice")).hasToString("{\"name\":\"plan\",\"type\":\"tool\"}");
    assertThat(request.at("/tools/0/input_schema/properties/tasks/items/properties/priority"))
        .hasToString("{\"type\":\"integer\",\"minimum\":1,\"maximum\":5}");
    assertThat(message.complete().tasks()).isNotEmpty();
    assertThat(message.stopReason()).hasValue("tool_use");
    assertThat(message.toolUses()).isEmpty();
  }

  @Test
  void anInvalidItemFailsFastNamingTheBlockAndKeepsWhatArrived() {
    AnthropicBinding<Records.Plan> binding =
        AnthropicBinding.builder(
                StreamingBinder.builder(Records.Plan.class)
                    .failurePolicy(FailurePolicy.FAIL_FAST)
                    .build())
            .answerAsTool("plan")
            .build();
    ContentBlockException e;
    try (RecordingEvents events = stream(binding, "invalid-item", 0, 2048)) {
      e = catchThrowableOfType(ContentBlockException.class, () -> binding.read(events));
      assertThat(events.closed()).isTrue();
    }

    assertThat(e).hasCauseInstanceOf(ValidationException.class);
    assertThat(e.getMessage()).endsWith(" in tool_use block 0 (plan, id " + e.toolUseId() + ")");
    assertThat(e.violations()).hasSize(1);
    assertThat(e.violations().get(0).path().toString()).matches("\\$\\.tasks\\[\\d+]\\.priority");
    assertThat(e.stopReason()).isNull();
    Records.Plan partial = (Records.Plan) e.session().partial();
    assertThat(partial).isNotNull();
    assertThat(partial.goal()).isNotBlank();
  }

  @Test
  void anInvalidItemIsCollectedAndReportedWhenTheMessageEnds() {
    AnthropicBinding<Records.Plan> binding =
        AnthropicBinding.builder(StreamingBinder.of(Records.Plan.class))
            .answerAsTool("plan")
            .build();
    List<BoundItem<Records.Task>> checked = new ArrayList<>();
    StreamedMessage<Records.Plan> message;
    try (RecordingEvents events = stream(binding, "invalid-item", 0, 2048)) {
      message =
          binding.read(
              events,
              session -> session.onCheckedItem("$.tasks[*]", Records.Task.class, checked::add));
    }

    ContentBlockException e = catchThrowableOfType(ContentBlockException.class, message::complete);
    assertThat(e.violations()).hasSize(1);
    assertThat(checked).filteredOn(item -> !item.violations().isEmpty()).hasSize(1);
    assertThat(message.result().violations()).isEqualTo(e.violations());
  }

  @Test
  void maxTokensInsideTheAnswerIsReportedWithTheStopReasonAndThePartialKept() {
    AnthropicBinding<Records.Trip> binding =
        AnthropicBinding.builder(StreamingBinder.of(Records.Trip.class)).build();
    StreamedMessage<Records.Trip> message;
    try (RecordingEvents events = stream(binding, "cut-off", 0, 30)) {
      message = binding.read(events);
    }

    assertThat(message.stopReason()).hasValue("max_tokens");
    ContentBlockException e = catchThrowableOfType(ContentBlockException.class, message::complete);
    assertThat(e).hasCauseInstanceOf(IncompleteJsonException.class);
    assertThat(e.stopReason()).isEqualTo("max_tokens");
    assertThat(e.getMessage())
        .startsWith(e.getCause().getMessage())
        .endsWith(" in text block 0; the message stopped with stop_reason max_tokens");
    assertThat(message.answer().partial()).isNotNull();
    assertThat(message.usage().orElseThrow().outputTokens()).isEqualTo(30);
  }

  @Test
  void aThinkBlockInTheTextBeforeTheJsonIsSkipped() {
    List<String> thinking = new ArrayList<>();
    AnthropicBinding<Records.Trip> binding =
        AnthropicBinding.builder(StreamingBinder.of(Records.Trip.class))
            .onThinking((index, delta) -> thinking.add(delta))
            .build();
    StreamedMessage<Records.Trip> message;
    try (RecordingEvents events = stream(binding, "think", 0, 2048)) {
      message = binding.read(events);
    }

    assertThat(message.complete().stops()).isNotEmpty();
    assertThat(thinking).isEmpty(); // inline text, not a thinking block
  }

  @Test
  void proseAndAMarkdownFenceAroundTheJsonAreSkipped() {
    List<Records.Stop> stops = new ArrayList<>();
    AnthropicBinding<Records.Trip> binding =
        AnthropicBinding.builder(StreamingBinder.of(Records.Trip.class)).build();
    StreamedMessage<Records.Trip> message;
    try (RecordingEvents events = stream(binding, "fenced", 0, 2048)) {
      message =
          binding.read(
              events, session -> session.onItem("$.stops[*]", Records.Stop.class, stops::add));
    }

    assertThat(message.complete().stops()).isNotEmpty().isEqualTo(stops);
  }

  @Test
  void thinkingBlocksGoToTheirListenerAndNeverIntoTheAnswersBytes() {
    StringBuilder thinking = new StringBuilder();
    AnthropicBinding<Records.Trip> binding =
        AnthropicBinding.builder(StreamingBinder.of(Records.Trip.class))
            .onThinking((index, delta) -> thinking.append(delta))
            .build();
    StreamedMessage<Records.Trip> message;
    byte[] text;
    try (RecordingEvents events = stream(binding, "reasoning", 1, 2048)) {
      message = binding.read(events);
      text = events.text();
    }

    assertThat(thinking).isNotEmpty();
    assertThat(message.complete().stops()).isNotEmpty();
    assertThat(message.answer().stats().bytes()).isEqualTo(text.length);
  }

  @Test
  void parallelToolCallsEachGetASessionBoundToTheToolsType() throws Exception {
    List<Long> deltasAtStart = new ArrayList<>();
    AnthropicBinding<Void> binding =
        AnthropicBinding.builder()
            .tool(
                "get_weather",
                "Weather at a place.",
                StreamingBinder.of(Records.Weather.class),
                call -> deltasAtStart.add(call.session().stats().deltas()))
            .build();
    StreamedMessage<Void> message;
    try (RecordingEvents events = stream(binding, "parallel-tools", 0, 2048)) {
      message = binding.read(events);
    }

    assertThat(message.toolUses()).hasSize(2);
    assertThat(deltasAtStart).containsExactly(0L, 0L);
    assertThat(message.toolUses()).extracting(ToolUse::id).doesNotHaveDuplicates();
    assertThat(message.toolUses()).extracting(ToolUse::index).doesNotHaveDuplicates();
    for (ToolUse<?> call : message.toolUses()) {
      assertThat(call.name()).isEqualTo("get_weather");
      assertThat(call.complete()).isInstanceOf(Records.Weather.class);
      assertThat(call.session().stats().deltas()).isPositive();
    }
    assertThat(message.stopReason()).hasValue("tool_use");
  }

  @Test
  void invalidJsonFromFineGrainedToolStreamingIsReportedPreciselyAndKeepsWhatArrived()
      throws Exception {
    List<ToolUse<Records.Weather>> calls = new ArrayList<>();
    AnthropicBinding<Void> binding =
        AnthropicBinding.builder()
            .tool(
                "get_weather",
                "Weather at a place.",
                // Strict syntax: the default, lenient one would repair a trailing comma, say.
                StreamingBinder.builder(Records.Weather.class)
                    .parserOptions(
                        ParserOptions.builder().syntax(ParserOptions.Syntax.STRICT).build())
                    .build(),
                calls::add)
            .eagerInputStreaming(true)
            .build();
    ContentBlockException e;
    byte[] input;
    try (RecordingEvents events = stream(binding, "invalid-tool-json", 0, 2048)) {
      e = catchThrowableOfType(ContentBlockException.class, () -> binding.read(events));
      assertThat(events.closed()).isTrue();
      input = events.text();
    }

    assertThat(served(MODEL.model().lastStream()).at("/tools/0/eager_input_streaming").asBoolean())
        .isTrue();
    assertThat(e).hasCauseInstanceOf(MalformedJsonException.class);
    assertThat(e.blockIndex()).isZero();
    assertThat(e.toolName()).isEqualTo("get_weather");
    assertThat(e.toolUseId()).isEqualTo(calls.get(0).id());
    assertThat(e.byteOffset()).isEqualTo(jacksonErrorOffset(input));
    assertThat(e.getMessage())
        .isEqualTo(
            e.getCause().getMessage()
                + " in tool_use block 0 (get_weather, id "
                + calls.get(0).id()
                + ")");
    assertThat(e.session()).isSameAs(calls.get(0).session());
    assertThat(calls.get(0).session().partial()).isNotNull();
  }

  @Test
  void failingFastClosesTheStreamAndTheServerSeesTheCancel() throws Exception {
    AnthropicBinding<Checklist> binding =
        AnthropicBinding.builder(
                StreamingBinder.builder(Checklist.class)
                    .failurePolicy(FailurePolicy.FAIL_FAST)
                    .build())
            .answerAsTool("checklist")
            .build();
    ContentBlockException e;
    ServedStream.Ending ending;
    try (RecordingEvents events = stream(binding, "slow", 0, 4096)) {
      e = catchThrowableOfType(ContentBlockException.class, () -> binding.read(events));
      // Asked before this test's own close: the adapter must have closed the stream itself.
      ending = MODEL.model().lastStream().awaitEnd(END);
    }

    assertThat(e.violations()).hasSize(1);
    assertThat(e.violations().get(0).path().toString()).matches("\\$\\.checks\\[\\d+]\\.brief");
    assertThat(ending).isEqualTo(ServedStream.Ending.CANCELLED_BY_CLIENT);
  }

  @Test
  void aCallbacksOwnExceptionClosesTheStreamToo() throws Exception {
    AnthropicBinding<LongTrip> binding =
        AnthropicBinding.builder(StreamingBinder.of(LongTrip.class)).answerAsTool("trip").build();
    IllegalStateException e;
    ServedStream.Ending ending;
    try (RecordingEvents events = stream(binding, "slow", 0, 4096)) {
      e =
          catchThrowableOfType(
              IllegalStateException.class,
              () ->
                  binding.read(
                      events,
                      session ->
                          session.onText(
                              "$.goal",
                              (path, full, delta) -> {
                                throw new IllegalStateException("the user went away");
                              })));
      ending = MODEL.model().lastStream().awaitEnd(END);
    }

    assertThat(e).hasMessage("the user went away");
    assertThat(ending).isEqualTo(ServedStream.Ending.CANCELLED_BY_CLIENT);
  }

  /** Where Jackson's own parser of the whole text stops: the oracle for the reported offset. */
  private static long jacksonErrorOffset(byte[] json) throws Exception {
    try (JsonParser parser = new JsonFactory().createParser(json)) {
      while (parser.nextToken() != null) {
        parser.finishToken();
      }
    } catch (JsonParseException e) {
      return e.getLocation().getByteOffset();
    }
    throw new AssertionError("Jackson read the tool input without an error");
  }
}
