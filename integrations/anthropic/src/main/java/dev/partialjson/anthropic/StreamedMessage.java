package dev.partialjson.anthropic;

import dev.partialjson.binding.BindingResult;
import dev.partialjson.binding.BindingSession;
import dev.partialjson.binding.TokenUsage;
import dev.partialjson.parser.IncompleteJsonException;
import dev.partialjson.parser.PartialJsonException;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A message read to its end by {@link AnthropicBinding#read}: the answer's session, the tool calls
 * in block order, the {@code stop_reason} and the usage. Every session in it has been fed all its
 * input and ended; {@link #complete()} returns the answer or says precisely why there is none. Not
 * thread-safe.
 *
 * @param <T> the answer's type
 */
public final class StreamedMessage<T> {
  private final @Nullable BindingSession<T> answer;
  private final @Nullable Block answerBlock;
  private final List<ToolUse<?>> toolUses;
  private final @Nullable String stopReason;
  private final @Nullable TokenUsage usage;

  StreamedMessage(
      @Nullable BindingSession<T> answer,
      @Nullable Block answerBlock,
      List<ToolUse<?>> toolUses,
      @Nullable String stopReason,
      @Nullable TokenUsage usage) {
    this.answer = answer;
    this.answerBlock = answerBlock;
    this.toolUses = List.copyOf(toolUses);
    this.stopReason = stopReason;
    this.usage = usage;
  }

  /**
   * Returns the answer, bound and valid.
   *
   * @throws ContentBlockException if the answer's JSON is malformed, incomplete, cannot be bound or
   *     is invalid: it names the block, and when the message stopped inside the JSON, the {@code
   *     stop_reason} ({@code max_tokens}); its cause is the session's own exception, and {@link
   *     #answer()}{@code .partial()} still shows what arrived
   * @throws IncompleteJsonException if no block of the answer arrived at all: also when the model
   *     only thought and called tools, its thinking fed to the answer's session as reasoning but no
   *     answer ({@link #answer()}{@code .stats().bytes() == 0})
   * @throws IllegalStateException if the binding has no typed answer
   */
  public @Nullable T complete() {
    try {
      return answer().complete();
    } catch (PartialJsonException e) {
      if (answerBlock == null) {
        throw e;
      }
      throw new ContentBlockException(
          answerBlock, e instanceof IncompleteJsonException ? stopReason : null, e);
    }
  }

  /**
   * Returns the answer's outcome without throwing for what the model did wrong.
   *
   * @throws IllegalStateException if the binding has no typed answer
   */
  public BindingResult<T> result() {
    return answer().result();
  }

  /**
   * Returns the answer's session: its {@code partial()} and {@code stats()} stay available.
   *
   * @throws IllegalStateException if the binding has no typed answer
   */
  public BindingSession<T> answer() {
    if (answer == null) {
      throw new IllegalStateException(
          "no typed answer: the binding was built with AnthropicBinding.builder()");
    }
    return answer;
  }

  /** Returns the calls of the tools registered with the binding, in block order. */
  public List<ToolUse<?>> toolUses() {
    return toolUses;
  }

  /**
   * Returns the message's {@code stop_reason} ({@code end_turn}, {@code tool_use}, {@code
   * max_tokens}, {@code refusal}, ...), if the stream carried one.
   */
  public Optional<String> stopReason() {
    return Optional.ofNullable(stopReason);
  }

  /** Returns the tokens the request used, from {@code message_start} and {@code message_delta}. */
  public Optional<TokenUsage> usage() {
    return Optional.ofNullable(usage);
  }
}
