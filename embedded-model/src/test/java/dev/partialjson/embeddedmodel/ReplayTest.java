package dev.partialjson.embeddedmodel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.anthropic.client.AnthropicClient;
import com.anthropic.core.http.StreamResponse;
import com.anthropic.models.messages.MessageCreateParams;
import com.anthropic.models.messages.RawMessageStreamEvent;
import com.openai.client.OpenAIClient;
import com.openai.errors.SseException;
import com.openai.models.chat.completions.ChatCompletionChunk;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import com.openai.models.responses.ResponseCreateParams;
import com.openai.models.responses.ResponseStreamEvent;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Every recording replays byte for byte, and its SDK parses it. */
class ReplayTest {
  @RegisterExtension static EmbeddedModelExtension MODEL = EmbeddedModelExtension.create();

  private static OpenAIClient openAi;
  private static AnthropicClient anthropic;

  @BeforeAll
  static void openClients() {
    openAi = Clients.openAi(MODEL.model());
    anthropic = Clients.anthropic(MODEL.model());
  }

  @AfterAll
  static void closeClients() {
    openAi.close();
    anthropic.close();
  }

  @ParameterizedTest
  @EnumSource(Recording.class)
  void replaysTheRecordedBytesExactlyEndingTheLastEvent(Recording recording) throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(MODEL.model().baseUrl() + recording.path()))
            .POST(
                HttpRequest.BodyPublishers.ofString(
                    "{\"model\": \"" + recording.model() + "\", \"stream\": true}"))
            .build();

    HttpResponse<byte[]> response =
        HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofByteArray());

    assertThat(response.statusCode()).isEqualTo(200);
    byte[] recorded = recording.bytes();
    assertThat(Arrays.equals(response.body(), recording.served())).isTrue();
    assertThat(Arrays.equals(Arrays.copyOf(response.body(), recorded.length), recorded)).isTrue();
    assertThat(response.body().length - recorded.length).isBetween(0, 2);
    assertThat(new String(response.body(), StandardCharsets.UTF_8)).endsWith("\n\n");
    ServedStream served = MODEL.model().lastStream();
    assertThat(served.scenario()).isEqualTo(Scenario.REPLAY);
    assertThat(served.replay()).contains(recording.id());
    assertThat(served.awaitEnd(Duration.ofSeconds(10))).isEqualTo(ServedStream.Ending.COMPLETED);
  }

  @ParameterizedTest
  @EnumSource(
      value = Recording.class,
      mode = EnumSource.Mode.EXCLUDE,
      names = {
        "CHAT_GROQ_REASONING_ERROR_EVENT",
        "CHAT_OPENROUTER_LENGTH_INBAND_ERROR",
        "RESPONSES_ERROR_THEN_FAILED"
      })
  void theSdkOfTheRecordingsProtocolParsesItToItsEnd(Recording recording) {
    switch (recording.protocol()) {
      case CHAT_COMPLETIONS ->
          assertThat(chatChunks(recording))
              .anySatisfy(c -> assertThat(c.choices().get(0).finishReason()).isPresent());
      case RESPONSES -> {
        List<ResponseStreamEvent> events = responseEvents(recording);
        ResponseStreamEvent last = events.get(events.size() - 1);
        assertThat(last.isCompleted() || last.isIncomplete()).as(last.toString()).isTrue();
      }
      case MESSAGES -> {
        List<RawMessageStreamEvent> events = messageEvents(recording);
        assertThat(events.get(0).isMessageStart()).isTrue();
        assertThat(events.get(events.size() - 1).isMessageStop()).isTrue();
      }
    }
  }

  @Test
  void theSdkReportsTheErrorsThatRecordingsCarryMidStream() {
    assertThatThrownBy(() -> chatChunks(Recording.CHAT_GROQ_REASONING_ERROR_EVENT))
        .isInstanceOf(SseException.class)
        .hasMessageStartingWith("200: Tool call validation failed");
    assertThatThrownBy(() -> chatChunks(Recording.CHAT_OPENROUTER_LENGTH_INBAND_ERROR))
        .isInstanceOf(SseException.class)
        .hasMessage("200: Token limit reached");
    assertThatThrownBy(() -> responseEvents(Recording.RESPONSES_ERROR_THEN_FAILED))
        .isInstanceOf(SseException.class)
        .hasMessageStartingWith("200: You exceeded your current quota");
  }

  private static List<ChatCompletionChunk> chatChunks(Recording recording) {
    try (var stream =
        openAi
            .chat()
            .completions()
            .createStreaming(
                ChatCompletionCreateParams.builder()
                    .model(recording.model())
                    .addUserMessage("replay")
                    .build())) {
      return stream.stream().toList();
    }
  }

  private static List<ResponseStreamEvent> responseEvents(Recording recording) {
    try (var stream =
        openAi
            .responses()
            .createStreaming(
                ResponseCreateParams.builder().model(recording.model()).input("replay").build())) {
      return stream.stream().toList();
    }
  }

  private static List<RawMessageStreamEvent> messageEvents(Recording recording) {
    try (StreamResponse<RawMessageStreamEvent> stream =
        anthropic
            .messages()
            .createStreaming(
                MessageCreateParams.builder()
                    .model(recording.model())
                    .maxTokens(1024)
                    .addUserMessage("replay")
                    .build())) {
      return stream.stream().toList();
    }
  }
}
