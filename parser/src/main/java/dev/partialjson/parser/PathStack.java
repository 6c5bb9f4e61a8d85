package dev.partialjson.parser;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Where the tokens are: the path of each open container, the next index in each array, the keys
 * read so far in each object, and the value named by the last key. Parallel arrays rather than a
 * stack of objects, so that entering and leaving a container allocates nothing. Not thread-safe.
 */
final class PathStack {
  private JsonPath[] containers = new JsonPath[16];
  private boolean[] arrays = new boolean[16];
  private int[] nextIndex = new int[16];
  private int[] members = new int[16]; // keys read in each open object, for its limit
  private int depth;
  private @Nullable JsonPath named; // the value after the last key in the innermost object

  /** Returns how many containers are open. */
  int depth() {
    return depth;
  }

  /** Returns the path of the value that starts now; in an array, this takes the next index. */
  JsonPath nextValue() {
    if (depth == 0) {
      return JsonPath.root();
    }
    int d = depth - 1;
    if (arrays[d]) {
      return containers[d].index(nextIndex[d]++);
    }
    return Objects.requireNonNull(named, "a value in an object without a key");
  }

  /** Returns the path the value that starts now will have, without taking an array index. */
  JsonPath peekNextValue() {
    if (depth == 0) {
      return JsonPath.root();
    }
    int d = depth - 1;
    return arrays[d] ? containers[d].index(nextIndex[d]) : current(null);
  }

  /** Records a key of the innermost object; returns how many keys that object has now. */
  int key(String name) {
    named = containers[depth - 1].field(name);
    return ++members[depth - 1];
  }

  /** Records that the value being read is complete. */
  void valueDone() {
    named = null;
  }

  void push(JsonPath path, boolean array) {
    if (depth == containers.length) {
      containers = Arrays.copyOf(containers, depth * 2);
      arrays = Arrays.copyOf(arrays, depth * 2);
      nextIndex = Arrays.copyOf(nextIndex, depth * 2);
      members = Arrays.copyOf(members, depth * 2);
    }
    containers[depth] = path;
    arrays[depth] = array;
    nextIndex[depth] = 0;
    members[depth] = 0;
    depth++;
    named = null;
  }

  /** Closes the innermost container and returns its path. */
  JsonPath pop() {
    named = null;
    JsonPath path = containers[--depth];
    containers[depth] = null;
    return path;
  }

  /** Returns the path of the value being read: the open string, the named value, or a container. */
  JsonPath current(@Nullable JsonPath openString) {
    if (openString != null) {
      return openString;
    }
    return named != null ? named : depth == 0 ? JsonPath.root() : containers[depth - 1];
  }

  /**
   * Returns the path an error is reported at: the open string, else the named value being read,
   * else the innermost container. A string in which the error lies is open by then whatever the
   * split: the parser opens one that Jackson refused a byte in before it stopped inside it (see
   * {@link StringStream#breakOff()}), and its own checks run where Jackson has stopped.
   */
  JsonPath forError(@Nullable JsonPath openString) {
    return current(openString);
  }

  /** Returns the paths of the open containers and the open string, outermost first. */
  List<JsonPath> open(@Nullable JsonPath openString) {
    List<JsonPath> open = new ArrayList<>(depth + 1);
    open.addAll(Arrays.asList(containers).subList(0, depth));
    if (openString != null) {
      open.add(openString);
    }
    return open;
  }
}
