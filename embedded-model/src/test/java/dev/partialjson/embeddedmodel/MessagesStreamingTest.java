package dev.partialjson.embeddedmodel;

import static org.assertj.core.api.Assertions.assertThat;

import com.anthropic.client.AnthropicClient;
import com.anthropic.core.http.StreamResponse;
import com.anthropic.helpers.MessageAccumulator;
import com.anthropic.models.messages.Message;
import com.anthropic.models.messages.MessageCreateParams;
import com.anthropic.models.messages.RawMessageStreamEvent;
import com.anthropic.models.messages.StopReason;
import dev.partialjson.testkit.Splits;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Anthropic Messages streaming as anthropic-java parses it, scenario by scenario. */
class MessagesStreamingTest {
  @RegisterExtension static EmbeddedModelExtension MODEL = EmbeddedModelExtension.create();

  private static AnthropicClient client;

  @BeforeAll
  static void openClient() {
    client = Clients.anthropic(MODEL.model());
  }

  @AfterAll
  static void closeClient() {
    client.close();
  }

  static MessageCreateParams.Builder params(String model) {
    return MessageCreateParams.builder()
        .model(model)
        .maxTokens(1024)
        .addUserMessage("Plan a weekend in Lisbon.");
  }

  /** The events of one stream, all fed to the SDK's accumulator. */
  record Received(List<RawMessageStreamEvent> events, MessageAccumulator accumulator) {
    String text() {
      StringBuilder text = new StringBuilder();
      events.forEach(
          e ->
              e.contentBlockDelta()
                  .flatMap(d -> d.delta().text())
                  .ifPresent(t -> text.append(t.text())));
      return text.toString();
    }
  }

  static Received receive(MessageCreateParams params) {
    List<RawMessageStreamEvent> events = new ArrayList<>();
    MessageAccumulator accumulator = MessageAccumulator.create();
    try (StreamResponse<RawMessageStreamEvent> stream = client.messages().createStreaming(params)) {
      stream.stream().forEach(e -> events.add(accumulator.accumulate(e)));
    }
    return new Received(events, accumulator);
  }

  @Test
  void streamsTheValidAnswerAsTextDeltasAndEndsTheTurnWithUsage() throws Exception {
    Received received = receive(params("embedded/valid").build());

    String expected = AnswerSource.answer(null, Scenario.VALID, 0);
    int tokens = Splits.tokens(expected).size();
    assertThat(received.text()).isEqualTo(expected);
    Message message = received.accumulator().message();
    assertThat(message.stopReason()).contains(StopReason.END_TURN);
    assertThat(message.content()).hasSize(1);
    assertThat(message.content().get(0).asText().text()).isEqualTo(expected);
    assertThat(message.usage().outputTokens()).isEqualTo(tokens);
    assertThat(message.usage().inputTokens())
        .isEqualTo(Splits.tokens("Plan a weekend in Lisbon.\n").size());
    ServedStream served = MODEL.model().lastStream();
    assertThat(served.path()).isEqualTo("/v1/messages");
    assertThat(served.awaitEnd(Duration.ofSeconds(10))).isEqualTo(ServedStream.Ending.COMPLETED);
    assertThat(served.tokensSent()).isEqualTo(tokens);
  }
}
