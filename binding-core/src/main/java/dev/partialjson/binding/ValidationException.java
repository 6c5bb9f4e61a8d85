package dev.partialjson.binding;

import dev.partialjson.parser.JsonPath;
import dev.partialjson.parser.PartialJsonException;
import java.util.List;

/**
 * Thrown when the bound value breaks Jakarta Validation constraints: by {@link
 * BindingSession#complete()} with every violation found, or under {@link FailurePolicy#FAIL_FAST}
 * by the {@code feed} call that completed the first invalid list item, with that item's violations.
 * The message lists them, for example {@code 2 constraint violations: $.tasks[1].title must not be
 * blank; $.tasks[2].priority must not be null}.
 *
 * <p>As for {@link BindingException}, the location is the path alone ({@link #path()} is the item,
 * or the root at the end): {@link #byteOffset()} is -1, {@link #line()} and {@link #column()} 0.
 */
public final class ValidationException extends PartialJsonException {
  private static final long serialVersionUID = 1L;

  private final transient List<Violation> violations;

  ValidationException(JsonPath path, List<Violation> violations) {
    super(reason(violations), path, -1, 0, 0, "");
    this.violations = List.copyOf(violations);
  }

  private static String reason(List<Violation> violations) {
    return violations.size() + " constraint violation" + (violations.size() == 1 ? "" : "s");
  }

  /** Returns every violation, in document order. */
  public List<Violation> violations() {
    return violations;
  }

  /** Returns the count and each violation's path and message. */
  @Override
  public String getMessage() {
    StringBuilder out = new StringBuilder(reason()).append(": ");
    for (int i = 0; i < violations.size(); i++) {
      out.append(i == 0 ? "" : "; ").append(violations.get(i));
    }
    return out.toString();
  }
}
