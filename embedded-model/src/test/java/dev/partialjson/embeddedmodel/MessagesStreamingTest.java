package dev.partialjson.embeddedmodel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.anthropic.client.AnthropicClient;
import com.anthropic.core.JsonValue;
import com.anthropic.core.http.StreamResponse;
import com.anthropic.errors.NotFoundException;
import com.anthropic.helpers.MessageAccumulator;
import com.anthropic.models.messages.ContentBlock;
import com.anthropic.models.messages.JsonOutputFormat;
import com.anthropic.models.messages.Message;
import com.anthropic.models.messages.MessageCreateParams;
import com.anthropic.models.messages.OutputConfig;
import com.anthropic.models.messages.RawContentBlockDeltaEvent;
import com.anthropic.models.messages.RawMessageStreamEvent;
import com.anthropic.models.messages.StopReason;
import com.anthropic.models.messages.Tool;
import com.anthropic.models.messages.ToolChoiceTool;
import com.anthropic.models.messages.ToolUseBlock;
import dev.partialjson.testkit.Splits;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Anthropic Messages streaming as anthropic-java parses it, scenario by scenario. */
class MessagesStreamingTest {
  @RegisterExtension static EmbeddedModelExtension MODEL = EmbeddedModelExtension.create();

  static final String SCHEMA_POINTER = "/output_config/format/schema";

  private static AnthropicClient client;

  @BeforeAll
  static void openClient() {
    client = Clients.anthropic(MODEL.model());
  }

  @AfterAll
  static void closeClient() {
    client.close();
  }

  static MessageCreateParams.Builder params(String model) {
    return MessageCreateParams.builder()
        .model(model)
        .maxTokens(1024)
        .addUserMessage("Plan a weekend in Lisbon.")
        .outputConfig(
            OutputConfig.builder()
                .format(
                    JsonOutputFormat.builder()
                        .schema(
                            JsonOutputFormat.Schema.builder()
                                .putAdditionalProperty("type", JsonValue.from("object"))
                                .putAdditionalProperty(
                                    "properties", JsonValue.from(TestSchemas.PLAN))
                                .putAdditionalProperty(
                                    "required", JsonValue.from(TestSchemas.PLAN_REQUIRED))
                                .build())
                        .build())
                .build());
  }

  static Tool tool(String name) {
    return Tool.builder()
        .name(name)
        .inputSchema(
            Tool.InputSchema.builder()
                .properties(
                    Tool.InputSchema.Properties.builder()
                        .putAllAdditionalProperties(
                            TestSchemas.TOOL.entrySet().stream()
                                .collect(
                                    java.util.stream.Collectors.toMap(
                                        Map.Entry::getKey, e -> JsonValue.from(e.getValue()))))
                        .build())
                .required(TestSchemas.TOOL_REQUIRED)
                .build())
        .build();
  }

  /** The events of one stream, all fed to the SDK's accumulator. */
  record Received(List<RawMessageStreamEvent> events, MessageAccumulator accumulator) {
    String text() {
      StringBuilder text = new StringBuilder();
      events.forEach(
          e ->
              e.contentBlockDelta()
                  .flatMap(d -> d.delta().text())
                  .ifPresent(t -> text.append(t.text())));
      return text.toString();
    }
  }

  /** Returns the deltas' events, in order; a tool's input as it arrived, block by block. */
  static List<RawContentBlockDeltaEvent> deltas(Received received) {
    return received.events().stream().flatMap(e -> e.contentBlockDelta().stream()).toList();
  }

  static String partialJson(Received received, long index) {
    StringBuilder json = new StringBuilder();
    deltas(received).stream()
        .filter(d -> d.index() == index)
        .forEach(d -> d.delta().inputJson().ifPresent(j -> json.append(j.partialJson())));
    return json.toString();
  }

  static Received receive(MessageCreateParams params) {
    List<RawMessageStreamEvent> events = new ArrayList<>();
    MessageAccumulator accumulator = MessageAccumulator.create();
    try (StreamResponse<RawMessageStreamEvent> stream = client.messages().createStreaming(params)) {
      stream.stream().forEach(e -> events.add(accumulator.accumulate(e)));
    }
    return new Received(events, accumulator);
  }

