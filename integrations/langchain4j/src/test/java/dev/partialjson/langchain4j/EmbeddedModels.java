package dev.partialjson.langchain4j;

import dev.langchain4j.model.openai.OpenAiStreamingChatModel;
import dev.partialjson.embeddedmodel.EmbeddedModel;
import java.time.Duration;

/** The real LangChain4j OpenAI client, pointed at the embedded model. */
final class EmbeddedModels {
  private EmbeddedModels() {}

  /** Returns a client of {@code model} asking for {@code modelName} ({@code embedded/<id>}). */
  static OpenAiStreamingChatModel.OpenAiStreamingChatModelBuilder client(
      EmbeddedModel model, String modelName) {
    return OpenAiStreamingChatModel.builder()
        .baseUrl(model.openAiBaseUrl().toString())
        .apiKey("not-needed")
        .modelName(modelName)
        .strictJsonSchema(true)
        .strictTools(true)
        .returnThinking(true)
        .timeout(Duration.ofSeconds(60));
  }
}
