package dev.partialjson.anthropic;

import dev.partialjson.binding.BindingSession;
import dev.partialjson.binding.ValidationException;
import dev.partialjson.binding.Violation;
import dev.partialjson.parser.PartialJsonException;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Thrown when the JSON of one content block of a streamed message is malformed, invalid, incomplete
 * or cannot be bound: it says which block (its index and kind, and for a tool call the tool's name
 * and id), keeps the session's own exception as its cause with the same reason, path and offset,
 * and, when the message stopped early, the provider's {@code stop_reason}:
 *
 * <pre>
 * Unexpected character ('q' (code 113)): was expecting comma to separate Object entries at $
 * (offset 20, line 1, column 21) near "&#123;\"city\": \"Florence \"" in tool_use block 0
 * (get_weather, id toolu_01)
 * </pre>
 *
 * <p>Everything that arrived before the problem stays readable: {@link #session()} is the block's
 * session, whose {@link BindingSession#partial()} shows it.
 */
public final class ContentBlockException extends PartialJsonException {
  private static final long serialVersionUID = 1L;

  private final long blockIndex;
  private final String blockType;
  private final @Nullable String toolName;
  private final @Nullable String toolUseId;
  private final @Nullable String stopReason;
  private final transient BindingSession<?> session;
  private final String message;

  ContentBlockException(Block block, @Nullable String stopReason, PartialJsonException cause) {
    super(cause.reason(), cause.path(), cause.byteOffset(), cause.line(), cause.column(), "");
    initCause(cause);
    this.message = cause.getMessage() + " in " + block.describe() + stopped(stopReason);
    this.blockIndex = block.index();
    this.blockType = block.type();
    this.toolName = block.toolName();
    this.toolUseId = block.toolUseId();
    this.stopReason = stopReason;
    this.session = block.session();
  }

  private static String stopped(@Nullable String stopReason) {
    return stopReason == null ? "" : "; the message stopped with stop_reason " + stopReason;
  }

  /** Returns the index of the content block in the message, as the stream numbered it. */
  public long blockIndex() {
    return blockIndex;
  }

  /** Returns the kind of block: {@code text} or {@code tool_use}. */
  public String blockType() {
    return blockType;
  }

  /** Returns the name of the tool whose input this block held, or null for a text block. */
  public @Nullable String toolName() {
    return toolName;
  }

  /** Returns the id of the tool call ({@code toolu_...}), or null for a text block. */
  public @Nullable String toolUseId() {
    return toolUseId;
  }

  /**
   * Returns the {@code stop_reason} of a message that ended before the block's JSON did ({@code
   * max_tokens}, say), or null if the problem was in what arrived.
   */
  public @Nullable String stopReason() {
    return stopReason;
  }

  /** Returns the block's session: its {@code partial()} shows what had arrived. */
  public BindingSession<?> session() {
    return session;
  }

  /**
   * Returns the violations when the block's value was invalid (the cause is a {@link
   * ValidationException}), else an empty list.
   */
  public List<Violation> violations() {
    return getCause() instanceof ValidationException invalid ? invalid.violations() : List.of();
  }

  /** Returns the cause's message, then the block and, if the message stopped early, why. */
  @Override
  public String getMessage() {
    return message;
  }

  @Override
  public synchronized PartialJsonException getCause() {
    return (PartialJsonException) super.getCause();
  }
}
