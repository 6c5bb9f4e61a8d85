package dev.partialjson.openai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.openai.client.OpenAIClient;
import com.openai.core.http.StreamResponse;
import com.openai.errors.OpenAIException;
import com.openai.errors.SseException;
import com.openai.models.responses.ResponseCreateParams;
import com.openai.models.responses.ResponseStreamEvent;
import dev.partialjson.binding.StreamingBinder;
import dev.partialjson.binding.TokenUsage;
import dev.partialjson.embeddedmodel.EmbeddedModelExtension;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Recorded real Responses streams replayed byte for byte by the embedded model and read by the real
 * openai-java client.
 */
class ResponseReplaysTest {
  @RegisterExtension static final EmbeddedModelExtension MODEL = EmbeddedModelExtension.create();

  record Book(
      Author author,
      List<String> genres,
      @com.fasterxml.jackson.annotation.JsonProperty("published_year") int publishedYear,
      String title) {
    record Author(String name, String nationality) {}
  }

  record Secret(String password) {}

  record Place(String location) {}

  record City(String city) {}

  private static final ObjectMapper JSON = new ObjectMapper();
  private static OpenAIClient client;

  @Test
  void structuredOutputAfterAnEmptyReasoningItem() throws Exception {
    Pieces pieces = new Pieces();
    List<String> genres = new java.util.ArrayList<>();

    ResponseResult<Book> result =
        OpenAiStreams.responses(StreamingBinder.of(Book.class))
            .onText(pieces::add)
            .onSession(session -> session.onValue("$.genres[*]", String.class, genres::add))
            .stream(replay("responses-structured-output-nested"));

    Book book = result.value();
    assertThat(book.publishedYear()).isEqualTo(1954);
    assertThat(book.author().name()).isEqualTo("J.R.R. Tolkien");
    assertThat(genres).containsExactlyElementsOf(book.genres()).hasSize(4);
    JsonNode bound = JSON.valueToTree(book);
    assertThat(bound).isEqualTo(JSON.readTree(pieces.text()));
    assertThat(result.messages())
        .singleElement()
        .extracting(ResponseResult.Message::outputIndex)
        .isEqualTo(1);
    assertThat(result.usage()).contains(new TokenUsage(138, 444));
    assertThat(result.status()).contains("completed");
  }

  @Test
  void twoFunctionCallsByOutputIndex() {
    ResponseResult<Void> result =
        OpenAiStreams.responses()
            .tool("secret_retrieval_tool", StreamingBinder.of(Secret.class), session -> {})
            .stream(replay("responses-parallel-function-calls"));

    List<ToolCall> calls = result.toolCalls();
    assertThat(calls).extracting(ToolCall::index).containsExactly(0, 1);
    assertThat(calls.get(0).arguments(Secret.class)).isEqualTo(new Secret("mellon"));
    assertThat(calls.get(1).arguments(Secret.class)).isEqualTo(new Secret("radiance"));
    assertThat(calls.get(0).id()).contains("call_sKC7OABqf2A2PTLCm0CLeRWV");
    assertThat(calls.get(1).itemId())
        .contains("fc_0c3b09d20eedf2d30068f966bafd288190a9045fdc554de6d5");
  }

  @Test
  void reasoningSummaryIsKeptApartFromTheFunctionCall() {
    StringBuilder summary = new StringBuilder();
    List<Integer> outputs = new java.util.ArrayList<>();

    ResponseResult<Void> result =
        OpenAiStreams.responses()
            .onReasoning(
                (output, delta) -> {
                  summary.append(delta);
                  outputs.add(output);
                })
            .tool("weather", StreamingBinder.of(Place.class), session -> {})
            .stream(replay("responses-reasoning-summary-function-call"));

    assertThat(summary).hasSize(424).startsWith("**Getting weather info**");
    assertThat(outputs).containsOnly(0);
    assertThat(result.toolCalls().get(0).arguments(Place.class))
        .isEqualTo(new Place("Florence, Italy"));
    assertThat(result.usage()).contains(new TokenUsage(63, 121));
  }

  @Test
  void deepSeekReasoningTextIsKeptApart() {
    StringBuilder reasoning = new StringBuilder();

    ResponseResult<Void> result =
        OpenAiStreams.responses()
            .onReasoning((output, delta) -> reasoning.append(delta))
            .tool("get_temperature", StreamingBinder.of(City.class), session -> {})
            .stream(replay("responses-deepseek-reasoning-function-call"));

    assertThat(reasoning)
        .hasToString("The user asks about temperature in Tokyo. I'll call the tool.");
    assertThat(result.toolCalls().get(0).arguments(City.class)).isEqualTo(new City("Tokyo"));
  }

  @Test
  void cutOffByMaxOutputTokensEndsIncomplete() {
    ResponseResult<Void> result =
        OpenAiStreams.responses().stream(replay("responses-incomplete-max-output-tokens"));

    assertThat(result.status()).contains("incomplete");
    assertThat(result.incompleteReason()).contains("max_output_tokens");
    assertThat(result.messages().get(0).text())
        .hasValueSatisfying(
            text -> assertThat(text).startsWith("Sure! Here is a list").endsWith("9. Florida"));
    assertThat(result.usage()).contains(new TokenUsage(14, 50));
  }

  @Test
  void refusalIsReportedAndNeverFedAsJson() {
    StringBuilder refusal = new StringBuilder();

    ResponseResult<Book> result =
        OpenAiStreams.responses(StreamingBinder.of(Book.class))
            .onRefusal((output, delta) -> refusal.append(delta))
            .stream(replay("responses-refusal"));

    assertThat(refusal).hasToString("I'm sorry, I can't assist with that.");
    assertThat(result.messages().get(0).session()).isEmpty();
    assertThatThrownBy(result::value)
        .isInstanceOf(OpenAIException.class)
        .hasMessage("output 0 refused: I'm sorry, I can't assist with that.");
  }

  /**
   * openai-java itself throws at an event carrying an {@code error} object, before the {@code
   * response.failed} that follows it: the result keeps the SDK's exception, which quotes the
   * provider.
   */
  @Test
  void anErrorEventIsTheSdksExceptionQuotingTheProvider() {
    ResponseResult<JsonNode> result =
        OpenAiStreams.responses(StreamingBinder.of(JsonNode.class)).stream(
            replay("responses-error-then-failed"));

    assertThat(result.messages()).isEmpty();
    assertThat(result.status()).isEmpty();
    assertThat(result.error()).containsInstanceOf(SseException.class);
    assertThat(result.errorSource()).contains("the stream");
    assertThatThrownBy(result::value)
        .isSameAs(result.error().get())
        .hasMessageContaining("You exceeded your current quota");
  }

  private static StreamResponse<ResponseStreamEvent> replay(String name) {
    return client()
        .responses()
        .createStreaming(
            ResponseCreateParams.builder()
                .model("embedded/replay/" + name)
                .input("replayed")
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
