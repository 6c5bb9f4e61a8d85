package dev.partialjson.benchmarks;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.io.IOContext;
import com.fasterxml.jackson.core.json.async.NonBlockingJsonParser;
import com.fasterxml.jackson.core.sym.ByteQuadsCanonicalizer;
import dev.partialjson.parser.JsonListener;
import dev.partialjson.parser.JsonPath;
import java.io.IOException;
import java.util.Arrays;

/**
 * REFERENCE: the events of the events row, made the simplest way on Jackson's non-blocking parser.
 * A yardstick for that row, run by {@link CpuTime} as the row {@code reference}; not a JMH row.
 *
 * <p>Per document it does what the listener must see and nothing else: a parser, each delta fed in
 * slices of at most 200 bytes (as the parser feeds, so that at most one segment of Jackson's text
 * buffer fills between two looks), every token pulled until {@code NOT_AVAILABLE}; the path of
 * every value kept in three arrays; one call per container start and end, per number (read exactly,
 * {@code getNumberValueExact()}), boolean and null, and per complete string, after its last delta;
 * after each slice, while Jackson waits inside a string value, one {@code stringDelta} with the
 * chars it decoded since the last look (a high surrogate held back until its low half is decoded),
 * read from its text buffer as the parser's {@code FeedingParser} reads it; {@code documentEnd}
 * when the root value completes. {@code ReferenceTest} checks that it reports the parser's events.
 *
 * <p>What it leaves out, and the parser does: the input window that error messages quote; plain
 * string deltas reported before Jackson reads them (so on plain prose the events row is faster than
 * this); the checks Jackson does not make (UTF-8 it decodes though it is forbidden, keys it matches
 * by their bytes, a trailing comma or a missing value that a split lets through, an integer's
 * length while it grows); limits at the same place whatever the split; errors with their path,
 * offset and excerpt; text around the root. It expects valid, strict JSON. So the events row's time
 * over this row's is what the parser spends on those.
 */
final class Reference {
  private static final int SLICE = 200;
  private static final Factory FACTORY = new Factory();

  private final JsonListener listener;
  private JsonPath[] containers = new JsonPath[16];
  private boolean[] arrays = new boolean[16];
  private int[] nextIndex = new int[16];
  private int depth;
  private JsonPath named = JsonPath.root(); // the value after the last key
  // The open string value: its path (null if none), the text-buffer segment and position of its
  // next unreported char, and how many chars of it were reported.
  private JsonPath open;
  private char[] segment;
  private int position;
  private int reported;
  private final Chars chars = new Chars();

  Reference(JsonListener listener) {
    this.listener = listener;
  }

  /** Reports the events of {@code document}, fed delta by delta. */
  void parse(Input.Document document) throws IOException {
    try (Parser parser = FACTORY.create()) {
      int start = 0;
      for (int end : document.ends) {
        for (int from = start; from < end; from += SLICE) {
          parser.feedInput(document.bytes, from, Math.min(end, from + SLICE));
          pull(parser);
        }
        start = end;
      }
      parser.endOfInput();
      pull(parser);
    }
  }

  private void pull(Parser parser) throws IOException {
    JsonToken token;
    while ((token = parser.nextToken()) != JsonToken.NOT_AVAILABLE && token != null) {
      switch (token) {
        case FIELD_NAME:
          named = containers[depth - 1].field(parser.currentName());
          break;
        case START_OBJECT:
        case START_ARRAY:
          boolean array = token == JsonToken.START_ARRAY;
          JsonPath path = nextValue();
          if (array) {
            listener.startArray(path);
          } else {
            listener.startObject(path);
          }
          push(path, array);
          break;
        case END_OBJECT:
        case END_ARRAY:
          JsonPath closed = containers[--depth];
          if (token == JsonToken.END_ARRAY) {
            listener.endArray(closed);
          } else {
            listener.endObject(closed);
          }
          valueDone();
          break;
        case VALUE_STRING:
          String value = parser.getText();
          JsonPath at = open != null ? open : nextValue();
          if (reported < value.length()) {
            listener.stringDelta(
                at, reported == 0 ? value : value.subSequence(reported, value.length()));
          }
          listener.stringValue(at, value);
          open = null;
          reported = 0;
          valueDone();
          break;
        case VALUE_NUMBER_INT:
        case VALUE_NUMBER_FLOAT:
          Number number = parser.getNumberValueExact();
          listener.numberValue(nextValue(), number);
          valueDone();
          break;
        case VALUE_TRUE:
        case VALUE_FALSE:
          listener.booleanValue(nextValue(), token == JsonToken.VALUE_TRUE);
          valueDone();
          break;
        default:
          listener.nullValue(nextValue());
          valueDone();
          break;
      }
    }
    if (parser.insideStringValue()) {
      streamDecoded(parser.segment(), parser.segmentSize());
    }
  }

