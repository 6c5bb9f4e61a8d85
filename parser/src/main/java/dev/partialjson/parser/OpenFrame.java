package dev.partialjson.parser;

import org.jspecify.annotations.Nullable;

/**
 * An array or object still open, as the snapshots taken while it stays unchanged see it: the first
 * {@code size} slots of its append-only arrays and the slot of its open child. Made only when a
 * snapshot is taken after the container changed, and shared by every snapshot until it changes
 * again; the views of it ({@link #view}) are made when a snapshot is read there, so a snapshot
 * costs one object while only the open string grows. Immutable and thread-safe.
 */
final class OpenFrame {
  final JsonPath path;
  private final boolean array;
  private final String[] keys;
  private final @Nullable Object[] values;
  final int size;
  final int openIndex;

  OpenFrame(
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

  /** Returns the container as {@code snapshot} shows it; it is open at depth {@code level}. */
  Object view(Snapshot snapshot, int level) {
    return array
        ? new SnapshotList(values, size, openIndex, snapshot, level)
        : new SnapshotMap(keys, values, size, openIndex, snapshot, level);
  }
}
