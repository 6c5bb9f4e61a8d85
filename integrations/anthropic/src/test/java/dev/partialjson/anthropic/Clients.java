package dev.partialjson.anthropic;

import com.anthropic.client.AnthropicClient;
import com.anthropic.client.okhttp.AnthropicOkHttpClient;
import com.anthropic.models.messages.MessageCreateParams;
import dev.partialjson.embeddedmodel.EmbeddedModel;

/** The real SDK client, pointed at the embedded model, and requests naming a scenario. */
final class Clients {
  private Clients() {}

  static AnthropicClient of(EmbeddedModel model) {
    return AnthropicOkHttpClient.builder()
        .baseUrl(model.anthropicBaseUrl().toString())
        .apiKey("not-used")
        .maxRetries(0)
        .build();
  }

  /**
   * Returns a request for {@code scenario} ("embedded/valid"), or a replay ("embedded/replay/x").
   */
  static MessageCreateParams.Builder request(String model) {
    return MessageCreateParams.builder()
        .model(model)
        .maxTokens(2048)
        .addUserMessage("Plan a short trip, with tasks.");
  }
}
