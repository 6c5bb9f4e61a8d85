package dev.partialjson.parser;

/**
 * The last bytes of the input, kept so that an error found in a later delta can still quote the
 * text before it. Errors are found at most one slice after their byte arrives, so a window larger
 * than a slice plus the excerpt always holds what a message quotes. Not thread-safe.
 */
final class InputWindow {
  static final int EXCERPT = 24;
  private static final int SIZE = 512; // a power of two > IncrementalJsonParser.SLICE + EXCERPT

  private static final int SHORT = 16; // copied byte by byte; longer runs with arraycopy

  private final byte[] ring = new byte[SIZE];
  private long end; // offset just past the last byte added

  void add(byte[] bytes, int offset, int length) {
    if (length <= SHORT) {
      // A model's delta is a few bytes: a plain loop beats the call into the copy stub.
      int at = (int) end;
      for (int i = 0; i < length; i++) {
        ring[(at + i) & (SIZE - 1)] = bytes[offset + i];
      }
      end += length;
      return;
    }
    // Only the last SIZE bytes can be read back; copy them in at most two runs.
    int skip = Math.max(0, length - SIZE);
    long from = end + skip;
    int n = length - skip;
    int at = (int) (from & (SIZE - 1));
    int first = Math.min(n, SIZE - at);
    System.arraycopy(bytes, offset + skip, ring, at, first);
    if (first < n) {
      System.arraycopy(bytes, offset + skip + first, ring, 0, n - first);
    }
    end += length;
  }

  /**
   * Returns the 1-based line and column of {@code to}, given Jackson's counts of line feeds and
   * carriage returns before {@code from} (each starting at 1) and the column there, counting the
   * bytes in between the way Jackson does: {@code \n} and {@code \r} each counted apart, the larger
   * count making the line, so that a position moved here agrees with one Jackson reports.
   */
  int[] move(long from, int lineFeeds, int carriageReturns, int column, long to) {
    if (to < from) {
      return new int[] {Math.max(lineFeeds, carriageReturns), column - (int) (from - to)};
    }
    for (long p = Math.max(from, end - SIZE); p < to && p < end; p++) {
      byte b = byteAt(p);
      if (b == '\n') {
        lineFeeds++;
        column = 1;
      } else if (b == '\r') {
        carriageReturns++;
        column = 1;
      } else {
        column++;
      }
    }
    return new int[] {Math.max(lineFeeds, carriageReturns), column};
  }

  /** Returns the offset just past the last byte added. */
  long end() {
    return end;
  }

  /**
   * Returns the offset of the first byte of the first malformed UTF-8 sequence that starts in
   * {@code [from, to]}, or -1 if there is none among the bytes that have arrived.
   */
  long invalidUtf8Start(long from, long to) {
    long p = Math.max(Math.max(0, from), end - SIZE);
    while (p <= to && p < end && (byteAt(p) & 0xC0) == 0x80) {
      p++; // inside a character that began earlier: resynchronise on the next one
    }
    while (p <= to && p < end) {
      int lead = byteAt(p) & 0xFF;
      int length =
          lead < 0x80
              ? 1
              : lead >= 0xC2 && lead <= 0xDF
                  ? 2
                  : lead >= 0xE0 && lead <= 0xEF ? 3 : lead >= 0xF0 && lead <= 0xF4 ? 4 : -1;
      if (length < 0) {
        return p;
      }
      for (int k = 1; k < length; k++) {
        if (p + k >= end) {
          return -1; // not arrived yet
        }
        int next = byteAt(p + k) & 0xFF;
        boolean valid = (next & 0xC0) == 0x80;
        if (k == 1) {
          // overlong forms, UTF-16 surrogates and code points beyond U+10FFFF
          valid &= lead != 0xE0 || next >= 0xA0;
          valid &= lead != 0xED || next < 0xA0;
          valid &= lead != 0xF0 || next >= 0x90;
          valid &= lead != 0xF4 || next < 0x90;
        }
        if (!valid) {
          return p;
        }
      }
      p += length;
    }
    return -1;
  }

  /** Returns the byte at {@code offset}, or 0 if it is not in the window. */
  byte byteAt(long offset) {
    if (offset < 0 || offset >= end || offset < end - SIZE) {
      return 0;
    }
    return ring[(int) (offset & (SIZE - 1))];
  }

  /** Returns up to {@link #EXCERPT} bytes ending just before {@code offset}, printable. */
  String before(long offset) {
    long to = Math.min(offset, end);
    long from = Math.max(Math.max(0, to - EXCERPT), end - SIZE);
    if (from >= to) {
      return "";
    }
    byte[] out = new byte[(int) (to - from)];
    for (int i = 0; i < out.length; i++) {
      out[i] = ring[(int) ((from + i) & (SIZE - 1))];
    }
    String text = Excerpts.printable(out, 0, out.length, false);
    return from > 0 ? "…" + text : text;
  }
}
