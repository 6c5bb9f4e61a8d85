package dev.partialjson.parser;

/**
 * Reads what follows the root value. In {@link ParserOptions.Text#JSON} only whitespace may follow;
 * in model output everything from the first other byte on is ignored and, at the end, reported as
 * one skipped suffix. Counts lines itself, since Jackson reads no further. Not thread-safe.
 */
final class SuffixReader {
  private final boolean ignoreText;
  private final Failures failures;
  private final byte[] excerpt = new byte[60];
  private int excerptLength;
  private long start = -1;
  private int line;
  private int column;
  private boolean afterCr;

  SuffixReader(boolean ignoreText, Failures failures) {
    this.ignoreText = ignoreText;
    this.failures = failures;
  }

  /** Returns the 1-based line of the next byte. */
  int line() {
    return line;
  }

  /** Returns the 1-based column of the next byte. */
  int column() {
    return column + 1;
  }

  /** Starts reading at the given 1-based line and column. */
  void begin(int line, int column) {
    this.line = line;
    this.column = column - 1;
  }

  /**
   * Reads {@code bytes[from, to)}, whose first byte is at {@code at} in the whole input.
   *
   * @throws MalformedJsonException on text after the root where only whitespace may follow
   */
  void read(byte[] bytes, int from, int to, long at) {
    for (int i = from; i < to; i++) {
      byte b = bytes[i];
      if (start >= 0 && excerptLength < excerpt.length) {
        excerpt[excerptLength++] = b;
      }
      // lines and columns are counted on through ignored text, for a limit found there
      if (b == '\n') {
        if (!afterCr) {
          line++;
        }
        column = 0;
      } else if (b == '\r') {
        line++;
        column = 0;
      } else if (b == ' ' || b == '\t' || start >= 0) {
        column++;
      } else {
        if (!ignoreText) {
          throw failures.afterRoot(at + (i - from), line, column + 1);
        }
        start = at + (i - from);
        excerpt[excerptLength++] = b;
        column++;
      }
      afterCr = b == '\r';
    }
  }

  /** Returns the offset of the first ignored byte, or -1 if only whitespace followed. */
  long start() {
    return start;
  }

  /** Returns the start of the ignored text, given how many bytes the whole input had. */
  String excerpt(long fed) {
    return Excerpts.printable(excerpt, 0, excerptLength, fed - start > excerptLength);
  }
}
