package dev.partialjson.binding;

import dev.partialjson.binding.spi.DataType;
import dev.partialjson.binding.spi.Databind;
import dev.partialjson.binding.spi.DatabindFailure;
import dev.partialjson.parser.JsonPath;
import org.jspecify.annotations.Nullable;

/**
 * Binds recorded tokens with databind and turns its failures into {@link BindingException}s that
 * name the JSON path. Thread-safe: the databind is.
 */
final class Binder {
  private final Databind databind;

  Binder(Databind databind) {
    this.databind = databind;
  }

  /** Binds what {@code tokens} recorded to {@code type}, as the final value or an item. */
  @Nullable Object bind(DataType type, TokenRecorder tokens) {
    return read(type, tokens, false);
  }

  /** Binds a partial value: missing properties and primitives are left at their defaults. */
  @Nullable Object bindPartial(DataType type, TokenRecorder tokens) {
    return read(type, tokens, true);
  }

  private @Nullable Object read(DataType type, TokenRecorder tokens, boolean partial) {
    if (tokens.holds()) {
      try {
        return databind.bind(type, tokens.buffer(), partial);
      } catch (RuntimeException e) {
        // The held items could not stand in for their tokens here (a deserializer of the user's
        // that wants them): bind from every token, which also gives the error as it would be.
      }
    }
    try {
      return databind.bind(type, tokens.expanded(), partial);
    } catch (DatabindFailure e) {
      // The cause is databind's own exception, as callers who look into it expect.
      Throwable cause = e.getCause() != null ? e.getCause() : e;
      throw new BindingException(String.valueOf(e.getMessage()), pathOf(tokens.root(), e), cause);
    }
  }

  /** Returns the path of the failing value: databind's references, below where the value sits. */
  private static JsonPath pathOf(JsonPath base, DatabindFailure e) {
    JsonPath path = base;
    for (Object reference : e.path()) {
      if (reference instanceof String name) {
        path = path.field(name);
      } else if (reference instanceof Integer index && index >= 0) {
        path = path.index(index);
      }
    }
    return path;
  }
}
