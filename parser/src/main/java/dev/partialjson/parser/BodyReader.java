package dev.partialjson.parser;

import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Hands the bytes of the root value to Jackson and reads what it returns: the points where a byte
 * calls for something before Jackson reads it (a repair made certain, forbidden UTF-8), the token
 * loop, and the looks at Jackson's state each time it stops for input (the open string, a runaway
 * integer, a literal whose letters have all arrived), and the end of the input. The events are
 * {@link TokenEvents}' and {@link StringStream}'s. Not thread-safe.
 */
final class BodyReader {

  private final FeedingParser jackson;
  private final @Nullable RelaxationScanner relaxations;
  private final boolean strictSyntax;
  private final int maxNumberLength; // read on every feed that ends inside an integer
  private final PathStack paths;
  private final KeyCheck keys;
  private final StringStream string;
  private final TokenEvents events;
  private final Failures failures;
  private final RepairLog repairs;
  private final Utf8Check utf8 = new Utf8Check();
  private final List<Finding> findings = new ArrayList<>(0);
  private final RelaxationScanner.Sink findingSink =
      (kind, offset, length, excerpt, certainAt) ->
          findings.add(new Finding(kind, offset, length, excerpt, certainAt));
  private boolean plainString; // Jackson waits inside a double-quoted string, all of it reported
  private @Nullable JsonToken previous; // the last token Jackson returned

  BodyReader(
      FeedingParser jackson,
      @Nullable RelaxationScanner relaxations,
      boolean strictSyntax,
      int maxNumberLength,
      PathStack paths,
      KeyCheck keys,
      StringStream string,
      TokenEvents events,
      Failures failures,
      RepairLog repairs) {
    this.jackson = jackson;
    this.relaxations = relaxations;
    this.strictSyntax = strictSyntax;
    this.maxNumberLength = maxNumberLength;
    this.paths = paths;
    this.keys = keys;
    this.string = string;
    this.events = events;
    this.failures = failures;
    this.repairs = repairs;
  }

  /**
   * Returns whether Jackson waits inside a double-quoted string between two chars with all of it
   * reported, so that the next plain bytes are that string's next chars (see {@link PlainRun}).
   */
  boolean insidePlainString() {
    return plainString;
  }

  /** Returns whether a UTF-8 sequence is open, so that even ASCII input must be looked at. */
  boolean utf8Open() {
    return utf8.open();
  }

  /**
   * Tells Jackson the input is over and reads the root value's last token: a root number or literal
   * completes here.
   */
  void endOfInput() throws IOException {
    jackson.endOfInput();
    pump();
  }

  /**
   * Tokenizes {@code bytes[from, to)}; returns where the root value ended in it, or -1. Some bytes
   * call for something once Jackson has read the bytes before them, and not them: in lenient
   * syntax, the byte that makes a repair certain, which is then reported; with {@code checkUtf8},
   * UTF-8 that Jackson would decode though it is forbidden (see {@link Utf8Check}), which is
   * refused if Jackson is inside a string value (anywhere else Jackson refuses the byte itself).
   * Such a point is fixed by the input alone, so the report or the error lands at the same place
   * among the events, with the same path, however the input was split.
   */
  int read(byte[] bytes, int from, int to, long at, boolean checkUtf8) {
    try {
      if (relaxations == null && !checkUtf8) {
        return tokenize(bytes, from, to, true); // nearly every delta in strict syntax: ASCII
      }
      return bodyChecked(bytes, from, to, at, checkUtf8);
    } catch (StreamConstraintsException e) {
      throw keys.limit(e, errorPath());
    } catch (IOException e) {
      // what had arrived whole of the value Jackson refused a byte in: the same whatever the split
      string.breakOff();
      events.literalSoFar();
      throw keys.malformed(e, errorPath());
    }
  }

