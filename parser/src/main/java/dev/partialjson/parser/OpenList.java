package dev.partialjson.parser;

import org.jspecify.annotations.Nullable;

/**
 * An array still open in a snapshot: an unmodifiable view of its {@link Slots}, with the slot of
 * its open child shown as the snapshot shows that child. The parser only ever writes past the
 * slots' size or into the open slot, so the view never changes, and every snapshot shares the
 * complete elements instead of copying them. Made when the snapshot is read. Thread-safe.
 */
final class OpenList extends SnapshotValues {
  private final Slots slots;
  private final Snapshot snapshot; // where the open child is found
  private final int level; // the depth of this array among the snapshot's open containers

  OpenList(Slots slots, Snapshot snapshot, int level) {
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
}
