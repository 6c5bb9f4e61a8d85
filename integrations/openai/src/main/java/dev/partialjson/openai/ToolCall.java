package dev.partialjson.openai;

import dev.partialjson.binding.BindingSession;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * One function call of a streamed answer, its arguments bound in their own session: to the type
 * registered for the function's name ({@link ChatCompletionBinding#tool}, {@link
 * ResponseBinding#tool}), or to a {@code JsonNode} for a function registered with none.
 *
 * <p>Filled in by the thread that reads the stream: read it after {@code stream} returned. The id
 * may arrive after the first fragments of the arguments (some servers send it late), so it is known
 * only at the end.
 */
public final class ToolCall {
  private final int index;
  private @Nullable String id;
  private @Nullable String name;
  private @Nullable String itemId;
  private @Nullable BindingSession<?> session;
  private final StringBuilder pending = new StringBuilder();

  ToolCall(int index) {
    this.index = index;
  }

  /**
   * Returns the call's place: its {@code index} among the choice's tool calls (Chat Completions),
   * or its output item's {@code output_index} (Responses).
   */
  public int index() {
    return index;
  }

  /** Returns the call's id ({@code tool_calls[].id}, or the Responses item's {@code call_id}). */
  public Optional<String> id() {
    return Optional.ofNullable(id);
  }

  /** Returns the function's name; empty if the stream never said it. */
  public Optional<String> name() {
    return Optional.ofNullable(name);
  }

  /** Returns the Responses output item's {@code id}; empty on Chat Completions. */
  public Optional<String> itemId() {
    return Optional.ofNullable(itemId);
  }

  /**
   * Returns the session the arguments were fed to; empty if no argument arrived or the function's
   * name never did.
   */
  public Optional<BindingSession<?>> session() {
    return Optional.ofNullable(session);
  }

  /**
   * Returns the arguments bound to {@code type} and validated.
   *
   * @throws dev.partialjson.parser.PartialJsonException as {@link BindingSession#complete()} does
   *     (the arguments were cut off, malformed, or invalid)
   * @throws IllegalStateException if no arguments were bound ({@link #session()} is empty)
   * @throws ClassCastException if the arguments were bound to another type
   */
  public <A> A arguments(Class<A> type) {
    Objects.requireNonNull(type, "type == null");
    if (session == null) {
      throw new IllegalStateException("tool call " + describe() + " has no bound arguments");
    }
    return type.cast(session.complete());
  }

  /** Returns how messages name this call: {@code 1 (get_weather, call_abc)}. */
  String describe() {
    return index + " (" + (name != null ? name : "no name") + (id != null ? ", " + id : "") + ")";
  }

  @Override
  public String toString() {
    return "ToolCall " + describe();
  }

  void id(@Nullable String id) {
    if (this.id == null && id != null && !id.isEmpty()) {
      this.id = id;
    }
  }

  void itemId(String itemId) {
    this.itemId = itemId;
  }

  /** Feeds a fragment; before the name has arrived it waits, as there is no type to bind it to. */
  void arguments(String fragment, @Nullable String nameNow, ToolBinders tools) {
    if (name == null && nameNow != null && !nameNow.isEmpty()) {
      name = nameNow;
      session = tools.open(nameNow);
      if (pending.length() > 0) {
        String waiting = pending.toString();
        pending.setLength(0);
        session.feed(waiting);
      }
    }
    if (fragment.isEmpty()) {
      return;
    }
    if (session == null) {
      pending.append(fragment);
    } else {
      session.feed(fragment);
    }
  }

  /** Returns the open session, if any, for ending or closing it. */
  @Nullable BindingSession<?> openSession() {
    return session;
  }
}
