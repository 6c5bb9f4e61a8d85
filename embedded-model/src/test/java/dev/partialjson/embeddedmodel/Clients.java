package dev.partialjson.embeddedmodel;

import com.anthropic.client.AnthropicClient;
import com.anthropic.client.okhttp.AnthropicOkHttpClient;
import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;

/** The official SDK clients, pointed at an embedded model, without retries. */
final class Clients {
  private Clients() {}

  static OpenAIClient openAi(EmbeddedModel model) {
    return OpenAIOkHttpClient.builder()
        .baseUrl(model.openAiBaseUrl().toString())
        .apiKey("none")
        .maxRetries(0)
        .build();
  }

  static AnthropicClient anthropic(EmbeddedModel model) {
    return AnthropicOkHttpClient.builder()
        .baseUrl(model.anthropicBaseUrl().toString())
        .apiKey("none")
        .maxRetries(0)
        .build();
  }
}
