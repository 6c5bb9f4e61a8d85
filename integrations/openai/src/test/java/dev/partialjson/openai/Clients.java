package dev.partialjson.openai;

import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import dev.partialjson.embeddedmodel.EmbeddedModel;

/** The real openai-java client, pointed at the embedded model. */
final class Clients {
  private Clients() {}

  static OpenAIClient of(EmbeddedModel model) {
    return OpenAIOkHttpClient.builder()
        .baseUrl(model.openAiBaseUrl().toString())
        .apiKey("not-needed")
        .maxRetries(0)
        .build();
  }
}
