package dev.partialjson.parser;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import java.io.IOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Builds the parser's exceptions with locations in the whole input. Jackson counts from the first
 * byte it was given, which in model output comes after skipped text, and words or places a few
 * errors differently depending on how its input was split; this turns its reports into ones that
 * depend on the input alone. Not thread-safe; one per parser.
 */
final class Failures {
  private static final Pattern START_MARKER =
      Pattern.compile(" \\(for (?:Object|Array|root) starting at \\[Source: [^\\]]*\\]\\)");
  private static final Pattern CHARACTER_ERROR =
      Pattern.compile(
          "(?:Illegal character \\('.' \\(code (\\d+) / 0x[0-9a-f]+\\)\\)"
              + "|Unexpected character \\((?:'.'|\\(CTRL-CHAR,) \\(?code (\\d+)\\)\\)).*",
          Pattern.DOTALL);

  private static final Pattern ANY_CHARACTER_ERROR =
      Pattern.compile(
          "(?:Illegal|Unexpected) character \\((?:'.'|\\(CTRL-CHAR,) \\(?code (\\d+)"
              + "(?: / 0x[0-9a-f]+)?\\)\\).*",
          Pattern.DOTALL);

  private final FeedingParser jackson;
  private final InputWindow window;
  private final Locations locations;
  private final Limits limits;

  Failures(FeedingParser jackson, InputWindow window, Locations locations, Limits limits) {
    this.jackson = jackson;
    this.window = window;
    this.locations = locations;
    this.limits = limits;
  }

