package dev.partialjson.parser;

import org.jspecify.annotations.Nullable;

/**
 * An object still open in a snapshot: a view of its {@link Slots}, with the member of its open
 * child shown as the snapshot shows that child; see {@link OpenList} for why that never changes.
 * Made when the snapshot is read. Thread-safe.
 */
final class OpenMap extends MembersMap {
  private final Slots slots;
  private final Snapshot snapshot; // where the open child is found
  private final int level; // the depth of this object among the snapshot's open containers

  OpenMap(Slots slots, Snapshot snapshot, int level) {
    this.slots = slots;
    this.snapshot = snapshot;
    this.level = level;
  }

  @Override
  String key(int i) {
    return slots.key(i);
  }

  @Override
  @Nullable Object value(int i) {
    return slots.value(i, snapshot, level);
  }

  @Override
  int find(Object key) {
    return slots.find(key);
  }

  @Override
  public int size() {
    return slots.size;
  }
}
