package dev.partialjson.samples.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.partialjson.samples.SseReader;
import java.io.InputStreamReader;
import java.io.Reader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class PlanServerTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final HttpClient CLIENT =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private static PlanServer server;

  @BeforeAll
  static void start() {
    server = PlanServer.start(0, 0);
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  record Event(String type, JsonNode data) {
    String path() {
      return data.path("json_path").asText();
    }
  }

  private static List<Event> events(String query) throws Exception {
    return events(server.uri().resolve("events" + query));
  }

  /** Returns the events streamed from {@code uri}, read to the end of the response. */
  static List<Event> events(URI uri) throws Exception {
    HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(20)).build();
    HttpResponse<java.io.InputStream> response =
        CLIENT.send(request, HttpResponse.BodyHandlers.ofInputStream());
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValue("text/event-stream; charset=utf-8");
    List<Event> events = new ArrayList<>();
    try (Reader body = new InputStreamReader(response.body(), StandardCharsets.UTF_8)) {
      SseReader sse = new SseReader(body);
      for (SseReader.Event e; (e = sse.next()) != null; ) {
        events.add(new Event(e.type(), MAPPER.readTree(e.data())));
      }
    }
    return events;
  }

  @Test
  void streamsTheTitleAsTextDeltasKeyedByItsPath() throws Exception {
    List<Event> events = events("");

    String title =
        events.stream()
            .filter(e -> e.type().equals("text") && e.path().equals("$.title"))
            .map(e -> e.data().get("delta").asText())
            .collect(Collectors.joining());
    assertThat(title)
        .isEqualTo("Ship the browser demo of partialjson, tested in headless Chromium");
    assertThat(events.stream().filter(e -> e.path().equals("$.title")).count())
        .as("one text event per token of the title, then its value")
        .isGreaterThan(5);
    assertThat(events.get(0).type()).isEqualTo("text");
    assertThat(events.get(0).path()).isEqualTo("$.title");
  }

  @Test
  void sendsEachTaskAsAnItemWithItsValidationThenDoneWithTheFinalValue() throws Exception {
    List<Event> events = events("");

    List<Event> items = events.stream().filter(e -> e.type().equals("item")).toList();
    assertThat(items)
        .extracting(Event::path)
        .containsExactly("$.tasks[0]", "$.tasks[1]", "$.tasks[2]", "$.tasks[3]");
    assertThat(items)
        .extracting(e -> e.data().get("valid").asBoolean())
        .containsExactly(true, true, false, true);
    assertThat(items.get(2).data().toString())
        .isEqualTo(
            "{\"json_path\":\"$.tasks[2]\",\"item\":{\"title\":\"Mark every task as valid or not\","
                + "\"priority\":\"medium\",\"hours\":0},\"valid\":false,\"violations\":"
                + "[{\"json_path\":\"$.tasks[2].hours\",\"message\":\"must be greater than 0\"}]}");

    Event done = events.get(events.size() - 1);
    assertThat(done.type()).isEqualTo("done");
    assertThat(done.data().get("value").get("title").asText()).startsWith("Ship the browser demo");
    assertThat(done.data().get("value").get("tasks")).hasSize(4);
    assertThat(done.data().get("valid").asBoolean()).isFalse();
    assertThat(done.data().get("violations").toString())
        .isEqualTo("[{\"json_path\":\"$.tasks[2].hours\",\"message\":\"must be greater than 0\"}]");
    assertThat(events).filteredOn(e -> e.type().equals("error")).isEmpty();
  }

  @Test
  void sendsEventsInDocumentOrder() throws Exception {
    List<Event> events = events("");

    // Each task's fields (text deltas, then values), then the task itself as an item.
    List<String> task1 =
        events.stream()
            .filter(e -> e.path().startsWith("$.tasks[1]"))
            .map(e -> e.type() + " " + e.path())
            .distinct()
            .toList();
    assertThat(task1)
        .containsExactly(
            "text $.tasks[1].title",
            "value $.tasks[1].title",
            "value $.tasks[1].priority",
            "value $.tasks[1].hours",
            "item $.tasks[1]");
    int lastTask0 = -1;
    int firstTask1 = -1;
    for (int i = 0; i < events.size(); i++) {
      if (events.get(i).path().startsWith("$.tasks[0]")) {
        lastTask0 = i;
      }
      if (firstTask1 < 0 && events.get(i).path().startsWith("$.tasks[1]")) {
        firstTask1 = i;
      }
    }
    assertThat(lastTask0).isLessThan(firstTask1);
    assertThat(events.stream().filter(e -> e.path().equals("$.tasks[1].hours")).findFirst())
        .get()
        .extracting(e -> e.data().toString())
        .isEqualTo("{\"json_path\":\"$.tasks[1].hours\",\"value\":5}");
  }

  @Test
  void endsACutOffAnswerWithAnErrorAfterWhatDidArrive() throws Exception {
    List<Event> events = events("?answer=truncated");

    assertThat(events)
        .filteredOn(e -> e.type().equals("item"))
        .extracting(Event::path)
        .containsExactly("$.tasks[0]", "$.tasks[1]");
    Event last = events.get(events.size() - 1);
    assertThat(last.type()).isEqualTo("error");
    assertThat(last.data().get("message").asText())
        .startsWith("Incomplete JSON: the input ended ")
        .contains("$.tasks[2]");
    assertThat(events).filteredOn(e -> e.type().equals("done")).isEmpty();
  }

  @Test
  void servesThePageAndItsScript() throws Exception {
    HttpResponse<String> page = get("");
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.headers().firstValue("Content-Type")).hasValue("text/html; charset=utf-8");
    assertThat(page.body()).contains("<script src=\"app.js\"></script>");

    HttpResponse<String> script = get("app.js");
    assertThat(script.statusCode()).isEqualTo(200);
    assertThat(script.body()).contains("new EventSource(");
  }

  @Test
  void answersUnknownPagesAndAnswersWith404() throws Exception {
    assertThat(get("nope").statusCode()).isEqualTo(404);
    HttpResponse<String> answer = get("events?answer=nope");
    assertThat(answer.statusCode()).isEqualTo(404);
    assertThat(answer.body()).isEqualTo("no answer named nope\n");
  }

  private static HttpResponse<String> get(String path) throws Exception {
    return CLIENT.send(
        HttpRequest.newBuilder(server.uri().resolve(path)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void cutsTheAnswerIntoTokensThatConcatenateToIt() {
    List<String> tokens = ScriptedAnswer.PLAN.deltas();
    assertThat(String.join("", tokens)).isEqualTo(ScriptedAnswer.PLAN.text());
    assertThat(tokens).hasSizeGreaterThan(100);
    // Tokens that end inside a character are merged: no delta holds half a character.
    String text = "Crème brûlée 🍮, 日本語のテキスト, 🦜🦩🪿";
    List<String> pieces = ScriptedAnswer.tokens(text);
    assertThat(String.join("", pieces)).isEqualTo(text);
    assertThat(pieces).hasSizeGreaterThan(5).noneMatch(piece -> piece.contains("\uFFFD"));
  }
}
