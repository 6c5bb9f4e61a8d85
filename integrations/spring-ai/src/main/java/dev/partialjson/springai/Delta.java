package dev.partialjson.springai;

import dev.partialjson.binding.TokenUsage;
import org.jspecify.annotations.Nullable;
import org.springframework.ai.chat.metadata.EmptyUsage;
import org.springframework.ai.chat.metadata.Usage;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.model.Generation;

/**
 * What one streamed chunk brings to a session: the answer's text delta (possibly empty), the token
 * usage, finish reason and piece of a refusal where the chunk carries them, and the reasoning so
 * far of the completion the chunk belongs to ({@code response}: its id).
 *
 * <p>Only the first choice is read: with several ({@code n > 1}) each chunk carries the generation
 * of one of them, its index in the message's {@code index} metadata (Spring AI's OpenAI model puts
 * it there), and the chunks of the others are skipped as if empty.
 */
record Delta(
    String text,
    @Nullable TokenUsage usage,
    @Nullable String finishReason,
    @Nullable String reasoningSoFar,
    @Nullable Object response,
    @Nullable String refusal) {

  /**
   * Where Spring AI's OpenAI model puts the reasoning a provider streams apart from the answer
   * ({@code reasoning_content}, or {@code reasoning}): all of it so far in the completion, on every
   * chunk. The chat client's tool loop streams one completion after another, and the reasoning of
   * each starts again from nothing: the completion's id ({@link #RESPONSE}) tells them apart.
   */
  private static final String REASONING = "reasoningContent";

  /** Where it puts the id of the completion the chunk belongs to. */
  private static final String RESPONSE = "id";

  /** Where it puts the piece of a refusal ({@code refusal}) the chunk carries. */
  private static final String REFUSAL = "refusal";

  static Delta of(String text) {
    return new Delta(text, null, null, null, null, null);
  }

  static Delta of(ChatResponse response) {
    Generation generation = firstChoice(response);
    String text = "";
    String finishReason = null;
    String reasoning = null;
    Object id = null;
    String refusal = null;
    if (generation != null) {
      if (generation.getOutput().getMetadata().get(REFUSAL) instanceof String r && !r.isEmpty()) {
        refusal = r;
      }
      if (generation.getOutput().getMetadata().get(REASONING) instanceof String r) {
        reasoning = r;
        id = generation.getOutput().getMetadata().get(RESPONSE);
      }
      String t = generation.getOutput().getText();
      text = t != null ? t : "";
      String reason = generation.getMetadata().getFinishReason();
      // Spring AI's OpenAI model names a chunk without a reason with null or an empty string.
      finishReason = reason == null || reason.isEmpty() ? null : reason;
    }
    return new Delta(text, usage(response), finishReason, reasoning, id, refusal);
  }

  /** Returns the chunk's generation of the first choice, or null if it carries none. */
  private static @Nullable Generation firstChoice(ChatResponse response) {
    for (Generation generation : response.getResults()) {
      Object index = generation.getOutput().getMetadata().get("index");
      if (!(index instanceof Number n) || n.longValue() == 0) {
        return generation;
      }
    }
    return null;
  }

  /**
   * Returns the usage a chunk reports, or null where it reports none: Spring AI puts an {@link
   * EmptyUsage} on every chunk before the provider's final one.
   */
  private static @Nullable TokenUsage usage(ChatResponse response) {
    Usage usage = response.getMetadata().getUsage();
    if (usage == null || usage instanceof EmptyUsage) {
      return null;
    }
    Integer in = usage.getPromptTokens();
    Integer out = usage.getCompletionTokens();
    return new TokenUsage(in != null ? in : 0, out != null ? out : 0);
  }
}
