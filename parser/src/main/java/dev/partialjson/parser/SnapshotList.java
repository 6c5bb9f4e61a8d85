package dev.partialjson.parser;

import org.jspecify.annotations.Nullable;

/**
 * A complete array of a snapshot: its values in an array of exactly their number. Every snapshot
 * from its closing on shares it; every empty array is {@link #EMPTY}. Immutable and thread-safe.
 */
final class SnapshotList extends SnapshotValues {
  static final SnapshotList EMPTY = new SnapshotList(new Object[0]);

  private final @Nullable Object[] values;

  SnapshotList(@Nullable Object[] values) {
    this.values = values;
  }

  @Override
  public @Nullable Object get(int index) {
    if (index < 0 || index >= values.length) {
      throw new IndexOutOfBoundsException("index " + index + ", size " + values.length);
    }
    return values[index];
  }

  @Override
  public int size() {
    return values.length;
  }
}
