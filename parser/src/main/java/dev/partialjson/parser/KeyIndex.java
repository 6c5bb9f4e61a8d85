package dev.partialjson.parser;

import org.jspecify.annotations.Nullable;

/**
 * The hash index of an object's keys in the snapshot, for objects of more than {@link #SCAN} keys
 * (a scan is faster below that). An object's members lie in one array, key then value ({@code
 * members[2 * i]} is the key of member {@code i}); the index is an open-addressing table of {@code
 * int}s, each cell 0 or one more than a member's number, so that it costs 8 to 16 bytes a key
 * rather than a {@code HashMap}'s node and boxed {@code Integer} (about 50 bytes).
 *
 * <p>One table serves an object for as long as it is open and after: the builder only ever fills
 * empty cells (keys are never removed, and a repeated key keeps its cell), and moves to a new table
 * when one gets half full, never writing the old one again. So a reader that knows how many members
 * its state of the object has finds every one of them in the table it was handed, whatever cells
 * the builder filled since: a cell it sees filled either was filled before its state was taken, or
 * names a member past its size, which it passes over. Static methods only.
 */
final class KeyIndex {
  /** Up to this many keys a scan beats a hash index. */
  static final int SCAN = 8;

  private KeyIndex() {}

  /**
   * Returns the number of the member whose key is {@code key} among the first {@code size} of
   * {@code members}, or -1; {@code table} is their index, or null if there are at most {@link
   * #SCAN}.
   */
  static int find(@Nullable Object[] members, int size, int @Nullable [] table, Object key) {
    if (table == null) {
      for (int i = 0; i < size; i++) {
        if (key.equals(members[2 * i])) {
          return i;
        }
      }
      return -1;
    }
    int mask = table.length - 1;
    for (int at = spread(key.hashCode()) & mask; ; at = (at + 1) & mask) {
      int cell = table[at];
      if (cell == 0) {
        return -1;
      }
      int i = cell - 1;
      if (i < size && key.equals(members[2 * i])) {
        return i;
      }
    }
  }

  /**
   * Returns a table holding member {@code member} of {@code members} and every one before it:
   * {@code table} with a cell filled, or a new table twice as large if {@code table} would be more
   * than half full (or is null).
   */
  static int[] add(int @Nullable [] table, @Nullable Object[] members, int member) {
    if (table == null || 2 * (member + 1) > table.length) {
      // a quarter to a half full: 8 to 16 bytes a key
      int[] larger = new int[Integer.highestOneBit(member + 1) << 2];
      for (int i = 0; i < member; i++) {
        put(larger, members, i);
      }
      table = larger;
    }
    put(table, members, member);
    return table;
  }

  private static void put(int[] table, @Nullable Object[] members, int member) {
    int mask = table.length - 1;
    int at = spread(members[2 * member].hashCode()) & mask;
    while (table[at] != 0) {
      at = (at + 1) & mask;
    }
    table[at] = member + 1;
  }

  /** Spreads the high bits of a string's hash down, as {@code HashMap} does. */
  private static int spread(int hash) {
    return hash ^ (hash >>> 16);
  }
}
