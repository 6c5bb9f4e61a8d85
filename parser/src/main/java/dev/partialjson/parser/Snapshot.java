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
 * rather than copied, so a snapshot after every delta costs time proportional to the nesting depth
 * and the length of the open string, not to the document.
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
  private final @Nullable Object value;
  private final boolean hasValue;
  private final List<JsonPath> openPaths;
  private final long byteOffset;

  Snapshot(@Nullable Object value, boolean hasValue, List<JsonPath> openPaths, long byteOffset) {
    this.value = value;
    this.hasValue = hasValue;
    this.openPaths = openPaths;
    this.byteOffset = byteOffset;
  }

  /**
   * Returns the root value so far, or null if no value has begun (see {@link #hasValue()}) or the
   * root is JSON {@code null}.
   */
  public @Nullable Object value() {
    return OpenText.resolve(value);
  }

  /** Returns whether the root value has begun. */
  public boolean hasValue() {
    return hasValue;
  }

  /** Returns whether the root value is complete. */
  public boolean isComplete() {
    return hasValue && openPaths.isEmpty();
  }

  /**
   * Returns whether the value at {@code path} has arrived whole: it exists in this snapshot and is
   * not still open. A key whose value has not begun is not there yet, so returns false.
   */
  public boolean isComplete(JsonPath path) {
    return contains(path) && !openPaths.contains(path);
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
    return openPaths;
  }

  /** Returns how many bytes of input the parser had taken when this snapshot was made. */
  public long byteOffset() {
    return byteOffset;
  }

  @Override
  public String toString() {
    return "Snapshot{" + value() + (isComplete() ? "" : ", open " + openPaths) + "}";
  }
}
