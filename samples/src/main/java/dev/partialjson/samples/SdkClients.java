package dev.partialjson.samples;

import com.anthropic.client.AnthropicClient;
import com.anthropic.client.okhttp.AnthropicOkHttpClient;
import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import dev.partialjson.embeddedmodel.EmbeddedModel;
import java.util.Objects;

/**
 * The official SDKs' clients, pointed at an embedded model: the samples talk to it exactly as an
 * application talks to the provider, with a base URL and a key (which the embedded model ignores).
 */
final class SdkClients {
  private static final String KEY = "not-needed-by-the-embedded-model";

  private SdkClients() {}

  /** Returns an openai-java client of {@code model}'s OpenAI endpoints; the caller closes it. */
  static OpenAIClient openAi(EmbeddedModel model) {
    Objects.requireNonNull(model, "model == null");
    return OpenAIOkHttpClient.builder()
        .baseUrl(model.openAiBaseUrl().toString())
        .apiKey(KEY)
        .build();
  }

  /**
   * Returns an anthropic-java client of {@code model}'s Messages endpoint; the caller closes it.
   */
  static AnthropicClient anthropic(EmbeddedModel model) {
    Objects.requireNonNull(model, "model == null");
    return AnthropicOkHttpClient.builder()
        .baseUrl(model.anthropicBaseUrl().toString())
        .apiKey(KEY)
        .build();
  }
}
