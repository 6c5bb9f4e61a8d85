package dev.partialjson.openai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.openai.client.OpenAIClient;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import com.openai.models.responses.ResponseCreateParams;
import dev.partialjson.binding.FailurePolicy;
import dev.partialjson.binding.SessionStats;
import dev.partialjson.binding.StreamingBinder;
import dev.partialjson.binding.ValidationException;
import dev.partialjson.embeddedmodel.EmbeddedModelExtension;
import dev.partialjson.embeddedmodel.ServedStream;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A session that fails fast closes the SDK's stream, and the server sees the request cancelled
 * while it still had tokens to send (the slow scenario paces them at 200 ms each).
 */
class CancellationTest {
  @RegisterExtension static final EmbeddedModelExtension MODEL = EmbeddedModelExtension.create();

  /**
   * The strict schema cannot say "at most 3 characters" (OpenAI's strict mode has no maxLength), so
   * the model writes longer names and the first activity fails validation as it closes.
   */
  record Terse(String title, List<@Valid Activity> activities) {
    record Activity(@Size(max = 3) String name) {}
  }

  private static final StreamingBinder<Terse> TERSE =
      StreamingBinder.builder(Terse.class).failurePolicy(FailurePolicy.FAIL_FAST).build();
  private static final Duration END = Duration.ofSeconds(30);
  private static OpenAIClient client;

  @Test
  void chatCompletionsRequestIsCancelledWhenASessionFailsFast() throws Exception {
    ChatResult<Terse> result =
        OpenAiStreams.chat(TERSE).stream(
            client()
                .chat()
                .completions()
                .createStreaming(
                    ChatCompletionCreateParams.builder()
                        .model("embedded/slow")
                        .addUserMessage("Plan a weekend")
                        .responseFormat(OpenAiStreams.responseFormat(TERSE))
                        .build()));

    assertThat(result.error()).containsInstanceOf(ValidationException.class);
    assertThat(result.errorSource()).contains("choice 0");
    assertThat(MODEL.model().lastStream().awaitEnd(END))
        .isEqualTo(ServedStream.Ending.CANCELLED_BY_CLIENT);
  }

  @Test
  void responsesRequestIsCancelledWhenASessionFailsFast() throws Exception {
    ResponseResult<Terse> result =
        OpenAiStreams.responses(TERSE).stream(
            client()
                .responses()
                .createStreaming(
                    ResponseCreateParams.builder()
                        .model("embedded/slow")
                        .input("Plan a weekend")
                        .text(OpenAiStreams.textFormat(TERSE))
                        .build()));

    assertThat(result.error()).containsInstanceOf(ValidationException.class);
    assertThat(result.errorSource()).hasValueSatisfying(s -> assertThat(s).startsWith("output 0"));
    assertThat(result.status()).isEmpty();
    assertThat(result.messages().get(0).session().orElseThrow().stats().phase())
        .isEqualTo(SessionStats.Phase.FAILED);
    assertThat(MODEL.model().lastStream().awaitEnd(END))
        .isEqualTo(ServedStream.Ending.CANCELLED_BY_CLIENT);
  }

  @Test
  void aCallbacksExceptionCancelsTheRequestAndPropagates() throws Exception {
    IllegalStateException stop = new IllegalStateException("the user closed the page");
    StreamingBinder<Terse> collecting = StreamingBinder.of(Terse.class);

    assertThatThrownBy(
            () ->
                OpenAiStreams.chat(collecting)
                    .onSession(
                        session ->
                            session.onText(
                                "$.title",
                                (path, full, delta) -> {
                                  throw stop;
                                }))
                    .stream(
                        client()
                            .chat()
                            .completions()
                            .createStreaming(
                                ChatCompletionCreateParams.builder()
                                    .model("embedded/slow")
                                    .addUserMessage("Plan a weekend")
                                    .responseFormat(OpenAiStreams.responseFormat(collecting))
                                    .build())))
        .isSameAs(stop);
    assertThat(MODEL.model().lastStream().awaitEnd(END))
        .isEqualTo(ServedStream.Ending.CANCELLED_BY_CLIENT);
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
