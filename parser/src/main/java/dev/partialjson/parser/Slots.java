package dev.partialjson.parser;

import java.util.HashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * An array or object as snapshots see it: the first {@code size} slots of its append-only arrays,
 * and the slot of its open child ({@code -1} if none, as always once it is complete). Made once for
 * a complete container, and for an open one only when a snapshot is taken after it changed; shared
 * by every snapshot and every view that shows that state, so a view is three fields and the hash
 * index of a large object's keys is built once for all of them, when first asked for. Immutable and
 * thread-safe: the slots read were written before construction and are never written again.
 */
final class Slots {
  // Up to this many keys a scan beats building a hash index; the builder indexes its frames past
  // it.
  static final int SCAN = 8;

  final JsonPath path;
  private final boolean array;
  private final String[] keys;
  private final @Nullable Object[] values;
  final int size;
  final int openIndex;
  // Built when first asked for; a racing first call at worst builds an equal one twice.
  private volatile @Nullable Map<String, Integer> index;

  Slots(
      JsonPath path,
      boolean array,
      String[] keys,
      @Nullable Object[] values,
      int size,
      int openIndex) {
    this.path = path;
    this.array = array;
    this.keys = keys;
    this.values = values;
    this.size = size;
    this.openIndex = openIndex;
  }

  /** Returns whether this is the state of a container whose arrays are these and these counts. */
  boolean is(String[] keys, @Nullable Object[] values, int size, int openIndex) {
    return this.keys == keys
        && this.values == values
        && this.size == size
        && this.openIndex == openIndex;
  }

  /**
   * Returns the container as {@code snapshot} shows it, where it is open at depth {@code level};
   * with no snapshot, complete.
   */
  Object view(@Nullable Snapshot snapshot, int level) {
    return array ? new SnapshotList(this, snapshot, level) : new SnapshotMap(this, snapshot, level);
  }

  /** Returns the key of slot {@code i} (an object's). */
  String key(int i) {
    return keys[i];
  }

  /**
   * Returns the value of slot {@code i}: the open child as {@code snapshot} shows it below depth
   * {@code level}, or the complete value.
   */
  @Nullable Object value(int i, @Nullable Snapshot snapshot, int level) {
    return i == openIndex ? Snapshot.openChild(snapshot, level) : values[i];
  }

  /** Returns the slot of {@code key} in an object, or -1. */
  int find(@Nullable Object key) {
    if (!(key instanceof String)) {
      return -1;
    }
    if (size <= SCAN) {
      for (int i = 0; i < size; i++) {
        if (keys[i].equals(key)) {
          return i;
        }
      }
      return -1;
    }
    Map<String, Integer> index = this.index;
    if (index == null) {
      index = new HashMap<>(size * 2);
      for (int i = 0; i < size; i++) {
        index.put(keys[i], i); // unique: the builder writes a duplicate key into its first slot
      }
      this.index = index;
    }
    Integer i = index.get(key);
    return i == null ? -1 : i;
  }
}
