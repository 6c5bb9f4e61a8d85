package dev.partialjson.parser;

/**
 * The last bytes of the input, kept so that an error found in a later delta can still quote the
 * text before it. Errors are found at most one slice after their byte arrives, so a window larger
 * than a slice plus the excerpt always holds what a message quotes. Not thread-safe.
 */
final class InputWindow {
  static final int EXCERPT = 24;
  private static final int SIZE = 512; // a power of two > IncrementalJsonParser.SLICE + EXCERPT

  private final byte[] ring = new byte[SIZE];
  private long end; // offset just past the last byte added

  void add(byte[] bytes, int offset, int length) {
    for (int i = 0; i < length; i++) {
      ring[(int) ((end + i) & (SIZE - 1))] = bytes[offset + i];
    }
    end += length;
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
