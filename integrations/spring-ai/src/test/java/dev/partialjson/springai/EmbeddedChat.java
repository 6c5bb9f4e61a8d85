package dev.partialjson.springai;

import dev.partialjson.embeddedmodel.EmbeddedModel;
import org.springframework.ai.chat.client.ChatClient;
import org.springframework.ai.openai.OpenAiChatModel;
import org.springframework.ai.openai.OpenAiChatOptions;

/** Spring AI's own OpenAI chat model and chat client, pointed at the embedded model. */
final class EmbeddedChat {
  private EmbeddedChat() {}

  /** Returns a chat client whose requests go to {@code model}, with no retries. */
  static ChatClient client(EmbeddedModel model) {
    return ChatClient.create(chatModel(model));
  }

  /**
   * Returns Spring AI's OpenAI chat model whose requests go to {@code model}, with no retries: its
   * {@code stream} hands tool calls back instead of running them, as the chat client's tool loop
   * would.
   */
  static OpenAiChatModel chatModel(EmbeddedModel model) {
    return OpenAiChatModel.builder()
        .options(
            OpenAiChatOptions.builder()
                .baseUrl(model.openAiBaseUrl().toString())
                .apiKey("not-needed")
                .model("embedded/valid")
                .maxRetries(0)
                .build())
        .build();
  }
}
