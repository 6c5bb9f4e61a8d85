package dev.partialjson.springai.sample;

import dev.partialjson.embeddedmodel.EmbeddedModel;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A Spring Boot 4 WebFlux application that streams a trip plan to the browser as it is written:
 * open {@code http://localhost:8080/} and the page shows each activity when its object closes, and
 * the texts as they grow, from the server-sent events of {@link TripEvents}.
 *
 * <p>Offline by default: {@link #main} starts an embedded model and points Spring AI's OpenAI chat
 * model at it. To use a real endpoint, pass {@code --spring.ai.openai.base-url=...} and {@code
 * --spring.ai.openai.api-key=...} (and {@code --spring.ai.openai.chat.model=...}); then no embedded
 * model is started.
 *
 * <pre>
 * ./mvnw -pl integrations/spring-ai test-compile exec:java
 * </pre>
 */
@SpringBootApplication
public class TripPlannerApplication {

  /** Starts the application (and, without a base URL among the arguments, an embedded model). */
  public static void main(String[] args) {
    boolean ownEndpoint = String.join(" ", args).contains("spring.ai.openai.base-url");
    URI endpoint = null;
    if (!ownEndpoint) {
      // A visible pace, so that the page fills in as a real model would fill it.
      EmbeddedModel model = EmbeddedModel.builder().pace(Duration.ofMillis(30)).start();
      endpoint = model.openAiBaseUrl();
      System.out.println("Embedded model at " + model.baseUrl());
    }
    ConfigurableApplicationContext context = start(endpoint, args);
    System.out.println(
        "Open http://localhost:" + context.getEnvironment().getProperty("local.server.port") + "/");
  }

  /**
   * Starts the application with Spring AI's OpenAI chat model pointed at {@code openAiBaseUrl}
   * (when not null), and returns its context; the arguments override.
   */
  public static ConfigurableApplicationContext start(URI openAiBaseUrl, String... args) {
    SpringApplication application = new SpringApplication(TripPlannerApplication.class);
    if (openAiBaseUrl != null) {
      application.setDefaultProperties(
          Map.of(
              "spring.ai.openai.base-url", openAiBaseUrl.toString(),
              "spring.ai.openai.api-key", "not-needed",
              "spring.ai.openai.chat.model", "embedded/valid"));
    }
    return application.run(args);
  }
}
