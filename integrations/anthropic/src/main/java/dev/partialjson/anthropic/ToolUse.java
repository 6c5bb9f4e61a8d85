package dev.partialjson.anthropic;

import dev.partialjson.binding.BindingResult;
import dev.partialjson.binding.BindingSession;
import dev.partialjson.parser.IncompleteJsonException;
import dev.partialjson.parser.PartialJsonException;
import org.jspecify.annotations.Nullable;

/**
 * One {@code tool_use} block of a streamed message, bound to the type registered for its tool: its
 * {@code input_json_delta} pieces went into {@link #session()} as they arrived, keyed by the
 * block's index, so calls that the model makes one after another (or, in any order, interleaved)
 * each have their own session. Read once the stream has been read; not thread-safe.
 *
 * @param <A> the type the tool's input is bound to
 */
public final class ToolUse<A> {
  private final long index;
  private final String id;
  private final String name;
  private final BindingSession<A> session;
  private @Nullable String stopReason;

  ToolUse(long index, String id, String name, BindingSession<A> session) {
    this.index = index;
    this.id = id;
    this.name = name;
    this.session = session;
  }

  /** Returns the content block's index in the message. */
  public long index() {
    return index;
  }

  /** Returns the tool call's id ({@code toolu_...}), to answer it with a {@code tool_result}. */
  public String id() {
    return id;
  }

  /** Returns the tool's name. */
  public String name() {
    return name;
  }

  /** Returns the session the input was fed to; its {@code partial()} shows what arrived. */
  public BindingSession<A> session() {
    return session;
  }

  /**
   * Returns the input, bound and valid.
   *
   * @throws ContentBlockException if the input is malformed, incomplete (with the {@code
   *     stop_reason} when the message stopped inside it), cannot be bound or is invalid; its cause
   *     is the session's own exception
   */
  public @Nullable A complete() {
    try {
      return session.complete();
    } catch (PartialJsonException e) {
      throw new ContentBlockException(
          block(), e instanceof IncompleteJsonException ? stopReason : null, e);
    }
  }

  /** Returns the session's outcome without throwing for what the model did wrong. */
  public BindingResult<A> result() {
    return session.result();
  }

  Block block() {
    return new Block(index, "tool_use", name, id, session);
  }

  void stopped(@Nullable String stopReason) {
    this.stopReason = stopReason;
  }

  @Override
  public String toString() {
    return "ToolUse[" + block().describe() + "]";
  }
}
