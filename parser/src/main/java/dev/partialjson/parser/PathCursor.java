package dev.partialjson.parser;

/**
 * The path of the value an event is about, read in place: the parser's own record of where it is,
 * handed to a {@link CursorListener} instead of a {@link JsonPath} per value.
 *
 * <p>A cursor is valid only during the callback that receives it; afterwards it shows wherever the
 * parser has moved on to. Reading it allocates nothing, except {@link #toPath()} (once per value:
 * every later call for the same value returns the same path) and {@link #toString()}. Levels count
 * from the root: level 0 is the first segment, {@code depth() - 1} the last. Not thread-safe, like
 * the parser; only the parser implements it.
 *
 * <pre>{@code
 * public void stringDelta(PathCursor at, CharSequence delta) {
 *   if (at.matches(TITLE)) ui.appendTitle(delta.toString()); // no JsonPath made
 *   if (at.depth() == 3 && at.isIndex(1)) rows.grow(at.arrayIndex(1), delta);
 * }
 * }</pre>
 */
public sealed interface PathCursor permits PathStack {

  /**
   * Returns the number of segments, as {@link JsonPath#depth()} does: 0 at the root, 1 at {@code
   * $.a}, 2 at {@code $.a[0]}.
   */
  int depth();

  /**
   * Returns true if segment {@code level} is an array index, false if it is a member name.
   *
   * @throws IndexOutOfBoundsException if {@code level} is negative or not below {@link #depth()}
   */
  boolean isIndex(int level);

  /**
   * Returns the member name of segment {@code level}.
   *
   * @throws IndexOutOfBoundsException if {@code level} is negative or not below {@link #depth()}
   * @throws IllegalStateException if that segment is an array index
   */
  String name(int level);

  /**
   * Returns the array index of segment {@code level}.
   *
   * @throws IndexOutOfBoundsException if {@code level} is negative or not below {@link #depth()}
   * @throws IllegalStateException if that segment is a member name
   */
  int arrayIndex(int level);

  /**
   * Returns true if {@code pattern} matches this path, as {@link JsonPathPattern#matches(JsonPath)}
   * does {@link #toPath()}; makes no {@link JsonPath}.
   *
   * @throws NullPointerException if {@code pattern} is null
   */
  boolean matches(JsonPathPattern pattern);

  /**
   * Returns true if {@code pattern} matches this path or one of its ancestors, as {@link
   * JsonPathPattern#matchesPrefixOf(JsonPath)} does {@link #toPath()}: the value is at or below
   * what the pattern selects. Makes no {@link JsonPath}.
   *
   * @throws NullPointerException if {@code pattern} is null
   */
  boolean startsWith(JsonPathPattern pattern);

  /**
   * Returns the path as an immutable {@link JsonPath}, which stays valid after the callback. Every
   * event of one value (a container's start and end, a string's deltas and value) gets the same
   * instance, and a container's path is shared by the paths below it.
   */
  JsonPath toPath();

  /** Returns the path as {@link JsonPath#toString()} renders it, for example {@code $.tasks[2]}. */
  @Override
  String toString();
}
