package dev.partialjson.embeddedmodel;

import static org.assertj.core.api.Assertions.assertThat;

import com.openai.client.OpenAIClient;
import com.openai.core.JsonValue;
import com.openai.core.http.StreamResponse;
import com.openai.helpers.ResponseAccumulator;
import com.openai.models.responses.Response;
import com.openai.models.responses.ResponseCreateParams;
import com.openai.models.responses.ResponseFormatTextJsonSchemaConfig;
import com.openai.models.responses.ResponseStreamEvent;
import com.openai.models.responses.ResponseTextConfig;
import dev.partialjson.testkit.Splits;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Responses streaming as openai-java parses it, scenario by scenario. */
class ResponsesStreamingTest {
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
                                    "properties",
                                    JsonValue.from(Map.of("title", Map.of("type", "string"))))
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
    ResponseAccumulator accumulator = ResponseAccumulator.create();
    try (StreamResponse<ResponseStreamEvent> stream = client.responses().createStreaming(params)) {
      stream.stream().forEach(e -> events.add(accumulator.accumulate(e)));
    }
    return new Received(events, accumulator);
  }

  @Test
  void streamsTheValidAnswerAsOutputTextDeltasAndCompletesWithUsage() throws Exception {
    Received received = receive(params("embedded/valid").build());

    String expected = AnswerSource.answer("{}", Scenario.VALID, 0);
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
}