  @Test
  void streamsTheValidAnswerAsTextDeltasAndEndsTheTurnWithUsage() throws Exception {
    Received received = receive(params("embedded/valid").build());

    String expected = Expected.json(MODEL.model().lastStream(), SCHEMA_POINTER, Scenario.VALID, 0);
    int tokens = Splits.tokens(expected).size();
    assertThat(received.text()).isEqualTo(expected);
    Message message = received.accumulator().message();
    assertThat(message.stopReason()).contains(StopReason.END_TURN);
    assertThat(message.content()).hasSize(1);
    assertThat(message.content().get(0).asText().text()).isEqualTo(expected);
    assertThat(message.usage().outputTokens()).isEqualTo(tokens);
    assertThat(message.usage().inputTokens())
        .isEqualTo(Splits.tokens("Plan a weekend in Lisbon.\n").size());
    ServedStream served = MODEL.model().lastStream();
    assertThat(served.path()).isEqualTo("/v1/messages");
    assertThat(served.awaitEnd(Duration.ofSeconds(10))).isEqualTo(ServedStream.Ending.COMPLETED);
    assertThat(served.tokensSent()).isEqualTo(tokens);
  }

  @Test
  void cutOffStopsForMaxTokensInsideTheText() {
    Received received = receive(params("embedded/cut-off").build());

    String whole = Expected.json(MODEL.model().lastStream(), SCHEMA_POINTER, Scenario.CUT_OFF, 0);
    assertThat(received.text()).isEqualTo(String.join("", Splits.tokens(whole).subList(0, 40)));
    Message message = received.accumulator().message();
    assertThat(message.stopReason()).contains(StopReason.MAX_TOKENS);
    assertThat(message.usage().outputTokens()).isEqualTo(40);
  }

  @Test
  void theRequestsMaxTokensCutsAnyScenario() {
    Received received = receive(params("embedded/valid").maxTokens(6).build());

    assertThat(received.accumulator().message().stopReason()).contains(StopReason.MAX_TOKENS);
    assertThat(MODEL.model().lastStream().tokensSent()).isEqualTo(6);
  }

  @Test
  void invalidItemFencedAndThinkShapeTheText() {
    for (Scenario scenario :
        List.of(Scenario.INVALID_ITEM, Scenario.FENCED, Scenario.THINK, Scenario.THINKING)) {
      Received received = receive(params("embedded/" + scenario.id()).build());

      String json = Expected.json(MODEL.model().lastStream(), SCHEMA_POINTER, scenario, 0);
      switch (scenario) {
        case FENCED ->
            assertThat(received.text())
                .startsWith("Here is the answer")
                .contains("```json\n" + json + "\n```");
        case THINK ->
            assertThat(received.text())
                .isEqualTo("<think>\n" + Answers.REASONING + "\n</think>\n\n" + json);
        case THINKING ->
            assertThat(received.text())
                .isEqualTo("<thinking>\n" + Answers.REASONING + "\n</thinking>\n\n" + json);
        default -> assertThat(received.text()).isEqualTo(json);
      }
      assertThat(received.accumulator().message().stopReason()).contains(StopReason.END_TURN);
    }
  }

  @ParameterizedTest // reasoning-field differs on Chat Completions only
  @ValueSource(strings = {"reasoning", "reasoning-field"})
  void reasoningStreamsAThinkingBlockWithASignatureBeforeTheText(String scenario) {
    Received received = receive(params("embedded/" + scenario).build());

    Message message = received.accumulator().message();
    assertThat(message.content()).hasSize(2);
    ContentBlock thinking = message.content().get(0);
    assertThat(thinking.isThinking()).isTrue();
    assertThat(thinking.asThinking().thinking()).isEqualTo(Answers.REASONING);
    assertThat(thinking.asThinking().signature()).isNotEmpty();
    assertThat(message.content().get(1).asText().text())
        .isEqualTo(
            Expected.json(
                MODEL.model().lastStream(),
                SCHEMA_POINTER,
                MODEL.model().lastStream().scenario(),
                0));
    assertThat(deltas(received))
        .filteredOn(d -> d.index() == 0)
        .last()
        .satisfies(d -> assertThat(d.delta().signature()).isPresent());
  }

  @Test
  void aRequestWithToolsIsAnsweredWithToolUseInputJsonDeltas() {
    Received received = receive(params("embedded/valid").addTool(tool("plan_trip")).build());

    Message message = received.accumulator().message();
    assertThat(message.stopReason()).contains(StopReason.TOOL_USE);
    ToolUseBlock toolUse = message.content().get(0).asToolUse();
    assertThat(toolUse.name()).isEqualTo("plan_trip");
    assertThat(toolUse.id()).startsWith("toolu_");
    String expected =
        Expected.json(MODEL.model().lastStream(), "/tools/0/input_schema", Scenario.VALID, 0);
    assertThat(partialJson(received, 0)).isEqualTo(expected);
    assertThat(toolUse._input().toString()).isNotEqualTo("{}");
  }

