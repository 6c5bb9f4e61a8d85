package dev.partialjson.embeddedmodel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.openai.client.OpenAIClient;
import com.openai.core.JsonValue;
import com.openai.core.http.StreamResponse;
import com.openai.errors.BadRequestException;
import com.openai.helpers.ResponseAccumulator;
import com.openai.models.responses.FunctionTool;
import com.openai.models.responses.Response;
import com.openai.models.responses.ResponseCreateParams;
import com.openai.models.responses.ResponseFormatTextJsonSchemaConfig;
import com.openai.models.responses.ResponseFunctionToolCall;
import com.openai.models.responses.ResponseStatus;
import com.openai.models.responses.ResponseStreamEvent;
import com.openai.models.responses.ResponseTextConfig;
import dev.partialjson.testkit.Splits;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Responses streaming as openai-java parses it, scenario by scenario. */
class ResponsesStreamingTest {
  @RegisterExtension static EmbeddedModelExtension MODEL = EmbeddedModelExtension.create();

  static final String SCHEMA_POINTER = "/text/format/schema";

  private static OpenAIClient client;

  @BeforeAll
  static void openClient() {
    client = Clients.openAi(MODEL.model());
  }

  @AfterAll
  static void closeClient() {
    client.close();
  }

  static ResponseCreateParams.Builder params(String model) {
    return ResponseCreateParams.builder()
        .model(model)
        .input("Plan a weekend in Lisbon.")
        .text(
            ResponseTextConfig.builder()
                .format(
                    ResponseFormatTextJsonSchemaConfig.builder()
                        .name("plan")
                        .strict(true)
                        .schema(
                            ResponseFormatTextJsonSchemaConfig.Schema.builder()
                                .putAdditionalProperty("type", JsonValue.from("object"))
                                .putAdditionalProperty(
                                    "properties", JsonValue.from(TestSchemas.PLAN))
                                .putAdditionalProperty(
                                    "required", JsonValue.from(TestSchemas.PLAN_REQUIRED))
                                .build())
                        .build())
                .build());
  }

  /** The events of one stream, all fed to the SDK's accumulator. */
  record Received(List<ResponseStreamEvent> events, ResponseAccumulator accumulator) {
    String outputText() {
      StringBuilder text = new StringBuilder();
      events.forEach(e -> e.outputTextDelta().ifPresent(d -> text.append(d.delta())));
      return text.toString();
    }
  }

  static Received receive(ResponseCreateParams params) {
    List<ResponseStreamEvent> events = new ArrayList<>();
    ResponseAccumulator accumulator = ResponseAccumulator.createWithSnapshots();
    try (StreamResponse<ResponseStreamEvent> stream = client.responses().createStreaming(params)) {
      stream.stream().forEach(e -> events.add(accumulator.accumulate(e)));
    }
    return new Received(events, accumulator);
  }

  @Test
  void streamsTheValidAnswerAsOutputTextDeltasAndCompletesWithUsage() throws Exception {
    Received received = receive(params("embedded/valid").build());

    String expected = Expected.json(MODEL.model().lastStream(), SCHEMA_POINTER, Scenario.VALID, 0);
    int tokens = Splits.tokens(expected).size();
    assertThat(received.outputText()).isEqualTo(expected);
    assertThat(received.events().stream().filter(e -> e.outputTextDelta().isPresent()))
        .hasSize(tokens);
    ResponseStreamEvent last = received.events().get(received.events().size() - 1);
    assertThat(last.isCompleted()).isTrue();
    Response response = received.accumulator().response();
    assertThat(response.status()).contains(com.openai.models.responses.ResponseStatus.COMPLETED);
    assertThat(response.usage().orElseThrow().outputTokens()).isEqualTo(tokens);
    assertThat(response.usage().orElseThrow().inputTokens())
        .isEqualTo(Splits.tokens("Plan a weekend in Lisbon.\n").size());
    assertThat(response.output()).hasSize(1);
    assertThat(response.output().get(0).asMessage().content().get(0).asOutputText().text())
        .isEqualTo(expected);
    ServedStream served = MODEL.model().lastStream();
    assertThat(served.path()).isEqualTo("/v1/responses");
    assertThat(served.awaitEnd(Duration.ofSeconds(10))).isEqualTo(ServedStream.Ending.COMPLETED);
    assertThat(served.tokensSent()).isEqualTo(tokens);
  }

