package dev.partialjson.parser;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * An object of a snapshot: an unmodifiable map in document order over a container's {@link Slots},
 * with the slot of a still-open child shown as the snapshot shows that child; see {@link
 * SnapshotList} for why that is immutable. A duplicate key keeps its first position and its last
 * value, as {@link java.util.LinkedHashMap#put} would. Thread-safe.
 */
final class SnapshotMap extends AbstractMap<String, @Nullable Object> {
  private final Slots slots;
  private final @Nullable Snapshot snapshot; // where the open child is found (null if complete)
  private final int level; // the depth of this object among the snapshot's open containers

  SnapshotMap(Slots slots, @Nullable Snapshot snapshot, int level) {
    this.slots = slots;
    this.snapshot = snapshot;
    this.level = level;
  }

  @Override
  public @Nullable Object get(@Nullable Object key) {
    int i = slots.find(key);
    return i < 0 ? null : slots.value(i, snapshot, level);
  }

  @Override
  public boolean containsKey(@Nullable Object key) {
    return slots.find(key) >= 0;
  }

  @Override
  public int size() {
    return slots.size;
  }

  @Override
  public Set<Entry<String, @Nullable Object>> entrySet() {
    return new AbstractSet<>() {
      @Override
      public Iterator<Entry<String, @Nullable Object>> iterator() {
        return new Iterator<>() {
          private int next;

          @Override
          public boolean hasNext() {
            return next < slots.size;
          }

          @Override
          public Entry<String, @Nullable Object> next() {
            if (next >= slots.size) {
              throw new NoSuchElementException();
            }
            int i = next++;
            return new SimpleImmutableEntry<>(slots.key(i), slots.value(i, snapshot, level));
          }
        };
      }

      @Override
      public int size() {
        return slots.size;
      }
    };
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
