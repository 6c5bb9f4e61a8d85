package dev.partialjson.embeddedmodel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.openai.client.OpenAIClient;
import com.openai.core.JsonValue;
import com.openai.core.http.StreamResponse;
import com.openai.errors.NotFoundException;
import com.openai.helpers.ChatCompletionAccumulator;
import com.openai.models.FunctionDefinition;
import com.openai.models.FunctionParameters;
import com.openai.models.ResponseFormatJsonSchema;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionChunk;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import com.openai.models.chat.completions.ChatCompletionStreamOptions;
import dev.partialjson.testkit.Splits;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Chat Completions streaming as openai-java parses it, scenario by scenario. */
class ChatCompletionsStreamingTest {
  static final String SCHEMA_POINTER = "/response_format/json_schema/schema";
  static final String PROMPT = "Plan a weekend in Lisbon.";

  @RegisterExtension static EmbeddedModelExtension MODEL = EmbeddedModelExtension.create();

  private static OpenAIClient client;

  @BeforeAll
  static void openClient() {
    client = Clients.openAi(MODEL.model());
  }

  @AfterAll
  static void closeClient() {
    client.close();
  }

  static ChatCompletionCreateParams.Builder params(String model) {
    return ChatCompletionCreateParams.builder()
        .model(model)
        .addUserMessage(PROMPT)
        .responseFormat(
            ResponseFormatJsonSchema.builder()
                .jsonSchema(
                    ResponseFormatJsonSchema.JsonSchema.builder()
                        .name("plan")
                        .strict(true)
                        .schema(
                            ResponseFormatJsonSchema.JsonSchema.Schema.builder()
                                .putAdditionalProperty("type", JsonValue.from("object"))
                                .putAdditionalProperty(
                                    "properties", JsonValue.from(TestSchemas.PLAN))
                                .putAdditionalProperty(
                                    "required", JsonValue.from(TestSchemas.PLAN_REQUIRED))
                                .build())
                        .build())
                .build())
        .streamOptions(ChatCompletionStreamOptions.builder().includeUsage(true).build());
  }

  static FunctionDefinition function(String name) {
    return FunctionDefinition.builder()
        .name(name)
        .parameters(
            FunctionParameters.builder()
                .putAdditionalProperty("type", JsonValue.from("object"))
                .putAdditionalProperty("properties", JsonValue.from(TestSchemas.TOOL))
                .putAdditionalProperty("required", JsonValue.from(TestSchemas.TOOL_REQUIRED))
                .build())
        .build();
  }

  /** Streams {@code params} through the SDK's accumulator; returns the chunks and the result. */
  static Received receive(ChatCompletionCreateParams params) {
    List<ChatCompletionChunk> chunks = new ArrayList<>();
    ChatCompletionAccumulator accumulator = ChatCompletionAccumulator.create();
    try (StreamResponse<ChatCompletionChunk> stream =
        client.chat().completions().createStreaming(params)) {
      stream.stream().forEach(chunk -> chunks.add(accumulator.accumulate(chunk)));
    }
    return new Received(chunks, accumulator.chatCompletion());
  }

  record Received(List<ChatCompletionChunk> chunks, ChatCompletion completion) {
    String content(int choice) {
      return completion.choices().get(choice).message().content().orElse("");
    }

    String finishReason(int choice) {
      return completion.choices().get(choice).finishReason().asString();
    }

    List<ChatCompletionChunk.Choice.Delta.ToolCall> toolCallDeltas() {
      List<ChatCompletionChunk.Choice.Delta.ToolCall> deltas = new ArrayList<>();
      chunks.forEach(
          c -> c.choices().forEach(ch -> ch.delta().toolCalls().ifPresent(deltas::addAll)));
      return deltas;
    }
  }

  @Test
  void streamsTheValidAnswerTokenByTokenWithUsage() throws InterruptedException {
    Received received = receive(params("embedded/valid").build());

    ServedStream served = MODEL.model().lastStream();
    String expected = Expected.json(served, SCHEMA_POINTER, Scenario.VALID, 0);
    int tokens = Splits.tokens(expected).size();
    assertThat(received.content(0)).isEqualTo(expected);
    assertThat(received.finishReason(0)).isEqualTo("stop");
    // the role, one chunk per token, the finish reason, the usage
    assertThat(received.chunks()).hasSize(tokens + 3);
    assertThat(received.chunks().get(tokens + 2).choices()).isEmpty();
    assertThat(received.completion().usage().orElseThrow().completionTokens()).isEqualTo(tokens);
    assertThat(received.completion().usage().orElseThrow().promptTokens())
        .isEqualTo(Splits.tokens(PROMPT + "\n").size());
    assertThat(served.awaitEnd(Duration.ofSeconds(10))).isEqualTo(ServedStream.Ending.COMPLETED);
    assertThat(served.tokensSent()).isEqualTo(tokens);
    assertThat(served.path()).isEqualTo("/v1/chat/completions");
    assertThat(served.scenario()).isEqualTo(Scenario.VALID);
    assertThat(served.requestBody()).contains("\"model\":\"embedded/valid\"");
  }

