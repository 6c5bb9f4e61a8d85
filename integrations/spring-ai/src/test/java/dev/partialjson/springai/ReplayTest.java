package dev.partialjson.springai;

import static org.assertj.core.api.Assertions.assertThat;

import dev.partialjson.binding.StreamingBinder;
import dev.partialjson.embeddedmodel.EmbeddedModelExtension;
import dev.partialjson.parser.IncompleteJsonException;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.ai.openai.OpenAiChatOptions;

/**
 * Recorded real streams (gpt-4o structured outputs), replayed byte for byte by the embedded model
 * and read by Spring AI's OpenAI chat model, bound by the adapter.
 */
class ReplayTest {
  @RegisterExtension static final EmbeddedModelExtension MODEL = EmbeddedModelExtension.create();

  private static final Duration END = Duration.ofSeconds(30);

  /** What the recordings' structured output holds. */
  record Weather(String city, double temperature, String units) {}

  private final ChatClientBinding<Weather> weather =
      ChatClientBinding.of(StreamingBinder.of(Weather.class));

  private StreamedAnswer.Outcome<Weather> replay(String name) {
    return weather.stream(
            EmbeddedChat.client(MODEL.model())
                .prompt()
                .user("The weather in a city")
                .options(OpenAiChatOptions.builder().model("embedded/replay/" + name)))
        .outcome()
        .block(END);
  }

  @Test
  void bindsARecordedStructuredOutputWithItsUsage() {
    StreamedAnswer.Outcome<Weather> outcome = replay("chat-structured-output");

    assertThat(outcome.result().isValid()).isTrue();
    assertThat(outcome.result().value().city()).isNotBlank();
    assertThat(outcome.finishReason()).isEqualTo("STOP");
    assertThat(outcome.refusal()).isNull();
    assertThat(MODEL.model().lastStream().replay()).hasValue("chat-structured-output");
  }

  @Test
  void bindsTheFirstOfThreeInterleavedChoices() {
    StreamedAnswer.Outcome<Weather> outcome = replay("chat-three-choices");

    assertThat(outcome.result().isValid()).isTrue();
    assertThat(outcome.result().value().city()).isNotBlank();
  }

  @Test
  void reportsTheAnswerCutOffAfterOneToken() {
    StreamedAnswer.Outcome<Weather> outcome = replay("chat-max-tokens-1");

    assertThat(outcome.finishReason()).isEqualTo("LENGTH");
    assertThat(outcome.result().error())
        .isInstanceOf(IncompleteJsonException.class)
        .hasMessageStartingWith("Incomplete JSON: the input ended inside");
  }

  @Test
  void reportsTheRefusalThatCameInsteadOfTheJson() {
    StreamedAnswer.Outcome<Weather> outcome = replay("chat-refusal");

    assertThat(outcome.refusal()).startsWith("I'm");
    assertThat(outcome.result().value()).isNull();
    assertThat(outcome.result().error()).isInstanceOf(IncompleteJsonException.class);
  }
}
