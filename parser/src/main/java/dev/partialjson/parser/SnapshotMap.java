package dev.partialjson.parser;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * An object of a snapshot: an unmodifiable map in document order over the first {@code size} slots
 * of append-only key and value arrays, with the slot of a still-open child shown as the snapshot
 * shows that child; see {@link SnapshotList} for why that is immutable. A duplicate key keeps its
 * first position and its last value, as {@link java.util.LinkedHashMap#put} would. Thread-safe.
 */
final class SnapshotMap extends AbstractMap<String, @Nullable Object> {
  private static final int SCAN = 8; // below this, a scan beats building a hash index

  private final String[] keys;
  private final @Nullable Object[] values;
  private final int size;
  private final int openIndex;
  private final @Nullable Snapshot snapshot; // where the open child is found (null if complete)
  private final int level; // the depth of this object among the snapshot's open containers
  private volatile @Nullable Map<String, Integer> index;

  SnapshotMap(
      String[] keys,
      @Nullable Object[] values,
      int size,
      int openIndex,
      @Nullable Snapshot snapshot,
      int level) {
    this.keys = keys;
    this.values = values;
    this.size = size;
    this.openIndex = openIndex;
    this.snapshot = snapshot;
    this.level = level;
  }

  private @Nullable Object valueAt(int i) {
    return i == openIndex ? Snapshot.openChild(snapshot, level) : values[i];
  }

  private int find(@Nullable Object key) {
    if (!(key instanceof String)) {
      return -1;
    }
    if (size <= SCAN) {
      for (int i = 0; i < size; i++) {
        if (keys[i].equals(key)) {
          return i;
        }
      }
      return -1;
    }
    Map<String, Integer> index = this.index;
    if (index == null) {
      index = new HashMap<>(size * 2);
      for (int i = 0; i < size; i++) {
        index.put(keys[i], i);
      }
      this.index = index;
    }
    Integer i = index.get(key);
    return i == null ? -1 : i;
  }

  @Override
  public @Nullable Object get(@Nullable Object key) {
    int i = find(key);
    return i < 0 ? null : valueAt(i);
  }

  @Override
  public boolean containsKey(@Nullable Object key) {
    return find(key) >= 0;
  }

  @Override
  public int size() {
    return size;
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
            return next < size;
          }

          @Override
          public Entry<String, @Nullable Object> next() {
            if (next >= size) {
              throw new NoSuchElementException();
            }
            int i = next++;
            return new SimpleImmutableEntry<>(keys[i], valueAt(i));
          }
        };
      }

      @Override
      public int size() {
        return size;
      }
    };
  }
}
