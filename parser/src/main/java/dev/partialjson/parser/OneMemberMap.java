package dev.partialjson.parser;

import org.jspecify.annotations.Nullable;

/**
 * A complete object of one member: 32 bytes rather than a {@link SnapshotMap} and its array (56).
 * Objects nest one in another ({@code {"a": {"b": {"c": 1}}}}), and a chain of them is the shape
 * that costs a snapshot the most per input byte after a chain of one-element arrays. Immutable and
 * thread-safe.
 */
final class OneMemberMap extends MembersMap {
  private final String key;
  private final @Nullable Object value;

  OneMemberMap(String key, @Nullable Object value) {
    this.key = key;
    this.value = value;
  }

  @Override
  String key(int i) {
    return key;
  }

  @Override
  @Nullable Object value(int i) {
    return value;
  }

  @Override
  int find(Object key) {
    return this.key.equals(key) ? 0 : -1;
  }

  @Override
  public int size() {
    return 1;
  }
}
