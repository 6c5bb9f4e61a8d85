package dev.partialjson.parser;

import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * An immutable path to a value in a JSON document: a sequence of object member names and array
 * indexes, starting at the document root.
 *
 * <p>A path is a linked list of segments, so {@link #field} and {@link #index} build a child in
 * constant time and share the parent. Each node caches its hash, so {@link #hashCode} is O(1) and
 * {@link #equals} rejects most unequal paths before walking them. A field named {@code "2"} and the
 * array index {@code 2} are different segments, so the paths {@code $['2']} and {@code $[2]} are
 * not equal.
 *
 * <p>Two text forms are supported, each parsed back by a static factory:
 *
 * <ul>
 *   <li>{@link #toString()} renders JSONPath in the style of RFC 9535, for example {@code
 *       $.tasks[2].title} or {@code $['odd key']}; {@link #parse} reads it back exactly.
 *   <li>{@link #toJsonPointer()} renders an RFC 6901 JSON Pointer, for example {@code
 *       /tasks/2/title}; {@link #parseJsonPointer} reads it back, but a pointer does not say
 *       whether a token is a member name or an index, see there.
 * </ul>
 *
 * <p>Instances are immutable and thread-safe.
 *
 * <pre>{@code
 * JsonPath title = JsonPath.root().field("tasks").index(2).field("title");
 * title.toString();      // "$.tasks[2].title"
 * title.toJsonPointer(); // "/tasks/2/title"
 * JsonPath.parse("$.tasks[2].title").equals(title); // true
 * }</pre>
 */
public final class JsonPath {

  /** Marks a wildcard in the segments returned by {@link #parseSegments}. */
  static final Object WILDCARD = new Object();

  private static final JsonPath ROOT = new JsonPath(null, null, -1, 0, 1);

  private final @Nullable JsonPath parent;
  private final @Nullable String name;
  private final int index;
  private final int depth;
  private final int hash;

  // No cached rendering: the parser makes a path per value and seldom renders one, and without a
  // fifth field a node takes 32 bytes instead of 40.

  private JsonPath(
      @Nullable JsonPath parent, @Nullable String name, int index, int depth, int hash) {
    this.parent = parent;
    this.name = name;
    this.index = index;
    this.depth = depth;
    this.hash = hash;
  }

  /** Returns the root path {@code $}, a shared instance with depth 0. */
  public static JsonPath root() {
    return ROOT;
  }

  /**
   * Returns the child of this path that selects the object member {@code name}.
   *
   * @param name any member name, including the empty string and names that need quoting
   * @throws NullPointerException if {@code name} is null
   */
  public JsonPath field(String name) {
    Objects.requireNonNull(name, "name == null");
    return new JsonPath(this, name, -1, depth + 1, 31 * hash + name.hashCode());
  }

  /**
   * Returns the child of this path that selects the array element at {@code index}.
   *
   * @param index a zero-based array index
   * @throws IllegalArgumentException if {@code index} is negative
   */
  public JsonPath index(int index) {
    if (index < 0) {
      throw new IllegalArgumentException("index < 0: " + index);
    }
    // Complemented so that index segments hash apart from short digit-string member names.
    return new JsonPath(this, null, index, depth + 1, 31 * hash + ~index);
  }

  /** Returns the path without its last segment, or null if this is the root. */
  public @Nullable JsonPath parent() {
    return parent;
  }

  /** Returns the number of segments: 0 for the root, 1 for {@code $.a}, 2 for {@code $.a[0]}. */
  public int depth() {
    return depth;
  }

  /** Returns true if this is the root path {@code $}, which has no segments. */
  public boolean isRoot() {
    return parent == null;
  }

  /** Returns true if the last segment is an array index; false for the root. */
  public boolean isIndex() {
    return index >= 0;
  }

  /** Returns true if the last segment is an object member name; false for the root. */
  public boolean isField() {
    return name != null;
  }

  /**
   * Returns the member name of the last segment.
   *
   * @throws IllegalStateException if this is the root or the last segment is an array index
   */
  public String name() {
    if (name == null) {
      throw new IllegalStateException(
          isRoot()
              ? "The root path has no member name"
              : "Last segment of " + this + " is an array index, not a member name");
    }
    return name;
  }

  /**
   * Returns the array index of the last segment.
   *
   * @throws IllegalStateException if this is the root or the last segment is a member name
   */
  public int arrayIndex() {
    if (index < 0) {
      throw new IllegalStateException(
          isRoot()
              ? "The root path has no array index"
              : "Last segment of " + this + " is a member name, not an array index");
    }
    return index;
  }

  /**
   * Returns true if {@code prefix} is this path or one of its ancestors. Every path starts with the
   * root. Runs in O(depth) and does not allocate.
   *
   * @throws NullPointerException if {@code prefix} is null
   */
  public boolean startsWith(JsonPath prefix) {
    Objects.requireNonNull(prefix, "prefix == null");
    if (prefix.depth > depth) {
      return false;
    }
    JsonPath node = this;
    while (node.depth > prefix.depth && node.parent != null) {
      node = node.parent;
    }
    return node.equals(prefix);
  }

  /**
   * Returns the segments from the root down: a {@link String} for each member name and an {@link
   * Integer} for each array index. The root has no segments. The list is unmodifiable.
   */
  public List<Object> segments() {
    Object[] segments = new Object[depth];
    for (JsonPath node = this; node.parent != null; node = node.parent) {
      segments[node.depth - 1] = node.name != null ? node.name : (Object) node.index;
    }
    return List.of(segments);
  }

  /**
   * Returns this path as an RFC 6901 JSON Pointer: {@code ""} for the root, otherwise {@code /}
   * before each segment, with {@code ~} written as {@code ~0} and {@code /} as {@code ~1}. Field
   * {@code "2"} and index {@code 2} both render as {@code /2}.
   */
  public String toJsonPointer() {
    StringBuilder out = new StringBuilder();
    for (JsonPath node : nodesFromRoot()) {
      out.append('/');
      if (node.name == null) {
        out.append(node.index);
      } else {
        out.append(node.name.replace("~", "~0").replace("/", "~1"));
      }
    }
    return out.toString();
  }

  /**
   * Returns the path selected by a JSONPath string such as {@code $.tasks[2].title}. Accepts
   * everything {@link #toString()} renders: {@code $}, dot names that are RFC 9535 member-name
   * shorthands, indexes in brackets ({@code [0]}, no sign, no leading zeros), and names in single
   * or double quotes inside brackets with RFC 9535 escapes, including {@code \}{@code uXXXX} and
   * surrogate pairs. As an extension, an escaped lone surrogate is accepted so that every Java
   * string round-trips. Wildcards, filters, slices, descendant segments and blank space are not
   * accepted.
   *
   * @throws IllegalArgumentException if the text is not such a path; the message names the position
   *     and what was expected there
   * @throws NullPointerException if {@code jsonPath} is null
   */
  public static JsonPath parse(String jsonPath) {
    Objects.requireNonNull(jsonPath, "jsonPath == null");
    JsonPath path = ROOT;
    for (Object segment : parseSegments(jsonPath, false)) {
      path = segment instanceof String name ? path.field(name) : path.index((Integer) segment);
    }
    return path;
  }

  /**
   * Returns the path selected by an RFC 6901 JSON Pointer such as {@code /tasks/2/title}. The empty
   * string is the root, and {@code ~0} and {@code ~1} decode to {@code ~} and {@code /}.
   *
   * <p>A pointer does not say whether a token names an object member or an array element. This
   * method reads a token that is a non-negative decimal integer without leading zeros that fits in
   * an {@code int} ({@code 0}, {@code 12}) as an array index, and every other token ({@code 01},
   * {@code -1}, {@code 99999999999}, {@code a}) as a member name. So a member whose name is such a
   * number comes back as an index: {@code parseJsonPointer(root().field("2").toJsonPointer())} is
   * {@code root().index(2)}.
   *
   * @throws IllegalArgumentException if the pointer is neither empty nor starts with {@code /}, or
   *     has a {@code ~} not followed by {@code 0} or {@code 1}
   * @throws NullPointerException if {@code pointer} is null
   */
  public static JsonPath parseJsonPointer(String pointer) {
    Objects.requireNonNull(pointer, "pointer == null");
    return JsonPathReader.pointer(pointer);
  }

  /**
   * Parses JSONPath text into member names ({@link String}), indexes ({@link Integer}) and, if
   * allowed, {@link #WILDCARD}s ({@code [*]} or {@code .*}). Shared with {@link JsonPathPattern} so
   * both accept the same syntax.
   */
  static List<Object> parseSegments(String text, boolean allowWildcards) {
    return new JsonPathReader(text, allowWildcards).parse();
  }

  /**
   * Returns true if {@code other} is a path with the same segments. A member name and an array
   * index are never equal, even when they read the same ({@code "2"} and {@code 2}).
   */
  @Override
  public boolean equals(@Nullable Object other) {
    if (this == other) {
      return true;
    }
    if (!(other instanceof JsonPath that)) {
      return false;
    }
    if (depth != that.depth || hash != that.hash) {
      return false;
    }
    @Nullable JsonPath a = this;
    @Nullable JsonPath b = that;
    // Stops at the first shared ancestor: children built on one parent need no deeper walk.
    while (a != b) {
      if (a == null || b == null || a.index != b.index || !Objects.equals(a.name, b.name)) {
        return false;
      }
      a = a.parent;
      b = b.parent;
    }
    return true;
  }

  /** Returns a hash code computed from all segments; cached, so O(1). */
  @Override
  public int hashCode() {
    return hash;
  }

  /**
   * Returns this path as JSONPath in the style of an RFC 9535 normalized path, except that names
   * use the dot shorthand where RFC 9535 allows it: {@code $} for the root, {@code .name} when the
   * name starts with an ASCII letter, {@code _} or a non-ASCII character and continues with those
   * or ASCII digits, otherwise {@code ['name']} with {@code \'}, {@code \\}, {@code \b}, {@code
   * \f}, {@code \n}, {@code \r}, {@code \t} and other characters below U+0020 as lowercase {@code
   * \}{@code u00xx}; indexes as {@code [2]}. A lone surrogate, which RFC 9535 cannot express, is
   * written as a {@code \}{@code uXXXX} escape so that {@link #parse} restores it. Examples: {@code
   * $.tasks[2].title}, {@code $['odd key']}, {@code $['']}, {@code $['it\'s']}.
   */
  @Override
  public String toString() {
    StringBuilder out = new StringBuilder("$");
    for (JsonPath node : nodesFromRoot()) {
      appendSegment(out, node.name, node.index);
    }
    return out.toString();
  }

  /** Appends one segment as {@link #toString()} renders it; shared with {@link JsonPathPattern}. */
  static void appendSegment(StringBuilder out, @Nullable String name, int index) {
    if (name == null) {
      out.append('[').append(index).append(']');
    } else if (isShorthand(name)) {
      out.append('.').append(name);
    } else {
      out.append("['");
      for (int i = 0; i < name.length(); i++) {
        char c = name.charAt(i);
        switch (c) {
          case '\'' -> out.append("\\'");
          case '\\' -> out.append("\\\\");
          case '\b' -> out.append("\\b");
          case '\f' -> out.append("\\f");
          case '\n' -> out.append("\\n");
          case '\r' -> out.append("\\r");
          case '\t' -> out.append("\\t");
          default -> {
            if (c < 0x20 || isLoneSurrogate(name, i)) {
              out.append(String.format("\\u%04x", (int) c));
            } else {
              out.append(c);
            }
          }
        }
      }
      out.append("']");
    }
  }

  private static boolean isShorthand(String name) {
    if (name.isEmpty() || !isNameFirst(name.charAt(0))) {
      return false;
    }
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if ((!isNameFirst(c) && !isDigit(c)) || isLoneSurrogate(name, i)) {
        return false;
      }
    }
    return true;
  }

  private static boolean isLoneSurrogate(String s, int i) {
    char c = s.charAt(i);
    if (Character.isHighSurrogate(c)) {
      return i + 1 >= s.length() || !Character.isLowSurrogate(s.charAt(i + 1));
    }
    if (Character.isLowSurrogate(c)) {
      return i == 0 || !Character.isHighSurrogate(s.charAt(i - 1));
    }
    return false;
  }

  static boolean isNameFirst(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c >= 0x80;
  }

  static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private JsonPath[] nodesFromRoot() {
    JsonPath[] nodes = new JsonPath[depth];
    for (JsonPath node = this; node.parent != null; node = node.parent) {
      nodes[node.depth - 1] = node;
    }
    return nodes;
  }
}
