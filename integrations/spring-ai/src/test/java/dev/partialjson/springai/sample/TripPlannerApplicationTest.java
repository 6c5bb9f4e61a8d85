package dev.partialjson.springai.sample;

import static org.assertj.core.api.Assertions.assertThat;

import dev.partialjson.embeddedmodel.EmbeddedModelExtension;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.web.reactive.function.client.WebClient;

/** The sample application, started on a free port against the embedded model, asked over HTTP. */
class TripPlannerApplicationTest {
  @RegisterExtension static final EmbeddedModelExtension MODEL = EmbeddedModelExtension.create();

  private static final Duration END = Duration.ofSeconds(30);
  private static ConfigurableApplicationContext application;
  private static WebClient http;

  @BeforeAll
  static void start() {
    application = TripPlannerApplication.start(MODEL.model().openAiBaseUrl(), "--server.port=0");
    http =
        WebClient.create(
            "http://127.0.0.1:" + application.getEnvironment().getProperty("local.server.port"));
  }

  @AfterAll
  static void stop() {
    application.close();
  }

  private static List<ServerSentEvent<Map<String, Object>>> events(String query) {
    return http.get()
        .uri("/trip" + query)
        .accept(MediaType.TEXT_EVENT_STREAM)
        .retrieve()
        .bodyToFlux(new ParameterizedTypeReference<ServerSentEvent<Map<String, Object>>>() {})
        .collectList()
        .block(END);
  }

  private static List<Map<String, Object>> named(
      List<ServerSentEvent<Map<String, Object>>> events, String name) {
    return events.stream().filter(e -> name.equals(e.event())).map(ServerSentEvent::data).toList();
  }

  @Test
  void streamsTheTextsEachActivityByItsPathAndTheEnd() {
    List<ServerSentEvent<Map<String, Object>>> events = events("");

    String title =
        named(events, "text").stream()
            .filter(d -> d.get("path").equals("$.title"))
            .map(d -> (String) d.get("delta"))
            .reduce("", String::concat);
    assertThat(title)
        .isNotEmpty()
        .isEqualTo(
            named(events, "value").stream()
                .filter(d -> d.get("path").equals("$.title"))
                .findFirst()
                .orElseThrow()
                .get("value"));
    List<Map<String, Object>> activities = named(events, "activity");
    assertThat(activities).hasSizeGreaterThan(1);
    for (int i = 0; i < activities.size(); i++) {
      assertThat(activities.get(i).get("path")).isEqualTo("$.activities[" + i + "]");
      assertThat(activities.get(i).get("violations")).isEqualTo("[]");
      assertThat(activities.get(i).get("value").toString()).contains("name=", "day=", "hours=");
    }
    Map<String, Object> end = events.get(events.size() - 1).data();
    assertThat(events.get(events.size() - 1).event()).isEqualTo("end");
    assertThat(end)
        .containsEntry("valid", true)
        .containsEntry("problems", "[]")
        .containsEntry("finishReason", "STOP")
        .containsEntry("outputTokens", MODEL.model().lastStream().tokensSent());
  }

  @Test
  void endsWithTheViolationWhenAnActivityIsInvalid() {
    List<ServerSentEvent<Map<String, Object>>> events = events("?model=embedded/invalid-item");

    Map<String, Object> end = events.get(events.size() - 1).data();
    assertThat(end).containsEntry("valid", false);
    assertThat((String) end.get("problems")).matches("\\[\\$\\.activities\\[\\d+]\\.\\w+ .+]");
    String invalid = ((String) end.get("problems")).substring(1).split(" ")[0];
    List<Map<String, Object>> activities = named(events, "activity");
    assertThat(activities).hasSizeGreaterThan(1);
    for (Map<String, Object> activity : activities) {
      boolean isTheInvalidOne = invalid.startsWith(activity.get("path") + ".");
      assertThat(activity.get("violations").equals("[]")).isNotEqualTo(isTheInvalidOne);
    }
    assertThat(activities).anyMatch(a -> invalid.startsWith(a.get("path") + "."));
  }

  @Test
  void servesThePageThatReadsTheEvents() {
    String page = http.get().uri("/").retrieve().bodyToMono(String.class).block(END);

    assertThat(page).contains("new EventSource(\"/trip\"", "addEventListener(\"activity\"");
  }
}
