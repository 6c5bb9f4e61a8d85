package dev.partialjson.parser;

import org.jspecify.annotations.Nullable;

/**
 * A complete array of one element: as small as {@code Collections.singletonList} (a chain of
 * one-element arrays, {@code [[[1]]]}, costs the most per input byte), but hashed, compared and
 * printed without recursion, as every snapshot list is (see {@link DeepValues}). Immutable and
 * thread-safe.
 */
final class OneElementList extends SnapshotValues {
  private final @Nullable Object value;

  OneElementList(@Nullable Object value) {
    this.value = value;
  }

  @Override
  public @Nullable Object get(int index) {
    if (index != 0) {
      throw new IndexOutOfBoundsException("index " + index + ", size 1");
    }
    return value;
  }

  @Override
  public int size() {
    return 1;
  }
}
