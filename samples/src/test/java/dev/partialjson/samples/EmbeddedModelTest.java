package dev.partialjson.samples;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.partialjson.testkit.Splits;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Speaks to the embedded model with a plain JDK client, as any OpenAI-compatible client would. */
class EmbeddedModelTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static EmbeddedModel model;
  private static final HttpClient CLIENT = HttpClient.newHttpClient();

  @BeforeAll
  static void start() {
    model = EmbeddedModel.start(Duration.ZERO);
  }

  @AfterAll
  static void stop() {
    model.close();
  }

  @Test
  void listensOnTheLoopbackInterface() {
    assertThat(model.baseUrl().toString()).matches("http://127\\.0\\.0\\.1:\\d+/v1");
  }

  @Test
  void streamsTheAnswerOneTokenPerChunkThenDone() throws Exception {
    HttpResponse<String> response = post("{\"model\": \"embedded/valid\", \"stream\": true}");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValue("text/event-stream; charset=utf-8");
    assertThat(response.body()).startsWith("data: {").endsWith("\n\ndata: [DONE]\n\n");
    List<JsonNode> chunks = chunks(response.body());
    assertThat(chunks)
        .allSatisfy(c -> assertThat(c.path("object").asText()).isEqualTo("chat.completion.chunk"));
    assertThat(chunks.get(0).at("/choices/0/delta/role").asText()).isEqualTo("assistant");
    List<String> contents = new ArrayList<>();
    for (JsonNode chunk : chunks.subList(1, chunks.size() - 1)) {
      contents.add(chunk.at("/choices/0/delta/content").asText());
      assertThat(chunk.at("/choices/0/finish_reason").isNull()).isTrue();
    }
    assertThat(contents).isEqualTo(Splits.tokens(Scenario.VALID.content()));
    assertThat(contents).hasSizeGreaterThan(100).contains("Bel", "ém"); // real tokens, not bytes
    assertThat(chunks.get(chunks.size() - 1).at("/choices/0/finish_reason").asText())
        .isEqualTo("stop");
  }

  @Test
  void streamsEachOfNChoicesWholeWithItsIndex() throws Exception {
    List<JsonNode> chunks =
        chunks(post("{\"model\": \"embedded/valid\", \"stream\": true, \"n\": 3}").body());

    Map<Integer, StringBuilder> content = new TreeMap<>();
    Map<Integer, String> finish = new TreeMap<>();
    for (JsonNode chunk : chunks) {
      assertThat(chunk.path("choices")).hasSize(1);
      JsonNode choice = chunk.path("choices").get(0);
      content
          .computeIfAbsent(choice.path("index").asInt(), i -> new StringBuilder())
          .append(choice.at("/delta/content").asText(""));
      if (!choice.path("finish_reason").isNull()) {
        finish.put(choice.path("index").asInt(), choice.path("finish_reason").asText());
      }
    }
    assertThat(content.keySet()).containsExactly(0, 1, 2);
    assertThat(content.values())
        .allSatisfy(c -> assertThat(c.toString()).isEqualTo(Scenario.VALID.content()));
    assertThat(finish).isEqualTo(Map.of(0, "stop", 1, "stop", 2, "stop"));
  }

  @Test
  void streamsToolCallArgumentsByIndexWithIdAndNameFirst() throws Exception {
    List<JsonNode> chunks =
        chunks(post("{\"model\": \"embedded/tool-calls\", \"stream\": true}").body());

    Map<Integer, StringBuilder> arguments = new TreeMap<>();
    List<String> firsts = new ArrayList<>();
    for (JsonNode chunk : chunks) {
      for (JsonNode call : chunk.at("/choices/0/delta/tool_calls")) {
        int index = call.path("index").asInt();
        if (call.has("id")) {
          firsts.add(
              index + " " + call.path("id").asText() + " " + call.at("/function/name").asText());
          assertThat(arguments).doesNotContainKey(index);
        }
        arguments
            .computeIfAbsent(index, i -> new StringBuilder())
            .append(call.at("/function/arguments").asText());
      }
    }
    assertThat(firsts)
        .containsExactly("0 call_weather_1 get_weather", "1 call_tickets_2 find_tickets");
    assertThat(arguments.get(0)).hasToString("{\"city\": \"Lisbon\", \"unit\": \"c\"}");
    assertThat(arguments.get(1))
        .hasToString(
            "{\"place\": \"Castelo de São Jorge\", \"date\": \"2026-05-16\", \"people\": 2}");
    JsonNode last = chunks.get(chunks.size() - 1);
    assertThat(last.at("/choices/0/finish_reason").asText()).isEqualTo("tool_calls");
  }

  @Test
  void endsWithUsageWhenAskedFor() throws Exception {
    String request =
        "{\"model\": \"embedded/valid\", \"stream\": true, \"n\": 2,"
            + " \"stream_options\": {\"include_usage\": true},"
            + " \"messages\": [{\"role\": \"user\", \"content\": \"Plan a weekend\"}]}";
    List<JsonNode> chunks = chunks(post(request).body());

    JsonNode last = chunks.get(chunks.size() - 1);
    int tokens = Splits.tokens(Scenario.VALID.content()).size();
    assertThat(last.path("choices")).isEmpty();
    assertThat(last.path("usage").path("prompt_tokens").asInt()).isEqualTo(3);
    assertThat(last.path("usage").path("completion_tokens").asInt()).isEqualTo(2 * tokens);
    assertThat(last.path("usage").path("total_tokens").asInt()).isEqualTo(3 + 2 * tokens);
    assertThat(chunks.subList(0, chunks.size() - 1))
        .allSatisfy(c -> assertThat(c.path("usage").isNull()).isTrue());
  }

  @Test
  void stopsAtMaxTokensWithFinishReasonLength() throws Exception {
    List<JsonNode> chunks =
        chunks(post("{\"model\": \"embedded/valid\", \"stream\": true, \"max_tokens\": 5}").body());

    StringBuilder content = new StringBuilder();
    chunks.forEach(c -> content.append(c.at("/choices/0/delta/content").asText("")));
    assertThat(content)
        .hasToString(String.join("", Splits.tokens(Scenario.VALID.content()).subList(0, 5)));
    assertThat(chunks.get(chunks.size() - 1).at("/choices/0/finish_reason").asText())
        .isEqualTo("length");
  }

  @Test
  void cutsTheCutOffScenarioAtFortyTokens() throws Exception {
    List<JsonNode> chunks =
        chunks(post("{\"model\": \"embedded/cut-off\", \"stream\": true}").body());

    assertThat(chunks).hasSize(1 + 40 + 1);
    assertThat(chunks.get(41).at("/choices/0/finish_reason").asText()).isEqualTo("length");
  }

  @Test
  void takesTheScenarioFromAMarkerInTheLastUserMessage() throws Exception {
    String request =
        "{\"model\": \"any-model\", \"stream\": true, \"messages\": ["
            + "{\"role\": \"system\", \"content\": \"JSON only\"},"
            + "{\"role\": \"user\", \"content\": [{\"type\": \"text\", \"text\": \"[scenario: fenced] Plan\"}]}]}";
    StringBuilder content = new StringBuilder();
    chunks(post(request).body())
        .forEach(c -> content.append(c.at("/choices/0/delta/content").asText("")));

    assertThat(content).hasToString(Scenario.FENCED.content());
    assertThat(Scenario.FENCED.content())
        .startsWith("Here is a relaxed weekend in Lisbon, as JSON:\n\n```json\n{");
  }

  @Test
  void replaysARecordingEventByEvent() throws Exception {
    String body =
        post("{\"model\": \"embedded/replay/openai-structured-output\", \"stream\": true}").body();

    assertThat(events(new SseReader(new StringReader(body))))
        .isEqualTo(
            events(
                new SseReader(
                    new InputStreamReader(
                        Recording.OPENAI_STRUCTURED_OUTPUT.open(), StandardCharsets.UTF_8))));
  }

  @Test
  void answersErrorsAsTheApiDoes() throws Exception {
    HttpResponse<String> unknown = post("{\"model\": \"embedded/nope\", \"stream\": true}");
    HttpResponse<String> notStreaming = post("{\"model\": \"embedded/valid\"}");

    assertThat(unknown.statusCode()).isEqualTo(404);
    assertThat(MAPPER.readTree(unknown.body()).at("/error/message").asText())
        .isEqualTo("The model `embedded/nope` does not exist");
    assertThat(notStreaming.statusCode()).isEqualTo(400);
    assertThat(MAPPER.readTree(notStreaming.body()).at("/error/message").asText())
        .isEqualTo("the embedded model only streams");
  }

  private static List<SseReader.Event> events(SseReader sse) {
    List<SseReader.Event> events = new ArrayList<>();
    for (SseReader.Event e; (e = sse.next()) != null; ) {
      events.add(e);
    }
    return events;
  }

  /** Returns the chunks of an event stream, checking that it ends with {@code [DONE]}. */
  private static List<JsonNode> chunks(String body) throws IOException {
    List<SseReader.Event> events = events(new SseReader(new StringReader(body)));
    assertThat(events.get(events.size() - 1).isDone()).isTrue();
    List<JsonNode> chunks = new ArrayList<>();
    for (SseReader.Event event : events.subList(0, events.size() - 1)) {
      chunks.add(MAPPER.readTree(event.data()));
    }
    return chunks;
  }

  private static HttpResponse<String> post(String json) throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(model.baseUrl() + "/chat/completions"))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json))
            .build();
    return CLIENT.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }
}
