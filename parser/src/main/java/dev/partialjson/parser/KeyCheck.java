package dev.partialjson.parser;

import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import java.io.IOException;

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
  // The path an error names is made from these only when there is an error: it costs a lookup.
  private final PathStack paths;
  private final StringStream string;
  // The open key's first bad UTF-8 sequence, noted as its bytes arrive (see open): where it begins
  // in the input, -1 if none yet; its lead byte and the wrong byte after it (-1 if the lead is),
  // which name it in the error; and the text before it, which the error quotes.
  private long firstBad = -1;
  private int badLead;
  private int badMiddle;
  private String badExcerpt = "";
  // The character the open key's last byte so far is in: the bytes still due, its lead byte and
  // where that is.
  private int due;
  private int lead;
  private long leadAt;

  KeyCheck(
      FeedingParser jackson,
      InputWindow window,
      Failures failures,
      boolean strictSyntax,
      PathStack paths,
      StringStream string) {
    this.jackson = jackson;
    this.window = window;
    this.failures = failures;
    this.strictSyntax = strictSyntax;
    this.paths = paths;
    this.string = string;
  }

  /**
   * Notes the bytes of a key still open after {@code bytes[from, to)} was tokenized: its first bad
   * UTF-8 sequence, which a key longer than the input window would otherwise take out of reach
   * before it closes, when Jackson decodes it (or, for a key it has seen, does not: it pads with
   * 0xFF, which is never UTF-8); and, in lenient syntax, an unquoted key's non-ASCII first byte,
   * refused now as when the key ends, so that input ending inside it does not make it merely
   * incomplete. Bytes known to be {@code ascii}, with no character open before them, are no
   * sequence at all: nothing to note.
   */
  void open(byte[] bytes, int from, int to, boolean ascii) {
    if (!strictSyntax && jackson.insideUnquotedName()) {
      MalformedJsonException unreadable = failures.nonAsciiNameStart(errorPath());
      if (unreadable != null) {
        throw unreadable;
      }
    }
    if (firstBad >= 0 || (ascii && due == 0)) {
      return;
    }
    long at = jackson.offsetOf(from); // bytes[from], where Jackson counts
    // from the key's first byte: an unquoted key's token begins after it
    long skip = jackson.tokenStart() - 1 - at;
    for (int i = from + (int) Math.max(0, Math.min(to - from, skip)); i < to; i++) {
      int b = bytes[i] & 0xFF;
      if (due > 0) {
        if (!Utf8Check.continues(lead, Utf8Check.length(lead) - due, b)) {
          noteBad(leadAt, lead, b); // named by the byte that is wrong
          return;
        }
        due--;
      } else if (b >= 0x80) {
        long offset = failures.inputOffset(at + (i - from));
        int length = Utf8Check.length(b);
        if (length < 0) {
          noteBad(offset, b, -1); // the lead itself is wrong
          return;
        }
        due = length - 1;
        lead = b;
        leadAt = offset;
      }
    }
  }

  private void noteBad(long at, int lead, int middle) {
    firstBad = at;
    badLead = lead;
    badMiddle = middle;
    badExcerpt = window.before(at); // in reach now: the byte has just arrived
  }

  /** Forgets the key that ended, its bad sequence and its last character. */
  private void reset() {
    firstBad = -1;
    due = 0;
  }

  /**
   * Returns the error for {@code e}, which Jackson threw while reading: a key's bad UTF-8 is
   * reported at the first bad sequence noted as the key arrived, when that lies before where the
   * input window let {@link Failures#malformed} place it, or there (the window may no longer hold
   * the text before it, which the error quotes).
   */
  MalformedJsonException malformed(IOException e, JsonPath path) {
    MalformedJsonException error = failures.malformed(e, path);
    if (firstBad >= 0
        && firstBad <= error.byteOffset() // the same place: quote the text noted with it
        && error.reason().startsWith("Invalid UTF-8")) {
      return failures.invalidUtf8(firstBad, badLead, badMiddle, badExcerpt, path);
    }
    return error;
  }

  /** Checks {@code name}, the key Jackson just returned. */
  void closed(String name) {
    long start = failures.inputOffset(jackson.tokenStart());
    long end = failures.inputOffset(jackson.position());
    byte before = window.byteAt(start - 1);
    if (end - 1 - start == name.length() && (before == '"' || before == '\'')) {
      reset();
      return;
    }
    if (!strictSyntax && (before & 0x80) != 0) {
      // an unquoted key's first byte (Jackson places its token after it), not ASCII
      MalformedJsonException unreadable = failures.nonAsciiNameStart(errorPath());
      if (unreadable != null) {
        throw unreadable;
      }
    }
    // From two bytes before the token: the quote, or the byte before an unquoted key's first, a
    // boundary between characters.
    long from = Math.max(0, start - 2);
    long bad = window.invalidUtf8Start(from, end - 1);
    long noted = firstBad;
    reset();
    if (noted >= 0 && noted >= start - 1 && (bad < 0 || noted <= bad)) {
      throw failures.invalidUtf8(noted, badLead, badMiddle, badExcerpt, errorPath());
    }
    if (bad >= 0) {
      throw failures.invalidUtf8(bad, errorPath());
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

  private JsonPath errorPath() {
    return paths.forError(string.isOpen());
  }
}
