package dev.partialjson.parser;

import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.io.IOContext;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.core.json.async.NonBlockingJsonParser;
import com.fasterxml.jackson.core.sym.ByteQuadsCanonicalizer;
import org.jspecify.annotations.Nullable;

/**
 * Jackson's non-blocking parser, opened up just enough to stream a string value as it grows.
 *
 * <p>Why a subclass rather than a decoder of our own beside Jackson: Jackson already decodes the
 * string (escapes, UTF-8, surrogates, split sequences held back until complete) into its text
 * buffer; a second decoder would repeat that work and could disagree with it. The cost is reading a
 * protected field, and it must be read without side effects: {@code contentsAsString()}, {@code
 * size()} and {@code getCurrentSegment()} cache or reallocate inside the buffer (the last expands a
 * full segment) and can corrupt the final value. Only {@code getBufferWithoutReset()} and {@code
 * getCurrentSegmentSize()} are pure, so this class exposes exactly those. They show the current
 * segment only; {@link DocumentReader} feeds at most a {@link #SLICE} of new bytes at a time so
 * that at most one segment fills between two looks (see there).
 */
final class FeedingParser extends NonBlockingJsonParser {

  /**
   * The most bytes of new input handed to Jackson at once; a {@link PlainRun} of at most as many
   * may go before them in the same feed. Jackson keeps an unfinished string in a segmented buffer
   * and only its current segment can be read without side effects. A segment holds at least 200
   * chars (the smallest buffer Jackson's recycler hands out) and the next one at least 500, and one
   * byte yields at most one char. A string that starts in a feed starts after its run (a run lies
   * inside an open string and holds no quote), so with at most 200 new bytes it cannot fill its
   * first segment; one that was already open gets at most 400 chars, and fills at most one: the
   * filled segment is the array seen before, and nothing is out of reach. Feeding in slices costs
   * one more call per 200 bytes, which is noise next to the tokenizing.
   */
  static final int SLICE = 200;

  FeedingParser(IOContext context, int features, ByteQuadsCanonicalizer names) {
    super(context, features, names);
  }

  /** Returns whether the parser stopped for input inside a string value (not a name). */
  boolean insideStringValue() {
    return _currToken == JsonToken.NOT_AVAILABLE
        && _minorState >= MINOR_VALUE_STRING
        && _minorState <= MINOR_VALUE_APOS_STRING;
  }

  /**
   * Returns whether the parser stopped for input inside a double-quoted string value between two
   * chars: not inside an escape or a multi-byte character, so that the next plain byte is the next
   * char (see {@link PlainRun}).
   */
  boolean insidePlainStringValue() {
    return _currToken == JsonToken.NOT_AVAILABLE && _minorState == MINOR_VALUE_STRING;
  }

  /**
   * Returns, where the parser stopped for input inside a string value, the offset of the first byte
   * of the string whose char it has not decoded yet: where it stopped, or, inside an escape or a
   * multi-byte character, where that began. Decoding from there gives the chars after those in the
   * text buffer. Returns -1 inside a backslash and a multi-byte character (Jackson 2.22 reads the
   * whole character to name it), an escape Jackson refuses whatever follows: no char after those in
   * the buffer will be decoded.
   */
  long stringResume() {
    long at = position();
    switch (_minorState) {
      case MINOR_VALUE_STRING_UTF8_2:
        return at - 1;
      case MINOR_VALUE_STRING_UTF8_3:
      case MINOR_VALUE_STRING_UTF8_4:
        return at - _pendingBytes;
      case MINOR_VALUE_STRING_ESCAPE:
        if (_quotedDigits < -1) {
          return -1; // -2 less the bytes of the character still to come
        }
        return at - (_quotedDigits < 0 ? 1 : 2 + _quotedDigits); // the backslash, 'u', digits
      default:
        return at;
    }
  }

  /** Returns whether a single quote opens a string (lenient syntax). */
  boolean allowsSingleQuotes() {
    return isEnabled(JsonReadFeature.ALLOW_SINGLE_QUOTES.mappedFeature());
  }

  /** Returns whether the string value the parser stopped for input in is in single quotes. */
  boolean insideApostropheString() {
    return _minorState == MINOR_VALUE_APOS_STRING
        || (_minorState != MINOR_VALUE_STRING && _minorStateAfterSplit == MINOR_VALUE_APOS_STRING);
  }

  /**
   * Returns whether the parser is reading an object key, or is where one is due: a token it began
   * there is a name, not a value. Still true after it threw inside the key.
   */
  boolean atName() {
    return _majorState == MAJOR_OBJECT_FIELD_FIRST || _majorState == MAJOR_OBJECT_FIELD_NEXT;
  }

  /** Returns the offset, in what this parser was fed, just past the last byte it was fed. */
  long fedEnd() {
    return offsetOf(_inputEnd);
  }

  /** Returns whether the parser stopped for input inside a lenient unquoted name. */
  boolean insideUnquotedName() {
    return _currToken == JsonToken.NOT_AVAILABLE && _minorState == MINOR_FIELD_UNQUOTED_NAME;
  }

  /**
   * Returns whether the parser stopped for input among the digits of a number's integer part, where
   * Jackson has stored them all in the text buffer and set its length ({@link #textSegmentSize()}),
   * and counts them only once the part ends. (It counts a fraction's and an exponent's digits each
   * time it stops for input in them; and after a lone sign the buffer still holds the text before.)
   */
  boolean insideIntegerDigits() {
    return _currToken == JsonToken.NOT_AVAILABLE && _minorState == MINOR_NUMBER_INTEGER_DIGITS;
  }

