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
    OpenAiChatModel chatModel =
        OpenAiChatModel.builder()
            .options(
                OpenAiChatOptions.builder()
                    .baseUrl(model.openAiBaseUrl().toString())
                    .apiKey("not-needed")
                    .model("embedded/valid")
                    .maxRetries(0)
                    .build())
            .build();
    return ChatClient.create(chatModel);
  }
}
