package dev.partialjson.embeddedmodel;

import static org.assertj.core.api.Assertions.assertThat;

import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.core.JsonValue;
import com.openai.core.http.StreamResponse;
import com.openai.models.ResponseFormatJsonSchema;
import com.openai.models.chat.completions.ChatCompletionChunk;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import com.openai.models.chat.completions.ChatCompletionStreamOptions;
import com.openai.models.completions.CompletionUsage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Chat Completions streaming as openai-java parses it, scenario by scenario. */
class ChatCompletionsStreamingTest {
  static final String SCHEMA =
      "{\"type\":\"object\",\"properties\":{\"title\":{\"type\":\"string\"}},"
          + "\"required\":[\"title\"],\"additionalProperties\":false}";

  @RegisterExtension static EmbeddedModelExtension MODEL = EmbeddedModelExtension.create();

  private static OpenAIClient client;

  static OpenAIClient client() {
    if (client == null) {
      client =
          OpenAIOkHttpClient.builder()
              .baseUrl(MODEL.model().openAiBaseUrl().toString())
              .apiKey("none")
              .maxRetries(0)
              .build();
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

  static ChatCompletionCreateParams.Builder params(String model) {
    return ChatCompletionCreateParams.builder()
        .model(model)
        .addUserMessage("Plan a weekend in Lisbon.")
        .responseFormat(
            ResponseFormatJsonSchema.builder()
                .jsonSchema(
                    ResponseFormatJsonSchema.JsonSchema.builder()
                        .name("plan")
                        .strict(true)
                        .schema(
                            ResponseFormatJsonSchema.JsonSchema.Schema.builder()
                                .additionalProperties(
                                    Map.of(
                                        "type", JsonValue.from("object"),
                                        "properties",
                                            JsonValue.from(
                                                Map.of("title", Map.of("type", "string")))))
                                .build())
                        .build())
                .build())
        .streamOptions(ChatCompletionStreamOptions.builder().includeUsage(true).build());
  }

  /** What a stream carried, choice by choice, as the SDK parsed it. */
  record Received(
      Map<Long, StringBuilder> content,
      Map<Long, String> finishReasons,
      List<ChatCompletionChunk> chunks,
      Optional<CompletionUsage> usage) {
    String content(long choice) {
      return content.getOrDefault(choice, new StringBuilder()).toString();
    }
  }

  static Received receive(ChatCompletionCreateParams params) {
    Map<Long, StringBuilder> content = new TreeMap<>();
    Map<Long, String> finish = new TreeMap<>();
    List<ChatCompletionChunk> chunks = new ArrayList<>();
    Optional<CompletionUsage> usage = Optional.empty();
    try (StreamResponse<ChatCompletionChunk> stream =
        client().chat().completions().createStreaming(params)) {
      for (ChatCompletionChunk chunk : (Iterable<ChatCompletionChunk>) stream.stream()::iterator) {
        chunks.add(chunk);
        usage = chunk.usage().isPresent() ? chunk.usage() : usage;
        for (ChatCompletionChunk.Choice choice : chunk.choices()) {
          choice
              .delta()
              .content()
              .ifPresent(
                  c -> content.computeIfAbsent(choice.index(), i -> new StringBuilder()).append(c));
          choice.finishReason().ifPresent(f -> finish.put(choice.index(), f.asString()));
        }
      }
    }
    return new Received(content, finish, chunks, usage);
  }

  @Test
  void streamsTheValidAnswerTokenByTokenWithUsage() throws InterruptedException {
    Received received = receive(params("embedded/valid").build());

    String expected = AnswerSource.answer(SCHEMA, Scenario.VALID, 0);
    assertThat(received.content(0)).isEqualTo(expected);
    assertThat(received.finishReasons()).containsExactly(Map.entry(0L, "stop"));
    ServedStream served = MODEL.model().lastStream();
    assertThat(served.awaitEnd(java.time.Duration.ofSeconds(10)))
        .isEqualTo(ServedStream.Ending.COMPLETED);
    int tokens = dev.partialjson.testkit.Splits.tokens(expected).size();
    assertThat(served.tokensSent()).isEqualTo(tokens);
    // role chunk + one per token + finish chunk + usage chunk
    assertThat(received.chunks()).hasSize(tokens + 3);
    assertThat(received.usage()).isPresent();
    assertThat(received.usage().get().completionTokens()).isEqualTo(tokens);
    assertThat(received.usage().get().promptTokens())
        .isEqualTo(dev.partialjson.testkit.Splits.tokens("Plan a weekend in Lisbon.\n").size());
    assertThat(served.path()).isEqualTo("/v1/chat/completions");
    assertThat(served.scenario()).isEqualTo(Scenario.VALID);
    assertThat(served.requestBody()).contains("\"model\":\"embedded/valid\"");
  }
}
