package dev.partialjson.parser;

import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;

/**
 * Deltas of plain string content, reported before Jackson reads them and handed to it later in one
 * piece. Inside a double-quoted string, printable ASCII other than the quote and the backslash, and
 * whole, well-formed UTF-8 characters, cannot end the string, begin an escape or be malformed, and
 * decode to chars with no state carried over: what Jackson would make of such a delta is certain
 * without asking it, and asking costs a feed and a resumed token, more than the bytes, for a
 * model's delta of a few bytes. (A character cut between two deltas, or any escape, is not plain:
 * Jackson reads such a delta at once.) So the parser reports such a delta from the {@link
 * InputWindow}, where its bytes are kept anyway, and Jackson reads the run from there at once when
 * anything else arrives, when the run would pass a slice, or at the end. Jackson still reads every
 * byte, in order, before any byte after it, so every token, error and position is what it would
 * have been. Not thread-safe.
 */
final class PlainRun {
  private static final char[] NONE = {};
  private final Chars chars;
  // made at the first delta that is not ASCII: most parsers never see one
  private @Nullable DeltaView decoded;
  private char[] decodedChars = NONE; // at most a slice of them: a plain delta is at most one
  private long start;
  private int size;

  PlainRun(InputWindow window) {
    this.chars = new Chars(window);
  }

  /** Returns whether {@code length} more bytes keep the run within a slice: one feed to Jackson. */
  boolean fits(int length) {
    return size + length <= FeedingParser.SLICE;
  }

  /**
   * Returns the chars of {@code bytes[from, from + length)}, at {@code [offset, offset + length)}
   * of the input, just added to the window with no {@link InputWindow#special special} byte among
   * them, if they are plain: a view valid until the next call; or null if they are not whole,
   * well-formed UTF-8. ASCII bytes are their chars, read from the window as they are; other bytes
   * are checked as they are decoded.
   */
  @Nullable CharSequence chars(byte[] bytes, int from, int length, long offset, boolean ascii) {
    return ascii ? chars.set(offset, length) : decode(bytes, from, from + length);
  }

  /** Adds the plain bytes at {@code [offset, offset + length)} of the input to the run. */
  void add(long offset, int length) {
    if (size == 0) {
      start = offset;
    }
    size += length;
  }

  private @Nullable CharSequence decode(byte[] bytes, int from, int to) {
    char[] out = decodedChars;
    if (out.length < to - from) { // never more chars than bytes
      out =
          decodedChars =
              new char[Math.min(Math.max(to - from, 2 * out.length), FeedingParser.SLICE)];
    }
    int n = 0;
    for (int i = from; i < to; ) {
      int lead = bytes[i] & 0xFF;
      if (lead < 0x80) {
        out[n++] = (char) lead;
        i++;
        continue;
      }
      int length = Utf8Check.length(lead);
      if (length < 0 || i + length > to) {
        return null; // a byte no character begins with, or a character cut short
      }
      int c = lead & (0xFF >> (length + 1)); // the lead's bits of the code point
      for (int k = 1; k < length; k++) {
        int b = bytes[i + k] & 0xFF;
        if (!Utf8Check.continues(lead, k, b)) {
          return null; // Jackson or the parser refuses this: it reads it at once
        }
        c = (c << 6) | (b & 0x3F);
      }
      i += length;
      if (length == 4) {
        out[n++] = Character.highSurrogate(c);
        out[n++] = Character.lowSurrogate(c);
      } else {
        out[n++] = (char) c;
      }
    }
    DeltaView view = decoded;
    if (view == null) {
      view = decoded = new DeltaView();
    }
    return view.set(out, 0, n);
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
    private final InputWindow window; // its array is asked for each time: it grows once
    private long start;

    Chars(InputWindow window) {
      this.window = window;
    }

    Chars set(long start, int length) {
      this.start = start;
      this.length = length;
      return this;
    }

    @Override
    char at(int index) {
      return (char) window.array()[InputWindow.index(start + index)];
    }

    @Override
    String text(int from, int to) {
      byte[] ring = window.array();
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
      byte[] ring = window.array();
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
