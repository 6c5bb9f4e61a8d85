package dev.partialjson.testkit;

import dev.partialjson.parser.JsonPath;
import dev.partialjson.parser.Snapshot;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Asserts invariant 2 of the parser contract, that each snapshot extends the one before: what was
 * complete in the earlier snapshot is unchanged in the later one; an object that was open keeps its
 * keys, in the same order, and may gain more; an array that was open keeps its elements and may
 * gain more; the open string may only grow at its end. Numbers, booleans and nulls are never open,
 * so they never change. Maps are compared in document order throughout. Failures are {@link
 * AssertionError}s naming the path and both values.
 *
 * <pre>{@code
 * Snapshot before = parser.snapshot();
 * parser.feed(delta);
 * Monotone.assertExtends(before, parser.snapshot());
 * }</pre>
 *
 * <p>Stateless and thread-safe.
 */
public final class Monotone {
  private Monotone() {}

  /**
   * Asserts that {@code later} extends {@code earlier}: both are snapshots of one parser, {@code
   * earlier} taken first.
   *
   * @throws AssertionError if anything in {@code earlier} disappeared or changed in {@code later}
   */
  public static void assertExtends(Snapshot earlier, Snapshot later) {
    if (later.byteOffset() < earlier.byteOffset()) {
      throw new AssertionError("the byte offset went back: " + earlier + " then " + later);
    }
    if (!earlier.hasValue()) {
      return;
    }
    if (!later.hasValue()) {
      throw new AssertionError("the value disappeared: " + earlier + " then " + later);
    }
    List<JsonPath> open = earlier.openPaths();
    if (open.isEmpty()) {
      assertUnchanged(JsonPath.root(), earlier.value(), later.value());
    } else {
      if (!open.get(0).equals(JsonPath.root())) {
        throw new AssertionError("the outermost open path is " + open.get(0) + ", not $");
      }
      check(0, open, earlier.value(), later.value());
    }
  }

  /**
   * Checks the value at {@code open.get(depth)}, which was open. The open paths form a chain from
   * the root, so at most one child of an open container is open: the next path of the chain. Every
   * other child was complete; it is compared without building its path, which keeps a snapshot per
   * byte cheap.
   */
  private static void check(
      int depth, List<JsonPath> open, @Nullable Object before, @Nullable Object after) {
    JsonPath path = open.get(depth);
    JsonPath openChild = depth + 1 < open.size() ? open.get(depth + 1) : null;
    if (before instanceof String text) {
      if (!(after instanceof String grown) || !grown.startsWith(text)) {
        throw new AssertionError(
            "the open string at " + path + " was \"" + text + "\" and became " + quoted(after));
      }
    } else if (before instanceof List<?> list) {
      if (!(after instanceof List<?> grown) || grown.size() < list.size()) {
        throw new AssertionError(
            "the open array at " + path + " was " + list + " and became " + after);
      }
      for (int i = 0; i < list.size(); i++) {
        if (openChild != null && openChild.isIndex() && openChild.arrayIndex() == i) {
          check(depth + 1, open, list.get(i), grown.get(i));
        } else if (!same(list.get(i), grown.get(i))) {
          assertUnchanged(path.index(i), list.get(i), grown.get(i));
        }
      }
    } else if (before instanceof Map<?, ?> map) {
      if (!(after instanceof Map<?, ?> grown) || grown.size() < map.size()) {
        throw new AssertionError(
            "the open object at " + path + " was " + map + " and became " + after);
      }
      Iterator<? extends Map.Entry<?, ?>> later = grown.entrySet().iterator();
      for (Map.Entry<?, ?> entry : map.entrySet()) {
        Map.Entry<?, ?> next = later.next();
        String key = (String) entry.getKey();
        if (!key.equals(next.getKey())) {
          throw new AssertionError(
              "the keys of the open object at "
                  + path
                  + " changed order: "
                  + map.keySet()
                  + " then "
                  + grown.keySet());
        }
        if (openChild != null && !openChild.isIndex() && openChild.name().equals(key)) {
          check(depth + 1, open, entry.getValue(), next.getValue());
        } else if (!same(entry.getValue(), next.getValue())) {
          assertUnchanged(path.field(key), entry.getValue(), next.getValue());
        }
      }
    } else {
      throw new AssertionError("the value at " + path + " is open but is " + quoted(before));
    }
  }

  private static void assertUnchanged(
      JsonPath path, @Nullable Object before, @Nullable Object after) {
    Object was = inDocumentOrder(before);
    Object is = inDocumentOrder(after);
    if (!Objects.equals(was, is)) {
      throw new AssertionError(
          path
              + " was complete, so it must not change, but it was "
              + quoted(before)
              + " and became "
              + quoted(after));
    }
  }

  private static String quoted(@Nullable Object value) {
    return value instanceof String ? "\"" + value + "\"" : String.valueOf(value);
  }

  /**
   * Returns whether two values are equal, maps in document order. Complete values are shared
   * between snapshots rather than copied, so the identity check nearly always decides, and a
   * snapshot after every byte stays cheap to check.
   */
  private static boolean same(@Nullable Object a, @Nullable Object b) {
    if (a == b) {
      return true;
    }
    if (a instanceof Map<?, ?> map) {
      if (!(b instanceof Map<?, ?> other) || map.size() != other.size()) {
        return false;
      }
      Iterator<? extends Map.Entry<?, ?>> others = other.entrySet().iterator();
      for (Map.Entry<?, ?> entry : map.entrySet()) {
        Map.Entry<?, ?> next = others.next();
        if (!entry.getKey().equals(next.getKey()) || !same(entry.getValue(), next.getValue())) {
          return false;
        }
      }
      return true;
    }
    if (a instanceof List<?> list) {
      if (!(b instanceof List<?> other) || list.size() != other.size()) {
        return false;
      }
      for (int i = 0; i < list.size(); i++) {
        if (!same(list.get(i), other.get(i))) {
          return false;
        }
      }
      return true;
    }
    return Objects.equals(a, b);
  }

  /**
   * Returns {@code value} (a snapshot value: maps, lists, scalars) with every map replaced by the
   * list of its entries, so that {@code equals} compares key order too.
   */
  public static @Nullable Object inDocumentOrder(@Nullable Object value) {
    if (value instanceof Map<?, ?> map) {
      List<Map.Entry<?, ?>> entries = new ArrayList<>(map.size());
      for (Map.Entry<?, ?> entry : map.entrySet()) {
        entries.add(
            new AbstractMap.SimpleImmutableEntry<>(
                entry.getKey(), inDocumentOrder(entry.getValue())));
      }
      return entries;
    }
    if (value instanceof List<?> list) {
      List<@Nullable Object> elements = new ArrayList<>(list.size());
      for (Object element : list) {
        elements.add(inDocumentOrder(element));
      }
      return elements;
    }
    return value;
  }
}