  @Test
  void aForcedToolIsTheOneCalled() {
    Received received =
        receive(
            params("embedded/valid")
                .addTool(tool("get_weather"))
                .addTool(tool("plan_trip"))
                .toolChoice(ToolChoiceTool.builder().name("plan_trip").build())
                .build());

    ToolUseBlock toolUse = received.accumulator().message().content().get(0).asToolUse();
    assertThat(toolUse.name()).isEqualTo("plan_trip");
    assertThat(partialJson(received, 0))
        .isEqualTo(
            Expected.json(MODEL.model().lastStream(), "/tools/1/input_schema", Scenario.VALID, 0));
  }

  @Test
  void parallelToolsInterleaveInputJsonDeltasOfTwoOpenBlocks() {
    Received received =
        receive(
            params("embedded/parallel-tools")
                .addTool(tool("get_weather"))
                .addTool(tool("find_tickets"))
                .build());

    List<Long> order =
        deltas(received).stream()
            .filter(d -> !d.delta().inputJson().orElseThrow().partialJson().isEmpty())
            .map(RawContentBlockDeltaEvent::index)
            .toList();
    assertThat(order.subList(0, 4)).containsExactly(0L, 1L, 0L, 1L);
    ServedStream served = MODEL.model().lastStream();
    assertThat(partialJson(received, 0))
        .isEqualTo(Expected.json(served, "/tools/0/input_schema", Scenario.PARALLEL_TOOLS, 0));
    assertThat(partialJson(received, 1))
        .isEqualTo(Expected.json(served, "/tools/1/input_schema", Scenario.PARALLEL_TOOLS, 1));
    Message message = received.accumulator().message();
    assertThat(message.content())
        .extracting(b -> b.asToolUse().name())
        .containsExactly("get_weather", "find_tickets");
  }

  @Test
  void invalidToolJsonSendsInputJsonDeltasThatAreNotJson() {
    Received received =
        receive(params("embedded/invalid-tool-json").addTool(tool("plan_trip")).build());

    String input = partialJson(received, 0);
    assertThat(Expected.parses(input)).isFalse();
    assertThat(input)
        .isEqualTo(
            Expected.json(
                MODEL.model().lastStream(),
                "/tools/0/input_schema",
                Scenario.INVALID_TOOL_JSON,
                0));
    List<RawMessageStreamEvent> events = received.events();
    assertThat(events.get(events.size() - 1).isMessageStop()).isTrue();
    // the SDK's accumulator keeps an empty input when the JSON does not parse: all that arrived
    // is lost to a caller who waits for the message
    assertThat(received.accumulator().message().content().get(0).asToolUse()._input().toString())
        .isEqualTo("{}");
  }

  @Test
  void answersWholeWhenNotStreaming() {
    Message message = client.messages().create(params("embedded/valid").build());

    ServedStream served = MODEL.model().lastStream();
    assertThat(message.content().get(0).asText().text())
        .isEqualTo(Expected.json(served, SCHEMA_POINTER, Scenario.VALID, 0));
    assertThat(message.usage().outputTokens()).isEqualTo(served.tokensSent());
    assertThat(message.stopReason()).contains(StopReason.END_TURN);
  }

  @Test
  void anUnknownRecordingIsANotFoundErrorInAnthropicsShape() {
    assertThatThrownBy(() -> receive(params("embedded/replay/no-such").build()))
        .isInstanceOf(NotFoundException.class)
        .hasMessageContaining(
            "Unknown recording `no-such`; the recordings are: chat-structured-output,");
  }

  @Test
  void closingTheStreamMidwayEndsTheServedStreamCancelledByTheClient() throws Exception {
    ServedStream served;
    try (StreamResponse<RawMessageStreamEvent> stream =
        client.messages().createStreaming(params("embedded/slow").build())) {
      Iterator<RawMessageStreamEvent> events = stream.stream().iterator();
      for (int i = 0; i < 6; i++) {
        events.next();
      }
      served = MODEL.model().lastStream();
    }

    assertThat(served.awaitEnd(Duration.ofSeconds(30)))
        .isEqualTo(ServedStream.Ending.CANCELLED_BY_CLIENT);
    String whole = Expected.json(served, SCHEMA_POINTER, Scenario.SLOW, 0);
    assertThat(served.tokensSent()).isLessThan(Splits.tokens(whole).size());
  }
}