  @Test
  void sendsNoUsageChunkUnlessAsked() {
    Received received =
        receive(params("embedded/valid").streamOptions((ChatCompletionStreamOptions) null).build());

    assertThat(received.chunks()).allSatisfy(c -> assertThat(c.usage()).isEmpty());
    assertThat(received.chunks().get(received.chunks().size() - 1).choices()).hasSize(1);
  }

  @Test
  void invalidItemStreamsTheAnswerWhoseItemBreaksTheSchema() {
    Received received = receive(params("embedded/invalid-item").build());

    ServedStream served = MODEL.model().lastStream();
    assertThat(received.content(0))
        .isEqualTo(Expected.json(served, SCHEMA_POINTER, Scenario.INVALID_ITEM, 0))
        .isNotEqualTo(Expected.json(served, SCHEMA_POINTER, Scenario.VALID, 0));
    assertThat(received.finishReason(0)).isEqualTo("stop");
  }

  @Test
  void cutOffStopsAfterFortyTokensWithFinishReasonLength() {
    Received received = receive(params("embedded/cut-off").build());

    String whole = Expected.json(MODEL.model().lastStream(), SCHEMA_POINTER, Scenario.CUT_OFF, 0);
    assertThat(received.content(0)).isEqualTo(String.join("", Splits.tokens(whole).subList(0, 40)));
    assertThat(received.finishReason(0)).isEqualTo("length");
    assertThat(received.completion().usage().orElseThrow().completionTokens()).isEqualTo(40);
  }

  @Test
  void anyScenarioStopsAtTheRequestsMaxCompletionTokens() {
    Received received = receive(params("embedded/valid").maxCompletionTokens(7).build());

    String whole = Expected.json(MODEL.model().lastStream(), SCHEMA_POINTER, Scenario.VALID, 0);
    assertThat(received.content(0)).isEqualTo(String.join("", Splits.tokens(whole).subList(0, 7)));
    assertThat(received.finishReason(0)).isEqualTo("length");
    assertThat(MODEL.model().lastStream().tokensSent()).isEqualTo(7);
  }

  @Test
  void fencedWrapsTheJsonInProseAndAMarkdownFence() {
    Received received = receive(params("embedded/fenced").build());

    String json = Expected.json(MODEL.model().lastStream(), SCHEMA_POINTER, Scenario.FENCED, 0);
    assertThat(received.content(0))
        .startsWith("Here is the answer")
        .contains("\n\n```json\n" + json + "\n```\n\n")
        .doesNotEndWith("```");
  }

  @Test
  void thinkPutsAThinkBlockBeforeTheJsonInTheContent() {
    Received received = receive(params("embedded/think").build());

    String json = Expected.json(MODEL.model().lastStream(), SCHEMA_POINTER, Scenario.THINK, 0);
    assertThat(received.content(0))
        .isEqualTo("<think>\n" + Answers.REASONING + "\n</think>\n\n" + json);
  }

  @Test
  void thinkingPutsAThinkingBlockBeforeTheJsonInTheContent() {
    Received received = receive(params("embedded/thinking").build());

    String json = Expected.json(MODEL.model().lastStream(), SCHEMA_POINTER, Scenario.THINKING, 0);
    assertThat(received.content(0))
        .isEqualTo("<thinking>\n" + Answers.REASONING + "\n</thinking>\n\n" + json);
  }

  @Test
  void reasoningStreamsReasoningContentDeltasBeforeTheAnswer() {
    assertReasoningDeltasBeforeTheAnswer(
        receive(params("embedded/reasoning").build()), "reasoning_content", "reasoning");
  }

  @Test
  void reasoningFieldStreamsReasoningDeltasBeforeTheAnswer() {
    assertReasoningDeltasBeforeTheAnswer(
        receive(params("embedded/reasoning-field").build()), "reasoning", "reasoning_content");
  }

