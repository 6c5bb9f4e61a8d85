package dev.partialjson.binding;

import dev.partialjson.parser.JsonPath;
import java.util.List;
import java.util.Objects;

/**
 * A list item as it closed, bound to its type and validated, valid or not; see {@link
 * BindingSession#onCheckedItem}.
 *
 * @param <E> the item type
 * @param path where the item is, for example {@code $.tasks[2]}
 * @param value the bound item
 * @param violations what is wrong with it, in document order; empty if it is valid
 */
public record BoundItem<E>(JsonPath path, E value, List<Violation> violations) {

  /** Checks that the parts are present and copies the violations. */
  public BoundItem {
    Objects.requireNonNull(path, "path == null");
    Objects.requireNonNull(value, "value == null");
    violations = List.copyOf(violations);
  }

  /** Returns whether the item has no violations. */
  public boolean isValid() {
    return violations.isEmpty();
  }
}
