package dev.partialjson.openai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.openai.client.OpenAIClient;
import com.openai.errors.OpenAIException;
import com.openai.errors.SseException;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import dev.partialjson.binding.StreamingBinder;
import dev.partialjson.binding.TokenUsage;
import dev.partialjson.embeddedmodel.EmbeddedModelExtension;
import dev.partialjson.parser.IncompleteJsonException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Recorded real Chat Completions streams (OpenAI's, from openai-python's tests, and
 * OpenAI-compatible servers' with reasoning), replayed byte for byte by the embedded model and read
 * by the real openai-java client.
 */
class ChatReplaysTest {
  @RegisterExtension static final EmbeddedModelExtension MODEL = EmbeddedModelExtension.create();

  record Location(String city, int temperature, String units) {}

  record Place(String location) {}

  private static final StreamingBinder<Location> LOCATION = StreamingBinder.of(Location.class);
  private static final StreamingBinder<JsonNode> ANY = StreamingBinder.of(JsonNode.class);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static OpenAIClient client;

  @Test
  void structuredOutput() {
    ChatResult<Location> result =
        OpenAiStreams.chat(LOCATION).stream(replay("chat-structured-output"));

    assertThat(result.value()).isEqualTo(new Location("San Francisco", 61, "f"));
    assertThat(result.choice(0).finishReason()).contains("stop");
    assertThat(result.usage()).contains(new TokenUsage(79, 14));
    assertThat(result.choice(0).session().orElseThrow().stats().usage())
        .isEqualTo(new TokenUsage(79, 14));
  }

  @Test
  void threeChoicesInterleavedEachInItsOwnSession() {
    ChatResult<Location> result = OpenAiStreams.chat(LOCATION).stream(replay("chat-three-choices"));

    assertThat(result.choices())
        .extracting(choice -> choice.value().temperature())
        .containsExactly(65, 61, 59);
    assertThat(result.usage()).contains(new TokenUsage(79, 42));
  }

  @Test
  void cutOffAfterOneTokenEndsWithFinishReasonLength() {
    ChatResult<Location> result = OpenAiStreams.chat(LOCATION).stream(replay("chat-max-tokens-1"));

    assertThat(result.choice(0).finishReason()).contains("length");
    assertThatThrownBy(result::value)
        .isInstanceOf(IncompleteJsonException.class)
        .hasMessageStartingWith("Incomplete");
    assertThat(result.usage()).contains(new TokenUsage(79, 1));
  }

  @Test
  void refusalIsReportedAndNeverFedAsJson() {
    StringBuilder refusal = new StringBuilder();

    ChatResult<Location> result =
        OpenAiStreams.chat(LOCATION).onRefusal((choice, delta) -> refusal.append(delta)).stream(
            replay("chat-refusal"));

    String text = "I'm sorry, I can't assist with that request.";
    assertThat(refusal).hasToString(text);
    assertThat(result.choice(0).refusal()).contains(text);
    assertThat(result.choice(0).session()).isEmpty();
    assertThatThrownBy(result::value)
        .isInstanceOf(OpenAIException.class)
        .hasMessage("choice 0 refused: " + text);
  }

  @Test
  void forecastItemsArriveInTheDeltaThatClosesThem() throws Exception {
    Pieces pieces = new Pieces();
    List<Integer> arrivedIn = new ArrayList<>();

    ChatResult<JsonNode> result =
        OpenAiStreams.chat(ANY)
            .onText(pieces::add)
            .onSession(
                session ->
                    session.onItem(
                        "$.forecast[*]", JsonNode.class, day -> arrivedIn.add(pieces.current())))
            .stream(replay("chat-json-object"));

    assertThat(result.value()).isEqualTo(JSON.readTree(pieces.text()));
    assertThat(arrivedIn).hasSize(3).isEqualTo(pieces.closingPieces("forecast"));
  }

  @Test
  void parallelToolCallsEachBoundToTheirFunctionsType() {
    record Stock(String ticker, String exchange) {}
    record Weather(String city, String country, String units) {}

    ChatResult<Void> result =
        OpenAiStreams.chat()
            .tool("GetWeatherArgs", StreamingBinder.of(Weather.class), session -> {})
            .tool("get_stock_price", StreamingBinder.of(Stock.class), session -> {})
            .stream(replay("chat-parallel-tools"));

    List<ToolCall> calls = result.choice(0).toolCalls();
    assertThat(calls).hasSize(2);
    assertThat(calls.get(0).arguments(Weather.class))
        .isEqualTo(new Weather("Edinburgh", "GB", "c"));
    assertThat(calls.get(1).arguments(Stock.class)).isEqualTo(new Stock("AAPL", "NASDAQ"));
    assertThat(calls)
        .extracting(call -> call.id().orElseThrow())
        .allMatch(id -> id.startsWith("call_"));
    assertThat(result.choice(0).finishReason()).contains("tool_calls");
  }

  @Test
  void plainTextWithoutABinderGoesToTheTextListener() {
    Pieces pieces = new Pieces();

    ChatResult<Void> result = OpenAiStreams.chat().onText(pieces::add).stream(replay("chat-text"));

    String text =
        "I'm unable to provide real-time weather updates. To get the current weather in San"
            + " Francisco, I recommend checking a reliable weather website or a weather app.";
    assertThat(pieces.text()).isEqualTo(text);
    assertThat(result.choice(0).text()).contains(text);
    assertThatThrownBy(result::value)
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("choice 0 has no bound content (finish_reason stop)");
  }

  @Test
  void llamaCppReasoningContentIsKeptApartAndTheToolCallBound() {
    StringBuilder reasoning = new StringBuilder();

    ChatResult<Void> result =
        OpenAiStreams.chat()
            .onReasoning((choice, delta) -> reasoning.append(delta))
            .tool("weather", StreamingBinder.of(Place.class), session -> {})
            .stream(replay("chat-llama-cpp-reasoning-tool-call"));

    assertThat(reasoning).hasSize(67);
    ToolCall call = result.choice(0).toolCalls().get(0);
    assertThat(call.arguments(Place.class)).isEqualTo(new Place("Florence, Italy"));
    assertThat(call.id()).contains("1wNpqrejg1FCTjf6xq8JRCGKgWZO74AL");
    assertThat(result.usage()).contains(new TokenUsage(139, 42));
  }

  @Test
  void deepSeekReasoningBeforePlainText() {
    StringBuilder reasoning = new StringBuilder();
    Pieces pieces = new Pieces();

    OpenAiStreams.chat()
        .onReasoning((choice, delta) -> reasoning.append(delta))
        .onText(pieces::add)
        .stream(replay("chat-deepseek-reasoning-content"));

    assertThat(reasoning).hasSize(882);
    assertThat(pieces.text()).isEqualTo("Hello there! 😊 How can I help you today?");
  }

  @Test
  void openRouterReasoningIsSentOnceThoughMirroredInReasoningDetails() {
    StringBuilder reasoning = new StringBuilder();

    ChatResult<Void> result =
        OpenAiStreams.chat()
            .onReasoning((choice, delta) -> reasoning.append(delta))
            .tool("weather", StreamingBinder.of(Place.class), session -> {})
            .stream(replay("chat-openrouter-reasoning-tool-call"));

    assertThat(reasoning).hasSize(388);
    assertThat(result.choice(0).toolCalls().get(0).arguments(Place.class))
        .isEqualTo(new Place("Florence, Italy"));
    assertThat(result.usage()).contains(new TokenUsage(607, 143));
  }

  @Test
  void kimiToolCallsOfUnregisteredFunctionsAreBoundAsJson() {
    ChatResult<Void> result =
        OpenAiStreams.chat().stream(replay("chat-kimi-reasoning-parallel-tools"));

    List<ToolCall> calls = result.choice(0).toolCalls();
    assertThat(calls)
        .extracting(call -> call.id().orElseThrow())
        .containsExactly("functions.add:0", "functions.multiply:1");
    assertThat(calls.get(1).arguments(JsonNode.class))
        .isEqualTo(JSON.createObjectNode().put("a", 2).put("b", 3));
  }

  @Test
  void anErrorEventMidStreamIsTheSdksExceptionAndTheReasoningSoFarStays() {
    StringBuilder reasoning = new StringBuilder();

    ChatResult<Location> result =
        OpenAiStreams.chat(LOCATION).onReasoning((choice, delta) -> reasoning.append(delta)).stream(
            replay("chat-groq-reasoning-error-event"));

    assertThat(reasoning).hasSize(412);
    assertThat(result.error()).containsInstanceOf(SseException.class);
    assertThat(result.errorSource()).contains("the stream");
    assertThatThrownBy(result::value).isSameAs(result.error().get());
  }

  @Test
  void lengthStopThenAnInBandError() {
    ChatResult<Location> result =
        OpenAiStreams.chat(LOCATION).stream(replay("chat-openrouter-length-inband-error"));

    assertThat(result.choice(0).finishReason()).contains("length");
    assertThat(result.error()).containsInstanceOf(SseException.class);
    assertThat(result.error().get()).hasMessageContaining("Token limit reached");
  }

  private static com.openai.core.http.StreamResponse<
          com.openai.models.chat.completions.ChatCompletionChunk>
      replay(String name) {
    return client()
        .chat()
        .completions()
        .createStreaming(
            ChatCompletionCreateParams.builder()
                .model("embedded/replay/" + name)
                .addUserMessage("replayed")
                .build());
  }

  private static synchronized OpenAIClient client() {
    if (client == null) {
      client = Clients.of(MODEL.model());
    }
    return client;
  }

  @AfterAll
  static void closeClient() {
    if (client != null) {
      client.close();
      client = null;
    }
  }
}
