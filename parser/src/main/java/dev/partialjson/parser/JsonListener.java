package dev.partialjson.parser;

import java.util.Objects;
import java.util.function.Consumer;

/**
 * Receives the events of one {@link IncrementalJsonParser}, synchronously, from inside {@code feed}
 * and {@code finish}, in document order.
 *
 * <p>This push interface is the parser's primary output. Each method is a separate callback rather
 * than one {@code onEvent(JsonEvent)} so that a listener pays for nothing it ignores: no event
 * object, no copy of a string delta. Every method has an empty default; implement only what you
 * need. A listener that prefers one value per event wraps a consumer with {@link #of(Consumer)}.
 *
 * <p>Every string value arrives as zero or more non-empty {@link #stringDelta deltas} followed by
 * one {@link #stringValue}; the deltas concatenate exactly to the value, and a delta never ends
 * between the two halves of a surrogate pair. How a string is cut into deltas depends on how the
 * input was split; every other event is the same whatever the split.
 *
 * <pre>{@code
 * var parser = IncrementalJsonParser.create(new JsonListener() {
 *   @Override public void stringDelta(JsonPath path, CharSequence delta) {
 *     if (TITLE.matches(path)) ui.appendTitle(delta.toString());
 *   }
 * });
 * }</pre>
 *
 * <p>Each event's {@link JsonPath} is made for it, once per value (a container's start and end, and
 * a string's deltas and value, get the same one). A listener that reads few paths or none, and
 * should not pay for an object per value, implements {@link CursorListener} instead: the same
 * events with the path read in place.
 *
 * <p>The model's reasoning (a {@code <think>} block before the answer, or what the caller feeds
 * through {@link IncrementalJsonParser#feedReasoning}) comes through the {@link ReasoningListener}
 * callbacks every listener inherits, in arrival order with the answer's events.
 *
 * <p>Whatever a listener throws (a runtime exception, an {@link Error}, a checked exception thrown
 * sneakily) propagates out of {@code feed} or {@code finish} unchanged and leaves the parser
 * failed: later calls to {@code feed} and {@code finish} throw {@link IllegalStateException} naming
 * it. A listener must not call {@code feed} or {@code finish} of the parser that calls it (that
 * throws {@link IllegalStateException}); it may take a {@link IncrementalJsonParser#snapshot()
 * snapshot}.
 */
public interface JsonListener extends ReasoningListener {

  /** A listener that ignores every event. */
  JsonListener NONE = new JsonListener() {};

  /** Called when an object starts at {@code path}. */
  default void startObject(JsonPath path) {}

  /** Called when the object at {@code path} is complete. */
  default void endObject(JsonPath path) {}

  /** Called when an array starts at {@code path}. */
  default void startArray(JsonPath path) {}

  /** Called when the array at {@code path} is complete. */
  default void endArray(JsonPath path) {}

  /**
   * Called when the string at {@code path} grows by {@code delta} (never empty). The sequence is
   * valid only during the call and may be reused afterwards: call {@code toString()} to keep it.
   */
  default void stringDelta(JsonPath path, CharSequence delta) {}

  /** Called when the string at {@code path} is complete, after its last delta. */
  default void stringValue(JsonPath path, String value) {}

  /**
   * Called when the number at {@code path} is complete: once a byte that cannot continue it has
   * arrived ({@code 12} is never reported before {@code 123}), or at {@code finish()}. Integers
   * come as {@link Integer}, {@link Long} or {@link java.math.BigInteger}, whichever is the
   * smallest that holds them; numbers with a fraction or an exponent come as {@link
   * java.math.BigDecimal}, so no digit is lost.
   */
  default void numberValue(JsonPath path, Number value) {}

  /**
   * Called when {@code true} or {@code false} is complete at {@code path}: at its last letter,
   * whatever follows (more letters make the input malformed, and the error comes after this).
   */
  default void booleanValue(JsonPath path, boolean value) {}

  /** Called when {@code null} is complete at {@code path}: at its last letter. */
  default void nullValue(JsonPath path) {}

  /**
   * Called once, when the root value is complete and nothing can change the document any more: for
   * a root number or literal, once the byte after it has arrived or at {@code finish()} (the
   * literal's own event comes at its last letter).
   */
  default void documentEnd() {}

  /** Called when the parser skipped input or accepted relaxed syntax; see {@link Repair}. */
  default void repair(Repair repair) {}

  /**
   * Returns a listener that turns each callback into an immutable {@link JsonEvent} and hands it to
   * {@code sink}. This costs one object per event (and a copy of each delta); use it where that is
   * cheap next to what the consumer does with the event.
   */
  static JsonListener of(Consumer<? super JsonEvent> sink) {
    Objects.requireNonNull(sink, "sink == null");
    return new EventAdapter(sink);
  }
}
