package dev.partialjson.parser;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Where the tokens are: the open containers, the next index in each array, the keys read so far in
 * each object, and the place of the value being read; the {@link PathCursor} the listeners read.
 * Parallel arrays rather than a stack of objects, so that entering and leaving a container, and
 * moving to the next value, allocate nothing; a {@link JsonPath} is made only when one is asked
 * for. Not thread-safe.
 *
 * <p>Segment {@code i} is the place of the value being read in the container open at depth {@code
 * i} (the root container is at depth 0): a key in an object, an index in an array. At every event
 * the cursor's depth is the number of open containers: a value inside the innermost container has a
 * segment per open container; a container that starts is reported before it is pushed, one that
 * ends after it is popped. The invariant of {@code made}: for each {@code k <= depth}, {@code
 * made[k]} is null or the path of the first {@code k} segments as they are now, because setting
 * segment {@code k - 1} and pushing to depth {@code k} both clear it, and a segment below {@code k
 * - 1} changes only after the depth has dropped below {@code k}. Eager, it is never null for {@code
 * k < depth}, nor for {@code k == depth} once the value there has started.
 */
final class PathStack implements PathCursor {
  // Room for 8 levels at first: a model's answers seldom nest deeper, and every idle parser holds
  // these five arrays (224 bytes at 8, 360 at 16); deeper documents double them.
  private boolean[] arrays = new boolean[8]; // whether the container at each depth is an array
  private String[] names = new String[8];
  private int[] indexes = new int[8]; // in an array, the index taken last (-1 before the first)
  private int[] members = new int[8]; // keys read in each open object, for its limit
  private JsonPath[] made = new JsonPath[9]; // made[k]: the first k segments as a path, or null
  private int depth;
  private boolean keyed; // a key was read in the innermost object, and its value is not done
  private final boolean eager;
  private JsonPath here = JsonPath.root(); // eager: made[depth], the path at the cursor

  /**
   * Makes a stack whose paths are made when asked for, or, if {@code eager}, as each value starts
   * (for a {@link JsonListener}, which gets a path at every event: made there and read from {@link
   * #here()}, it is a store per value and a field read per event; made when asked, the rows with a
   * {@code JsonListener} took a few percent more CPU time).
   */
  PathStack(boolean eager) {
    this.eager = eager;
    made[0] = JsonPath.root();
  }

  /** Returns how many containers are open: the cursor's depth at every event (see above). */
  @Override
  public int depth() {
    return depth;
  }

  /** Moves to the value that starts now; in an array, this takes the next index. */
  void nextValue() {
    if (depth == 0) {
      return;
    }
    int d = depth - 1;
    if (arrays[d]) {
      int index = ++indexes[d];
      if (eager) {
        here = made[depth] = made[d].index(index);
      } else {
        made[depth] = null;
      }
    } else if (!keyed) {
      throw new IllegalStateException("a value in an object without a key");
    }
  }

  /** Returns the path the value that starts now will have, without taking an array index. */
  JsonPath peekNextValue() {
    if (depth == 0) {
      return JsonPath.root();
    }
    int d = depth - 1;
    return arrays[d] ? toPath(d).index(indexes[d] + 1) : current(false);
  }

  /** Records a key of the innermost object; returns how many keys that object has now. */
  int key(String name) {
    names[depth - 1] = name;
    if (eager) {
      here = made[depth] = made[depth - 1].field(name);
    } else {
      made[depth] = null;
    }
    keyed = true;
    return ++members[depth - 1];
  }

  /** Records that the value being read is complete. */
  void valueDone() {
    keyed = false;
  }

  /** Opens a container at the cursor's place. */
  void push(boolean array) {
    if (depth == arrays.length) {
      int grown = depth * 2;
      arrays = Arrays.copyOf(arrays, grown);
      names = Arrays.copyOf(names, grown);
      indexes = Arrays.copyOf(indexes, grown);
      members = Arrays.copyOf(members, grown);
      made = Arrays.copyOf(made, grown + 1);
    }
    arrays[depth] = array;
    indexes[depth] = -1;
    members[depth] = 0;
    depth++;
    made[depth] = null;
    keyed = false;
  }

  /** Closes the innermost container; the cursor is at it then. */
  void pop() {
    keyed = false;
    here = made[--depth]; // (null when not eager, and then not read)
  }

  /**
   * Returns the path of the value being read: the open string, the value after a key, or else the
   * innermost container.
   */
  JsonPath current(boolean stringOpen) {
    return stringOpen || keyed || depth == 0 ? toPath(depth) : toPath(depth - 1);
  }

  /**
   * Returns the path an error is reported at: the open string, else the named value being read,
   * else the innermost container. A string in which the error lies is open by then whatever the
   * split: the parser opens one that Jackson refused a byte in before it stopped inside it (see
   * {@link StringStream#breakOff()}), and its own checks run where Jackson has stopped.
   */
  JsonPath forError(boolean stringOpen) {
    return current(stringOpen);
  }

  /** Returns the paths of the open containers and the open string, outermost first. */
  List<JsonPath> open(boolean stringOpen) {
    List<JsonPath> open = new ArrayList<>(depth + 1);
    for (int k = 0; k < depth; k++) {
      open.add(toPath(k));
    }
    if (stringOpen) {
      open.add(toPath(depth));
    }
    return open;
  }

  @Override
  public boolean isIndex(int level) {
    return arrays[Objects.checkIndex(level, depth)];
  }

  @Override
  public String name(int level) {
    if (isIndex(level)) {
      throw new IllegalStateException(
          "Segment " + level + " of " + this + " is an array index, not a member name");
    }
    return names[level];
  }

  @Override
  public int arrayIndex(int level) {
    if (!isIndex(level)) {
      throw new IllegalStateException(
          "Segment " + level + " of " + this + " is a member name, not an array index");
    }
    return indexes[level];
  }

  @Override
  public boolean matches(JsonPathPattern pattern) {
    return Objects.requireNonNull(pattern, "pattern == null").matchesCursor(this);
  }

  @Override
  public boolean startsWith(JsonPathPattern pattern) {
    return Objects.requireNonNull(pattern, "pattern == null").matchesPrefixOfCursor(this);
  }

  /**
   * Returns the path at the cursor, as {@link #toPath()} does, for an eager stack only: one field
   * read per event, for the {@link JsonListener}, which asks at every event.
   */
  JsonPath here() {
    return here;
  }

  @Override
  public JsonPath toPath() {
    return toPath(depth);
  }

  /** Returns the path of the first {@code length} segments; kept small, to be inlined. */
  private JsonPath toPath(int length) {
    JsonPath path = made[length];
    return path != null ? path : make(length);
  }

  /** Makes the path of the first {@code length} segments from the longest one made. */
  private JsonPath make(int length) {
    int from = length - 1;
    while (made[from] == null) {
      from--; // made[0] is the root, always there
    }
    JsonPath path = made[from];
    for (int i = from; i < length; i++) {
      path = arrays[i] ? path.index(indexes[i]) : path.field(names[i]);
      made[i + 1] = path;
    }
    return path;
  }

  /** Returns the key of the value at the cursor, or null at the root or in an array. */
  @Nullable String key() {
    return depth == 0 || arrays[depth - 1] ? null : names[depth - 1];
  }

  @Override
  public String toString() {
    StringBuilder out = new StringBuilder("$");
    for (int i = 0; i < depth; i++) {
      JsonPath.appendSegment(out, arrays[i] ? null : names[i], arrays[i] ? indexes[i] : -1);
    }
    return out.toString();
  }
}
