package dev.partialjson.embeddedmodel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.openai.client.OpenAIClient;
import com.openai.core.http.StreamResponse;
import com.openai.models.chat.completions.ChatCompletionChunk;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Iterator;
import org.junit.jupiter.api.Test;

/** The server's own API: addresses, served streams, their endings, caller mistakes. */
class EmbeddedModelTest {

  private static HttpResponse<String> post(EmbeddedModel model, String path, String body)
      throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(model.baseUrl() + path))
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build();
    return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void startsOnTheLoopbackAtAFreePortWithBaseUrlsForEachSdk() {
    try (EmbeddedModel model = EmbeddedModel.start()) {
      assertThat(model.baseUrl().toString()).matches("http://127\\.0\\.0\\.1:[0-9]+");
      assertThat(model.baseUrl().getPort()).isPositive();
      assertThat(model.openAiBaseUrl()).isEqualTo(URI.create(model.baseUrl() + "/v1"));
      assertThat(model.anthropicBaseUrl()).isEqualTo(model.baseUrl());
      assertThat(model.streams()).isEmpty();
    }
  }

  @Test
  void lastStreamBeforeAnyRequestNamesTheMistake() {
    try (EmbeddedModel model = EmbeddedModel.start()) {
      assertThatThrownBy(model::lastStream)
          .isInstanceOf(IllegalStateException.class)
          .hasMessage("no request has reached the embedded model yet");
    }
  }

  @Test
  void theBuilderRejectsABadPortOrPace() {
    assertThatThrownBy(() -> EmbeddedModel.builder().port(70_000))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("port out of range 0..65535: 70000");
    assertThatThrownBy(() -> EmbeddedModel.builder().pace(Duration.ofMillis(-1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("pace < 0: PT-0.001S");
    assertThatThrownBy(() -> EmbeddedModel.builder().pace(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("pace == null");
  }

  @Test
  void aPortInUseFailsNamingThePort() {
    try (EmbeddedModel first = EmbeddedModel.start()) {
      int port = first.baseUrl().getPort();
      assertThatThrownBy(() -> EmbeddedModel.builder().port(port).start())
          .isInstanceOf(UncheckedIOException.class)
          .hasMessageStartingWith("cannot listen on 127.0.0.1:" + port + ": ");
    }
  }

  @Test
  void recordsEveryRequestInArrivalOrderWithItsBodyAndStatus() throws Exception {
    try (EmbeddedModel model = EmbeddedModel.start()) {
      post(model, "/v1/chat/completions", "{\"model\": \"embedded/valid\"}");
      post(model, "/v1/messages", "{\"model\": \"embedded/fenced\", \"max_tokens\": 9}");
      post(model, "/nowhere", "{}");

      assertThat(model.streams())
          .extracting(ServedStream::path, ServedStream::scenario, ServedStream::status)
          .containsExactly(
              org.assertj.core.groups.Tuple.tuple("/v1/chat/completions", Scenario.VALID, 200),
              org.assertj.core.groups.Tuple.tuple("/v1/messages", Scenario.FENCED, 200),
              org.assertj.core.groups.Tuple.tuple("/nowhere", Scenario.VALID, 404));
      assertThat(model.streams().get(1).requestBody())
          .isEqualTo("{\"model\": \"embedded/fenced\", \"max_tokens\": 9}");
      assertThat(model.lastStream()).isSameAs(model.streams().get(2));
    }
  }

  @Test
  void answersMistakesInTheProtocolsErrorShape() throws Exception {
    try (EmbeddedModel model = EmbeddedModel.start()) {
      HttpResponse<String> notFound = post(model, "/v1/embeddings", "{}");
      assertThat(notFound.statusCode()).isEqualTo(404);
      assertThat(notFound.body())
          .isEqualTo(
              "{\"error\":{\"message\":\"Not found: /v1/embeddings. The embedded model serves POST"
                  + " /v1/chat/completions, /v1/responses and /v1/messages.\","
                  + "\"type\":\"not_found_error\",\"param\":null,\"code\":null}}");
      HttpResponse<String> notJson = post(model, "/v1/messages", "{\"model\":");
      assertThat(notJson.statusCode()).isEqualTo(400);
      assertThat(notJson.body())
          .isEqualTo(
              "{\"type\":\"error\",\"error\":{\"type\":\"invalid_request_error\","
                  + "\"message\":\"The request body is not a JSON object.\"}}");
      HttpResponse<String> get =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(URI.create(model.baseUrl() + "/v1/responses")).build(),
                  HttpResponse.BodyHandlers.ofString());
      assertThat(get.statusCode()).isEqualTo(405);
      assertThat(get.body()).contains("\"message\":\"Use POST for /v1/responses, not GET.\"");
    }
  }

  @Test
  void aSchemaNoAnswerCanBeWrittenForIsTheCallersBadRequestNamingTheConstruct() throws Exception {
    String schema =
        "{\"type\":\"object\",\"properties\":{\"status\":{\"not\":{\"type\":\"string\"}}}}";
    try (EmbeddedModel model = EmbeddedModel.start()) {
      for (String stream : new String[] {"true", "false"}) {
        HttpResponse<String> refused =
            post(
                model,
                "/v1/chat/completions",
                "{\"model\": \"embedded/valid\", \"stream\": "
                    + stream
                    + ", \"response_format\": {\"type\": \"json_schema\", \"json_schema\":"
                    + " {\"name\": \"s\", \"schema\": "
                    + schema
                    + "}}}");
        assertThat(refused.statusCode()).as("stream: " + stream).isEqualTo(400);
        assertThat(refused.body())
            .contains(
                "\"message\":\"The embedded model cannot answer this schema: \\\"not\\\" (a value"
                    + " that must not match a schema) is not supported (at"
                    + " /properties/status/not)\"");
      }
    }
  }

  @Test
  void theModelsSeedShapesTheAnswerAndARequestsSeedWins() throws Exception {
    try (EmbeddedModel model = EmbeddedModel.builder().seed(7).start()) {
      ModelRequest seeded =
          new ModelRequest(
              Protocol.CHAT_COMPLETIONS,
              new com.fasterxml.jackson.databind.ObjectMapper().readTree("{}"),
              Scenario.VALID,
              7);
      ModelRequest own =
          new ModelRequest(
              Protocol.CHAT_COMPLETIONS,
              new com.fasterxml.jackson.databind.ObjectMapper().readTree("{\"seed\": 3}"),
              Scenario.VALID,
              7);
      assertThat(seeded.seed()).isEqualTo(7);
      assertThat(own.seed()).isEqualTo(3);
      String body = post(model, "/v1/chat/completions", "{\"model\": \"embedded/valid\"}").body();
      assertThat(
              new com.fasterxml.jackson.databind.ObjectMapper()
                  .readTree(body)
                  .at("/choices/0/message/content")
                  .asText())
          .isEqualTo(AnswerSource.answer(null, Scenario.VALID, 7));
    }
  }

  @Test
  void awaitEndNamesTheTimeoutWhileTheStreamRunsAndClosingTheModelEndsIt() throws Exception {
    EmbeddedModel model = EmbeddedModel.start();
    OpenAIClient client = Clients.openAi(model);
    StreamResponse<ChatCompletionChunk> stream =
        client
            .chat()
            .completions()
            .createStreaming(ChatCompletionsStreamingTest.params("embedded/slow").build());
    Iterator<ChatCompletionChunk> chunks = stream.stream().iterator();
    chunks.next();
    chunks.next();
    ServedStream served = model.lastStream();
    assertThat(served.ending()).isEmpty();
    assertThatThrownBy(() -> served.awaitEnd(Duration.ofMillis(1)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageMatching(
            "the stream of /v1/chat/completions has not ended within PT0\\.001S \\([0-9]+ tokens"
                + " sent\\)");

    model.close();

    assertThat(served.awaitEnd(Duration.ofSeconds(30))).isEqualTo(ServedStream.Ending.MODEL_CLOSED);
    try {
      stream.close();
    } catch (RuntimeException e) {
      // the SDK may report the connection the model closed: not what this test is about
    }
    client.close();
  }
}
