package dev.partialjson.parser;

import java.math.BigDecimal;
import org.jspecify.annotations.Nullable;

/**
 * Keeps one instance of a decimal that repeats and of each one-char ASCII string, so that a
 * snapshot holding one many times holds one object: {@code [1.5, 1.5, ...]} costs the snapshot a
 * reference per element rather than a 40-byte {@code BigDecimal}, {@code ["a", "a", ...]} rather
 * than a 48-byte {@code String}, the two values that cost the most per input byte. Decimals go
 * through a small direct-mapped table of recent ones, compared with {@code equals} (which tells
 * {@code 1.5} from {@code 1.50}); a decimal that misses takes its cell. Other values are left as
 * they are: looking each string and integer up measured several percent of the time of a snapshot
 * after every delta on a document of small objects, whose values rarely repeat; booleans, the empty
 * string and the integers from -128 to 127 are one instance each already. Not thread-safe.
 */
final class RepeatedValues {
  private static final int CELLS = 128; // a power of two
  private static final String[] ONE_CHAR = new String[128];

  static {
    for (char c = 0; c < ONE_CHAR.length; c++) {
      ONE_CHAR[c] = String.valueOf(c);
    }
  }

  private @Nullable BigDecimal @Nullable [] recent; // made at the first decimal

  /** Returns the instance kept of a value equal to {@code value}, or {@code value}. */
  Object canonical(Object value) {
    if (value instanceof String string) {
      return string.length() == 1 && string.charAt(0) < ONE_CHAR.length
          ? ONE_CHAR[string.charAt(0)]
          : value;
    }
    return value instanceof BigDecimal decimal ? decimal(decimal) : value;
  }

  private BigDecimal decimal(BigDecimal value) {
    BigDecimal[] cells = recent;
    if (cells == null) {
      cells = new BigDecimal[CELLS];
      recent = cells;
    }
    int hash = value.hashCode();
    int at = (hash ^ (hash >>> 16)) & (CELLS - 1);
    BigDecimal kept = cells[at];
    if (value.equals(kept)) {
      return kept;
    }
    cells[at] = value;
    return value;
  }
}