  /**
   * Returns whether the parser stopped for input right after the comma between object members; one
   * look at Jackson's state, made once per feed before the first token. Jackson (2.22) then reads
   * the next byte as if it were after the opening brace, where a closing brace is allowed: <code>
   * &#123;"a":0,&#125;</code> fed in two pieces split after the comma is accepted without {@code
   * ALLOW_TRAILING_COMMA}, while fed whole it is rejected. The caller rejects it itself in that
   * state. (After the colon, Jackson resumes as if at the start of an array and lets a closing
   * bracket through; the caller sees that bracket come right after the key.)
   */
  boolean resumesAfterComma() {
    return _currToken == JsonToken.NOT_AVAILABLE
        && _majorState == MAJOR_OBJECT_FIELD_NEXT
        && _minorState == MINOR_FIELD_LEADING_WS;
  }

  /**
   * Returns what the parser stopped for input inside, if it is a token that only the end of the
   * input can break: "a number" ({@code -}, {@code 1.}, {@code 1e+}), "a literal" ({@code t},
   * {@code fals}, {@code nul}: every char so far matched, as a mismatch moves Jackson to its error
   * state) or "a byte order mark" (its first one or two bytes); null otherwise. Jackson rejects
   * such a token at {@code endOfInput()} as malformed, though the input was only cut short.
   */
  @Nullable String cutToken() {
    if (_currToken != JsonToken.NOT_AVAILABLE) {
      return null;
    }
    if (_minorState >= MINOR_NUMBER_PLUS && _minorState <= MINOR_NUMBER_EXPONENT_DIGITS) {
      return "a number";
    }
    if (_minorState >= MINOR_VALUE_TOKEN_NULL && _minorState <= MINOR_VALUE_TOKEN_FALSE) {
      return "a literal";
    }
    return _minorState == MINOR_ROOT_BOM ? "a byte order mark" : null;
  }

  /**
   * Returns the literal ({@code VALUE_TRUE}, {@code VALUE_FALSE}, {@code VALUE_NULL}) the parser
   * stopped for input right after, having read all its letters; null otherwise. Jackson returns a
   * literal only once the byte after it shows that no letter follows, which changes nothing of its
   * value: at worst it makes the input malformed.
   */
  @Nullable JsonToken literalAwaitingNextByte() {
    if (_currToken != JsonToken.NOT_AVAILABLE) {
      return null;
    }
    switch (_minorState) {
      case MINOR_VALUE_TOKEN_TRUE:
        return _pending32 == 4 ? JsonToken.VALUE_TRUE : null;
      case MINOR_VALUE_TOKEN_FALSE:
        return _pending32 == 5 ? JsonToken.VALUE_FALSE : null;
      case MINOR_VALUE_TOKEN_NULL:
        return _pending32 == 4 ? JsonToken.VALUE_NULL : null;
      default:
        return null;
    }
  }

  /**
   * Returns whether the parser stopped for input inside a literal or inside a token that began as
   * one and went on otherwise ({@code tx}, {@code truex}), which it will refuse.
   */
  boolean insideWord() {
    return _currToken == JsonToken.NOT_AVAILABLE
        && ((_minorState >= MINOR_VALUE_TOKEN_NULL && _minorState <= MINOR_VALUE_TOKEN_FALSE)
            || _minorState == MINOR_VALUE_TOKEN_ERROR);
  }

  /**
   * Returns whether the parser is reading, or has just refused, a token that began as a literal and
   * went on otherwise; its token begins after its first letter, like a number's.
   */
  boolean insideWrongWord() {
    return _minorState == MINOR_VALUE_TOKEN_ERROR;
  }

  /** Returns whether the parser stopped for input inside a number (whole so far or not). */
  boolean insideNumber() {
    return _currToken == JsonToken.NOT_AVAILABLE
        && _minorState >= MINOR_NUMBER_PLUS
        && _minorState <= MINOR_NUMBER_EXPONENT_DIGITS;
  }

  /** Returns whether the parser is where an object member's value must begin, after its colon. */
  boolean atMemberValue() {
    return _majorState == MAJOR_OBJECT_VALUE;
  }

  /** Returns whether the parser stopped for input inside an object key. */
  boolean insideName() {
    return _currToken == JsonToken.NOT_AVAILABLE
        && _minorState >= MINOR_FIELD_NAME
        && _minorState <= MINOR_FIELD_UNQUOTED_NAME;
  }

  /**
   * Returns the offset, in what this parser was fed, where the current token began: for a quoted
   * key or string, its first byte after the quote.
   */
  long tokenStart() {
    return _tokenInputTotal;
  }

  /** Returns the offset, in what this parser was fed, of the next byte to read. */
  long position() {
    return offsetOf(_inputPtr);
  }

  /** Returns 1 plus how many {@code \n} Jackson has counted; it counts {@code \r} apart. */
  int lineFeeds() {
    return _currInputRow;
  }

  /** Returns 1 plus how many {@code \r} Jackson has counted. */
  int carriageReturns() {
    return _currInputRowAlt;
  }

  /** Returns the offset, in what this parser was fed, of {@code index} of the fed array. */
  long offsetOf(int index) {
    return _currInputProcessed + (index - _currBufferStart);
  }

  /** Returns the current segment of the text buffer, without side effects. */
  char[] textSegment() {
    return _textBuffer.getBufferWithoutReset();
  }

  /** Returns how many chars of the current segment are used, without side effects. */
  int textSegmentSize() {
    return _textBuffer.getCurrentSegmentSize();
  }

  /** Returns the index in the fed array of the next byte to read. */
  int inputIndex() {
    return _inputPtr;
  }
}
