package dev.partialjson.parser;

import java.util.AbstractList;
import java.util.RandomAccess;
import org.jspecify.annotations.Nullable;

/**
 * An array of a snapshot: an unmodifiable view of the first {@code size} slots of an append-only
 * array, with the slot of a still-open child shown as the snapshot shows that child. The parser
 * only ever writes past {@code size} or into the open slot, so the view never changes, and every
 * snapshot shares the complete elements instead of copying them. Immutable and thread-safe: the
 * fields are final and the slots read were written before construction.
 */
final class SnapshotList extends AbstractList<@Nullable Object> implements RandomAccess {
  private final @Nullable Object[] values;
  private final int size;
  private final int openIndex;
  private final @Nullable Snapshot snapshot; // where the open child is found (null if complete)
  private final int level; // the depth of this array among the snapshot's open containers

  SnapshotList(
      @Nullable Object[] values, int size, int openIndex, @Nullable Snapshot snapshot, int level) {
    this.values = values;
    this.size = size;
    this.openIndex = openIndex;
    this.snapshot = snapshot;
    this.level = level;
  }

  @Override
  public @Nullable Object get(int index) {
    if (index < 0 || index >= size) {
      throw new IndexOutOfBoundsException("index " + index + ", size " + size);
    }
    return index == openIndex ? Snapshot.openChild(snapshot, level) : values[index];
  }

  @Override
  public int size() {
    return size;
  }
}