  @Test
  void aRequestWithoutATextFormatIsAnsweredInPlainTextFormat() throws Exception {
    Received received =
        receive(
            ResponseCreateParams.builder()
                .model("embedded/valid")
                .input("Plan a weekend in Lisbon.")
                .build());

    Response response = received.accumulator().response();
    assertThat(response.status()).contains(com.openai.models.responses.ResponseStatus.COMPLETED);
    assertThat(response.text().orElseThrow().format().orElseThrow().isText()).isTrue();
    assertThat(received.outputText()).isNotEmpty();
    assertThat(MODEL.model().lastStream().awaitEnd(Duration.ofSeconds(10)))
        .isEqualTo(ServedStream.Ending.COMPLETED);
  }

  static FunctionTool function(String name) {
    return FunctionTool.builder()
        .name(name)
        .strict(true)
        .parameters(
            FunctionTool.Parameters.builder()
                .putAdditionalProperty("type", JsonValue.from("object"))
                .putAdditionalProperty("properties", JsonValue.from(TestSchemas.TOOL))
                .putAdditionalProperty("required", JsonValue.from(TestSchemas.TOOL_REQUIRED))
                .build())
        .build();
  }

  static List<ResponseFunctionToolCall> calls(Response response) {
    return response.output().stream().flatMap(o -> o.functionCall().stream()).toList();
  }

  @Test
  void cutOffEndsWithResponseIncompleteForMaxOutputTokens() {
    Received received = receive(params("embedded/cut-off").build());

    String whole = Expected.json(MODEL.model().lastStream(), SCHEMA_POINTER, Scenario.CUT_OFF, 0);
    assertThat(received.outputText())
        .isEqualTo(String.join("", Splits.tokens(whole).subList(0, 40)));
    ResponseStreamEvent last = received.events().get(received.events().size() - 1);
    assertThat(last.isIncomplete()).isTrue();
    Response response = last.asIncomplete().response();
    assertThat(response.status()).contains(ResponseStatus.INCOMPLETE);
    assertThat(response.incompleteDetails().orElseThrow().reason().orElseThrow().asString())
        .isEqualTo("max_output_tokens");
    assertThat(response.usage().orElseThrow().outputTokens()).isEqualTo(40);
    assertThat(response.output().get(0).asMessage().status().asString()).isEqualTo("incomplete");
  }

  @Test
  void maxOutputTokensCutsAnyScenario() {
    Received received = receive(params("embedded/valid").maxOutputTokens(5).build());

    assertThat(received.events().stream().filter(e -> e.outputTextDelta().isPresent())).hasSize(5);
    assertThat(received.events().get(received.events().size() - 1).isIncomplete()).isTrue();
  }

  @Test
  void invalidItemFencedAndThinkShapeTheOutputText() {
    for (Scenario scenario :
        List.of(Scenario.INVALID_ITEM, Scenario.FENCED, Scenario.THINK, Scenario.THINKING)) {
      Received received = receive(params("embedded/" + scenario.id()).build());

      String json = Expected.json(MODEL.model().lastStream(), SCHEMA_POINTER, scenario, 0);
      switch (scenario) {
        case FENCED ->
            assertThat(received.outputText())
                .startsWith("Here is the answer")
                .contains("```json\n" + json + "\n```");
        case THINK ->
            assertThat(received.outputText())
                .isEqualTo("<think>\n" + Answers.REASONING + "\n</think>\n\n" + json);
        case THINKING ->
            assertThat(received.outputText())
                .isEqualTo("<thinking>\n" + Answers.REASONING + "\n</thinking>\n\n" + json);
        default -> assertThat(received.outputText()).isEqualTo(json);
      }
      assertThat(received.accumulator().response().status()).contains(ResponseStatus.COMPLETED);
    }
  }

