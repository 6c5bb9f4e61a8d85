package dev.partialjson.parser;

import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
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
 * arrived, and further {@code feed} calls throw {@link IllegalStateException}. Whatever a listener
 * throws (an {@link Error} or a checked exception included) comes out of the call unchanged and
 * leaves the parser failed in the same way.
 *
 * <p>Not thread-safe: one parser serves one stream, fed from one thread at a time, and is not
 * reentrant: a listener must not call {@code feed} or {@code finish} of the parser that calls it
 * (it may take a {@link #snapshot()}). Both mistakes throw {@link IllegalStateException} saying
 * which, and leave the call in progress undisturbed; a call from another thread is found when it
 * comes while one is inside {@code feed} or {@code finish} and the threads are ordered by any
 * synchronisation of their own (no lock is taken: two calls that start at the same instant may both
 * pass). Snapshots and events' values are immutable and may be passed to other threads.
 */
public final class IncrementalJsonParser implements AutoCloseable {

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

  /**
   * How many repairs {@link #repairs()} keeps. A comment can be two bytes ({@code #} and a line
   * end) and its repair a hundred, so keeping every one would let a stream of comments cost fifty
   * times its length; the listener is told of every one.
   */
  static final int KEPT_REPAIRS = 1_000;

  private enum Stage {
    PREFIX,
    BODY,
    SUFFIX
  }

  private final ParserOptions options;
  private final long maxDocumentLength; // read on every feed, so kept here
  private final JsonListener listener;
  private final FeedingParser jackson;
  private final @Nullable PrefixSkipper prefix;
  private final ReasoningStream reasoning;
  private final @Nullable SnapshotBuilder tree;
  private final InputWindow window = new InputWindow();
  private final Failures failures;
  private final SuffixReader suffix;
  private final KeyCheck keys;
  private final PathStack paths = new PathStack();
  private final StringStream string;
  private final TokenEvents events;
  private final BodyReader body;
  private final PlainRun plain = new PlainRun(window);
  private final Utf8Encoder encoder = new Utf8Encoder(SLICE);
  private final Utf8Encoder.Sink sliced = this::acceptSliced;
  private final List<Repair> repairs = new ArrayList<>(0);
  private byte @Nullable [] scratch;

  private final CallGuard guard = new CallGuard();

  private Stage stage;
  private long fed; // bytes taken so far

  private IncrementalJsonParser(ParserOptions options, JsonListener listener) {
    this.options = options;
    boolean strictSyntax = options.syntax() == ParserOptions.Syntax.STRICT;
    long maxLength = options.limits().maxDocumentLength();
    this.maxDocumentLength = maxLength < 0 ? Long.MAX_VALUE : maxLength; // one comparison a feed
    this.listener = new GuardedListener(listener);
    this.jackson = options.jackson().newParser();
    boolean model = options.text() == ParserOptions.Text.MODEL_OUTPUT;
    this.reasoning = new ReasoningStream(this.listener);
    this.prefix = model ? new PrefixSkipper(reasoning) : null;
    this.stage = model ? Stage.PREFIX : Stage.BODY;
    this.tree =
        options.snapshots() == ParserOptions.Snapshots.ENABLED ? new SnapshotBuilder() : null;
    this.failures = new Failures(jackson, window, prefix, options.limits());
    this.suffix =
        new SuffixReader(
            model,
            failures,
            strictSyntax
                ? null
                : (kind, at, length, excerpt, certainAt) -> report(kind, at, length, excerpt));
    this.keys = new KeyCheck(jackson, window, failures, strictSyntax, this::errorPath);
    this.string =
        new StringStream(
            jackson,
            this.listener,
            tree,
            paths,
            failures,
            options.limits().maxStringLength(),
            options.jackson(),
            window);
    this.events =
        new TokenEvents(
            jackson, this.listener, tree, paths, keys, string, failures, options.limits(), window);
    this.body =
        new BodyReader(
            jackson,
            strictSyntax ? null : new RelaxationScanner(),
            strictSyntax,
            options.limits().maxNumberLength(),
            paths,
            keys,
            string,
            events,
            failures,
            this::report);
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
   * @throws IllegalStateException if the parser is finished or has failed, or on a reentrant or
   *     concurrent call (see above)
   */
  public void feed(CharSequence text) {
    Objects.requireNonNull(text, "text == null");
    guard.enter(false);
    try {
      try {
        encoder.encode(text, sliced);
      } catch (Utf8Encoder.Unpaired e) {
        throw unpaired(e);
      }
    } catch (Throwable t) {
      throw guard.failed(t);
    } finally {
      guard.leave();
    }
  }

  /**
   * Feeds {@code length} bytes of UTF-8 from {@code bytes} at {@code offset}. A character split
   * between two feeds is joined. The array is not kept after the call.
   *
   * @throws IllegalArgumentException if the slice lies outside the array
   * @throws PartialJsonException if the input is malformed or exceeds a limit
   * @throws IllegalStateException if the parser is finished or has failed, or on a reentrant or
   *     concurrent call (see above)
   */
  public void feed(byte[] bytes, int offset, int length) {
    Objects.requireNonNull(bytes, "bytes == null");
    if ((offset | length) < 0 || offset > bytes.length - length) {
      throw outOfBounds(bytes, offset, length); // one branch for a model's every delta
    }
    guard.enter(false);
    try {
      if (length <= SLICE) {
        accept(bytes, offset, length); // a model's delta: one slice
      } else {
        acceptSliced(bytes, offset, length);
      }
    } catch (Throwable t) {
      throw guard.failed(t);
    } finally {
      guard.leave();
    }
  }

  private static IllegalArgumentException outOfBounds(byte[] bytes, int offset, int length) {
    if (offset < 0) {
      return new IllegalArgumentException("offset < 0: " + offset);
    }
    if (length < 0) {
      return new IllegalArgumentException("length < 0: " + length);
    }
    return new IllegalArgumentException(
        "offset + length > array length: " + offset + " + " + length + " > " + bytes.length);
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
   * @throws IllegalStateException if the parser is finished or has failed, or on a reentrant or
   *     concurrent call (see above)
   */
  public void feed(ByteBuffer buffer) {
    Objects.requireNonNull(buffer, "buffer == null");
    guard.enter(false);
    try {
      byte[] copy = scratch == null ? (scratch = new byte[SLICE]) : scratch;
      while (buffer.hasRemaining()) {
        int n = Math.min(SLICE, buffer.remaining());
        buffer.get(copy, 0, n);
        accept(copy, 0, n);
      }
    } catch (Throwable t) {
      throw guard.failed(t);
    } finally {
      guard.leave();
    }
  }

  /**
   * Feeds a piece of the model's reasoning that arrives apart from the answer: a provider's
   * reasoning delta ({@code reasoning_content}, a Responses reasoning summary, an Anthropic
   * thinking block). The listener gets it as a {@link ReasoningListener#reasoningDelta}, after a
   * {@link ReasoningListener#reasoningStart} if no segment is open; the segment ends at {@link
   * #endReasoning()}, at the answer's next non-empty feed, or at {@link #finish()}. A surrogate
   * pair split between two pieces is joined; an empty piece does nothing. Reasoning does not count
   * in {@link #bytesFed()} or the limits: it is not part of the document.
   *
   * @throws IllegalStateException if the parser is finished or has failed, or on a reentrant or
   *     concurrent call (see above)
   */
  public void feedReasoning(CharSequence text) {
    Objects.requireNonNull(text, "text == null");
    guard.enter(false);
    try {
      reasoning.feed(text);
    } catch (Throwable t) {
      throw guard.failed(t);
    } finally {
      guard.leave();
    }
  }

  /**
   * Ends the segment of reasoning that {@link #feedReasoning} opened, if one is open: the provider
   * said its reasoning block is over. Does nothing otherwise, and nothing to a think block in the
   * text, which its closing tag ends.
   *
   * @throws IllegalStateException if the parser is finished or has failed, or on a reentrant or
   *     concurrent call (see above)
   */
  public void endReasoning() {
    guard.enter(false);
    try {
      reasoning.endFed();
    } catch (Throwable t) {
      throw guard.failed(t);
    } finally {
      guard.leave();
    }
  }

  /** Returns how many chars of reasoning the listener has been handed, from both channels. */
  public long reasoningChars() {
    return reasoning.chars();
  }

  /**
   * Tells the parser the input is over. A number whose digits all arrived completes here, at the
   * root or inside a container that is then found open; text after the root value (where the
   * options allow it) is reported as a {@link Repair}. Calling it again does nothing.
   *
   * @throws IncompleteJsonException if a string or container is still open, a root number or
   *     literal was cut short ({@code -}, {@code 1.}, {@code tru}), or no value began; the snapshot
   *     still holds everything that arrived, a number completed by the end included
   * @throws PartialJsonException if the end makes the input malformed (a root {@code tx})
   * @throws IllegalStateException if the parser has failed before, or on a reentrant or concurrent
   *     call (see above)
   */
  public void finish() {
    guard.enter(true);
    try {
      if (guard.finished()) {
        return;
      }
      try {
        encoder.flush(sliced);
      } catch (Utf8Encoder.Unpaired e) {
        throw unpaired(e);
      }
      guard.finish();
      readPlainRun();
      end();
      release();
    } catch (Throwable t) {
      throw guard.failed(t);
    } finally {
      guard.leave();
    }
  }

  /**
   * Closes Jackson's parser once the document is complete, which hands its buffers back to
   * Jackson's recycler pool and the names it learnt to the factory's shared symbol table, so that
   * the next parser made with the same options allocates neither again. Nothing reads it after.
   */
  private void release() {
    try {
      jackson.close();
    } catch (IOException e) {
      // a non-blocking parser has no input to close: nothing can fail here
    }
  }

  /**
   * Finishes the parser if it is still open (see {@link #finish()}); does nothing if it is finished
   * or has failed, so that it is safe in {@code try}-with-resources.
   */
  @Override
  public void close() {
    if (!guard.closed()) {
      finish();
    }
  }

  /**
   * Returns the value so far; see {@link Snapshot}. Also readable after {@code finish} and after an
   * error, and from inside a listener callback (the value may then not yet show that callback's
   * event).
   *
   * @throws IllegalStateException if the options disabled snapshots, or if another thread is inside
   *     {@code feed} or {@code finish} (see above)
   */
  public Snapshot snapshot() {
    guard.checkNotConcurrent();
    if (tree == null) {
      throw new IllegalStateException(
          "snapshots are disabled: build the options with ParserOptions.Snapshots.ENABLED");
    }
    return tree.snapshot(fed);
  }

  /**
   * Returns the repairs reported so far, in input order, up to the first 1,000 (every one goes to
   * {@link JsonListener#repair}); unmodifiable.
   */
  public List<Repair> repairs() {
    return Collections.unmodifiableList(new ArrayList<>(repairs));
  }

  /** Returns how many bytes of UTF-8 the parser has taken. */
  public long bytesFed() {
    return fed;
  }

  /**
   * Returns whether the root value is complete, as {@link JsonListener#documentEnd()} tells: a root
   * number or literal only once the byte after it has arrived or {@code finish()} has run.
   */
  public boolean isComplete() {
    return events.rootDone();
  }

  /** Returns whether {@link #finish()} has run or an error has stopped the parser. */
  public boolean isClosed() {
    return guard.closed();
  }

  private void acceptSliced(byte[] bytes, int offset, int length) {
    for (int i = 0; i < length; i += SLICE) {
      accept(bytes, offset + i, Math.min(SLICE, length - i));
    }
  }

  private void accept(byte[] bytes, int offset, int length) {
    if (length == 0) {
      return;
    }
    if (reasoning.fedOpen()) {
      reasoning.endFed(); // the answer began: the provider has stopped reasoning
    }
    long max = maxDocumentLength;
    if (fed + length > max) {
      accept(bytes, offset, (int) (max - fed));
      readPlainRun(); // so that Jackson's position is the limit's
      throw documentTooLong(max);
    }
    if (window.add(bytes, offset, length, body.insidePlainString())) {
      if (!plain.fits(length)) {
        readPlainRun(); // leaves Jackson inside the string, all of it reported
      }
      string.streamAhead(plain.add(fed, length));
      fed += length;
      return;
    }
    // Read from bytes[i, end), which begin at input offset at: the delta, or the plain run and
    // the delta together where they follow each other in the window without wrapping around its
    // end, one feed for both. A run and a delta are a slice each, so Jackson still decodes at most
    // one more segment of an open string between two looks (see SLICE), and the window still
    // holds a slice and the excerpt before any error in them.
    byte[] from = bytes;
    int i = offset;
    int end = offset + length;
    long at = fed;
    int run = plain.size();
    if (run > 0) {
      int index = InputWindow.index(plain.start());
      if (index + run + length <= InputWindow.SIZE) {
        from = window.array();
        i = index;
        end = index + run + length;
        at = plain.start();
        plain.clear();
      } else {
        readPlainRun();
      }
    }
    if (stage == Stage.PREFIX) {
      PrefixSkipper skipper = Objects.requireNonNull(prefix);
      int root = skipper.scan(from, i, end);
      if (root < 0) {
        fed += length;
        return;
      }
      long bodyStart = at + (root - i);
      failures.bodyStartsAt(bodyStart);
      stage = Stage.BODY;
      if (!skipper.onlyWhitespace()) {
        report(Repair.Kind.SKIPPED_PREFIX, 0, bodyStart, skipper.excerpt());
      }
      at = bodyStart;
      i = root;
    }
    if (stage == Stage.BODY) {
      // the window's copy tells whether the delta is all ASCII, which needs no UTF-8 check (a
      // plain run is ASCII)
      boolean checkUtf8 = !window.lastAscii() || body.utf8Open();
      int stop = body.read(from, i, end, at, checkUtf8);
      if (stop < 0) {
        fed += length;
        return;
      }
      stage = Stage.SUFFIX;
      int[] lineAndColumn = failures.lineAndColumn();
      suffix.begin(lineAndColumn[0], lineAndColumn[1]);
      at += stop - i;
      i = stop;
    }
    suffix.read(from, i, end, at);
    fed += length;
  }

  /**
   * Hands the bytes of the {@link PlainRun} to Jackson, which decodes them as the chars reported
   * already: no event comes of it (the open string passes over them).
   */
  private void readPlainRun() {
    int n = plain.size();
    if (n > 0) {
      long start = plain.start();
      plain.clear();
      int at = InputWindow.index(start);
      int first = Math.min(n, InputWindow.SIZE - at); // the run may wrap around the window's end
      body.read(window.array(), at, at + first, start, false); // plain bytes are ASCII
      if (first < n) {
        body.read(window.array(), 0, n - first, start + first, false);
      }
    }
  }

  /** The text held an unpaired surrogate, at {@code fed}: Jackson has read all before it. */
  private MalformedJsonException unpaired(Utf8Encoder.Unpaired e) {
    readPlainRun(); // so that Jackson's position is the surrogate's
    return failures.unpaired(e.surrogate, fed, paths.forError(string.path()));
  }

  /** The input reached {@code max} bytes and more came: reported at the first byte too many. */
  private LimitExceededException documentTooLong(long max) {
    int[] at = lineAndColumn();
    return new LimitExceededException(
        "Document length exceeds the maximum allowed (" + max + " bytes)",
        Limits.Limit.DOCUMENT_LENGTH,
        max,
        errorPath(),
        max,
        at[0],
        at[1]);
  }

  private void end() {
    reasoning.finish(); // before an incomplete input is reported: the thoughts arrived whole
    switch (stage) {
      case PREFIX:
        throw incomplete(
            Objects.requireNonNull(prefix).inThink()
                ? "No JSON value began before the end of the input (it ended inside a thinking"
                    + " block)"
                : "No JSON value began before the end of the input");
      case BODY:
        if (paths.depth() > 0 || string.path() != null) {
          if (string.path() == null) {
            body.completeNumber();
          }
          throw incomplete(
              string.path() != null
                  ? "Incomplete JSON: the input ended inside a string"
                  : "Incomplete JSON: the input ended inside "
                      + (paths.depth() == 1 ? "a container" : paths.depth() + " containers"));
        }
        // a root scalar cut short (a root "tru" or "-") is input that ended early, not bad input:
        // every byte of it was accepted, and only the end makes Jackson reject it
        String cut = jackson.cutToken();
        try {
          body.endOfInput();
        } catch (StreamConstraintsException e) {
          throw failures.limit(e, errorPath());
        } catch (IOException e) {
          if (cut != null) {
            throw incomplete("Incomplete JSON: the input ended inside " + cut);
          }
          throw failures.malformed(e, errorPath());
        }
        if (!events.rootDone()) {
          throw incomplete("No JSON value began before the end of the input");
        }
        break;
      case SUFFIX:
        if (suffix.inComment()) {
          throw incomplete(
              "Incomplete JSON: the input ended inside a comment after the root value");
        }
        if (suffix.start() >= 0) {
          report(
              Repair.Kind.SKIPPED_SUFFIX,
              suffix.start(),
              fed - suffix.start(),
              suffix.excerpt(fed));
        }
        break;
    }
  }

  private IncompleteJsonException incomplete(String reason) {
    int[] at = lineAndColumn();
    return new IncompleteJsonException(
        reason,
        paths.open(string.path()),
        fed,
        at[0],
        at[1],
        tree == null ? null : tree.snapshot(fed));
  }

  /** Returns the line and column of the next byte: whoever reads the current stage counts them. */
  private int[] lineAndColumn() {
    switch (stage) {
      case PREFIX:
        PrefixSkipper skipper = Objects.requireNonNull(prefix);
        return new int[] {skipper.newlines() + 1, skipper.column() + 1}; // Jackson saw none of it
      case SUFFIX:
        return new int[] {suffix.line(), suffix.column()}; // nor this
      default:
        return failures.lineAndColumn();
    }
  }

  private void report(Repair.Kind kind, long offset, long length, String excerpt) {
    boolean aroundRoot = kind == Repair.Kind.SKIPPED_PREFIX || kind == Repair.Kind.SKIPPED_SUFFIX;
    Repair repair =
        new Repair(
            kind,
            aroundRoot ? JsonPath.root() : paths.current(string.path()),
            offset,
            length,
            excerpt);
    if (repairs.size() < KEPT_REPAIRS) {
      repairs.add(repair);
    }
    listener.repair(repair);
  }

  private JsonPath errorPath() {
    return paths.forError(string.path());
  }
}
