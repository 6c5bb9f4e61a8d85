package dev.partialjson.parser;

import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import java.io.IOException;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Reads one document's bytes in the order they arrive: text before the root value (model output),
 * the root value, and what follows it, each by its own reader; plain runs of an open string held
 * back to be handed to Jackson in one piece; the document length limit; and the end of the input,
 * with what an input cut short reports. Builds the readers and the state they share. Its caller
 * keeps the public API, the encoding of text and the failure latch. Not thread-safe.
 */
final class DocumentReader {

  private enum Stage {
    PREFIX,
    BODY,
    SUFFIX
  }

  private final long maxDocumentLength; // read on every feed, so kept here
  private final FeedingParser jackson;
  private final @Nullable PrefixSkipper prefix;
  private final ReasoningStream reasoning;
  private final @Nullable SnapshotBuilder tree;
  private final InputWindow window = new InputWindow();
  private final Locations locations;
  private final Failures failures;
  private final SuffixReader suffix;
  private final PathStack paths;
  private final StringStream string;
  private final TokenEvents events;
  private final BodyReader body;
  private final RepairLog repairs;
  private final PlainRun plain = new PlainRun(window);

  private Stage stage;
  private long fed; // bytes taken so far

  /** Makes a reader of one document that reports to {@code listener}. */
  DocumentReader(ParserOptions options, GuardedListener listener) {
    this.paths = new PathStack(listener instanceof GuardedListener.Paths);
    boolean strictSyntax = options.syntax() == ParserOptions.Syntax.STRICT;
    Limits limits = options.limits();
    long maxLength = limits.maxDocumentLength();
    this.maxDocumentLength = maxLength < 0 ? Long.MAX_VALUE : maxLength; // one comparison a feed
    this.jackson = options.jackson().newParser();
    boolean model = options.text() == ParserOptions.Text.MODEL_OUTPUT;
    this.reasoning = new ReasoningStream(listener);
    this.prefix = model ? new PrefixSkipper(reasoning) : null;
    this.stage = model ? Stage.PREFIX : Stage.BODY;
    this.tree =
        options.snapshots() == ParserOptions.Snapshots.ENABLED ? new SnapshotBuilder() : null;
    this.locations = new Locations(jackson, window, prefix);
    this.failures = new Failures(jackson, window, locations, limits);
    EventSink sink = tree == null ? listener : new SnapshotTee(listener, tree);
    this.string =
        new StringStream(
            jackson, sink, paths, failures, limits.maxStringLength(), options.jackson(), window);
    this.repairs = new RepairLog(listener, paths, string);
    this.suffix = new SuffixReader(model, failures, strictSyntax ? null : repairs);
    KeyCheck keys = new KeyCheck(jackson, window, failures, strictSyntax, paths, string);
    this.events = new TokenEvents(jackson, sink, paths, keys, string, failures, limits, window);
    this.body =
        new BodyReader(
            jackson,
            strictSyntax ? null : new RelaxationScanner(),
            strictSyntax,
            limits.maxNumberLength(),
            paths,
            keys,
            string,
            events,
            failures,
            repairs);
  }

  /** Returns the reasoning channel, which the caller feeds and ends. */
  ReasoningStream reasoning() {
    return reasoning;
  }

  /** Returns how many bytes have been taken. */
  long fed() {
    return fed;
  }

  /** Returns whether the root value is complete. */
  boolean rootDone() {
    return events.rootDone();
  }

  /** Returns the repairs kept so far, unmodifiable. */
  List<Repair> repairs() {
    return repairs.kept();
  }

  /** Returns the value so far, or null if snapshots are disabled. */
  @Nullable Snapshot snapshot() {
    return tree == null ? null : tree.snapshot(fed);
  }

  /** Takes {@code bytes[offset, offset + length)}, a slice at a time. */
  void acceptSliced(byte[] bytes, int offset, int length) {
    for (int i = 0; i < length; i += FeedingParser.SLICE) {
      accept(bytes, offset + i, Math.min(FeedingParser.SLICE, length - i));
    }
  }

