package dev.partialjson.parser;

import java.util.AbstractList;
import java.util.RandomAccess;
import org.jspecify.annotations.Nullable;

/**
 * A complete array of one element: as small as {@code Collections.singletonList} (a chain of
 * one-element arrays, {@code [[[1]]]}, costs the most per input byte), but hashed, compared and
 * printed without recursion, as every snapshot list is (see {@link DeepValues}). Immutable and
 * thread-safe.
 */
final class OneElementList extends AbstractList<@Nullable Object> implements RandomAccess {
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
