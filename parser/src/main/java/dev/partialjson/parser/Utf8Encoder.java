package dev.partialjson.parser;

/**
 * Encodes text deltas to UTF-8 one piece at a time, so that a surrogate pair split between two
 * deltas is joined into one four-byte sequence rather than replaced. A surrogate with no partner (a
 * Java string can hold one; Unicode text cannot) stops the encoding with {@link Unpaired} after
 * everything before it has gone to the sink, so the caller can report exactly where the text was
 * broken; nothing is silently replaced with U+FFFD. Not thread-safe; one per parser.
 */
final class Utf8Encoder {

  /** Receives encoded bytes; the array is reused after the call returns. */
  interface Sink {
    void accept(byte[] bytes, int offset, int length);
  }

  /** Thrown when the text holds a surrogate without its partner. */
  static final class Unpaired extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final char surrogate;

    Unpaired(char surrogate) {
      super(null, null, false, false);
      this.surrogate = surrogate;
    }
  }

  private final byte[] out;
  private char pendingHigh;

  /** Encodes into chunks of at most {@code chunkSize} bytes (at least 4). */
  Utf8Encoder(int chunkSize) {
    this.out = new byte[chunkSize];
  }

  /**
   * Encodes {@code text}, holding back a trailing high surrogate until the next call. Chunks hold
   * at most {@code chunkSize} bytes. A surrogate held back is joined before the loop, so that the
   * loop's only tests for an ASCII character are the chunk's end and whether it is ASCII.
   */
  void encode(CharSequence text, Sink sink) {
    byte[] out = this.out;
    int length = text.length();
    int i = 0;
    int n = 0;
    if (pendingHigh != 0 && length > 0) {
      char high = pendingHigh;
      pendingHigh = 0;
      char c = text.charAt(0);
      if (!Character.isLowSurrogate(c)) {
        throw unpaired(high, 0, sink);
      }
      n = put(Character.toCodePoint(high, c), 0);
      i = 1;
    }
    int limit = out.length - 4; // room for any one code point
    for (; i < length; i++) {
      if (n > limit) {
        sink.accept(out, 0, n);
        n = 0;
      }
      char c = text.charAt(i);
      if (c < 0x80) {
        out[n++] = (byte) c;
      } else if (Character.isHighSurrogate(c)) {
        if (++i == length) {
          pendingHigh = c;
          break;
        }
        char low = text.charAt(i);
        if (!Character.isLowSurrogate(low)) {
          throw unpaired(c, n, sink);
        }
        n = put(Character.toCodePoint(c, low), n);
      } else if (Character.isLowSurrogate(c)) {
        throw unpaired(c, n, sink);
      } else {
        n = put(c, n);
      }
    }
    if (n > 0) {
      sink.accept(out, 0, n);
    }
  }

  /** Reports a high surrogate still held back at the end of the input as unpaired. */
  void flush(Sink sink) {
    if (pendingHigh != 0) {
      throw unpaired(pendingHigh, 0, sink);
    }
  }

  private Unpaired unpaired(char surrogate, int n, Sink sink) {
    pendingHigh = 0;
    if (n > 0) {
      sink.accept(out, 0, n);
    }
    return new Unpaired(surrogate);
  }

  private int put(int codePoint, int n) {
    if (codePoint < 0x80) {
      out[n++] = (byte) codePoint;
    } else if (codePoint < 0x800) {
      out[n++] = (byte) (0xC0 | (codePoint >> 6));
      out[n++] = (byte) (0x80 | (codePoint & 0x3F));
    } else if (codePoint < 0x10000) {
      out[n++] = (byte) (0xE0 | (codePoint >> 12));
      out[n++] = (byte) (0x80 | ((codePoint >> 6) & 0x3F));
      out[n++] = (byte) (0x80 | (codePoint & 0x3F));
    } else {
      out[n++] = (byte) (0xF0 | (codePoint >> 18));
      out[n++] = (byte) (0x80 | ((codePoint >> 12) & 0x3F));
      out[n++] = (byte) (0x80 | ((codePoint >> 6) & 0x3F));
      out[n++] = (byte) (0x80 | (codePoint & 0x3F));
    }
    return n;
  }
}
