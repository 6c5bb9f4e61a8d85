package dev.partialjson.parser;

import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import org.jspecify.annotations.Nullable;

/**
 * Decodes the part of a string value that Jackson had read but not published when it refused a byte
 * in it: the chars from where it last stopped for input up to that byte.
 *
 * <p>Why: Jackson decodes a string into its text buffer and sets the buffer's length only when it
 * stops for input or the string ends; a malformed byte (a raw control character in strict syntax, a
 * bad escape, invalid UTF-8) throws before that, so the chars decoded in the same feed are lost,
 * and how many that is depends on how the input was split. The parser learns where Jackson stopped
 * each time it does ({@link FeedingParser#stringResume()}), and the bytes since are in the {@link
 * InputWindow} (at most a slice and a run, plus an unfinished escape, fewer than the window keeps).
 * Rather than decode them a second way beside Jackson, which could disagree with it, this feeds
 * them to a new Jackson parser of the same factory after an opening quote, one byte at a time, and
 * collects what it publishes after each, until it throws: the chars before the refused byte, whole
 * (an unfinished escape or multi-byte character is held back as Jackson always does). It runs once,
 * on the way to the error. Stateless.
 */
final class StringTail {
  private StringTail() {}

  /**
   * Returns the chars Jackson decodes from the string content at input offsets {@code [from, to)}
   * of {@code window}, opened by {@code quote}, before it refuses a byte; null if it reads the
   * string to its end instead, or the bytes are no longer in the window.
   */
  static @Nullable String decode(
      JacksonSupport factory, InputWindow window, long from, long to, byte quote) {
    if (from < window.end() - InputWindow.KEPT) {
      return null; // cannot happen: see above
    }
    FeedingParser parser = factory.newParser();
    try {
      return decode(parser, window, from, to, quote);
    } finally {
      try {
        parser.close(); // hands its buffers back to the factory's pool
      } catch (IOException e) {
        // a non-blocking parser has no input to close
      }
    }
  }

  private static @Nullable String decode(
      FeedingParser parser, InputWindow window, long from, long to, byte quote) {
    byte[] one = {quote};
    try {
      parser.feedInput(one, 0, 1);
      if (parser.nextToken() != JsonToken.NOT_AVAILABLE) {
        return null;
      }
    } catch (IOException e) {
      return null; // no string begins with that quote
    }
    StringBuilder out = new StringBuilder();
    char[] segment = parser.textSegment();
    int seen = 0;
    try {
      for (long at = from; at < to; at++) {
        one[0] = window.byteAt(at);
        parser.feedInput(one, 0, 1);
        if (parser.nextToken() != JsonToken.NOT_AVAILABLE) {
          return null; // the string ended: the refused byte was not in it
        }
        // one byte adds at most two chars; a segment that filled is the one seen before
        char[] current = parser.textSegment();
        if (current != segment) {
          out.append(segment, seen, segment.length - seen);
          segment = current;
          seen = 0;
        }
        int size = parser.textSegmentSize();
        out.append(current, seen, size - seen);
        seen = size;
      }
      return null; // never refused: not an error in this string
    } catch (IOException e) {
      return out.toString(); // refused: what it had published is the text before the byte
    }
  }
}
