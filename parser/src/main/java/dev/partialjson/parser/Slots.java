package dev.partialjson.parser;

import org.jspecify.annotations.Nullable;

/**
 * An open array or object as a snapshot sees it: the first {@code size} members of its append-only
 * array (an array's values; an object's keys and values, key first, see {@link KeyIndex}), its key
 * index, and the member of its open child ({@code -1} if none). Made for an open container only
 * when a snapshot is taken after it changed, and shared by every snapshot and every view that shows
 * that state. Immutable and thread-safe: the members read were written before construction and are
 * never written again, and the index is read as {@link KeyIndex} says.
 */
final class Slots {
  final JsonPath path;
  private final boolean array;
  private final @Nullable Object[] members;
  final int size;
  final int openIndex;
  private final int @Nullable [] index;

  Slots(
      JsonPath path,
      boolean array,
      @Nullable Object[] members,
      int size,
      int openIndex,
      int @Nullable [] index) {
    this.path = path;
    this.array = array;
    this.members = members;
    this.size = size;
    this.openIndex = openIndex;
    this.index = index;
  }

  /** Returns whether this is the state of a container with these members, size and open child. */
  boolean is(@Nullable Object[] members, int size, int openIndex) {
    return this.members == members && this.size == size && this.openIndex == openIndex;
  }

  /**
   * Returns the container as {@code snapshot} shows it, where it is open at depth {@code level}.
   */
  Object view(Snapshot snapshot, int level) {
    return array ? new OpenList(this, snapshot, level) : new OpenMap(this, snapshot, level);
  }

  /** Returns the key of member {@code i} (an object's). */
  String key(int i) {
    return (String) members[2 * i];
  }

  /**
   * Returns the value of member {@code i}: the open child as {@code snapshot} shows it below depth
   * {@code level}, or the complete value.
   */
  @Nullable Object value(int i, Snapshot snapshot, int level) {
    if (i == openIndex) {
      return Snapshot.openChild(snapshot, level);
    }
    return members[array ? i : 2 * i + 1];
  }

  /** Returns the member whose key is {@code key} in an object, or -1. */
  int find(Object key) {
    return KeyIndex.find(members, size, index, key);
  }
}
