package dev.partialjson.langchain4j;

import dev.partialjson.binding.BindingResult;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A tool call of the streamed response, its arguments bound to the type registered for the tool
 * with {@link BindingHandler#onToolCall}. Immutable.
 *
 * @param index the tool call's position in the response, from 0, as the provider numbers it
 * @param id the provider's id of the call, or null if the provider gave none
 * @param name the tool's name
 * @param arguments the arguments' outcome: the bound and validated value, its violations, or why
 *     there is none (malformed or cut-off JSON, an invalid item under fail-fast)
 */
public record BoundToolCall(
    int index, @Nullable String id, String name, BindingResult<?> arguments) {

  /** Checks the fields. */
  public BoundToolCall {
    Objects.requireNonNull(name, "name == null");
    Objects.requireNonNull(arguments, "arguments == null");
  }

  /**
   * Returns the bound arguments as {@code type}, or null if there are none (see {@link
   * BindingResult#error()}); they may have violations, see {@link BindingResult#isValid()}.
   *
   * @throws ClassCastException if the tool's arguments were bound to another type
   */
  public <A> @Nullable A argumentsAs(Class<A> type) {
    return type.cast(arguments.value());
  }
}