  /** Reports what Jackson decoded of the open string since the last look. */
  private void streamDecoded(char[] current, int size) {
    if (open == null) {
      open = nextValue();
      segment = current; // Jackson starts each string at the start of a segment
      position = 0;
      reported = 0;
    }
    if (current == segment) {
      int to = heldBack(current, position, size);
      if (to > position) {
        report(chars.set(current, position, to));
        position = to;
      }
      return;
    }
    // The segment looked at before filled up, and Jackson went on in a new one: its unreported
    // tail and the new chars go as one delta, so that a surrogate pair is never split.
    int tail = segment.length - position;
    char[] joined = Arrays.copyOfRange(segment, position, segment.length + size);
    System.arraycopy(current, 0, joined, tail, size);
    int to = heldBack(joined, 0, joined.length);
    if (to >= tail) {
      segment = current;
      position = to - tail;
    } else {
      position = segment.length - 1; // the held char is the old segment's last: joined next time
    }
    if (to > 0) {
      report(chars.set(joined, 0, to));
    }
  }

  /** Returns {@code to}, or one less if the char before it is a high surrogate. */
  private static int heldBack(char[] chars, int from, int to) {
    return to > from && Character.isHighSurrogate(chars[to - 1]) ? to - 1 : to;
  }

  private void report(CharSequence delta) {
    reported += delta.length();
    listener.stringDelta(open, delta);
  }

  private JsonPath nextValue() {
    if (depth == 0) {
      return JsonPath.root();
    }
    int d = depth - 1;
    return arrays[d] ? containers[d].index(nextIndex[d]++) : named;
  }

  private void push(JsonPath path, boolean array) {
    if (depth == containers.length) {
      containers = Arrays.copyOf(containers, depth * 2);
      arrays = Arrays.copyOf(arrays, depth * 2);
      nextIndex = Arrays.copyOf(nextIndex, depth * 2);
    }
    containers[depth] = path;
    arrays[depth] = array;
    nextIndex[depth] = 0;
    depth++;
  }

  private void valueDone() {
    if (depth == 0) {
      listener.documentEnd();
    }
  }

  /** A view of chars in an array, reused from one delta to the next, as the parser's are. */
  private static final class Chars implements CharSequence {
    private char[] array = new char[0];
    private int from;
    private int to;

    Chars set(char[] array, int from, int to) {
      this.array = array;
      this.from = from;
      this.to = to;
      return this;
    }

    @Override
    public int length() {
      return to - from;
    }

    @Override
    public char charAt(int index) {
      return array[from + index];
    }

    @Override
    public CharSequence subSequence(int start, int end) {
      return new String(array, from + start, end - start);
    }

    @Override
    public String toString() {
      return new String(array, from, to - from);
    }
  }

  /** Jackson's non-blocking parser with its text buffer's current segment in view. */
  private static final class Parser extends NonBlockingJsonParser {
    Parser(IOContext context, int features, ByteQuadsCanonicalizer names) {
      super(context, features, names);
    }

    boolean insideStringValue() {
      return _currToken == JsonToken.NOT_AVAILABLE
          && _minorState >= MINOR_VALUE_STRING
          && _minorState <= MINOR_VALUE_APOS_STRING;
    }

    /** The current segment, read without side effects (see the parser's FeedingParser). */
    char[] segment() {
      return _textBuffer.getBufferWithoutReset();
    }

    int segmentSize() {
      return _textBuffer.getCurrentSegmentSize();
    }
  }

  /** Jackson's default factory (LIMIT's), making {@link Parser}s. */
  private static final class Factory extends JsonFactory {
    private static final long serialVersionUID = 1L;

    Parser create() {
      IOContext context = _createNonBlockingContext(null);
      return new Parser(
          context,
          _parserFeatures,
          _byteSymbolCanonicalizer.makeChildOrPlaceholder(_factoryFeatures));
    }
  }
}
