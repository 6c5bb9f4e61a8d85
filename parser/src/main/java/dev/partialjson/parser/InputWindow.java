package dev.partialjson.parser;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * The last bytes of the input, kept so that an error found in a later delta can still quote the
 * text before it, and so that a {@link PlainRun} can be handed to Jackson from here. Errors are
 * found at most one slice after their byte arrives, so a window larger than a slice plus the
 * excerpt always holds what a message quotes. Not thread-safe.
 */
final class InputWindow {
  static final int EXCERPT = 24;
  static final int SIZE = 512; // a power of two > KEPT

  private static final int SHORT = 16; // a delta up to this long is copied as two longs

  /**
   * How many of the last bytes can be read back: more than a slice plus the excerpt. A short delta
   * is copied as 16 bytes, whatever its length, which overwrites up to 16 of the oldest bytes.
   */
  static final int KEPT = SIZE - SHORT;

  private static final VarHandle LONGS =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
  private static final long ONES = 0x0101010101010101L;
  private static final long HIGHS = 0x8080808080808080L;

  /**
   * The ring's size until the input passes it. Many model answers are no longer (the corpus of real
   * outputs in the benchmarks: median 40 bytes, 72% of them at most 64); a parser of one allocates
   * 80 bytes here instead of 528, which were a sixth of all it allocated.
   */
  private static final int FIRST = 64;

  // FIRST + SHORT bytes until the input passes FIRST, then SIZE + SHORT (the last SHORT take a
  // copy's overshoot). The first ring never wraps around, so an offset's index is the same in both
  // and its bytes are carried over as they are.
  private byte[] ring = new byte[FIRST + SHORT];
  private long end; // offset just past the last byte added
  private boolean ascii; // the last bytes added were all ASCII

  /**
   * Adds {@code bytes[offset, offset + length)}; if {@code check}, returns whether there are some
   * and none is {@link #special} (false if not asked), a test that costs next to nothing on the
   * copy. Such bytes are plain string content if they are ASCII ({@link #lastAscii}), and otherwise
   * if they are whole, well-formed UTF-8, which {@link PlainRun} finds as it decodes them.
   *
   * <p>Why the copy is done this way: a model's delta is a few bytes, and a loop over a few bytes
   * of unknown count costs more than the bytes (its exit is mispredicted, and the copy stub's call
   * is no cheaper). Two 8-byte loads and stores do it with no loop when there are 16 bytes to read
   * in the array and to write in the ring before its end.
   */
  boolean add(byte[] bytes, int offset, int length, boolean check) {
    int at = (int) end & (SIZE - 1);
    byte[] ring = this.ring;
    if (length <= SHORT && offset <= bytes.length - SHORT && at + length <= ring.length - SHORT) {
      long low = (long) LONGS.get(bytes, offset);
      long high = (long) LONGS.get(bytes, offset + 8);
      LONGS.set(ring, at, low);
      LONGS.set(ring, at + 8, high);
      end += length;
      long inLow = low(length); // the delta's bytes in each long
      long inHigh = low(length - 8);
      ascii = (((low & inLow) | (high & inHigh)) & HIGHS) == 0;
      // Each test below sets the high bit of the lowest byte that fails it, and may set it in
      // bytes above that one (a borrow), never below: so masking off the bytes past the delta is
      // exact.
      return check && length > 0 && ((special(low) & inLow) | (special(high) & inHigh)) == 0;
    }
    return addSlowly(bytes, offset, length, check); // apart, so that the above is inlined
  }

  private boolean addSlowly(byte[] bytes, int offset, int length, boolean check) {
    if (end + length > ring.length - SHORT && ring.length < SIZE + SHORT) {
      ring = Arrays.copyOf(ring, SIZE + SHORT); // the input outgrew the first ring
    }
    int at = (int) end & (SIZE - 1);
    if (length <= SHORT) {
      // at the end of the array or of the ring: byte by byte, which beats the copy stub's call
      boolean high = false;
      for (int i = 0; i < length; i++) {
        byte b = bytes[offset + i];
        ring[(at + i) & (SIZE - 1)] = b;
        high |= b < 0;
      }
      end += length;
      ascii = !high;
      return check && length > 0 && noneSpecial(bytes, offset, length);
    }
    // Only the last SIZE bytes can be read back; copy them in at most two runs.
    int skip = Math.max(0, length - SIZE);
    int n = length - skip;
    at = (int) ((end + skip) & (SIZE - 1));
    int first = Math.min(n, SIZE - at);
    System.arraycopy(bytes, offset + skip, ring, at, first);
    if (first < n) {
      System.arraycopy(bytes, offset + skip + first, ring, 0, n - first);
    }
    end += length;
    ascii = false; // a long delta: looked at by whoever needs to know
    return check && length > 0 && noneSpecial(bytes, offset, length);
  }

