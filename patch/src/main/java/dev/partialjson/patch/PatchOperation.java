package dev.partialjson.patch;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One operation of a patch stream: an RFC 6902 {@code add} or {@code replace}, or the {@code
 * append} of LangDiff, which adds text to the end of the string at {@code path}.
 *
 * <pre>{@code
 * {"op":"add","path":"/tasks/0","value":{}}
 * {"op":"add","path":"/tasks/0/title","value":"Wri"}
 * {"op":"append","path":"/tasks/0/title","value":"te the"}
 * }</pre>
 *
 * <p>The path is an RFC 6901 JSON Pointer ({@code ""} for the whole document, {@code ~} written
 * {@code ~0} and {@code /} written {@code ~1} in member names). The value is a plain Java value as
 * in the parser's {@link dev.partialjson.parser.Snapshot}: {@code Map<String, ?>}, {@code List},
 * {@code String}, a {@link Number}, {@link Boolean} or null. Immutable and thread-safe when the
 * value is (the patch stream gives only strings, numbers, booleans, null and empty unmodifiable
 * containers).
 *
 * @param op what to do
 * @param path where, as a JSON Pointer
 * @param value the value to add or put in place, or the text to append
 */
public record PatchOperation(Op op, String path, @Nullable Object value) {

  /** The operations a patch stream uses. */
  public enum Op {
    /**
     * RFC 6902 {@code add}: a new member, array element or root; an existing member is replaced.
     */
    ADD("add"),
    /** RFC 6902 {@code replace}: the value at an existing path. */
    REPLACE("replace"),
    /** LangDiff's {@code append}: text added to the end of the string at the path. */
    APPEND("append");

    private final String jsonName;

    Op(String jsonName) {
      this.jsonName = jsonName;
    }

    /** Returns the name in JSON: {@code add}, {@code replace} or {@code append}. */
    public String jsonName() {
      return jsonName;
    }
  }

  /**
   * Checks the arguments.
   *
   * @throws IllegalArgumentException if the path is not empty and does not start with {@code /}, or
   *     an {@code append} has a value that is not a string
   */
  public PatchOperation {
    Objects.requireNonNull(op, "op == null");
    Objects.requireNonNull(path, "path == null");
    if (!path.isEmpty() && path.charAt(0) != '/') {
      throw new IllegalArgumentException(
          "Not a JSON Pointer: \"" + path + "\" (it must be empty or start with '/')");
    }
    if (op == Op.APPEND && !(value instanceof String)) {
      throw new IllegalArgumentException(
          "append needs a string value, not " + (value == null ? "null" : value.getClass()));
    }
  }

  /** Returns an {@code add} of {@code value} at {@code path}. */
  public static PatchOperation add(String path, @Nullable Object value) {
    return new PatchOperation(Op.ADD, path, value);
  }

  /** Returns a {@code replace} of the value at {@code path} by {@code value}. */
  public static PatchOperation replace(String path, @Nullable Object value) {
    return new PatchOperation(Op.REPLACE, path, value);
  }

  /** Returns an {@code append} of {@code text} to the string at {@code path}. */
  public static PatchOperation append(String path, String text) {
    return new PatchOperation(Op.APPEND, path, text);
  }

  /**
   * Returns this operation as JSON, {@code {"op":"add","path":"/a","value":1}}, on one line.
   *
   * @throws IllegalArgumentException if the value holds something that is not a JSON value (see
   *     {@link PatchOperation})
   */
  public String toJson() {
    StringBuilder out = new StringBuilder();
    Json.operation(out, this);
    return out.toString();
  }

  /** Returns {@link #toJson()}, or a description if the value is not JSON. */
  @Override
  public String toString() {
    try {
      return toJson();
    } catch (IllegalArgumentException e) {
      return op.jsonName() + " " + path + " " + value;
    }
  }

  /** Returns an empty unmodifiable object or array: the value a container starts with. */
  static Object empty(boolean array) {
    return array ? List.of() : Map.of();
  }
}
