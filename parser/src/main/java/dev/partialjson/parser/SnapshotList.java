package dev.partialjson.parser;

import java.util.AbstractList;
import java.util.RandomAccess;
import org.jspecify.annotations.Nullable;

/**
 * An array of a snapshot: an unmodifiable view of a container's {@link Slots}, with the slot of a
 * still-open child shown as the snapshot shows that child. The parser only ever writes past the
 * slots' size or into the open slot, so the view never changes, and every snapshot shares the
 * complete elements instead of copying them. Immutable and thread-safe.
 */
final class SnapshotList extends AbstractList<@Nullable Object> implements RandomAccess {
  private final Slots slots;
  private final @Nullable Snapshot snapshot; // where the open child is found (null if complete)
  private final int level; // the depth of this array among the snapshot's open containers

  SnapshotList(Slots slots, @Nullable Snapshot snapshot, int level) {
    this.slots = slots;
    this.snapshot = snapshot;
    this.level = level;
  }

  @Override
  public @Nullable Object get(int index) {
    if (index < 0 || index >= slots.size) {
      throw new IndexOutOfBoundsException("index " + index + ", size " + slots.size);
    }
    return slots.value(index, snapshot, level);
  }

  @Override
  public int size() {
    return slots.size;
  }

  // Without recursion, so that a value as deep as a raised depth limit allows does not overflow the
  // stack: see DeepValues.
  @Override
  public int hashCode() {
    return DeepValues.hashCode(this);
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return DeepValues.equals(this, o);
  }

  @Override
  public String toString() {
    return DeepValues.toString(this);
  }
}