  /**
   * Checks that the deltas' {@code field} holds the reasoning, before the answer; none {@code
   * other}.
   */
  @SuppressWarnings("deprecation") // the SDK has no accessor for these non-OpenAI fields
  private static void assertReasoningDeltasBeforeTheAnswer(
      Received received, String field, String other) {
    StringBuilder reasoning = new StringBuilder();
    int lastReasoning = -1;
    int firstContent = -1;
    for (int i = 0; i < received.chunks().size(); i++) {
      for (ChatCompletionChunk.Choice choice : received.chunks().get(i).choices()) {
        JsonValue value = choice.delta()._additionalProperties().get(field);
        if (value != null) {
          reasoning.append(value.asStringOrThrow());
          lastReasoning = i;
        }
        assertThat(choice.delta()._additionalProperties()).doesNotContainKey(other);
        if (firstContent < 0 && !choice.delta().content().orElse("").isEmpty()) {
          firstContent = i;
        }
      }
    }
    assertThat(lastReasoning).isLessThan(firstContent);
    assertThat(reasoning.toString()).isEqualTo(Answers.REASONING);
    ServedStream served = MODEL.model().lastStream();
    assertThat(received.content(0))
        .isEqualTo(Expected.json(served, SCHEMA_POINTER, served.scenario(), 0));
  }

  @Test
  @SuppressWarnings("deprecation") // the SDK has no accessor for reasoning, a non-OpenAI field
  void reasoningFieldPutsTheReasoningInTheWholeMessagesReasoningField() {
    ChatCompletion completion =
        client.chat().completions().create(params("embedded/reasoning-field").build());

    ChatCompletion.Choice choice = completion.choices().get(0);
    assertThat(choice.message()._additionalProperties())
        .containsEntry("reasoning", JsonValue.from(Answers.REASONING));
    assertThat(choice.message()._additionalProperties()).doesNotContainKey("reasoning_content");
    assertThat(choice.message().content())
        .contains(
            Expected.json(MODEL.model().lastStream(), SCHEMA_POINTER, Scenario.REASONING_FIELD, 0));
  }

  @Test
  void nChoicesStreamEachChoiceUnderItsIndexWithItsOwnSeed() {
    Received received = receive(params("embedded/valid").n(3).build());

    ServedStream served = MODEL.model().lastStream();
    int tokens = 0;
    for (int c = 0; c < 3; c++) {
      String expected = Expected.json(served, SCHEMA_POINTER, Scenario.VALID, c);
      assertThat(received.content(c)).isEqualTo(expected);
      assertThat(received.finishReason(c)).isEqualTo("stop");
      tokens += Splits.tokens(expected).size();
    }
    assertThat(received.completion().usage().orElseThrow().completionTokens()).isEqualTo(tokens);
    assertThat(served.tokensSent()).isEqualTo(tokens);
    // the choices take turns: the first token chunks are choices 0, 1, 2
    assertThat(received.chunks().subList(3, 6))
        .extracting(c -> c.choices().get(0).index())
        .containsExactly(0L, 1L, 2L);
  }

  @Test
  void aRequestWithToolsIsAnsweredWithACallToTheFirstTool() {
    Received received =
        receive(params("embedded/valid").addFunctionTool(function("plan_trip")).build());

    var call = received.completion().choices().get(0).message().toolCalls().orElseThrow().get(0);
    assertThat(call.asFunction().function().name()).isEqualTo("plan_trip");
    assertThat(call.asFunction().id()).startsWith("call_");
    assertThat(call.asFunction().function().arguments())
        .isEqualTo(
            Expected.json(
                MODEL.model().lastStream(), "/tools/0/function/parameters", Scenario.VALID, 0));
    assertThat(received.finishReason(0)).isEqualTo("tool_calls");
    assertThat(received.completion().choices().get(0).message().content()).isEmpty();
  }

  @Test
  void parallelToolsInterleaveTheFragmentsAndSendTheSecondIdLate() {
    Received received =
        receive(
            params("embedded/parallel-tools")
                .addFunctionTool(function("get_weather"))
                .addFunctionTool(function("find_tickets"))
                .build());

    List<ChatCompletionChunk.Choice.Delta.ToolCall> deltas = received.toolCallDeltas();
    List<Long> order =
        deltas.stream().map(ChatCompletionChunk.Choice.Delta.ToolCall::index).toList();
    int firstOfSecond = order.indexOf(1L);
    // each call opens with a chunk of its own, then their fragments take turns
    assertThat(order.subList(firstOfSecond + 1, firstOfSecond + 5)).containsExactly(1L, 0L, 1L, 0L);
    assertThat(deltas.get(order.indexOf(0L)).id()).isPresent();
    assertThat(deltas.get(firstOfSecond).id()).isEmpty();
    assertThat(deltas.get(firstOfSecond).function().orElseThrow().name()).contains("find_tickets");
    assertThat(deltas.subList(firstOfSecond + 1, deltas.size()))
        .filteredOn(d -> d.index() == 1L && d.id().isPresent())
        .hasSize(1);
    ServedStream served = MODEL.model().lastStream();
    var calls = received.completion().choices().get(0).message().toolCalls().orElseThrow();
    assertThat(calls).hasSize(2);
    assertThat(calls.get(0).asFunction().function().arguments())
        .isEqualTo(
            Expected.json(served, "/tools/0/function/parameters", Scenario.PARALLEL_TOOLS, 0));
    assertThat(calls.get(1).asFunction().function().arguments())
        .isEqualTo(
            Expected.json(served, "/tools/1/function/parameters", Scenario.PARALLEL_TOOLS, 1));
    // The SDK's accumulator takes a call's id from its first delta only, so it has none for the
    // second call: an adapter must read the late id from the deltas, as here.
    assertThat(deltas.stream().filter(d -> d.index() == 1L).flatMap(d -> d.id().stream()).toList())
        .singleElement(org.assertj.core.api.InstanceOfAssertFactories.STRING)
        .startsWith("call_")
        .isNotEqualTo(calls.get(0).asFunction().id());
    assertThat(received.finishReason(0)).isEqualTo("tool_calls");
  }

