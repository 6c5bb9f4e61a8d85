package dev.partialjson.parser;

import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * {@code hashCode}, {@code equals} and {@code toString} of nested {@link List}s and {@link Map}s
 * without recursion, for the snapshot's own views. The JDK's collections recurse once per level, so
 * a value as deep as a raised {@link Limits.Builder#maxNestingDepth depth limit} lets through
 * (100,000 levels) overflows the stack there; these keep a stack of their own on the heap, one
 * iterator per level. They follow the {@code List} and {@code Map} contracts to the letter, so the
 * results are those of any other list or map with the same contents (a snapshot equals a copy of it
 * in the JDK's collections, both ways). Stateless.
 */
final class DeepValues {
  private static final Object END = new Object(); // a level has no more children

  private DeepValues() {}

  /** One list or map being walked, with what has been worked out of it so far. */
  private static final class Level {
    final boolean list;
    final Iterator<?> items; // a list's elements, or a map's entries
    @Nullable Map<?, ?> other; // equals: the map the entries are looked up in
    @Nullable Iterator<?> others; // equals: the other list's elements
    int hash;
    int keyHash; // hashCode: the hash of the key whose value is being hashed
    boolean first = true; // toString: no separator before the first child

    Level(Object container) {
      this.list = container instanceof List;
      this.items =
          list ? ((List<?>) container).iterator() : ((Map<?, ?>) container).entrySet().iterator();
      this.hash = list ? 1 : 0;
    }

    /** Returns the next child (a map's next value), or {@link #END}. */
    @Nullable Object next() {
      if (!items.hasNext()) {
        return END;
      }
      Object item = items.next();
      if (list) {
        return item;
      }
      Map.Entry<?, ?> entry = (Map.Entry<?, ?>) item;
      keyHash = Objects.hashCode(entry.getKey());
      return entry.getValue();
    }

    /** Adds the hash of the child {@link #next} returned. */
    void add(int childHash) {
      hash = list ? 31 * hash + childHash : hash + (keyHash ^ childHash);
    }
  }

  private static boolean isContainer(@Nullable Object value) {
    return value instanceof List || value instanceof Map;
  }

  /** Returns {@link List#hashCode()} or {@link Map#hashCode()} of {@code value}. */
  static int hashCode(Object value) {
    ArrayDeque<Level> levels = new ArrayDeque<>();
    levels.push(new Level(value));
    while (true) {
      Level level = levels.peek();
      Object child = level.next();
      if (child == END) {
        levels.pop();
        if (levels.isEmpty()) {
          return level.hash;
        }
        levels.peek().add(level.hash);
      } else if (isContainer(child)) {
        levels.push(new Level(child));
      } else {
        level.add(Objects.hashCode(child));
      }
    }
  }

  /** Returns {@link List#equals} or {@link Map#equals} of {@code value} and {@code other}. */
  static boolean equals(Object value, @Nullable Object other) {
    ArrayDeque<Level> levels = new ArrayDeque<>();
    if (!enter(value, other, levels)) {
      return false;
    }
    while (!levels.isEmpty()) {
      Level level = levels.peek();
      Object child;
      Object match;
      if (level.list) {
        Iterator<?> others = Objects.requireNonNull(level.others);
        boolean more = level.items.hasNext();
        if (more != others.hasNext()) {
          return false;
        }
        if (!more) {
          levels.pop();
          continue;
        }
        child = level.items.next();
        match = others.next();
      } else {
        if (!level.items.hasNext()) {
          levels.pop();
          continue;
        }
        Map.Entry<?, ?> entry = (Map.Entry<?, ?>) level.items.next();
        Map<?, ?> map = Objects.requireNonNull(level.other);
        child = entry.getValue();
        match = map.get(entry.getKey());
        if (match == null && (child != null || !map.containsKey(entry.getKey()))) {
          return false;
        }
      }
      if (isContainer(child)) {
        if (!enter(child, match, levels)) {
          return false;
        }
      } else if (!Objects.equals(child, match)) {
        return false;
      }
    }
    return true;
  }

  /**
   * Pushes the level that compares {@code value}, a list or map, with {@code other}; returns false
   * if they differ already in kind or size.
   */
  private static boolean enter(Object value, @Nullable Object other, ArrayDeque<Level> levels) {
    if (value == other) {
      return true; // shared: a complete container of two snapshots of one parser
    }
    Level level = new Level(value);
    if (level.list) {
      if (!(other instanceof List<?> list) || list.size() != ((List<?>) value).size()) {
        return false;
      }
      level.others = list.iterator();
    } else {
      if (!(other instanceof Map<?, ?> map) || map.size() != ((Map<?, ?>) value).size()) {
        return false;
      }
      level.other = map;
    }
    levels.push(level);
    return true;
  }

  /** Returns what {@code toString()} of a JDK list or map with the same contents returns. */
  static String toString(Object value) {
    StringBuilder out = new StringBuilder();
    ArrayDeque<Level> levels = new ArrayDeque<>();
    open(value, out, levels);
    while (!levels.isEmpty()) {
      Level level = levels.peek();
      if (!level.items.hasNext()) {
        levels.pop();
        out.append(level.list ? ']' : '}');
        continue;
      }
      if (!level.first) {
        out.append(", ");
      }
      level.first = false;
      Object child = level.items.next();
      if (!level.list) {
        Map.Entry<?, ?> entry = (Map.Entry<?, ?>) child;
        out.append(entry.getKey()).append('=');
        child = entry.getValue();
      }
      if (isContainer(child)) {
        open(Objects.requireNonNull(child), out, levels);
      } else {
        out.append(child);
      }
    }
    return out.toString();
  }

  private static void open(Object container, StringBuilder out, ArrayDeque<Level> levels) {
    Level level = new Level(container);
    out.append(level.list ? '[' : '{');
    levels.push(level);
  }
}