  MalformedJsonException malformed(IOException e, JsonPath path) {
    JsonLocation location =
        e instanceof JsonProcessingException && ((JsonProcessingException) e).getLocation() != null
            ? ((JsonProcessingException) e).getLocation()
            : jackson.currentLocation();
    long offset = locations.offset(location);
    int line = locations.line(location);
    int column = locations.column(location);
    String reason =
        e instanceof JsonProcessingException
            ? ((JsonProcessingException) e).getOriginalMessage()
            : String.valueOf(e.getMessage());
    if (reason.startsWith("Invalid UTF-8")) {
      // Jackson reports a bad sequence at its first byte when it arrived in one feed, but after
      // its last byte, or at the start of the last feed, when it was split (its location is then
      // wrong too). It reports the first bad sequence, never a later one: so look from the start
      // of the token it was reading to the end of what has arrived, and report the first byte of
      // the first bad sequence. A name is decoded only once it has ended (Jackson hashes its raw
      // bytes first), so its bad sequence can lie far back. Look from the quote of a quoted key or
      // string, and from the byte before an unquoted key's first byte (Jackson places that token
      // after it): not from the first byte itself, as a search that starts on a continuation byte
      // skips it, taking it for the middle of a character that began earlier, and a key can begin
      // with a lone one. Not from before the token: that may be a comment (lenient syntax), whose
      // bytes Jackson does not decode; nor from before the body: skipped prose may hold any bytes.
      long tokenStart = locations.offset(jackson.currentTokenLocation());
      byte opening = window.byteAt(tokenStart - 1);
      long from =
          Math.max(
              locations.bodyStart(),
              opening == '"' || opening == '\'' ? tokenStart - 1 : tokenStart - 2);
      long start = window.invalidUtf8Start(from, window.end());
      if (start >= 0) {
        int[] moved = locations.move(location, start);
        line = moved[0];
        column = moved[1];
        offset = start;
        int wrong = window.wrongByte(start);
        if (wrong >= 0) {
          // Jackson's words for a key's bad bytes are garbled by where they sit in it ("middle
          // byte 0xffffc328"): name the wrong byte, as for a string value
          reason = invalidUtf8Reason(window.byteAt(start) & 0xFF, wrong);
        }
      }
    }
    int nonAscii = nonAsciiByte(reason);
    long nameStart = locations.offset(jackson.currentTokenLocation()) - 1;
    if (reason.startsWith("Invalid UTF-8")
        && offset >= nameStart
        && (window.byteAt(nameStart) & 0x80) != 0) {
      // The token begins with a non-ASCII byte, so it is a lenient unquoted name (a string or a
      // quoted name begins with its quote), which is refused at that byte however it goes on:
      // Jackson decodes it as UTF-8 when it came byte by byte, and calls its first byte an
      // unexpected character when more came with it; and when a bad sequence follows a good
      // first character, it reports that one only if both came in the same feed.
      offset = nameStart;
      nonAscii = window.byteAt(nameStart) & 0xFF;
    } else if (reason.startsWith("Unexpected end-of-input in field name")
        && (window.byteAt(nameStart) & 0x80) != 0) {
      // A non-ASCII byte where an unquoted name may begin: Jackson's non-blocking parser takes
      // it for the start of a name it then cannot read, and calls that the end of the input,
      // or, when more of it came in the same feed, an unexpected character. Either way it is a
      // byte of UTF-8 outside a string: say so, at the byte.
      offset = nameStart;
      nonAscii = window.byteAt(nameStart) & 0xFF;
    } else if (nonAscii < 0 && (window.byteAt(offset) & 0x80) != 0) {
      // Between root values Jackson decodes UTF-8, and reads the overlong C0 AF as '/' when both
      // bytes came in one feed ("Unexpected character ('/' (code 47))"), while the lead byte fed
      // alone is the byte itself: the character it names is not the byte before the offset, where
      // an error of Jackson's is placed after the character it names.
      int code = characterCode(reason);
      if (code >= 0 && (window.byteAt(offset - 1) & 0xFF) != code) {
        nonAscii = window.byteAt(offset) & 0xFF;
      }
    }
    if (nonAscii >= 0) {
      // A byte above 0x7F outside a string: Jackson reads it as signed when it came in the same
      // feed as the byte before ("Illegal character ... code 65528", placed after it) and as
      // unsigned otherwise ("Unexpected character ('ø' (code 248))", placed at it). It is a byte
      // of UTF-8, not a Latin-1 char either way: say so, at the byte.
      int b = nonAscii;
      long at = window.byteAt(offset - 1) == (byte) b ? offset - 1 : offset;
      // When both bytes of a character from U+0080 to U+00FF came in one feed, Jackson names the
      // character it decoded ("code 233" for C3 A9), whose code looks like a byte: name the byte.
      int there = window.byteAt(at) & 0xFF;
      if (there >= 0x80) {
        b = there;
      }
      int[] moved = locations.move(location, at);
      return new MalformedJsonException(
          Problem.NON_ASCII_OUTSIDE_STRING.words(b),
          path,
          at,
          moved[0],
          moved[1],
          window.before(at));
    }
    // Jackson names where an unclosed container began with a location it cannot fill in here.
    reason = START_MARKER.matcher(reason).replaceAll("");
    if (reason.startsWith("Unexpected close marker ']'") && jackson.atMemberValue()) {
      // A ']' where a member's value must stand is "an unexpected character" to Jackson after
      // whitespace, and after a comment (lenient syntax) when the input was split right after the
      // comment, but "a close marker" after a comment in the same feed: say the first, whatever
      // the split.
      reason = expectedValue(']');
    }
    // Jackson words the same error on a '+' two ways, depending on whether the sign and the next
    // byte arrived together.
    reason =
        reason.replace(
            "expected digit (0-9) for valid numeric value",
            "expected digit (0-9) to follow plus sign, for valid numeric value");
    return new MalformedJsonException(reason, path, offset, line, column, window.before(offset));
  }

  /**
   * Returns the error for a lenient unquoted name that begins with a non-ASCII byte, or null if the
   * name just read does not. Jackson's non-blocking parser cannot read such a name: fed whole it
   * rejects the byte, fed byte by byte it may decode bytes that are not UTF-8 (F4 90 80 80, beyond
   * U+10FFFF) into a name of lone surrogates and fail later, elsewhere.
   */
  @Nullable MalformedJsonException nonAsciiNameStart(JsonPath path) {
    long start = locations.offset(jackson.currentTokenLocation()) - 1;
    byte b = window.byteAt(start);
    if ((b & 0x80) == 0) {
      return null;
    }
    int[] moved = locations.move(jackson.currentLocation(), start);
    return new MalformedJsonException(
        Problem.NON_ASCII_OUTSIDE_STRING.words(b & 0xFF),
        path,
        start,
        moved[0],
        moved[1],
        window.before(start));
  }

