package dev.partialjson.parser;

import java.util.AbstractList;
import java.util.RandomAccess;
import org.jspecify.annotations.Nullable;

/**
 * A complete array of a snapshot: its values in an array of exactly their number. Every snapshot
 * from its closing on shares it; every empty array is {@link #EMPTY}. Immutable and thread-safe.
 */
final class SnapshotList extends AbstractList<@Nullable Object> implements RandomAccess {
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
