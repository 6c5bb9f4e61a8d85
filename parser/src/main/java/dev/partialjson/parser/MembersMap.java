package dev.partialjson.parser;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * An object of a snapshot: an unmodifiable map over its members in document order, complete ({@link
 * SnapshotMap}) or still open ({@link OpenMap}). A duplicate key keeps its first position and its
 * last value, as {@link java.util.LinkedHashMap#put} would. Thread-safe.
 */
abstract class MembersMap extends AbstractMap<String, @Nullable Object> {

  /** Returns the key of member {@code i}. */
  abstract String key(int i);

  /** Returns the value of member {@code i}. */
  abstract @Nullable Object value(int i);

  /** Returns the member whose key is {@code key}, or -1. */
  abstract int find(Object key);

  @Override
  public final @Nullable Object get(@Nullable Object key) {
    int i = key instanceof String ? find(key) : -1;
    return i < 0 ? null : value(i);
  }

  @Override
  public final boolean containsKey(@Nullable Object key) {
    return key instanceof String && find(key) >= 0;
  }

  @Override
  public final Set<Entry<String, @Nullable Object>> entrySet() {
    return new AbstractSet<>() {
      @Override
      public Iterator<Entry<String, @Nullable Object>> iterator() {
        return new Iterator<>() {
          private int next;

          @Override
          public boolean hasNext() {
            return next < size();
          }

          @Override
          public Entry<String, @Nullable Object> next() {
            if (next >= size()) {
              throw new NoSuchElementException();
            }
            int i = next++;
            return new SimpleImmutableEntry<>(key(i), value(i));
          }
        };
      }

      @Override
      public int size() {
        return MembersMap.this.size();
      }
    };
  }

  // Without recursion, so that a value as deep as a raised depth limit allows does not overflow the
  // stack: see DeepValues. Final, so that every kind of snapshot object keeps to it.
  @Override
  public final int hashCode() {
    return DeepValues.hashCode(this);
  }

  @Override
  public final boolean equals(@Nullable Object o) {
    return DeepValues.equals(this, o);
  }

  @Override
  public final String toString() {
    return DeepValues.toString(this);
  }
}