  /** Jackson (2.22) accepts this when the input was split right after the comma; see there. */
  MalformedJsonException trailingCommaInObject(JsonPath path) {
    JsonLocation location = jackson.currentLocation();
    long offset = locations.offset(location) - 1; // the '}' just read
    return new MalformedJsonException(
        Problem.TRAILING_COMMA_IN_OBJECT.words(),
        path,
        offset,
        locations.line(location),
        locations.column(location) - 1,
        window.before(offset));
  }

  /**
   * Returns the byte above 0x7F that a character error of Jackson's is about, or -1: a signed byte
   * shows as a code from 0xFF80 to 0xFFFF, an unsigned one from 0x80 to 0xFF.
   */
  private static int nonAsciiByte(String reason) {
    Matcher m = CHARACTER_ERROR.matcher(reason);
    if (!m.matches()) {
      return -1;
    }
    boolean signed = m.group(1) != null;
    long code = Long.parseLong(signed ? m.group(1) : m.group(2));
    boolean inRange = signed ? code >= 0xFF80 && code <= 0xFFFF : code >= 0x80 && code <= 0xFF;
    return inRange ? (int) (code & 0xFF) : -1;
  }

  /** Returns the code of the character a character error of Jackson's names, or -1. */
  private static int characterCode(String reason) {
    Matcher m = ANY_CHARACTER_ERROR.matcher(reason);
    return m.matches() && m.group(1).length() <= 7 ? Integer.parseInt(m.group(1)) : -1;
  }

  /** Returns Jackson's own words for a closing bracket where a value must stand. */
  private static String expectedValue(char close) {
    return Problem.EXPECTED_VALUE.words(close, (int) close);
  }

  /** A closing bracket Jackson just returned right after a key; reported at that bracket. */
  MalformedJsonException missingValueBefore(char close, JsonPath path) {
    JsonLocation location = jackson.currentLocation();
    long offset = locations.offset(location) - 1;
    return new MalformedJsonException(
        expectedValue(close),
        path,
        offset,
        locations.line(location),
        locations.column(location) - 1,
        window.before(offset));
  }

  MalformedJsonException unpaired(char surrogate, long offset, JsonPath path) {
    JsonLocation location = jackson.currentLocation();
    return new MalformedJsonException(
        Problem.UNPAIRED_SURROGATE.words((int) surrogate),
        path,
        offset,
        locations.line(location),
        locations.column(location),
        window.before(offset));
  }

  MalformedJsonException afterRoot(long offset, int line, int column) {
    return new MalformedJsonException(
        Problem.CONTENT_AFTER_ROOT.words(),
        JsonPath.root(),
        offset,
        line,
        column,
        window.before(offset));
  }

  /**
   * A control character in a comment after the root, at {@code offset}: rejected in Jackson's words
   * for one in a comment within the root, and placed as Jackson places those, after it.
   */
  MalformedJsonException controlInComment(int code, long offset, int line, int column) {
    return new MalformedJsonException(
        Problem.CONTROL_IN_COMMENT.words(code),
        JsonPath.root(),
        offset + 1,
        line,
        column + 1,
        window.before(offset + 1));
  }

  LimitExceededException limit(StreamConstraintsException e, JsonPath path) {
    Limits.Limit limit = JacksonSupport.limitOf(e);
    if (limit == Limits.Limit.NUMBER_LENGTH) {
      LimitExceededException tooLong = numberTooLong(path);
      tooLong.initCause(e);
      return tooLong;
    }
    String reason = String.valueOf(e.getOriginalMessage());
    if (limit == Limits.Limit.NAME_COLLISIONS) {
      // Jackson's advice to switch the check off names a Jackson feature the caller cannot reach
      reason = reason.replaceFirst(" You can disable the check via .*", "");
    }
    return limit(limit, reason, JacksonSupport.maximumOf(limit, limits), path, e);
  }

