package dev.partialjson.parser;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Parses one JSON document that arrives in pieces, and reports each value by its {@link JsonPath}
 * the moment it can: containers as they open and close, strings as they grow, numbers, booleans and
 * nulls when complete. Feed it text deltas, UTF-8 bytes or buffers in any mix and any split; call
 * {@link #finish()} when the stream ends. Tokenizing is done by Jackson's non-blocking parser; each
 * delta costs time proportional to its length and the events it causes, never to what came before.
 *
 * <pre>{@code
 * try (var parser = IncrementalJsonParser.create(listener)) {
 *   for (String delta : modelDeltas) parser.feed(delta);
 * } // close() calls finish(): an incomplete document throws IncompleteJsonException
 * }</pre>
 *
 * <p>Events go to the {@link JsonListener} synchronously, inside {@code feed} and {@code finish}.
 * With {@link ParserOptions.Snapshots#ENABLED} (the default), {@link #snapshot()} returns the value
 * so far at any moment. Input the options allow but that is not strict JSON is reported as {@link
 * Repair}s. Malformed input throws {@link MalformedJsonException}, input beyond the {@link Limits}
 * throws {@link LimitExceededException}; after either, the snapshot still holds everything that had
 * arrived, and further {@code feed} calls throw {@link IllegalStateException}.
 *
 * <p>Not thread-safe: one parser serves one stream, fed from one thread at a time. Snapshots and
 * events' values are immutable and may be passed to other threads.
 */
public final class IncrementalJsonParser implements AutoCloseable {

  /**
   * The most bytes handed to Jackson at once. Jackson keeps an unfinished string in a segmented
   * buffer and only its current segment can be read without side effects. A segment holds at least
   * 200 chars (the smallest buffer Jackson's recycler hands out) and the next one at least 500, and
   * one byte yields at most one char, so with at most 200 bytes per feed a string that starts in
   * the feed cannot fill its first segment and one that was already open fills at most one: the
   * filled segment is the array seen before, and nothing is out of reach. Feeding in slices costs
   * one more call per 200 bytes, which is noise next to the tokenizing.
   */
  static final int SLICE = 200;

  private enum Stage {
    PREFIX,
    BODY,
    SUFFIX
  }

  private final ParserOptions options;
  private final boolean strictSyntax;
  private final JsonListener listener;
  private final FeedingParser jackson;
  private final @Nullable PrefixSkipper prefix;
  private final @Nullable RelaxationScanner relaxations;
  private final @Nullable SnapshotBuilder tree;
  private final InputWindow window = new InputWindow();
  private final Utf8Encoder encoder = new Utf8Encoder(SLICE);
  private final Utf8Encoder.Sink sliced = this::acceptSliced;
  private final DeltaView delta = new DeltaView();
  private final List<Repair> repairs = new ArrayList<>(0);
  private final List<Finding> findings = new ArrayList<>(0);
  private final RelaxationScanner.Sink findingSink =
      (kind, offset, length, excerpt, certainAt) ->
          findings.add(new Finding(kind, offset, length, excerpt, certainAt));
  private byte @Nullable [] scratch;

  private Stage stage;
  private boolean finished;
  private @Nullable RuntimeException failure;
  private long fed; // bytes taken so far
  private long bodyStart; // offset of the first byte given to Jackson

  // Where the tokens are: the path of each open container and, in arrays, the next index.
  private JsonPath[] containers = new JsonPath[16];
  private boolean[] arrays = new boolean[16];
  private int[] nextIndex = new int[16];
  private int depth;
  private @Nullable JsonPath field; // the value after the last name in the innermost object
  private boolean rootDone;

  // The string being streamed: the segment and position of its next unreported char.
  private @Nullable JsonPath openString;
  private char[] segment = new char[0];
  private int segmentPosition;
  private long streamed;
  private char[] joined = new char[0];

  // After the root value: where the suffix starts, with its line and column.
  private long suffixStart = -1;
  private final byte[] suffixExcerpt = new byte[60];
  private int suffixExcerptLength;
  private int suffixLine;
  private int suffixColumn;
  private boolean suffixAfterCr;

  private IncrementalJsonParser(ParserOptions options, JsonListener listener) {
    this.options = options;
    this.strictSyntax = options.syntax() == ParserOptions.Syntax.STRICT;
    this.listener = listener;
    this.jackson = options.jackson().newParser();
    boolean model = options.text() == ParserOptions.Text.MODEL_OUTPUT;
    this.prefix = model ? new PrefixSkipper() : null;
    this.stage = model ? Stage.PREFIX : Stage.BODY;
    this.relaxations =
        options.syntax() == ParserOptions.Syntax.LENIENT ? new RelaxationScanner() : null;
    this.tree =
        options.snapshots() == ParserOptions.Snapshots.ENABLED ? new SnapshotBuilder() : null;
  }

  /** Returns a parser with the {@link ParserOptions#defaults() default options}. */
  public static IncrementalJsonParser create(JsonListener listener) {
    return create(ParserOptions.defaults(), listener);
  }

  /** Returns a parser with {@code options} that reports to {@code listener}. */
  public static IncrementalJsonParser create(ParserOptions options, JsonListener listener) {
    Objects.requireNonNull(options, "options == null");
    Objects.requireNonNull(listener, "listener == null");
    return new IncrementalJsonParser(options, listener);
  }

  /** Returns the options this parser was made with. */
  public ParserOptions options() {
    return options;
  }

  /**
   * Feeds a text delta. It is encoded to UTF-8 here; a surrogate pair split between two deltas is
   * joined, and an empty delta does nothing.
   *
   * @throws PartialJsonException if the input is malformed or exceeds a limit
   * @throws IllegalStateException if the parser is finished or has failed
   */
  public void feed(CharSequence text) {
    Objects.requireNonNull(text, "text == null");
    checkOpen();
    run(
        () -> {
          try {
            encoder.encode(text, sliced);
          } catch (Utf8Encoder.Unpaired e) {
            throw unpaired(e.surrogate);
          }
        });
  }

  /**
   * Feeds {@code length} bytes of UTF-8 from {@code bytes} at {@code offset}. A character split
   * between two feeds is joined. The array is not kept after the call.
   *
   * @throws IllegalArgumentException if the slice lies outside the array
   * @throws PartialJsonException if the input is malformed or exceeds a limit
   * @throws IllegalStateException if the parser is finished or has failed
   */
  public void feed(byte[] bytes, int offset, int length) {
    Objects.requireNonNull(bytes, "bytes == null");
    if (offset < 0) {
      throw new IllegalArgumentException("offset < 0: " + offset);
    }
    if (length < 0) {
      throw new IllegalArgumentException("length < 0: " + length);
    }
    if (offset > bytes.length - length) {
      throw new IllegalArgumentException(
          "offset + length > array length: " + offset + " + " + length + " > " + bytes.length);
    }
    checkOpen();
    run(() -> acceptSliced(bytes, offset, length));
  }

  /** Feeds all of {@code bytes} as UTF-8; see {@link #feed(byte[], int, int)}. */
  public void feed(byte[] bytes) {
    Objects.requireNonNull(bytes, "bytes == null");
    feed(bytes, 0, bytes.length);
  }

  /**
   * Feeds the remaining bytes of {@code buffer} as UTF-8 and advances its position to its limit.
   *
   * @throws PartialJsonException if the input is malformed or exceeds a limit
   * @throws IllegalStateException if the parser is finished or has failed
   */
  public void feed(ByteBuffer buffer) {
    Objects.requireNonNull(buffer, "buffer == null");
    checkOpen();
    run(
        () -> {
          byte[] copy = scratch == null ? (scratch = new byte[SLICE]) : scratch;
          while (buffer.hasRemaining()) {
            int n = Math.min(SLICE, buffer.remaining());
            buffer.get(copy, 0, n);
            accept(copy, 0, n);
          }
        });
  }

  /**
   * Tells the parser the input is over. A root number completes here; text after the root value
   * (where the options allow it) is reported as a {@link Repair}. Calling it again does nothing.
   *
   * @throws IncompleteJsonException if a string or container is still open, or no value began; the
   *     snapshot still holds everything that arrived
   * @throws PartialJsonException if the end makes the input malformed (a root {@code tru})
   * @throws IllegalStateException if the parser has failed before
   */
  public void finish() {
    if (failure != null) {
      throw new IllegalStateException("the parser failed: " + failure.getMessage(), failure);
    }
    if (finished) {
      return;
    }
    run(
        () -> {
          try {
            encoder.flush(sliced);
          } catch (Utf8Encoder.Unpaired e) {
            throw unpaired(e.surrogate);
          }
          finished = true;
          end();
        });
  }

  /**
   * Finishes the parser if it is still open (see {@link #finish()}); does nothing if it is finished
   * or has failed, so that it is safe in {@code try}-with-resources.
   */
  @Override
  public void close() {
    if (!finished && failure == null) {
      finish();
    }
  }

  /**
   * Returns the value so far; see {@link Snapshot}. Also readable after {@code finish} and after an
   * error.
   *
   * @throws IllegalStateException if the options disabled snapshots
   */
  public Snapshot snapshot() {
    if (tree == null) {
      throw new IllegalStateException(
          "snapshots are disabled: build the options with ParserOptions.Snapshots.ENABLED");
    }
    return tree.snapshot(fed);
  }

  /** Returns the repairs reported so far, in input order; unmodifiable. */
  public List<Repair> repairs() {
    return Collections.unmodifiableList(new ArrayList<>(repairs));
  }

  /** Returns how many bytes of UTF-8 the parser has taken. */
  public long bytesFed() {
    return fed;
  }

  /** Returns whether the root value is complete. */
  public boolean isComplete() {
    return rootDone;
  }

  /** Returns whether {@link #finish()} has run or an error has stopped the parser. */
  public boolean isClosed() {
    return finished || failure != null;
  }

  private void checkOpen() {
    if (failure != null) {
      throw new IllegalStateException("the parser failed: " + failure.getMessage(), failure);
    }
    if (finished) {
      throw new IllegalStateException("finished");
    }
  }

  /** Runs a step; any exception, ours or the listener's, leaves the parser failed. */
  private void run(Runnable step) {
    try {
      step.run();
    } catch (RuntimeException e) {
      if (failure == null) {
        failure = e;
      }
      throw e;
    }
  }

  private void acceptSliced(byte[] bytes, int offset, int length) {
    for (int i = 0; i < length; i += SLICE) {
      accept(bytes, offset + i, Math.min(SLICE, length - i));
    }
  }

  private void accept(byte[] bytes, int offset, int length) {
    long max = options.limits().maxDocumentLength();
    if (max >= 0 && fed + length > max) {
      accept(bytes, offset, (int) (max - fed));
      throw limit(
          Limits.Limit.DOCUMENT_LENGTH,
          "Document length exceeds the maximum allowed (" + max + " bytes)",
          max);
    }
    window.add(bytes, offset, length);
    int end = offset + length;
    int i = offset;
    if (stage == Stage.PREFIX) {
      int root = prefix().scan(bytes, i, end);
      if (root < 0) {
        fed += length;
        return;
      }
      bodyStart = fed + (root - offset);
      stage = Stage.BODY;
      if (!prefix().onlyWhitespace()) {
        report(Repair.Kind.SKIPPED_PREFIX, 0, bodyStart, prefix().excerpt());
      }
      i = root;
    }
    if (stage == Stage.BODY) {
      int stop = body(bytes, i, end, fed + (i - offset));
      if (stop >= 0) {
        beginSuffix();
        i = stop;
      } else {
        i = end;
      }
    }
    if (stage == Stage.SUFFIX) {
      suffix(bytes, i, end, fed + (i - offset));
    }
    fed += length;
  }

  private PrefixSkipper prefix() {
    return Objects.requireNonNull(prefix);
  }

  /** Tokenizes {@code bytes[from, to)}; returns where the root value ended in it, or -1. */
  private int body(byte[] bytes, int from, int to, long at) {
    try {
      if (relaxations == null) {
        return tokenize(bytes, from, to);
      }
      // Each repair is reported once Jackson has read the bytes before the one that made it
      // certain, and not that byte: a point fixed by the input alone, so the report lands at the
      // same place among the events, with the same path, however the input was split.
      findings.clear();
      relaxations.scan(bytes, from, to, at, findingSink);
      int start = from;
      for (Finding finding : findings) {
        int cut = from + (int) (finding.certainAt - at);
        if (cut > start) {
          int stop = tokenize(bytes, start, cut);
          if (stop >= 0) {
            return stop; // the root closed first: this and later findings lie outside it
          }
          start = cut;
        }
        report(finding.kind, finding.offset, finding.length, finding.excerpt);
      }
      return start < to ? tokenize(bytes, start, to) : -1;
    } catch (StreamConstraintsException e) {
      Limits.Limit limit = JacksonSupport.limitOf(e);
      throw limit(
          limit, e.getOriginalMessage(), JacksonSupport.maximumOf(limit, options.limits()), e);
    } catch (IOException e) {
      throw malformed(e);
    }
  }

  private int tokenize(byte[] bytes, int from, int to) throws IOException {
    jackson.feedInput(bytes, from, to);
    return pump();
  }

  /** A repair the scanner found in the current slice, waiting for its place among the events. */
  private record Finding(
      Repair.Kind kind, long offset, long length, String excerpt, long certainAt) {}

  private int pump() throws IOException {
    while (true) {
      boolean afterComma = strictSyntax && jackson.awaitingNameAfterComma();
      JsonToken token = jackson.nextToken();
      if (afterComma && token == JsonToken.END_OBJECT) {
        throw trailingCommaInObject();
      }
      if (token == null || token == JsonToken.NOT_AVAILABLE) {
        if (jackson.insideStringValue()) {
          streamOpenString();
        }
        return -1;
      }
      handle(token);
      if (rootDone) {
        return jackson.inputIndex();
      }
    }
  }

  private void handle(JsonToken token) throws IOException {
    switch (token) {
      case START_OBJECT:
      case START_ARRAY:
        boolean array = token == JsonToken.START_ARRAY;
        JsonPath path = nextValuePath();
        if (array) {
          listener.startArray(path);
        } else {
          listener.startObject(path);
        }
        if (tree != null) {
          tree.startContainer(path, array);
        }
        push(path, array);
        break;
      case END_OBJECT:
      case END_ARRAY:
        JsonPath closed = containers[--depth];
        field = null;
        if (token == JsonToken.END_ARRAY) {
          listener.endArray(closed);
        } else {
          listener.endObject(closed);
        }
        if (tree != null) {
          tree.endContainer();
        }
        valueDone();
        break;
      case FIELD_NAME:
        field = containers[depth - 1].field(jackson.currentName());
        break;
      case VALUE_STRING:
        completeString(jackson.getText());
        break;
      case VALUE_NUMBER_INT:
      case VALUE_NUMBER_FLOAT:
        Number number = number();
        JsonPath at = nextValuePath();
        listener.numberValue(at, number);
        scalar(at, number);
        break;
      case VALUE_TRUE:
      case VALUE_FALSE:
        JsonPath where = nextValuePath();
        listener.booleanValue(where, token == JsonToken.VALUE_TRUE);
        scalar(where, token == JsonToken.VALUE_TRUE);
        break;
      case VALUE_NULL:
        JsonPath nullPath = nextValuePath();
        listener.nullValue(nullPath);
        scalar(nullPath, null);
        break;
      default:
        // VALUE_EMBEDDED_OBJECT never comes from JSON text
        break;
    }
  }

  private Number number() throws IOException {
    try {
      return jackson.getNumberValueExact();
    } catch (NumberFormatException | ArithmeticException e) {
      // valid JSON, but BigDecimal cannot hold an exponent beyond the int range (1e99999999999)
      throw limit(
          Limits.Limit.NUMBER_SCALE,
          "Number exponent exceeds what a BigDecimal can hold (the int range)",
          -1,
          e);
    }
  }

  private MalformedJsonException trailingCommaInObject() {
    JsonLocation location = jackson.currentLocation();
    long offset = bodyStart + location.getByteOffset() - 1; // the '}' just read
    return new MalformedJsonException(
        "Unexpected character ('}' (code 125)): was expecting double-quote to start field name",
        errorPath(),
        offset,
        line(location),
        column(location) - 1,
        window.before(offset));
  }

  private void scalar(JsonPath path, @Nullable Object value) {
    if (tree != null) {
      tree.scalar(path, value);
    }
    valueDone();
  }

  private void valueDone() {
    field = null;
    if (depth == 0) {
      rootDone = true;
      listener.documentEnd();
    }
  }

  private JsonPath nextValuePath() {
    if (depth == 0) {
      return JsonPath.root();
    }
    int d = depth - 1;
    if (arrays[d]) {
      return containers[d].index(nextIndex[d]++);
    }
    return Objects.requireNonNull(field, "a value in an object without a name");
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
    field = null;
  }

  /** Reports what Jackson decoded of the open string since the last look. */
  private void streamOpenString() {
    char[] current = jackson.textSegment();
    int size = jackson.textSegmentSize();
    JsonPath path = openString;
    if (path == null) {
      path = nextValuePath();
      openString = path;
      streamed = 0;
      segment = current; // a string that starts in this slice starts its segment
      segmentPosition = 0;
      if (tree != null) {
        tree.openString(path);
      }
    }
    char[] chars;
    int from;
    int to;
    if (current == segment) {
      chars = current;
      from = segmentPosition;
      to = size;
    } else {
      // The old segment filled up and Jackson moved on: its tail and the new head, joined.
      int tail = segment.length - segmentPosition;
      if (joined.length < tail + size) {
        joined = new char[tail + size];
      }
      System.arraycopy(segment, segmentPosition, joined, 0, tail);
      System.arraycopy(current, 0, joined, tail, size);
      chars = joined;
      from = 0;
      to = tail + size;
    }
    boolean held = to > from && Character.isHighSurrogate(chars[to - 1]);
    if (held) {
      to--; // its low half has not been decoded yet: keep the pair together
    }
    if (current == segment) {
      segmentPosition = to;
    } else if (!held || size > 0) {
      segment = current;
      segmentPosition = held ? size - 1 : size;
    } else {
      segmentPosition = segment.length - 1; // the held char is the old segment's last
    }
    if (to > from) {
      emitDelta(path, delta.set(chars, from, to));
    }
  }

  private void emitDelta(JsonPath path, CharSequence piece) {
    streamed += piece.length();
    int max = options.limits().maxStringLength();
    if (streamed > max) {
      throw limit(
          Limits.Limit.STRING_LENGTH,
          "String value length (" + streamed + ") exceeds the maximum allowed (" + max + ")",
          max);
    }
    listener.stringDelta(path, piece);
    if (tree != null) {
      tree.appendString(piece);
    }
  }

  private void completeString(String value) {
    JsonPath path = openString;
    int from = 0;
    if (path == null) {
      path = nextValuePath();
      streamed = 0;
      if (tree != null) {
        tree.openString(path);
      }
    } else {
      from = (int) streamed;
    }
    openString = null;
    if (from < value.length()) {
      // the rest of the value is the last delta; the whole value if none was streamed
      emitDelta(path, from == 0 ? value : value.substring(from));
    }
    listener.stringValue(path, value);
    if (tree != null) {
      tree.closeString(value);
    }
    valueDone();
  }

  private void beginSuffix() {
    stage = Stage.SUFFIX;
    JsonLocation location = jackson.currentLocation();
    suffixLine = line(location);
    suffixColumn = column(location) - 1;
  }

  /** Reads what follows the root value: whitespace, or text the options allow to be ignored. */
  private void suffix(byte[] bytes, int from, int to, long at) {
    for (int i = from; i < to; i++) {
      byte b = bytes[i];
      if (suffixStart >= 0) {
        if (suffixExcerptLength < suffixExcerpt.length) {
          suffixExcerpt[suffixExcerptLength++] = b;
        }
        continue;
      }
      if (b == '\n') {
        if (!suffixAfterCr) {
          suffixLine++;
        }
        suffixColumn = 0;
      } else if (b == '\r') {
        suffixLine++;
        suffixColumn = 0;
      } else if (b != ' ' && b != '\t') {
        if (options.text() == ParserOptions.Text.JSON) {
          throw new MalformedJsonException(
              "Unexpected content after the root value",
              JsonPath.root(),
              at + (i - from),
              suffixLine,
              suffixColumn + 1,
              window.before(at + (i - from)));
        }
        suffixStart = at + (i - from);
        suffixExcerpt[suffixExcerptLength++] = b;
      } else {
        suffixColumn++;
      }
      suffixAfterCr = b == '\r';
    }
  }

  private void end() {
    switch (stage) {
      case PREFIX:
        throw incomplete(
            prefix().inThink()
                ? "No JSON value began before the end of the input (it ended inside a thinking"
                    + " block)"
                : "No JSON value began before the end of the input");
      case BODY:
        if (depth > 0 || openString != null) {
          throw incomplete(
              openString != null
                  ? "Incomplete JSON: the input ended inside a string"
                  : "Incomplete JSON: the input ended inside "
                      + (depth == 1 ? "a container" : depth + " containers"));
        }
        try {
          jackson.endOfInput();
          pump();
        } catch (StreamConstraintsException e) {
          Limits.Limit limit = JacksonSupport.limitOf(e);
          throw limit(
              limit, e.getOriginalMessage(), JacksonSupport.maximumOf(limit, options.limits()), e);
        } catch (IOException e) {
          throw malformed(e);
        }
        if (!rootDone) {
          throw incomplete("No JSON value began before the end of the input");
        }
        break;
      case SUFFIX:
        if (suffixStart >= 0) {
          report(
              Repair.Kind.SKIPPED_SUFFIX,
              suffixStart,
              fed - suffixStart,
              Excerpts.printable(
                  suffixExcerpt, 0, suffixExcerptLength, fed - suffixStart > suffixExcerptLength));
        }
        break;
    }
  }

  private void report(Repair.Kind kind, long offset, long length, String excerpt) {
    Repair repair =
        new Repair(
            kind,
            kind == Repair.Kind.SKIPPED_PREFIX || kind == Repair.Kind.SKIPPED_SUFFIX
                ? JsonPath.root()
                : currentPath(),
            offset,
            length,
            excerpt);
    repairs.add(repair);
    listener.repair(repair);
  }

  /**
   * Returns the path an error is reported at: the named value being read, else the innermost
   * container. Not an array element's own path, even when its string is open: whether the parser
   * has seen that string open before the error depends on how the input was split, and the error
   * must not.
   */
  private JsonPath errorPath() {
    if (openString != null && !openString.isIndex()) {
      return openString;
    }
    if (field != null) {
      return field;
    }
    return depth == 0 ? JsonPath.root() : containers[depth - 1];
  }

  /** Returns the path of the value being read: the open string, the named value, or a container. */
  private JsonPath currentPath() {
    if (openString != null) {
      return openString;
    }
    if (field != null) {
      return field;
    }
    return depth == 0 ? JsonPath.root() : containers[depth - 1];
  }

  private List<JsonPath> openPaths() {
    List<JsonPath> open = new ArrayList<>(depth + 1);
    open.addAll(Arrays.asList(containers).subList(0, depth));
    if (openString != null) {
      open.add(openString);
    }
    return open;
  }

  private IncompleteJsonException incomplete(String reason) {
    JsonLocation location = jackson.currentLocation();
    return new IncompleteJsonException(
        reason,
        openPaths(),
        fed,
        stage == Stage.PREFIX ? prefix().newlines() + 1 : line(location),
        stage == Stage.PREFIX ? prefix().column() + 1 : column(location),
        tree == null ? null : tree.snapshot(fed));
  }

  private MalformedJsonException malformed(IOException e) {
    JsonLocation location =
        e instanceof JsonProcessingException && ((JsonProcessingException) e).getLocation() != null
            ? ((JsonProcessingException) e).getLocation()
            : jackson.currentLocation();
    long offset = bodyStart + Math.max(0, location.getByteOffset());
    int column = column(location);
    String reason =
        e instanceof JsonProcessingException
            ? ((JsonProcessingException) e).getOriginalMessage()
            : String.valueOf(e.getMessage());
    if (reason.startsWith("Invalid UTF-8")) {
      // Jackson reports a bad sequence at its first byte when the sequence arrived in one feed
      // and after its last byte when it was split: report its first byte either way.
      long start = window.invalidUtf8Start(offset - 4, offset);
      if (start >= 0) {
        column -= (int) (offset - start);
        offset = start;
      }
    }
    // Jackson words the same error on a '+' two ways, depending on whether the sign and the next
    // byte arrived together.
    reason =
        reason.replace(
            "expected digit (0-9) for valid numeric value",
            "expected digit (0-9) to follow plus sign, for valid numeric value");
    return new MalformedJsonException(
        reason, errorPath(), offset, line(location), column, window.before(offset));
  }

  private MalformedJsonException unpaired(char surrogate) {
    JsonLocation location = jackson.currentLocation();
    return new MalformedJsonException(
        String.format(
            "Unpaired surrogate U+%04X in the text: it is not Unicode and has no UTF-8 form",
            (int) surrogate),
        errorPath(),
        fed,
        line(location),
        column(location),
        window.before(fed));
  }

  private LimitExceededException limit(Limits.Limit limit, String reason, long maximum) {
    return limit(limit, reason, maximum, null);
  }

  private LimitExceededException limit(
      Limits.Limit limit, String reason, long maximum, @Nullable Exception cause) {
    JsonLocation location = jackson.currentLocation();
    LimitExceededException e =
        new LimitExceededException(
            reason,
            limit,
            maximum,
            errorPath(),
            bodyStart + Math.max(0, location.getByteOffset()),
            line(location),
            column(location));
    if (cause != null) {
      e.initCause(cause);
    }
    return e;
  }

  /** Returns Jackson's line, counted in the whole input rather than from the root value. */
  private int line(JsonLocation location) {
    return Math.max(1, location.getLineNr()) + (prefix == null ? 0 : prefix.newlines());
  }

  /** Returns Jackson's column, counted in the whole input rather than from the root value. */
  private int column(JsonLocation location) {
    int column = Math.max(1, location.getColumnNr());
    return prefix != null && location.getLineNr() <= 1 ? column + prefix.column() : column;
  }
}
