package dev.partialjson.parser;

import java.nio.charset.StandardCharsets;

/**
 * Deltas of plain string content, reported before Jackson reads them and handed to it later in one
 * piece. Inside a double-quoted string, printable ASCII other than the quote and the backslash
 * decodes to one char per byte and cannot end the string, begin an escape or be malformed: what
 * Jackson would make of such a delta is certain without asking it, and asking costs a feed and a
 * resumed token, more than the bytes, for a model's delta of a few bytes. So the parser reports
 * such a delta from the {@link InputWindow}, where its bytes are kept anyway, and Jackson reads the
 * run from there at once when anything else arrives, when the run would pass a slice, or at the
 * end. Jackson still reads every byte, in order, before any byte after it, so every token, error
 * and position is what it would have been. Not thread-safe.
 */
final class PlainRun {
  private final Chars chars;
  private long start;
  private int size;

  PlainRun(InputWindow window) {
    this.chars = new Chars(window.array());
  }

  /** Returns whether {@code length} more bytes keep the run within a slice: one feed to Jackson. */
  boolean fits(int length) {
    return size + length <= FeedingParser.SLICE;
  }

  /**
   * Adds the plain bytes at {@code [offset, offset + length)} of the input, just added to the
   * window and following the run, and returns their chars: a view valid until the next call.
   */
  CharSequence add(long offset, int length) {
    if (size == 0) {
      start = offset;
    }
    size += length;
    return chars.set(offset, length);
  }

  /** Returns the offset in the input of the run's first byte. */
  long start() {
    return start;
  }

  /** Returns how many bytes the run holds. */
  int size() {
    return size;
  }

  /** Empties the run, which Jackson is about to read from the window. */
  void clear() {
    size = 0;
  }

  /** ASCII bytes of the window read as chars, so that a delta needs no copy. */
  private static final class Chars extends DeltaChars {
    private final byte[] ring;
    private long start;

    Chars(byte[] ring) {
      this.ring = ring;
    }

    Chars set(long start, int length) {
      this.start = start;
      this.length = length;
      return this;
    }

    @Override
    char at(int index) {
      return (char) ring[InputWindow.index(start + index)];
    }

    @Override
    String text(int from, int to) {
      int at = InputWindow.index(start + from);
      if (at + (to - from) <= InputWindow.SIZE) {
        return new String(ring, at, to - from, StandardCharsets.ISO_8859_1);
      }
      char[] out = new char[to - from];
      for (int i = 0; i < out.length; i++) {
        out[i] = at(from + i);
      }
      return new String(out);
    }

    @Override
    void copyTo(char[] out, int at) {
      int from = InputWindow.index(start);
      if (from + length <= InputWindow.SIZE) {
        for (int i = 0; i < length; i++) {
          out[at + i] = (char) ring[from + i]; // plain bytes are ASCII; no wrap: no mask per char
        }
        return;
      }
      for (int i = 0; i < length; i++) {
        out[at + i] = (char) ring[InputWindow.index(start + i)];
      }
    }
  }
}
