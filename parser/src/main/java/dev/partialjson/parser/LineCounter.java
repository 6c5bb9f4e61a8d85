package dev.partialjson.parser;

/**
 * Counts lines and columns through the bytes Jackson does not read: the text before the root value
 * and what follows it. A line ends at {@code \n}, {@code \r} or {@code \r\n} (one break); a column
 * counts bytes. Where Jackson reads, its own counts are taken instead (see {@link Failures}). Not
 * thread-safe.
 */
final class LineCounter {
  private int breaks;
  private int column; // bytes since the last break
  private boolean afterCr;

  /** Starts counting at the given 1-based line and column. */
  void startAt(int line, int column) {
    this.breaks = line - 1;
    this.column = column - 1;
  }

  /** Counts {@code b}, the next byte. */
  void count(byte b) {
    if (b == '\n') {
      if (!afterCr) {
        breaks++;
      }
      column = 0;
    } else if (b == '\r') {
      breaks++;
      column = 0;
    } else {
      column++;
    }
    afterCr = b == '\r';
  }

  /** Returns how many line breaks have been counted (from the start, or the line started at). */
  int breaks() {
    return breaks;
  }

  /** Returns how many bytes of the current line have been counted. */
  int bytesInLine() {
    return column;
  }

  /** Returns the 1-based line of the next byte. */
  int line() {
    return breaks + 1;
  }

  /** Returns the 1-based column of the next byte. */
  int column() {
    return column + 1;
  }
}
