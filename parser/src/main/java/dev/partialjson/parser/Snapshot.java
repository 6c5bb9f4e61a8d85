package dev.partialjson.parser;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The value of a document as far as it has arrived, as plain Java values: {@code Map<String,
 * Object>} in document order, {@code List<Object>}, {@code String} (the one still growing included
 * as far as it has arrived), {@code Integer}/{@code Long}/{@code BigInteger}, {@code BigDecimal},
 * {@code Boolean} and null. Numbers, booleans, nulls and keys appear only when complete. All
 * collections are unmodifiable, and the parts that were complete are shared with later snapshots
 * rather than copied, and what is still open is viewed only when read, so a snapshot after every
 * delta costs one small object while only a string grows, and time proportional to the nesting
 * depth when a value opens or closes, never time proportional to the document. Reading a value
 * still open makes it then: a view of an open container (a small object), or a {@code String} of
 * the growing string (the cost of its length), each time it is read, equal every time.
 *
 * <p>Immutable and thread-safe: a snapshot never changes after it is taken, so it may be handed to
 * another thread (a UI thread, say) while the parser goes on.
 *
 * <pre>{@code
 * parser.feed(delta);
 * Snapshot s = parser.snapshot();
 * if (s.isComplete(JsonPath.parse("$.title"))) render((Map<?, ?>) s.value());
 * }</pre>
 */
public final class Snapshot {
  // One is made after every delta that changed something, so it is kept small: 48 bytes on a
  // 64-bit JVM with compressed references.
  private final @Nullable Object complete; // the root value, once complete
  private final boolean hasValue;
  private final boolean rootComplete;
  private final Slots[] open; // the open containers, outermost first
  private final @Nullable JsonPath openString;
  private final char[] text; // the open string's chars: the first textLength, never written again
  private final int textLength;
  private final long byteOffset;
  // Made when first asked for: most snapshots are never read below the root, or not at all. A
  // racing first call at worst makes an equal value twice; what it makes is immutable (its fields
  // final, so safe to read however the snapshot reached another thread).
  private @Nullable Object root;

  Snapshot(
      @Nullable Object complete,
      boolean hasValue,
      boolean rootComplete,
      Slots[] open,
      @Nullable JsonPath openString,
      char[] text,
      int textLength,
      long byteOffset) {
    this.complete = complete;
    this.hasValue = hasValue;
    this.rootComplete = rootComplete;
    this.open = open;
    this.openString = openString;
    this.text = text;
    this.textLength = textLength;
    this.byteOffset = byteOffset;
  }

  /**
   * Returns the root value so far, or null if no value has begun (see {@link #hasValue()}) or the
   * root is JSON {@code null}.
   */
  public @Nullable Object value() {
    if (rootComplete) {
      return complete;
    }
    Object value = root;
    if (value == null) {
      value = child(0);
      root = value;
    }
    return value;
  }

  /** Returns the open child of the container open at {@code level} of {@code snapshot}. */
  static @Nullable Object openChild(Snapshot snapshot, int level) {
    return snapshot.child(level + 1);
  }

  /** Returns the value open at depth {@code level}: a container, or the open string below them. */
  private @Nullable Object child(int level) {
    if (level < open.length) {
      return open[level].view(this, level);
    }
    if (openString == null) {
      return null;
    }
    return new String(text, 0, textLength);
  }

  /** Returns whether the root value has begun. */
  public boolean hasValue() {
    return hasValue;
  }

  /** Returns whether the root value is complete. */
  public boolean isComplete() {
    return hasValue && open.length == 0 && openString == null;
  }

  /**
   * Returns whether the value at {@code path} has arrived whole: it exists in this snapshot and is
   * not still open. A key whose value has not begun is not there yet, so returns false.
   */
  public boolean isComplete(JsonPath path) {
    if (!contains(path) || path.equals(openString)) {
      return false;
    }
    for (Slots frame : open) {
      if (frame.path.equals(path)) {
        return false;
      }
    }
    return true;
  }

  /** Returns whether a value (complete or not) exists at {@code path} in this snapshot. */
  public boolean contains(JsonPath path) {
    if (!hasValue) {
      return false;
    }
    JsonPath[] chain = new JsonPath[path.depth()];
    for (JsonPath p = path; p.parent() != null; p = p.parent()) {
      chain[p.depth() - 1] = p;
    }
    Object current = value();
    for (JsonPath step : chain) {
      if (step.isIndex()) {
        if (!(current instanceof List) || step.arrayIndex() >= ((List<?>) current).size()) {
          return false;
        }
        current = ((List<?>) current).get(step.arrayIndex());
      } else {
        if (!(current instanceof Map) || !((Map<?, ?>) current).containsKey(step.name())) {
          return false;
        }
        current = ((Map<?, ?>) current).get(step.name());
      }
    }
    return true;
  }

  /**
   * Returns the paths of the values still open, outermost first: the open arrays and objects and
   * the growing string. Empty before the root begins and once it is complete.
   */
  public List<JsonPath> openPaths() {
    JsonPath[] all = new JsonPath[open.length + (openString == null ? 0 : 1)];
    for (int i = 0; i < open.length; i++) {
      all[i] = open[i].path;
    }
    if (openString != null) {
      all[open.length] = openString;
    }
    return List.of(all);
  }

  /** Returns how many bytes of input the parser had taken when this snapshot was made. */
  public long byteOffset() {
    return byteOffset;
  }

  @Override
  public String toString() {
    return "Snapshot{" + value() + (isComplete() ? "" : ", open " + openPaths()) + "}";
  }
}
