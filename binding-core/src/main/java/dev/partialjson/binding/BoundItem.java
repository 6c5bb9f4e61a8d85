package dev.partialjson.binding;

import dev.partialjson.parser.JsonPath;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A list item as it closed, bound to its type and validated, valid or not; see {@link
 * BindingSession#onCheckedItem}. Exactly one of three: valid (a value, no violations, no error),
 * invalid (a value and its violations), or failed (an error: the item could not be bound, and
 * {@code value} is null, or its validator threw, and {@code value} is the item unchecked).
 *
 * @param <E> the item type
 * @param path where the item is, for example {@code $.tasks[2]}
 * @param value the bound item, or null if it could not be bound
 * @param violations what is wrong with it, in document order; empty if it is valid or failed
 * @param error why it could not be bound or checked, or null
 */
public record BoundItem<E>(
    JsonPath path,
    @Nullable E value,
    List<Violation> violations,
    @Nullable BindingException error) {

  /**
   * Checks that the parts are present (a value, or an error) and copies the violations.
   *
   * @throws NullPointerException if {@code path} or {@code violations} is null, or both {@code
   *     value} and {@code error} are
   */
  public BoundItem {
    Objects.requireNonNull(path, "path == null");
    if (value == null && error == null) {
      throw new NullPointerException("value == null and error == null");
    }
    violations = List.copyOf(violations);
  }

  /** Returns a bound and validated item: valid if {@code violations} is empty. */
  public BoundItem(JsonPath path, E value, List<Violation> violations) {
    this(path, Objects.requireNonNull(value, "value == null"), violations, null);
  }

  /** Returns whether the item was bound and checked and has no violations. */
  public boolean isValid() {
    return error == null && violations.isEmpty();
  }
}