  /**
   * The number being read has more digits than allowed. Jackson finds that when the number's
   * integer part, fraction or exponent ends, the parser when a slice ends inside a number already
   * too long: one report for both, at the number's first byte, so that it does not depend on the
   * split.
   */
  LimitExceededException numberTooLong(JsonPath path) {
    int max = limits.maxNumberLength();
    return atTokenStart(Limits.Limit.NUMBER_LENGTH, Problem.NUMBER_TOO_LONG.words(max), max, path);
  }

  LimitExceededException limit(
      Limits.Limit limit, String reason, long maximum, JsonPath path, @Nullable Exception cause) {
    JsonLocation location = jackson.currentLocation();
    LimitExceededException e =
        new LimitExceededException(
            reason,
            limit,
            maximum,
            path,
            locations.offset(location),
            locations.line(location),
            locations.column(location));
    if (cause != null) {
      e.initCause(cause);
    }
    return e;
  }

  /** A limit passed by the value being read; reported at its first byte. */
  LimitExceededException atTokenStart(
      Limits.Limit limit, String reason, long maximum, JsonPath path) {
    JsonLocation start = jackson.currentTokenLocation();
    // Jackson's token offset for a string, a name or a number is one past its first byte, its
    // column is that byte's
    return new LimitExceededException(
        reason,
        limit,
        maximum,
        path,
        locations.offset(start) - 1,
        locations.line(start),
        locations.column(start));
  }

  /** The number just read has an exponent beyond the int range; reported at its first byte. */
  LimitExceededException numberScale(JsonPath path, Exception cause) {
    JsonLocation start = jackson.currentTokenLocation();
    LimitExceededException e =
        new LimitExceededException(
            Problem.NUMBER_SCALE.words(),
            Limits.Limit.NUMBER_SCALE,
            -1,
            path,
            locations.offset(start)
                - 1, // Jackson's token offset for a number is one past its first byte
            locations.line(start),
            locations.column(start));
    e.initCause(cause);
    return e;
  }

  /**
   * Bytes that are not UTF-8 but that Jackson let through: in a key it took for one it had seen
   * before (it looks a key up by its raw bytes, padding the last group of four with 0xFF, and
   * decodes, and so checks, only a key it has not seen, so <code>&#123;"id":0,"\xFFid":1&#125;
   * </code> would pass as two "id"), or in a string value a sequence it decodes without checking
   * (see {@link Utf8Check}). Reported as Jackson reports bad bytes in a key it has not seen: at the
   * first byte of the first bad sequence, from {@code from} on.
   */
  MalformedJsonException invalidUtf8(long from, JsonPath path) {
    long start = window.invalidUtf8Start(from, window.end());
    long at = start >= 0 ? start : from;
    int wrong = window.wrongByte(at);
    return invalidUtf8(
        at,
        window.byteAt(at) & 0xFF,
        wrong >= 0 ? wrong : window.byteAt(at + 1) & 0xFF,
        window.before(at),
        path);
  }

  /**
   * As {@link #invalidUtf8(long, JsonPath)}, for the bad sequence at {@code at} that begins with
   * {@code lead}, where {@code middle} is the byte after the lead that is wrong (unused if the lead
   * is), after {@code excerpt}: given, as a key can outgrow the window.
   */
  MalformedJsonException invalidUtf8(long at, int lead, int middle, String excerpt, JsonPath path) {
    int[] moved = locations.move(jackson.currentLocation(), at);
    return new MalformedJsonException(
        invalidUtf8Reason(lead, middle), path, at, moved[0], moved[1], excerpt);
  }

  /** Words a bad sequence by its lead byte if that is wrong, else by the wrong byte after it. */
  private static String invalidUtf8Reason(int lead, int wrong) {
    return lead >= 0x80 && Utf8Check.length(lead) < 0
        ? Problem.INVALID_UTF8_START.words(lead)
        : Problem.INVALID_UTF8_MIDDLE.words(wrong);
  }

  /** Returns the offset in the whole input of {@code offset} in what Jackson was fed. */
  long inputOffset(long offset) {
    return locations.inputOffset(offset);
  }
}
