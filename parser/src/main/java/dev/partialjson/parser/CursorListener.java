package dev.partialjson.parser;

/**
 * Receives the same events as a {@link JsonListener}, in the same order, with the value's place as
 * a {@link PathCursor} instead of a {@link JsonPath}: for a listener that looks at a few paths
 * (with {@link PathCursor#matches(JsonPathPattern)}) or none, and should not pay for a path object
 * per value. A listener that keeps a path calls {@link PathCursor#toPath()}. Likewise a number
 * comes as a {@link NumberView}, made into a {@link Number} only if its value is read.
 *
 * <p>Everything {@link JsonListener} says of its events holds here: when each comes, how a string
 * arrives as deltas, that a delta is valid only during the call, what a listener's exception does
 * and what it must not call. The cursor and the number's view are valid only during the call, too.
 * Every method has an empty default.
 *
 * <pre>{@code
 * JsonPathPattern title = JsonPathPattern.compile("$.items[*].title");
 * var parser = IncrementalJsonParser.create(new CursorListener() {
 *   @Override public void stringDelta(PathCursor at, CharSequence delta) {
 *     if (at.matches(title)) ui.appendTitle(at.arrayIndex(1), delta.toString());
 *   }
 * });
 * }</pre>
 */
public interface CursorListener extends ReasoningListener {

  /** A listener that ignores every event. */
  CursorListener NONE = new CursorListener() {};

  /** Called when an object starts at {@code at}. */
  default void startObject(PathCursor at) {}

  /** Called when the object at {@code at} is complete. */
  default void endObject(PathCursor at) {}

  /** Called when an array starts at {@code at}. */
  default void startArray(PathCursor at) {}

  /** Called when the array at {@code at} is complete. */
  default void endArray(PathCursor at) {}

  /**
   * Called when the string at {@code at} grows by {@code delta} (never empty); see {@link
   * JsonListener#stringDelta}.
   */
  default void stringDelta(PathCursor at, CharSequence delta) {}

  /** Called when the string at {@code at} is complete, after its last delta. */
  default void stringValue(PathCursor at, String value) {}

  /**
   * Called when the number at {@code at} is complete, when {@link JsonListener#numberValue} says;
   * the number is made only if {@code number}'s {@link NumberView#value() value()} is read.
   */
  default void numberValue(PathCursor at, NumberView number) {}

  /** Called when {@code true} or {@code false} is complete at {@code at}: at its last letter. */
  default void booleanValue(PathCursor at, boolean value) {}

  /** Called when {@code null} is complete at {@code at}: at its last letter. */
  default void nullValue(PathCursor at) {}

  /** Called once, when the root value is complete; see {@link JsonListener#documentEnd}. */
  default void documentEnd() {}

  /** Called when the parser skipped input or accepted relaxed syntax; see {@link Repair}. */
  default void repair(Repair repair) {}
}
