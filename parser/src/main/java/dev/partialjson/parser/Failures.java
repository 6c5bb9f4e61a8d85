package dev.partialjson.parser;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import java.io.IOException;
import java.util.List;
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

  private final FeedingParser jackson;
  private final InputWindow window;
  private final @Nullable PrefixSkipper prefix;
  private final Limits limits;
  private long bodyStart;

  Failures(
      FeedingParser jackson, InputWindow window, @Nullable PrefixSkipper prefix, Limits limits) {
    this.jackson = jackson;
    this.window = window;
    this.prefix = prefix;
    this.limits = limits;
  }

  /** Records where Jackson's input starts in the whole input. */
  void bodyStartsAt(long offset) {
    this.bodyStart = offset;
  }

  MalformedJsonException malformed(IOException e, JsonPath path) {
    JsonLocation location =
        e instanceof JsonProcessingException && ((JsonProcessingException) e).getLocation() != null
            ? ((JsonProcessingException) e).getLocation()
            : jackson.currentLocation();
    long offset = offset(location);
    int line = line(location);
    int column = column(location);
    String reason =
        e instanceof JsonProcessingException
            ? ((JsonProcessingException) e).getOriginalMessage()
            : String.valueOf(e.getMessage());
    if (reason.startsWith("Invalid UTF-8")) {
      // Jackson reports a bad sequence at its first byte when it arrived in one feed, but after
      // its last byte, or at the start of the last feed, when it was split (its location is then
      // wrong too). It reports the first bad sequence, never a later one: so look from there to
      // the end of what has arrived, and report the first byte of the first bad sequence.
      // A name, though, is decoded only once its closing quote has arrived, and reported there,
      // after the whole name: looking from 4 bytes before, the search missed a bad byte early in
      // the name and found a later one, if one had arrived ({"<BE>le"\<BE> fed whole). So look
      // from the token's start, where the string or name began: everything before it was read
      // before. Jackson places a string or a quoted name just after its quote and an unquoted
      // name (lenient syntax) after its first character: two bytes before is the quote or the
      // ASCII byte before the name ('{', ',', a space), a boundary between characters.
      long tokenStart = offset(jackson.currentTokenLocation());
      long from = tokenStart >= 2 && tokenStart <= offset ? tokenStart - 2 : offset - 4;
      long start = window.invalidUtf8Start(from, window.end());
      if (start >= 0) {
        int[] moved = move(location, start);
        line = moved[0];
        column = moved[1];
        offset = start;
      }
    }
    int nonAscii = nonAsciiByte(reason);
    if (nonAscii >= 0) {
      // A byte above 0x7F outside a string: Jackson reads it as signed when it came in the same
      // feed as the byte before ("Illegal character ... code 65528", placed after it) and as
      // unsigned otherwise ("Unexpected character ('ø' (code 248))", placed at it). It is a byte
      // of UTF-8, not a Latin-1 char either way: say so, at the byte.
      int b = nonAscii;
      long at = window.byteAt(offset - 1) == (byte) b ? offset - 1 : offset;
      int[] moved = move(location, at);
      return new MalformedJsonException(
          String.format(
              "Unexpected byte 0x%02X outside a string: only strings may hold non-ASCII characters",
              b),
          path,
          at,
          moved[0],
          moved[1],
          window.before(at));
    }
    // Jackson names where an unclosed container began with a location it cannot fill in here.
    reason = START_MARKER.matcher(reason).replaceAll("");
    // Jackson words the same error on a '+' two ways, depending on whether the sign and the next
    // byte arrived together.
    reason =
        reason.replace(
            "expected digit (0-9) for valid numeric value",
            "expected digit (0-9) to follow plus sign, for valid numeric value");
    return new MalformedJsonException(reason, path, offset, line, column, window.before(offset));
  }

  /** Jackson (2.22) accepts this when the input was split right after the comma; see there. */
  MalformedJsonException trailingCommaInObject(JsonPath path) {
    JsonLocation location = jackson.currentLocation();
    long offset = offset(location) - 1; // the '}' just read
    return new MalformedJsonException(
        "Unexpected character ('}' (code 125)): was expecting double-quote to start field name",
        path,
        offset,
        line(location),
        column(location) - 1,
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

  /** Jackson (2.22) accepts this when the input was split right after the colon; see there. */
  MalformedJsonException missingValue(char close, int index, JsonPath path) {
    JsonLocation location = jackson.currentLocation();
    long offset = bodyStart + jackson.offsetOf(index);
    int[] moved = move(location, offset);
    return new MalformedJsonException(
        expectedValue(close), path, offset, moved[0], moved[1], window.before(offset));
  }

  /** Returns Jackson's own words for a closing bracket where a value must stand. */
  private static String expectedValue(char close) {
    return "Unexpected character ('"
        + close
        + "' (code "
        + (int) close
        + ")): expected a valid value (JSON String, Number, Array, Object or token 'null', 'true'"
        + " or 'false')";
  }

  /** A closing bracket Jackson just returned right after a key; reported at that bracket. */
  MalformedJsonException missingValueBefore(char close, JsonPath path) {
    JsonLocation location = jackson.currentLocation();
    long offset = offset(location) - 1;
    return new MalformedJsonException(
        expectedValue(close),
        path,
        offset,
        line(location),
        column(location) - 1,
        window.before(offset));
  }

  MalformedJsonException unpaired(char surrogate, long offset, JsonPath path) {
    JsonLocation location = jackson.currentLocation();
    return new MalformedJsonException(
        String.format(
            "Unpaired surrogate U+%04X in the text: it is not Unicode and has no UTF-8 form",
            (int) surrogate),
        path,
        offset,
        line(location),
        column(location),
        window.before(offset));
  }

  MalformedJsonException afterRoot(long offset, int line, int column) {
    return new MalformedJsonException(
        "Unexpected content after the root value",
        JsonPath.root(),
        offset,
        line,
        column,
        window.before(offset));
  }

  LimitExceededException limit(StreamConstraintsException e, JsonPath path) {
    Limits.Limit limit = JacksonSupport.limitOf(e);
    return limit(
        limit,
        String.valueOf(e.getOriginalMessage()),
        JacksonSupport.maximumOf(limit, limits),
        path,
        e);
  }

  LimitExceededException limit(
      Limits.Limit limit, String reason, long maximum, JsonPath path, @Nullable Exception cause) {
    JsonLocation location = jackson.currentLocation();
    LimitExceededException e =
        new LimitExceededException(
            reason, limit, maximum, path, offset(location), line(location), column(location));
    if (cause != null) {
      e.initCause(cause);
    }
    return e;
  }

  /** The number just read has an exponent beyond the int range; reported at its first byte. */
  LimitExceededException numberScale(JsonPath path, Exception cause) {
    JsonLocation start = jackson.currentTokenLocation();
    LimitExceededException e =
        new LimitExceededException(
            "Number exponent exceeds what a BigDecimal can hold (the int range)",
            Limits.Limit.NUMBER_SCALE,
            -1,
            path,
            offset(start) - 1, // Jackson's token offset for a number is one past its first byte
            line(start),
            column(start));
    e.initCause(cause);
    return e;
  }

  IncompleteJsonException incomplete(
      String reason, List<JsonPath> open, long fed, @Nullable Snapshot snapshot, boolean inPrefix) {
    JsonLocation location = jackson.currentLocation();
    int line = inPrefix && prefix != null ? prefix.newlines() + 1 : line(location);
    int column = inPrefix && prefix != null ? prefix.column() + 1 : column(location);
    return new IncompleteJsonException(reason, open, fed, line, column, snapshot);
  }

  /** Returns where Jackson is now, as line and column in the whole input. */
  int[] lineAndColumn() {
    JsonLocation location = jackson.currentLocation();
    return new int[] {line(location), column(location)};
  }

  /**
   * Returns the line and column of {@code to}, moving from Jackson's current {@code location} with
   * Jackson's own line counting (so the result does not depend on where Jackson was).
   */
  private int[] move(JsonLocation location, long to) {
    int[] moved =
        window.move(
            offset(location), jackson.lineFeeds(), jackson.carriageReturns(), column(location), to);
    moved[0] += prefix == null ? 0 : prefix.newlines();
    return moved;
  }

  private long offset(JsonLocation location) {
    return bodyStart + Math.max(0, location.getByteOffset());
  }

  private int line(JsonLocation location) {
    return Math.max(1, location.getLineNr()) + (prefix == null ? 0 : prefix.newlines());
  }

  private int column(JsonLocation location) {
    int column = Math.max(1, location.getColumnNr());
    return prefix != null && location.getLineNr() <= 1 ? column + prefix.column() : column;
  }
}
