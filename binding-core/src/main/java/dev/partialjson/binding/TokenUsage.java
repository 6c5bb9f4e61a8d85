package dev.partialjson.binding;

/**
 * Tokens a model request used, as its provider reported them in the stream's final event; see
 * {@link BindingSession#reportUsage} and {@link SessionStats#usage()}. Immutable.
 *
 * <pre>{@code
 * session.reportUsage(new TokenUsage(usage.promptTokens(), usage.completionTokens()));
 * }</pre>
 *
 * @param inputTokens tokens of the prompt (OpenAI's {@code prompt_tokens} or {@code input_tokens},
 *     Anthropic's {@code input_tokens})
 * @param outputTokens tokens the model generated, reasoning included where the provider counts it
 *     there (OpenAI's {@code completion_tokens} or {@code output_tokens}, Anthropic's {@code
 *     output_tokens})
 */
public record TokenUsage(long inputTokens, long outputTokens) {
  /**
   * Checks the counts.
   *
   * @throws IllegalArgumentException if a count is negative
   */
  public TokenUsage {
    if (inputTokens < 0) {
      throw new IllegalArgumentException("inputTokens < 0: " + inputTokens);
    }
    if (outputTokens < 0) {
      throw new IllegalArgumentException("outputTokens < 0: " + outputTokens);
    }
  }

  /** Returns input and output tokens together. */
  public long totalTokens() {
    return inputTokens + outputTokens;
  }
}
