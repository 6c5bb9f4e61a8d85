package dev.partialjson.parser;

import java.nio.ByteBuffer;
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
 * <p>Events go to the {@link JsonListener}, or the {@link CursorListener}, synchronously, inside
 * {@code feed} and {@code finish}. With {@link ParserOptions.Snapshots#ENABLED} (the default),
 * {@link #snapshot()} returns the value so far at any moment. Input the options allow but that is
 * not strict JSON is reported as {@link Repair}s. Malformed input throws {@link
 * MalformedJsonException}, input beyond the {@link Limits} throws {@link LimitExceededException};
 * after either, the snapshot still holds everything that had arrived, and further {@code feed}
 * calls throw {@link IllegalStateException}. Whatever a listener throws (an {@link Error} or a
 * checked exception included) comes out of the call unchanged and leaves the parser failed in the
 * same way.
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

  /** The most bytes of new input handed to Jackson at once: see {@link FeedingParser#SLICE}. */
  static final int SLICE = FeedingParser.SLICE;

  /** How many repairs {@link #repairs()} keeps: see {@link RepairLog#KEPT}. */
  static final int KEPT_REPAIRS = RepairLog.KEPT;

  private final ParserOptions options;
  private final DocumentReader reader;
  // Made at the first text delta: a parser fed only bytes holds no encoder (240 bytes idle).
  private @Nullable Utf8Encoder encoder;
  private final Utf8Encoder.Sink encoded; // chunks of at most a SLICE: the encoder's size
  private byte @Nullable [] scratch;

  private final CallGuard guard = new CallGuard();

  private IncrementalJsonParser(ParserOptions options, GuardedListener listener) {
    this.options = options;
    this.reader = new DocumentReader(options, listener);
    this.encoded = reader::accept;
  }

  /** Returns a parser with the {@link ParserOptions#defaults() default options}. */
  public static IncrementalJsonParser create(JsonListener listener) {
    return create(ParserOptions.defaults(), listener);
  }

  /** Returns a parser with {@code options} that reports to {@code listener}. */
  public static IncrementalJsonParser create(ParserOptions options, JsonListener listener) {
    Objects.requireNonNull(options, "options == null");
    Objects.requireNonNull(listener, "listener == null");
    return new IncrementalJsonParser(
        options,
        listener == JsonListener.NONE // needs no paths
            ? GuardedListener.of(CursorListener.NONE)
            : GuardedListener.of(listener));
  }

  /**
   * Returns a parser with the {@link ParserOptions#defaults() default options} that reports to a
   * {@link CursorListener}, which makes no {@link JsonPath} unless it asks for one.
   */
  public static IncrementalJsonParser create(CursorListener listener) {
    return create(ParserOptions.defaults(), listener);
  }

  /**
   * Returns a parser with {@code options} that reports to the {@link CursorListener} {@code
   * listener}.
   */
  public static IncrementalJsonParser create(ParserOptions options, CursorListener listener) {
    Objects.requireNonNull(options, "options == null");
    Objects.requireNonNull(listener, "listener == null");
    return new IncrementalJsonParser(options, GuardedListener.of(listener));
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
        Utf8Encoder utf8 = encoder;
        if (utf8 == null) {
          encoder = utf8 = new Utf8Encoder(SLICE);
        }
        utf8.encode(text, encoded);
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
        reader.accept(bytes, offset, length); // a model's delta: one slice
      } else {
        reader.acceptSliced(bytes, offset, length);
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
        reader.accept(copy, 0, n);
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
      reader.reasoning().feed(text);
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
      reader.reasoning().endFed();
    } catch (Throwable t) {
      throw guard.failed(t);
    } finally {
      guard.leave();
    }
  }

  /** Returns how many chars of reasoning the listener has been handed, from both channels. */
  public long reasoningChars() {
    return reader.reasoning().chars();
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
        if (encoder != null) {
          encoder.flush(encoded);
        }
      } catch (Utf8Encoder.Unpaired e) {
        throw unpaired(e);
      }
      guard.finish();
      reader.end();
      reader.release();
    } catch (Throwable t) {
      throw guard.failed(t);
    } finally {
      guard.leave();
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
    Snapshot snapshot = reader.snapshot();
    if (snapshot == null) {
      throw new IllegalStateException(
          "snapshots are disabled: build the options with ParserOptions.Snapshots.ENABLED");
    }
    return snapshot;
  }

  /**
   * Returns the repairs reported so far, in input order, up to the first 1,000 (every one goes to
   * {@link JsonListener#repair}); unmodifiable.
   */
  public List<Repair> repairs() {
    return reader.repairs();
  }

  /** Returns how many bytes of UTF-8 the parser has taken. */
  public long bytesFed() {
    return reader.fed();
  }

  /**
   * Returns whether the root value is complete, as {@link JsonListener#documentEnd()} tells: a root
   * number or literal only once the byte after it has arrived or {@code finish()} has run.
   */
  public boolean isComplete() {
    return reader.rootDone();
  }

  /** Returns whether {@link #finish()} has run or an error has stopped the parser. */
  public boolean isClosed() {
    return guard.closed();
  }

  /** The text held an unpaired surrogate: Jackson has read all before it. */
  private MalformedJsonException unpaired(Utf8Encoder.Unpaired e) {
    return reader.unpaired(e.surrogate);
  }
}