  /** {@link #read} where some bytes may call for something: apart, so that the above is inlined. */
  private int bodyChecked(byte[] bytes, int from, int to, long at, boolean checkUtf8)
      throws IOException {
    findings.clear();
    if (relaxations != null) {
      relaxations.scan(bytes, from, to, at, findingSink);
    }
    boolean ascii = !checkUtf8; // the delta's bytes were found ASCII when they were copied
    int forbidden = checkUtf8 ? utf8.scan(bytes, from, to, at) : -1;
    int given = from; // handed to Jackson up to here
    int next = 0; // the next finding
    while (forbidden >= 0 || next < findings.size()) {
      int certain =
          next < findings.size()
              ? from + (int) (findings.get(next).certainAt - at)
              : Integer.MAX_VALUE;
      boolean utf8First = forbidden >= 0 && forbidden <= certain;
      int cut = utf8First ? forbidden : certain;
      if (cut > given) {
        int stop = tokenize(bytes, given, cut, ascii);
        if (stop >= 0) {
          return stop; // the root closed first: what follows lies outside it
        }
        given = cut;
      }
      if (utf8First) {
        if (jackson.insideStringValue()) {
          throw failures.invalidUtf8(utf8.found(), errorPath());
        }
        // the scan has read the byte at the cut; Jackson has not
        forbidden = utf8.scan(bytes, forbidden + 1, to, at + (forbidden + 1 - from));
      } else {
        Finding finding = findings.get(next++);
        repairs.report(finding.kind, finding.offset, finding.length, finding.excerpt);
      }
    }
    return given < to ? tokenize(bytes, given, to, ascii) : -1;
  }

  /**
   * Hands {@code bytes[from, to)} to Jackson and reads the tokens; {@code ascii} if the bytes are
   * known to be ASCII, whose part in a key left open then needs no look for bad UTF-8.
   */
  private int tokenize(byte[] bytes, int from, int to, boolean ascii) throws IOException {
    jackson.feedInput(bytes, from, to);
    int stop = pump();
    if (stop < 0 && jackson.insideName()) {
      keys.open(bytes, from, to, ascii);
    }
    return stop;
  }

  /** A repair the scanner found in the current slice, waiting for its place among the events. */
  private record Finding(
      Repair.Kind kind, long offset, long length, String excerpt, long certainAt) {}

  private int pump() throws IOException {
    // The state below holds only while Jackson's current token is NOT_AVAILABLE, which it is only
    // once nextToken() has returned it, and that ends the loop: so it can hold on entry only,
    // after the new input was fed, and needs no look before the tokens after the first.
    plainString = false;
    boolean afterComma = strictSyntax && jackson.resumesAfterComma(); // lenient allows '}' there
    JsonToken token = jackson.nextToken();
    if (afterComma && token == JsonToken.END_OBJECT) {
      throw failures.trailingCommaInObject(errorPath());
    }
    for (; ; token = jackson.nextToken()) {
      if (previous == JsonToken.FIELD_NAME
          && (token == JsonToken.END_OBJECT || token == JsonToken.END_ARRAY)) {
        // a key with no value: Jackson lets a closing bracket through when the input was split
        // after the colon (it resumes there as if at the start of an array), or after a comment
        // that follows it; fed whole, it rejects it in the same words
        throw failures.missingValueBefore(token == JsonToken.END_OBJECT ? '}' : ']', errorPath());
      }
      if (token == null || token == JsonToken.NOT_AVAILABLE) {
        if (jackson.insideStringValue()) {
          string.streamDecoded();
          plainString = jackson.insidePlainStringValue() && string.caughtUp();
        } else if (jackson.insideIntegerDigits()) {
          if (jackson.textSegmentSize() > maxNumberLength + 1) {
            // Jackson counts an integer part's digits only once it ends, and holds them all until
            // then: stop a runaway one here, once it is surely over (its sign is not a digit).
            throw failures.numberTooLong(errorPath());
          }
        } else if (jackson.insideWord()) {
          events.literalSoFar();
        }
        return -1;
      }
      previous = token;
      events.handle(token);
      if (events.rootDone()) {
        return jackson.inputIndex();
      }
    }
  }

  /**
   * The input ended inside a container: a number whose digits all arrived (<code>&#123;"score":
   * 0.95</code>) is complete, as the end completes a root number, and is reported before the
   * document is found incomplete, so that the snapshot the error carries keeps it. Jackson
   * completes it at the end of input; one cut short ({@code -}, {@code 1.}) it refuses, which
   * leaves the input merely incomplete. (A literal was reported at its last letter already.)
   */
  void completeNumber() {
    if (!jackson.insideNumber()) {
      return;
    }
    jackson.endOfInput();
    try {
      JsonToken token = jackson.nextToken();
      if (token == JsonToken.VALUE_NUMBER_INT || token == JsonToken.VALUE_NUMBER_FLOAT) {
        events.handle(token);
      }
    } catch (StreamConstraintsException e) {
      throw failures.limit(e, errorPath()); // as at the end of a root number
    } catch (IOException e) {
      // cut short: nothing to report, the input is incomplete
    }
  }

  private JsonPath errorPath() {
    return paths.forError(string.isOpen());
  }
}
