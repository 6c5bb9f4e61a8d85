package dev.partialjson.parser;

import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A compiled JSONPath pattern that matches {@link JsonPath}s segment by segment. The syntax is that
 * of {@link JsonPath#parse} plus the wildcards {@code [*]} and {@code .*}, each of which matches
 * exactly one segment of any kind, a member name or an array index. There is no descendant segment
 * ({@code ..}), so a pattern only matches paths of its own {@link #depth()}.
 *
 * <p>{@link #matches} and {@link #matchesPrefixOf} do not allocate, so they are cheap to call for
 * every value a parser reports. Two patterns are equal when their canonical text ({@link
 * #toString()}) is equal, which writes every wildcard as {@code [*]}.
 *
 * <p>Instances are immutable and thread-safe.
 *
 * <pre>{@code
 * JsonPathPattern titles = JsonPathPattern.compile("$.tasks[*].title");
 * titles.matches(JsonPath.parse("$.tasks[2].title"));          // true
 * titles.matches(JsonPath.parse("$.tasks[2]"));                // false: too short
 * titles.matchesPrefixOf(JsonPath.parse("$.tasks[2].title[0]")); // true
 * }</pre>
 */
public final class JsonPathPattern {

  private final Segment[] segments;
  private final String canonical;

  /** Takes member names ({@link String}), indexes ({@link Integer}) and wildcards, root first. */
  private JsonPathPattern(List<Object> parsed) {
    segments = new Segment[parsed.size()];
    StringBuilder out = new StringBuilder("$");
    for (int i = 0; i < segments.length; i++) {
      Object part = parsed.get(i);
      if (part == JsonPath.WILDCARD) {
        segments[i] = new Segment(Kind.WILDCARD, null, -1);
        out.append("[*]");
      } else if (part instanceof String name) {
        segments[i] = new Segment(Kind.FIELD, name, -1);
        JsonPath.appendSegment(out, name, -1);
      } else {
        int index = (Integer) part;
        segments[i] = new Segment(Kind.INDEX, null, index);
        JsonPath.appendSegment(out, null, index);
      }
    }
    canonical = out.toString();
  }

  /**
   * Returns the pattern written in {@code pattern}, for example {@code $.tasks[*].title} or {@code
   * $.*['odd key'][0]}.
   *
   * @throws IllegalArgumentException if the text is not a pattern; the message names the position
   *     and what was expected there
   * @throws NullPointerException if {@code pattern} is null
   */
  public static JsonPathPattern compile(String pattern) {
    Objects.requireNonNull(pattern, "pattern == null");
    return new JsonPathPattern(JsonPath.parseSegments(pattern, true));
  }

  /**
   * Returns a pattern without wildcards that matches exactly {@code path}.
   *
   * @throws NullPointerException if {@code path} is null
   */
  public static JsonPathPattern of(JsonPath path) {
    Objects.requireNonNull(path, "path == null");
    return new JsonPathPattern(path.segments());
  }

  /**
   * Returns true if {@code path} has the same depth as this pattern and each segment matches: a
   * wildcard matches any segment, a name only the same member name, an index only the same array
   * index. Does not allocate.
   *
   * @throws NullPointerException if {@code path} is null
   */
  public boolean matches(JsonPath path) {
    Objects.requireNonNull(path, "path == null");
    return path.depth() == segments.length && matchesFromEnd(path);
  }

  /**
   * Returns true if this pattern {@link #matches} {@code path} or one of its ancestors, that is, if
   * {@code path} lies at or below a location the pattern selects. The root pattern {@code $}
   * matches a prefix of every path. Does not allocate.
   *
   * @throws NullPointerException if {@code path} is null
   */
  public boolean matchesPrefixOf(JsonPath path) {
    Objects.requireNonNull(path, "path == null");
    JsonPath node = path;
    while (node.depth() > segments.length) {
      JsonPath parent = node.parent();
      if (parent == null) {
        return false;
      }
      node = parent;
    }
    return node.depth() == segments.length && matchesFromEnd(node);
  }

  /** {@link PathCursor#matches}: the cursor's path has this depth and every segment matches. */
  boolean matchesCursor(PathCursor cursor) {
    return cursor.depth() == segments.length && matchesUpTo(cursor);
  }

  /** {@link PathCursor#startsWith}: this matches the cursor's path or one of its ancestors. */
  boolean matchesPrefixOfCursor(PathCursor cursor) {
    return cursor.depth() >= segments.length && matchesUpTo(cursor);
  }

  // From the last segment down, as matchesFromEnd does: the last segments differ most often.
  private boolean matchesUpTo(PathCursor cursor) {
    for (int i = segments.length - 1; i >= 0; i--) {
      if (!segments[i].matches(cursor, i)) {
        return false;
      }
    }
    return true;
  }

  /** Returns the number of segments; every path this pattern matches has this depth. */
  public int depth() {
    return segments.length;
  }

  // Walks the linked path from its last segment up, so no list of segments is ever built.
  private boolean matchesFromEnd(JsonPath path) {
    JsonPath node = path;
    for (int i = segments.length - 1; i >= 0; i--) {
      if (!segments[i].matches(node)) {
        return false;
      }
      JsonPath parent = node.parent();
      if (parent == null) {
        return false;
      }
      node = parent;
    }
    return true;
  }

  /** Returns true if {@code other} is a pattern with the same canonical text. */
  @Override
  public boolean equals(@Nullable Object other) {
    return other instanceof JsonPathPattern that && canonical.equals(that.canonical);
  }

  /** Returns the hash code of the canonical text. */
  @Override
  public int hashCode() {
    return canonical.hashCode();
  }

  /**
   * Returns the canonical pattern text: as {@link JsonPath#toString()} renders paths, with every
   * wildcard written as {@code [*]}, for example {@code $.tasks[*].title}. {@link #compile} reads
   * it back to an equal pattern.
   */
  @Override
  public String toString() {
    return canonical;
  }

  private enum Kind {
    WILDCARD,
    FIELD,
    INDEX
  }

  private record Segment(Kind kind, @Nullable String name, int index) {
    boolean matches(JsonPath node) {
      return switch (kind) {
        case WILDCARD -> !node.isRoot();
        case FIELD -> node.isField() && node.name().equals(name);
        case INDEX -> node.isIndex() && node.arrayIndex() == index;
      };
    }

    boolean matches(PathCursor cursor, int level) {
      return switch (kind) {
        case WILDCARD -> true;
        case FIELD -> !cursor.isIndex(level) && cursor.name(level).equals(name);
        case INDEX -> cursor.isIndex(level) && cursor.arrayIndex(level) == index;
      };
    }
  }
}