  @Test
  void parallelToolsWithoutToolsCallTwoBuiltInFunctions() {
    Received received = receive(params("embedded/parallel-tools").build());

    var calls = received.completion().choices().get(0).message().toolCalls().orElseThrow();
    assertThat(calls)
        .extracting(c -> c.asFunction().function().name())
        .containsExactly("get_weather", "find_tickets");
    assertThat(calls)
        .allSatisfy(
            c -> assertThat(Expected.parses(c.asFunction().function().arguments())).isTrue());
  }

  @Test
  void invalidToolJsonSendsArgumentsThatAreNotJson() {
    Received received =
        receive(
            params("embedded/invalid-tool-json").addFunctionTool(function("plan_trip")).build());

    String arguments =
        received
            .completion()
            .choices()
            .get(0)
            .message()
            .toolCalls()
            .orElseThrow()
            .get(0)
            .asFunction()
            .function()
            .arguments();
    assertThat(Expected.parses(arguments)).isFalse();
    assertThat(arguments)
        .isEqualTo(
            Expected.json(
                MODEL.model().lastStream(),
                "/tools/0/function/parameters",
                Scenario.INVALID_TOOL_JSON,
                0));
  }

  @Test
  void theScenarioHeaderWinsOverTheModelName() {
    Received received =
        receive(
            params("gpt-4o")
                .putAdditionalHeader("X-Embedded-Model-Scenario", "cut-off")
                .maxCompletionTokens(3)
                .build());

    assertThat(received.finishReason(0)).isEqualTo("length");
    assertThat(MODEL.model().lastStream().scenario()).isEqualTo(Scenario.CUT_OFF);
    assertThat(received.completion().model()).isEqualTo("gpt-4o");
  }

  @Test
  void answersWholeWhenNotStreaming() {
    ChatCompletion completion =
        client.chat().completions().create(params("embedded/valid").n(2).build());

    ServedStream served = MODEL.model().lastStream();
    assertThat(completion.choices()).hasSize(2);
    assertThat(completion.choices().get(1).message().content())
        .contains(Expected.json(served, SCHEMA_POINTER, Scenario.VALID, 1));
    assertThat(completion.usage().orElseThrow().completionTokens()).isEqualTo(served.tokensSent());
    assertThat(completion.choices().get(0).finishReason().asString()).isEqualTo("stop");
  }

  @Test
  void anUnknownScenarioIsANotFoundErrorListingTheScenarios() {
    assertThatThrownBy(() -> receive(params("embedded/no-such").build()))
        .isInstanceOf(NotFoundException.class)
        .hasMessageContaining(
            "Unknown scenario `no-such` in the model `embedded/no-such`; the scenarios are: valid,"
                + " invalid-item, cut-off, fenced, think, thinking, reasoning, reasoning-field,"
                + " parallel-tools, invalid-tool-json, slow (and embedded/replay/<recording> in"
                + " the model name).");
  }

  @Test
  void closingTheStreamMidwayEndsTheServedStreamCancelledByTheClient() throws Exception {
    ServedStream served;
    try (StreamResponse<ChatCompletionChunk> stream =
        client.chat().completions().createStreaming(params("embedded/slow").build())) {
      Iterator<ChatCompletionChunk> chunks = stream.stream().iterator();
      for (int i = 0; i < 3; i++) {
        chunks.next();
      }
      served = MODEL.model().lastStream();
    }

    assertThat(served.awaitEnd(Duration.ofSeconds(30)))
        .isEqualTo(ServedStream.Ending.CANCELLED_BY_CLIENT);
    String whole = Expected.json(served, SCHEMA_POINTER, Scenario.SLOW, 0);
    assertThat(served.tokensSent()).isLessThan(Splits.tokens(whole).size());
  }
}