  /** Returns whether no byte of the slice is {@link #special}. */
  private static boolean noneSpecial(byte[] bytes, int offset, int length) {
    for (int i = offset, end = offset + length; i < end; i++) {
      byte b = bytes[i];
      if ((b >= 0 && b < 0x20) || b == '"' || b == '\\') { // a byte above 0x7F is negative
        return false;
      }
    }
    return true;
  }

  /** Returns whether the bytes of the last {@link #add} were all ASCII (false if not known). */
  boolean lastAscii() {
    return ascii;
  }

  /**
   * Returns a mask of the low {@code n} bytes of a long: none for n up to 0, all from 8 on. The
   * branches cost nothing: a model's deltas are nearly all shorter than 8 bytes, so they go the
   * same way every time (a branch-free form, two variable shifts and two clamps, showed up in the
   * profile at twice the share).
   */
  private static long low(int n) {
    return n >= 8 ? -1L : n <= 0 ? 0 : -1L >>> (64 - 8 * n);
  }

  /**
   * Returns the high bit of each special byte of {@code x}, one that can end a string, begin an
   * escape or be malformed in one on its own: below 0x20, a quote or a backslash (not one above
   * 0x7F), exact for the lowest such byte.
   */
  private static long special(long x) {
    long control = (x - 0x20 * ONES) & ~x;
    long quote = x ^ ('"' * ONES);
    long backslash = x ^ ('\\' * ONES);
    return (control | ((quote - ONES) & ~quote) | ((backslash - ONES) & ~backslash)) & HIGHS;
  }

  /** Returns the array the bytes are kept in; offset {@code o} is at {@link #index}(o). */
  byte[] array() {
    return ring;
  }

  /** Returns the index in {@link #array()} of the byte at {@code offset}, if it is kept. */
  static int index(long offset) {
    return (int) (offset & (SIZE - 1));
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
    for (long p = Math.max(from, end - KEPT); p < to && p < end; p++) {
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
    long p = Math.max(Math.max(0, from), end - KEPT);
    while (p <= to && p < end && (byteAt(p) & 0xC0) == 0x80) {
      p++; // inside a character that began earlier: resynchronise on the next one
    }
    while (p <= to && p < end) {
      int lead = byteAt(p) & 0xFF;
      int length = lead < 0x80 ? 1 : Utf8Check.length(lead);
      if (length < 0) {
        return p;
      }
      for (int k = 1; k < length; k++) {
        if (p + k >= end) {
          return -1; // not arrived yet
        }
        if (!Utf8Check.continues(lead, k, byteAt(p + k) & 0xFF)) {
          return p;
        }
      }
      p += length;
    }
    return -1;
  }

  /**
   * Returns the byte that makes the UTF-8 sequence at {@code offset} bad: its lead byte if no
   * character begins with that, else the first byte after it that cannot follow; -1 if the sequence
   * is not bad as far as the window holds it.
   */
  int wrongByte(long offset) {
    int lead = byteAt(offset) & 0xFF;
    if (lead < 0x80) {
      return -1;
    }
    int length = Utf8Check.length(lead);
    if (length < 0) {
      return lead;
    }
    for (int k = 1; k < length && offset + k < end; k++) {
      int b = byteAt(offset + k) & 0xFF;
      if (!Utf8Check.continues(lead, k, b)) {
        return b;
      }
    }
    return -1;
  }

  /** Returns the byte at {@code offset}, or 0 if it is not in the window. */
  byte byteAt(long offset) {
    if (offset < 0 || offset >= end || offset < end - KEPT) {
      return 0;
    }
    return ring[(int) (offset & (SIZE - 1))];
  }

  /** Returns up to {@link #EXCERPT} bytes ending just before {@code offset}, printable. */
  String before(long offset) {
    long to = Math.min(offset, end);
    long from = Math.max(Math.max(0, to - EXCERPT), end - KEPT);
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
