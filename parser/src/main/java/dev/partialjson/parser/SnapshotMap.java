package dev.partialjson.parser;

import org.jspecify.annotations.Nullable;

/**
 * A complete object of a snapshot: its members in one array of exactly their number, key then value
 * (see {@link KeyIndex}), and their hash index if there are more than {@link KeyIndex#SCAN}. Every
 * snapshot from its closing on shares it; every empty object is {@link #EMPTY}. Immutable and
 * thread-safe.
 */
final class SnapshotMap extends MembersMap {
  static final SnapshotMap EMPTY = new SnapshotMap(new Object[0], null);

  private final @Nullable Object[] members;
  private final int @Nullable [] index;

  SnapshotMap(@Nullable Object[] members, int @Nullable [] index) {
    this.members = members;
    this.index = index;
  }

  @Override
  String key(int i) {
    return (String) members[2 * i];
  }

  @Override
  @Nullable Object value(int i) {
    return members[2 * i + 1];
  }

  @Override
  int find(Object key) {
    return KeyIndex.find(members, members.length / 2, index, key);
  }

  @Override
  public int size() {
    return members.length / 2;
  }
}
