package dev.partialjson.binding;

import dev.partialjson.parser.JsonPath;
import dev.partialjson.parser.PartialJsonException;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The outcome of a {@link BindingSession}, for callers who treat invalid model output as an
 * expected result rather than an exception; see {@link BindingSession#result()}.
 *
 * <ul>
 *   <li>valid: {@code value()} is the bound value, no violations, no error;
 *   <li>invalid: {@code value()} is the bound value (when it could be bound) and {@code
 *       violations()} says what is wrong;
 *   <li>failed: {@code error()} says why there is no value (malformed, incomplete or over-limit
 *       input, a binding failure, a value a callback waited for that could not be bound to its
 *       type, a validator that threw, or the first invalid item under {@link
 *       FailurePolicy#FAIL_FAST}), and {@code violations()} holds what the items had shown so far.
 * </ul>
 *
 * @param <T> the target type
 * @param value the bound value, or null if it could not be bound or the JSON was {@code null}
 * @param violations every violation found, in document order
 * @param error why there is no value, or null
 */
public record BindingResult<T>(
    @Nullable T value, List<Violation> violations, @Nullable PartialJsonException error) {

  /** Copies the violations. */
  public BindingResult {
    violations = List.copyOf(Objects.requireNonNull(violations, "violations == null"));
  }

  /** Returns whether the value was bound and has no violations. */
  public boolean isValid() {
    return error == null && violations.isEmpty();
  }

  /**
   * Returns the value as {@link BindingSession#complete()} does: throws {@link #error()} if there
   * is one, else a {@link ValidationException} (at the root) with every violation if there are any.
   *
   * @throws PartialJsonException the error, or the violations as a {@link ValidationException}
   */
  public @Nullable T valueOrThrow() {
    if (error != null) {
      throw error;
    }
    if (!violations.isEmpty()) {
      throw new ValidationException(JsonPath.root(), violations);
    }
    return value;
  }
}