  @ParameterizedTest // reasoning-field differs on Chat Completions only
  @ValueSource(strings = {"reasoning", "reasoning-field"})
  void reasoningStreamsASummaryInItsOwnItemBeforeTheMessage(String scenario) {
    Received received = receive(params("embedded/" + scenario).build());

    StringBuilder summary = new StringBuilder();
    received
        .events()
        .forEach(e -> e.reasoningSummaryTextDelta().ifPresent(d -> summary.append(d.delta())));
    assertThat(summary.toString()).isEqualTo(Answers.REASONING);
    Response response = received.accumulator().response();
    assertThat(response.output()).hasSize(2);
    assertThat(response.output().get(0).asReasoning().summary().get(0).text())
        .isEqualTo(Answers.REASONING);
    assertThat(received.outputText())
        .isEqualTo(
            Expected.json(
                MODEL.model().lastStream(),
                SCHEMA_POINTER,
                MODEL.model().lastStream().scenario(),
                0));
    assertThat(response.usage().orElseThrow().outputTokensDetails().reasoningTokens())
        .isEqualTo(Splits.tokens(Answers.REASONING).size());
  }

  @Test
  void aRequestWithFunctionToolsIsAnsweredWithAFunctionCall() {
    Received received = receive(params("embedded/valid").addTool(function("plan_trip")).build());

    List<ResponseFunctionToolCall> calls = calls(received.accumulator().response());
    assertThat(calls).hasSize(1);
    assertThat(calls.get(0).name()).isEqualTo("plan_trip");
    assertThat(calls.get(0).callId()).startsWith("call_");
    assertThat(calls.get(0).arguments())
        .isEqualTo(
            Expected.json(MODEL.model().lastStream(), "/tools/0/parameters", Scenario.VALID, 0));
    // rebuilt from the deltas alone, the call is the same
    assertThat(calls(received.accumulator().reconstructedResponse())).isEqualTo(calls);
  }

  @Test
  void parallelToolsInterleaveArgumentDeltasKeyedByOutputIndex() {
    Received received =
        receive(
            params("embedded/parallel-tools")
                .addTool(function("get_weather"))
                .addTool(function("find_tickets"))
                .build());

    List<Long> order =
        received.events().stream()
            .flatMap(e -> e.functionCallArgumentsDelta().stream())
            .map(d -> d.outputIndex())
            .toList();
    assertThat(order.subList(0, 4)).containsExactly(0L, 1L, 0L, 1L);
    ServedStream served = MODEL.model().lastStream();
    List<ResponseFunctionToolCall> calls = calls(received.accumulator().response());
    assertThat(calls)
        .extracting(ResponseFunctionToolCall::name)
        .containsExactly("get_weather", "find_tickets");
    assertThat(calls.get(0).arguments())
        .isEqualTo(Expected.json(served, "/tools/0/parameters", Scenario.PARALLEL_TOOLS, 0));
    assertThat(calls.get(1).arguments())
        .isEqualTo(Expected.json(served, "/tools/1/parameters", Scenario.PARALLEL_TOOLS, 1));
    assertThat(calls.get(0).callId()).isNotEqualTo(calls.get(1).callId());
  }

  @Test
  void invalidToolJsonSendsArgumentsThatAreNotJson() {
    Received received =
        receive(params("embedded/invalid-tool-json").addTool(function("plan_trip")).build());

    String arguments = calls(received.accumulator().response()).get(0).arguments();
    assertThat(Expected.parses(arguments)).isFalse();
    assertThat(arguments)
        .isEqualTo(
            Expected.json(
                MODEL.model().lastStream(), "/tools/0/parameters", Scenario.INVALID_TOOL_JSON, 0));
  }

  @Test
  void answersWholeWhenNotStreaming() {
    Response response = client.responses().create(params("embedded/valid").build());

    ServedStream served = MODEL.model().lastStream();
    assertThat(response.output().get(0).asMessage().content().get(0).asOutputText().text())
        .isEqualTo(Expected.json(served, SCHEMA_POINTER, Scenario.VALID, 0));
    assertThat(response.usage().orElseThrow().outputTokens()).isEqualTo(served.tokensSent());
  }

  @Test
  void aChatRecordingIsRefusedAtTheResponsesPath() {
    assertThatThrownBy(() -> receive(params("embedded/replay/chat-text").build()))
        .isInstanceOf(BadRequestException.class)
        .hasMessageContaining(
            "The recording `chat-text` was recorded from /v1/chat/completions; replay it there,"
                + " not at /v1/responses.");
  }

  @Test
  void closingTheStreamMidwayEndsTheServedStreamCancelledByTheClient() throws Exception {
    ServedStream served;
    try (StreamResponse<ResponseStreamEvent> stream =
        client.responses().createStreaming(params("embedded/slow").build())) {
      Iterator<ResponseStreamEvent> events = stream.stream().iterator();
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
