package dev.partialjson.parser;

import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import java.util.function.Supplier;

/**
 * The checks of object keys that Jackson's non-blocking parser leaves undone. Jackson finds a key
 * by its raw bytes in a table of keys it has seen, padding the last group of four with 0xFF, and
 * decodes (and so checks) only a key it has not seen: a key of bad bytes can match one seen before
 * (see {@link Failures#invalidUtf8}). And it reads no unquoted key (lenient syntax) that begins
 * with a non-ASCII byte, but says so in words that depend on the split. A plain key, as many bytes
 * as chars between quotes, is ASCII and needs neither check: it costs one comparison. Not
 * thread-safe.
 */
final class KeyCheck {
  private final FeedingParser jackson;
  private final InputWindow window;
  private final Failures failures;
  private final boolean strictSyntax;
  // The path an error names; asked for only when there is an error, as making it costs a lookup.
  private final Supplier<JsonPath> errorPath;
  private long firstFF = -1; // the first 0xFF byte in the open key, if it has one

  KeyCheck(
      FeedingParser jackson,
      InputWindow window,
      Failures failures,
      boolean strictSyntax,
      Supplier<JsonPath> errorPath) {
    this.jackson = jackson;
    this.window = window;
    this.failures = failures;
    this.strictSyntax = strictSyntax;
    this.errorPath = errorPath;
  }

  /**
   * Notes the bytes of a key still open after {@code bytes[from, to)} was tokenized: its first
   * 0xFF, which a key longer than the input window would otherwise take out of reach before it
   * closes (0xFF is never UTF-8, and it is the byte Jackson pads with); and, in lenient syntax, an
   * unquoted key's non-ASCII first byte, refused now as when the key ends, so that input ending
   * inside it does not make it merely incomplete.
   */
  void open(byte[] bytes, int from, int to) {
    if (!strictSyntax && jackson.insideUnquotedName()) {
      MalformedJsonException unreadable = failures.nonAsciiNameStart(errorPath.get());
      if (unreadable != null) {
        throw unreadable;
      }
    }
    if (firstFF >= 0) {
      return;
    }
    long at = jackson.offsetOf(from); // bytes[from], where Jackson counts
    // from the key's first byte: an unquoted key's token begins after it
    long skip = jackson.tokenStart() - 1 - at;
    for (int i = from + (int) Math.max(0, Math.min(to - from, skip)); i < to; i++) {
      if (bytes[i] == (byte) 0xFF) {
        firstFF = failures.inputOffset(at + (i - from));
        return;
      }
    }
  }

  /** Checks {@code name}, the key Jackson just returned. */
  void closed(String name) {
    long start = failures.inputOffset(jackson.tokenStart());
    long end = failures.inputOffset(jackson.position());
    byte before = window.byteAt(start - 1);
    if (end - 1 - start == name.length() && (before == '"' || before == '\'')) {
      firstFF = -1;
      return;
    }
    if (!strictSyntax && (before & 0x80) != 0) {
      // an unquoted key's first byte (Jackson places its token after it), not ASCII
      MalformedJsonException unreadable = failures.nonAsciiNameStart(errorPath.get());
      if (unreadable != null) {
        throw unreadable;
      }
    }
    // From two bytes before the token: the quote, or the byte before an unquoted key's first, a
    // boundary between characters.
    long from = Math.max(0, start - 2);
    long bad = window.invalidUtf8Start(from, end - 1);
    if (firstFF >= 0 && firstFF >= start - 1 && (bad < 0 || firstFF < bad)) {
      bad = firstFF;
    }
    firstFF = -1;
    if (bad >= 0) {
      throw failures.invalidUtf8(bad, errorPath.get());
    }
  }

  /**
   * Returns what a constraint Jackson found stands for: a key too long, in lenient syntax, that
   * began with a non-ASCII byte is refused as unreadable first, as it is when it ends and when the
   * input is cut inside it, so that the error does not depend on the split.
   */
  RuntimeException limit(StreamConstraintsException e, JsonPath path) {
    if (!strictSyntax && JacksonSupport.limitOf(e) == Limits.Limit.NAME_LENGTH) {
      MalformedJsonException unreadable = failures.nonAsciiNameStart(path);
      if (unreadable != null) {
        return unreadable;
      }
    }
    return failures.limit(e, path);
  }
}
