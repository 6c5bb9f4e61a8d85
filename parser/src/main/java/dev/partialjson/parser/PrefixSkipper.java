package dev.partialjson.parser;

import java.nio.charset.StandardCharsets;

/**
 * Finds where the root value starts in a model's answer: at the first <code>&#123;</code> or {@code
 * [} that is not inside a {@code <think>} or {@code <thinking>} block. Reasoning models put their
 * thoughts (which may hold braces) in such a block before the answer; prose and Markdown fences
 * hold no JSON brackets before the value in practice, and a sentence that does ("[see below]") is
 * the case this cannot know about: use {@link ParserOptions.Text#JSON} where the input is known to
 * be JSON. The text of a think block goes to the {@link ReasoningStream} as it arrives. Not
 * thread-safe.
 */
final class PrefixSkipper {
  private static final int EXCERPT_BYTES = 60;
  private static final byte[][] OPEN = {bytes("<think>"), bytes("<thinking>")};
  private static final byte[][] CLOSE = {bytes("</think>"), bytes("</thinking>")};

  private final ReasoningStream reasoning;
  // the last bytes seen, enough to recognise the longest tag when its '>' arrives
  private final byte[] tail = new byte[16];
  private int tailLength;
  private boolean inThink;
  private final byte[] excerpt = new byte[EXCERPT_BYTES];
  private int excerptLength;
  private long skipped;
  private boolean onlyWhitespace = true;
  private final LineCounter lines = new LineCounter();

  PrefixSkipper(ReasoningStream reasoning) {
    this.reasoning = reasoning;
  }

  /**
   * Scans {@code bytes[from, to)} and returns the index of the root's first byte, or -1 if it is
   * not there; every byte before it counts as skipped.
   */
  int scan(byte[] bytes, int from, int to) {
    for (int i = from; i < to; i++) {
      byte b = bytes[i];
      if (!inThink && (b == '{' || b == '[')) {
        return i;
      }
      skip(b);
    }
    if (inThink) {
      reasoning.flushBlock();
    }
    return -1;
  }

  private void skip(byte b) {
    skipped++;
    if (b != ' ' && b != '\t' && b != '\n' && b != '\r') {
      onlyWhitespace = false;
    }
    if (excerptLength < EXCERPT_BYTES) {
      excerpt[excerptLength++] = b;
    }
    lines.count(b);
    if (tailLength == tail.length) {
      System.arraycopy(tail, 1, tail, 0, tailLength - 1);
      tailLength--;
    }
    tail[tailLength++] = b;
    if (inThink) {
      reasoning.blockByte(b);
    }
    if (b == '>') {
      if (!inThink && endsWithAny(OPEN) > 0) {
        inThink = true;
        reasoning.openBlock();
      } else if (inThink) {
        int closing = endsWithAny(CLOSE);
        if (closing > 0) {
          inThink = false;
          reasoning.closeBlock(closing);
        }
      }
    }
  }

  /** Returns the length of the tag the bytes seen end with, or 0. */
  private int endsWithAny(byte[][] tags) {
    for (byte[] tag : tags) {
      if (tailLength >= tag.length) {
        boolean match = true;
        for (int i = 0; i < tag.length && match; i++) {
          match = tail[tailLength - tag.length + i] == tag[i];
        }
        if (match) {
          return tag.length;
        }
      }
    }
    return 0;
  }

  /** Returns how many bytes were skipped. */
  long skipped() {
    return skipped;
  }

  /** Returns whether everything skipped was JSON whitespace, which needs no report. */
  boolean onlyWhitespace() {
    return onlyWhitespace;
  }

  /** Returns how many line breaks the skipped text held. */
  int newlines() {
    return lines.breaks();
  }

  /** Returns how many bytes of the last skipped line there are. */
  int column() {
    return lines.bytesInLine();
  }

  /** Returns whether the skipped text ended inside a thinking block. */
  boolean inThink() {
    return inThink;
  }

  /** Returns the start of the skipped text, for the repair report. */
  String excerpt() {
    return Excerpts.printable(excerpt, 0, excerptLength, skipped > excerptLength);
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.US_ASCII);
  }
}