  /** Takes {@code bytes[offset, offset + length)}, at most a {@link FeedingParser#SLICE}. */
  void accept(byte[] bytes, int offset, int length) {
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
      CharSequence chars = plain.chars(bytes, offset, length, fed, window.lastAscii());
      if (chars != null) {
        if (!plain.fits(length)) {
          readPlainRun(); // leaves Jackson inside the string, all of it reported
        }
        plain.add(fed, length);
        string.streamAhead(chars);
        fed += length;
        return;
      }
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
      locations.bodyStartsAt(bodyStart);
      stage = Stage.BODY;
      if (!skipper.onlyWhitespace()) {
        repairs.report(Repair.Kind.SKIPPED_PREFIX, 0, bodyStart, skipper.excerpt());
      }
      at = bodyStart;
      i = root;
    }
    if (stage == Stage.BODY) {
      // the window's copy tells whether the delta is all ASCII, which needs no UTF-8 check (a
      // plain run was checked as it arrived)
      boolean checkUtf8 = !window.lastAscii() || body.utf8Open();
      int stop = body.read(from, i, end, at, checkUtf8);
      if (stop < 0) {
        fed += length;
        return;
      }
      stage = Stage.SUFFIX;
      int[] lineAndColumn = locations.lineAndColumn();
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
  void readPlainRun() {
    int n = plain.size();
    if (n > 0) {
      long start = plain.start();
      plain.clear();
      int at = InputWindow.index(start);
      int first = Math.min(n, InputWindow.SIZE - at); // the run may wrap around the window's end
      body.read(window.array(), at, at + first, start, false); // checked as they came
      if (first < n) {
        body.read(window.array(), 0, n - first, start + first, false);
      }
    }
  }

  /** The text held an unpaired {@code surrogate}, after all that was taken. */
  MalformedJsonException unpaired(char surrogate) {
    readPlainRun(); // so that Jackson's position is the surrogate's
    return failures.unpaired(surrogate, fed, errorPath());
  }

  /** The input reached {@code max} bytes and more came: reported at the first byte too many. */
  private LimitExceededException documentTooLong(long max) {
    int[] at = lineAndColumn();
    return new LimitExceededException(
        Problem.DOCUMENT_TOO_LONG.words(max),
        Limits.Limit.DOCUMENT_LENGTH,
        max,
        errorPath(),
        max,
        at[0],
        at[1]);
  }

  /**
   * Reads the end of the input: the plain run held back, the reasoning still open, and what the
   * stage the input ended in makes of it.
   */
  void end() {
    readPlainRun();
    reasoning.finish(); // before an incomplete input is reported: the thoughts arrived whole
    switch (stage) {
      case PREFIX:
        throw incomplete(
            Objects.requireNonNull(prefix).inThink()
                ? Problem.NO_VALUE_IN_THINK
                : Problem.NO_VALUE);
      case BODY:
        if (paths.depth() > 0 || string.isOpen()) {
          if (!string.isOpen()) {
            body.completeNumber();
          }
          throw string.isOpen()
              ? incomplete(Problem.ENDED_IN_STRING)
              : paths.depth() == 1
                  ? incomplete(Problem.ENDED_IN_CONTAINER)
                  : incomplete(Problem.ENDED_IN_CONTAINERS, paths.depth());
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
            throw incomplete(Problem.ENDED_IN_TOKEN, cut);
          }
          throw failures.malformed(e, errorPath());
        }
        if (!events.rootDone()) {
          throw incomplete(Problem.NO_VALUE);
        }
        break;
      case SUFFIX:
        if (suffix.inComment()) {
          throw incomplete(Problem.ENDED_IN_COMMENT);
        }
        if (suffix.start() >= 0) {
          repairs.report(
              Repair.Kind.SKIPPED_SUFFIX,
              suffix.start(),
              fed - suffix.start(),
              suffix.excerpt(fed));
        }
        break;
    }
  }

  /**
   * Closes Jackson's parser once the document is complete, which hands its buffers back to
   * Jackson's recycler pool and the names it learnt to the factory's shared symbol table, so that
   * the next parser made with the same options allocates neither again. Nothing reads it after.
   */
  void release() {
    try {
      jackson.close();
    } catch (IOException e) {
      // a non-blocking parser has no input to close: nothing can fail here
    }
  }

  private IncompleteJsonException incomplete(Problem problem, Object... values) {
    int[] at = lineAndColumn();
    return new IncompleteJsonException(
        problem.words(values), paths.open(string.isOpen()), fed, at[0], at[1], snapshot());
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
        return locations.lineAndColumn();
    }
  }

  private JsonPath errorPath() {
    return paths.forError(string.isOpen());
  }
}
