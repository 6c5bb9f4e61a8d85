package dev.partialjson.binding;

import dev.partialjson.parser.JsonPath;
import dev.partialjson.parser.PartialJsonException;

/**
 * Thrown when well-formed JSON cannot be bound to the target type: a string where a number is
 * expected, an unknown enum constant or subtype id, a creator property that is missing, a
 * constructor that refused its arguments; or when a value cannot be checked because the validator
 * threw (a constraint validator's own exception), when the reason names the constraint: {@code
 * Validating @Checked failed: java.lang.IllegalStateException: ... at $.steps[1].title}, with the
 * provider's exception as the cause. The path names the value in the JSON, for example {@code
 * $.tasks[1].estimate}, wherever it was bound (a list item as it closed, or the whole value at the
 * end).
 *
 * <p>Binding reads tokens the parser already produced, not bytes, so the location is the path
 * alone: {@link #byteOffset()} is -1 and {@link #line()} and {@link #column()} are 0 (unknown), and
 * the message leaves them out: {@code Cannot deserialize value of type `int` from String "soon":
 * not a valid `int` value at $.tasks[1].estimate}. The cause is Jackson's exception (or the
 * validation provider's).
 */
public final class BindingException extends PartialJsonException {
  private static final long serialVersionUID = 1L;

  BindingException(String reason, JsonPath path, Throwable cause) {
    super(reason, path, -1, 0, 0, "");
    initCause(cause);
  }

  /** Returns the reason and the path, without the unknown offset, line and column. */
  @Override
  public String getMessage() {
    return reason() + " at " + path();
  }
}
