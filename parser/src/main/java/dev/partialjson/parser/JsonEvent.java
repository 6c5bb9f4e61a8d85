package dev.partialjson.parser;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One event of the parser as an immutable value, for consumers that want a value per event; see
 * {@link JsonListener#of}. Immutable and thread-safe.
 *
 * @param kind what happened
 * @param path the path of the value the event concerns ({@code $} for {@link Kind#DOCUMENT_END} and
 *     the reasoning kinds; for {@link Kind#REPAIR}, the path where the repair was noticed)
 * @param value the delta ({@link Kind#STRING_DELTA}, {@link Kind#REASONING_DELTA}, a {@code
 *     String}), the complete value ({@link Kind#STRING}, {@link Kind#NUMBER}, {@link
 *     Kind#BOOLEAN}), the {@link Repair} ({@link Kind#REPAIR}), or null for the other kinds
 */
public record JsonEvent(Kind kind, JsonPath path, @Nullable Object value) {

  /** The kinds of event, one per {@link JsonListener} callback. */
  public enum Kind {
    /** An object started. */
    START_OBJECT,
    /** An object is complete. */
    END_OBJECT,
    /** An array started. */
    START_ARRAY,
    /** An array is complete. */
    END_ARRAY,
    /** A string grew; the value is the new piece. */
    STRING_DELTA,
    /** A string is complete. */
    STRING,
    /** A number is complete. */
    NUMBER,
    /** A boolean is complete. */
    BOOLEAN,
    /** A null is complete. */
    NULL,
    /** The root value is complete. */
    DOCUMENT_END,
    /** Input was skipped or relaxed syntax accepted. */
    REPAIR,
    /** A segment of the model's reasoning began; see {@link ReasoningListener}. */
    REASONING_START,
    /** The reasoning grew; the value is the new piece. */
    REASONING_DELTA,
    /** The segment of reasoning ended. */
    REASONING_END
  }

  /** Checks that kind and path are present. */
  public JsonEvent {
    Objects.requireNonNull(kind, "kind == null");
    Objects.requireNonNull(path, "path == null");
  }

  /**
   * Returns a one-line rendering such as {@code STRING_DELTA $.title "Hel"}, with strings quoted
   * and escaped as in JSON.
   */
  @Override
  public String toString() {
    if (value == null) {
      return kind + " " + path;
    }
    if (value instanceof Repair) {
      Repair repair = (Repair) value;
      // the excerpt is escaped already
      return kind
          + " "
          + path
          + " "
          + repair.kind()
          + " at offset "
          + repair.byteOffset()
          + " \""
          + repair.excerpt()
          + "\"";
    }
    return kind
        + " "
        + path
        + " "
        + (value instanceof String ? Excerpts.quote((String) value) : value);
  }
}
