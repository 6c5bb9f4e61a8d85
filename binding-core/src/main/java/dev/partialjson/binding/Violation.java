package dev.partialjson.binding;

import dev.partialjson.parser.JsonPath;
import java.lang.annotation.Annotation;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One constraint violation, named by the JSON path of the value that broke the constraint ({@code
 * $.tasks[2].priority}, {@code $.scores['alice']}), with names as they are written in the JSON
 * ({@code @JsonProperty} names and the mapper's naming strategy applied).
 *
 * @param path where, in the JSON
 * @param message the interpolated message, for example {@code must not be blank}
 * @param constraint the constraint's annotation type, for example {@code NotBlank.class}
 * @param invalidValue the value that broke it (null when the value was null)
 */
public record Violation(
    JsonPath path,
    String message,
    Class<? extends Annotation> constraint,
    @Nullable Object invalidValue) {

  /** Checks that the parts are present. */
  public Violation {
    Objects.requireNonNull(path, "path == null");
    Objects.requireNonNull(message, "message == null");
    Objects.requireNonNull(constraint, "constraint == null");
  }

  /** Returns the path and the message, for example {@code $.tasks[1].title must not be blank}. */
  @Override
  public String toString() {
    return path + " " + message;
  }
}
