package dev.partialjson.parser;

/**
 * Keeps one instance of a number or short string that repeats, so that a snapshot holding it many
 * times holds one object: {@code [1.5, 1.5, ...]} costs the snapshot a reference per element rather
 * than a 40-byte {@code BigDecimal}. Model output repeats such values a lot (scores, counts, enum
 * names). A small direct-mapped table of recent values, each compared with {@code equals} (which
 * tells {@code 1.5} from {@code 1.50} and an {@code Integer} from a {@code Long}), so a lookup
 * costs a hash and one comparison; a value that misses takes its cell. Not thread-safe.
 */
final class RepeatedValues {
  // A power of two, and at least 128: one-char ASCII strings then never fall into one cell.
  private static final int CELLS = 128;
  // Longer strings are rarely repeated whole, and hashing them costs their length.
  private static final int MAX_STRING = 16;

  private Object @org.jspecify.annotations.Nullable [] recent; // made at the first value

  /** Returns the instance kept of a value equal to {@code value}, keeping {@code value} if none. */
  Object canonical(Object value) {
    if (value instanceof String string && string.length() > MAX_STRING) {
      return value;
    }
    Object[] cells = recent;
    if (cells == null) {
      cells = new Object[CELLS];
      recent = cells;
    }
    int hash = value.hashCode();
    int at = (hash ^ (hash >>> 16)) & (CELLS - 1);
    Object kept = cells[at];
    if (value.equals(kept)) {
      return kept;
    }
    cells[at] = value;
    return value;
  }
}
