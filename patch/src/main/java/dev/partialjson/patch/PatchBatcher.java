package dev.partialjson.patch;

import dev.partialjson.parser.ReasoningListener;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import org.jspecify.annotations.Nullable;

/**
 * Coalesces a patch stream into batches a user interface can keep up with: at most one batch per
 * {@linkplain Builder#interval interval}, unless the pending operations reach {@linkplain
 * Builder#maxOperations a size}; consecutive pieces of the same string merged into one operation;
 * nothing reordered; a surrogate pair never split between batches; everything pending released at
 * the {@linkplain #end() end} and at an {@linkplain #error error}, which is reported after it.
 *
 * <p>The model's reasoning, when the batcher is also given it (as a {@link ReasoningListener}; a
 * {@link PatchStream} passes it on), goes to the listener's reasoning methods under the same rule:
 * the pieces of a segment merged into one text, released with the operations' releases (one release
 * at most per interval, shared by both, the first at once; the pending reasoning counts as one
 * operation towards the size), the rest at the segment's end. Nothing is reordered: operations
 * pending when reasoning starts, grows or ends go out first, and reasoning pending when an
 * operation comes goes out first, whatever the time. A segment still open at the {@link #end()} or
 * an {@link #error} is ended first.
 *
 * <pre>{@code
 * PatchBatcher batcher = PatchBatcher.builder()
 *     .interval(Duration.ofMillis(50))
 *     .build(SseEvents.writer(out::write));
 * PatchFeed feed = PatchFeed.create(batcher);
 * for (String delta : modelDeltas) feed.feed(delta); // releases a batch when one is due
 * feed.finish();                                      // the last batch, then end
 * }</pre>
 *
 * <p>A surrogate pair: the parser's string pieces never end inside one (a high surrogate at the end
 * of a piece is a lone one the document holds), so operations from a {@link PatchStream} go out as
 * they are. Operations from elsewhere may cut a pair: then a string that may still grow keeps a
 * high surrogate at its end back from the batch, until the next piece (its low half) or the next
 * value arrives, or the stream ends.
 *
 * <p>It has no thread of its own: the time is looked at in {@link #flushIfDue()}, which {@link
 * PatchFeed} calls after each delta; a caller who wants a batch out during a pause of the stream
 * calls it from a timer of its own (on the feeding thread, or under the same lock). The clock is
 * injectable ({@link Builder#clock}).
 *
 * <p>With {@link Strings#REPLACE}, each batch is plain RFC 6902 (what AG-UI clients accept): a
 * string that grew is sent whole, as a {@code replace}, once per batch. That costs, per batch, the
 * length of the string so far; {@link Strings#APPEND} (the default) sends only the new text.
 *
 * <p>Not thread-safe.
 */
public final class PatchBatcher implements Consumer<PatchOperation>, ReasoningListener {

  /** How a string that grows is sent. */
  public enum Strings {
    /** As {@code append} operations with the new text: linear in the string's length. */
    APPEND,
    /** As an RFC 6902 {@code replace} of the whole string so far, once per batch. */
    REPLACE
  }

  /**
   * Receives the batches, the reasoning and the end of the stream, in order, on the thread that
   * feeds. A segment of reasoning comes as {@link #reasoningStart()}, {@link #reasoning}s, {@link
   * #reasoningEnd()}, between batches; the reasoning methods do nothing unless overridden.
   */
  public interface Listener {
    /** Called with each batch, in order. */
    void batch(PatchBatch batch);

    /** Called when a segment of reasoning begins, before its text. */
    default void reasoningStart() {}

    /**
     * Called with the next part of the open segment's text: never empty, and never ending between
     * the two halves of a surrogate pair unless an operation or the end came between them.
     */
    default void reasoning(String text) {}

    /** Called when the open segment ends, after its text. */
    default void reasoningEnd() {}

    /** Called once, after the last batch, when the stream ended normally. */
    default void end() {}

    /** Called once, after the last batch, when the stream stopped with {@code error}. */
    default void error(Throwable error) {}
  }

  private final Listener listener;
  private final long intervalNanos;
  private final int maxOperations;
  private final LongSupplier clock;
  private final Strings strings;

  private final List<PatchOperation> pending = new ArrayList<>();
  // The last pending operation when it is a string that may still grow: kept as text, so that
  // merging a piece costs the piece's length. Its text is what it adds or appends.
  private PatchOperation.@Nullable Op tailOp;
  private String tailPath = "";
  private final StringBuilder tail = new StringBuilder();
  private boolean wholePairs; // no piece ends inside a surrogate pair: see wholePairs()
  // With Strings.REPLACE, the whole text of the string that may still grow, and its path.
  private final StringBuilder whole = new StringBuilder();
  private @Nullable String wholePath;
  private final PendingReasoning reasoning = new PendingReasoning();
  private long sequence;
  private boolean released; // anything, a batch or reasoning, has gone out
  private long lastRelease;
  private boolean ended;

  private PatchBatcher(Builder builder, Listener listener) {
    this.listener = listener;
    this.intervalNanos = builder.interval.toNanos();
    this.maxOperations = builder.maxOperations;
    this.clock = builder.clock;
    this.strings = builder.strings;
  }

  /**
   * Returns a builder: 50 ms, 1,000 operations, {@link System#nanoTime}, {@link Strings#APPEND}.
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Takes the next operation; releases a batch if the pending operations reach the size.
   *
   * @throws IllegalStateException after {@link #end()} or {@link #error}
   * @throws IllegalArgumentException with {@link Strings#REPLACE}, for an {@code append} to a
   *     string that is not the one growing (the whole text is not known)
   */
  @Override
  public void accept(PatchOperation op) {
    Objects.requireNonNull(op, "op == null");
    if (ended) {
      throw new IllegalStateException("the batcher has ended; no more operations");
    }
    if (reasoning.isPending()) {
      releaseReasoning(true); // it came first
    }
    if (op.op() == PatchOperation.Op.APPEND) {
      String text = (String) op.value();
      if (strings == Strings.REPLACE) {
        if (!op.path().equals(wholePath)) {
          throw new IllegalArgumentException(
              "append to "
                  + quoted(op.path())
                  + ", but the string growing is "
                  + (wholePath == null ? "none" : quoted(wholePath))
                  + ": with Strings.REPLACE the whole string must have come through this batcher");
        }
        whole.append(text);
      }
      if (tailOp != null && tailPath.equals(op.path())) {
        tail.append(text);
        return;
      }
      settleTail();
      startTail(PatchOperation.Op.APPEND, op.path(), text);
    } else {
      settleTail();
      wholePath = null;
      whole.setLength(0);
      if (op.value() instanceof String text) {
        startTail(op.op(), op.path(), text);
        if (strings == Strings.REPLACE) {
          wholePath = op.path();
          whole.append(text);
        }
      } else {
        pending.add(op);
      }
    }
    if (size() >= maxOperations) {
      release(false);
    }
  }

  private void startTail(PatchOperation.Op op, String path, String text) {
    tailOp = op;
    tailPath = path;
    tail.setLength(0);
    tail.append(text);
  }

  /**
   * Notes that the operations come from a {@link PatchStream}, whose string pieces never end inside
   * a surrogate pair, so that nothing needs holding back.
   */
  void wholePairs() {
    wholePairs = true;
  }

  /** Makes the tail an operation of the pending list. */
  private void settleTail() {
    if (tailOp != null) {
      pending.add(tailOperation(tail.length()));
      tailOp = null;
    }
  }

  /** Returns the tail as an operation, its first {@code length} chars of text. */
  private PatchOperation tailOperation(int length) {
    PatchOperation.Op op = tailOp;
    if (strings == Strings.REPLACE && op == PatchOperation.Op.APPEND) {
      // the string began in an earlier batch: sent whole, less what the tail holds back
      return PatchOperation.replace(
          tailPath, whole.substring(0, whole.length() - tail.length() + length));
    }
    return new PatchOperation(Objects.requireNonNull(op), tailPath, tail.substring(0, length));
  }

  private int size() {
    return pending.size() + (tailOp == null ? 0 : 1);
  }

  /**
   * Opens a segment of reasoning, after the operations pending (which go out now).
   *
   * @throws IllegalStateException after {@link #end()} or {@link #error}, or while a segment is
   *     open
   */
  @Override
  public void reasoningStart() {
    checkReasoning();
    if (reasoning.isOpen()) {
      throw new IllegalStateException(
          "reasoningStart while a segment of reasoning is open: end it first");
    }
    release(true);
    reasoning.start();
    if (maxOperations == 1) {
      releaseReasoning(false);
    }
  }

  /**
   * Adds {@code delta} to the open segment, after the operations pending (which go out now); an
   * empty one does nothing.
   *
   * @throws IllegalStateException after {@link #end()} or {@link #error}, or with no segment open
   */
  @Override
  public void reasoningDelta(CharSequence delta) {
    Objects.requireNonNull(delta, "delta == null");
    checkReasoning();
    checkOpen("reasoningDelta");
    if (delta.length() == 0) {
      return;
    }
    release(true);
    reasoning.append(delta);
    if (maxOperations == 1) {
      releaseReasoning(false);
    }
  }

  /**
   * Ends the open segment: the operations pending go out, then the segment's text, then its end.
   *
   * @throws IllegalStateException after {@link #end()} or {@link #error}, or with no segment open
   */
  @Override
  public void reasoningEnd() {
    checkReasoning();
    checkOpen("reasoningEnd");
    release(true);
    endReasoning();
  }

  private void checkReasoning() {
    if (ended) {
      throw new IllegalStateException("the batcher has ended; no more reasoning");
    }
  }

  private void checkOpen(String method) {
    if (!reasoning.isOpen()) {
      throw new IllegalStateException(
          method + " before reasoningStart: no segment of reasoning is open");
    }
  }

  /**
   * Releases what is pending, the operations as a batch or the reasoning, if the interval has
   * passed since the last release (the first is due at once).
   *
   * @throws IllegalStateException after {@link #end()} or {@link #error}
   */
  public void flushIfDue() {
    if (ended) {
      throw new IllegalStateException("the batcher has ended");
    }
    // at most one of the two is pending: each goes out before the other comes in
    boolean pendingReasoning = reasoning.isPending();
    if ((pendingReasoning || size() > 0)
        && (!released || clock.getAsLong() - lastRelease >= intervalNanos)) {
      if (pendingReasoning) {
        releaseReasoning(false);
      } else {
        release(false);
      }
    }
  }

  private void releaseReasoning(boolean whole) {
    if (reasoning.release(listener, whole || wholePairs)) {
      stamp();
    }
  }

  private void endReasoning() {
    reasoning.end(listener);
    stamp();
  }

  private void stamp() {
    released = true;
    lastRelease = clock.getAsLong();
  }

  /**
   * Releases what is pending and ends a segment of reasoning still open, then tells the listener
   * the stream ended. Calling it again, or after {@link #error}, does nothing.
   */
  public void end() {
    if (!ended) {
      releaseAll();
      listener.end();
    }
  }

  /**
   * Releases what is pending and ends a segment of reasoning still open, then reports {@code error}
   * to the listener. Calling it again, or after {@link #end()}, does nothing.
   */
  public void error(Throwable error) {
    Objects.requireNonNull(error, "error == null");
    if (!ended) {
      releaseAll();
      listener.error(error);
    }
  }

  private void releaseAll() {
    release(true);
    if (reasoning.isOpen()) {
      endReasoning();
    }
    ended = true;
  }

  /**
   * Sends the pending operations as one batch. Unless {@code last}, a string that may still grow
   * keeps a high surrogate at its end back, until its low half (or the next value) arrives, so that
   * no batch ends inside a surrogate pair.
   */
  private void release(boolean last) {
    int held = 0;
    if (tailOp != null) {
      int n = tail.length();
      held = !last && !wholePairs && n > 0 && Character.isHighSurrogate(tail.charAt(n - 1)) ? 1 : 0;
      if (n - held > 0 || tailOp != PatchOperation.Op.APPEND) {
        pending.add(tailOperation(n - held));
      }
      if (held > 0) {
        String high = tail.substring(n - 1);
        startTail(PatchOperation.Op.APPEND, tailPath, high);
      } else {
        tailOp = null;
      }
    }
    if (pending.isEmpty()) {
      return;
    }
    PatchBatch batch = new PatchBatch(sequence++, pending);
    pending.clear();
    stamp();
    listener.batch(batch);
  }

  private static String quoted(String pointer) {
    return "\"" + pointer + "\"";
  }

  /** Configures a {@link PatchBatcher}. Not thread-safe; each {@link #build} makes a new one. */
  public static final class Builder {
    private Duration interval = Duration.ofMillis(50);
    private int maxOperations = 1_000;
    private LongSupplier clock = System::nanoTime;
    private Strings strings = Strings.APPEND;

    private Builder() {}

    /**
     * Sets the least time between two batches (default 50 ms); zero releases a batch each time
     * {@link #flushIfDue()} finds operations pending.
     *
     * @throws IllegalArgumentException if negative
     */
    public Builder interval(Duration interval) {
      Objects.requireNonNull(interval, "interval == null");
      if (interval.isNegative()) {
        throw new IllegalArgumentException("interval < 0: " + interval);
      }
      this.interval = interval;
      return this;
    }

    /**
     * Sets how many operations (after merging) may wait before a batch goes out whatever the time
     * (default 1,000).
     *
     * @throws IllegalArgumentException if less than 1
     */
    public Builder maxOperations(int maxOperations) {
      if (maxOperations < 1) {
        throw new IllegalArgumentException("maxOperations < 1: " + maxOperations);
      }
      this.maxOperations = maxOperations;
      return this;
    }

    /** Sets the clock, in nanoseconds as {@link System#nanoTime} counts them (the default). */
    public Builder clock(LongSupplier nanoTime) {
      this.clock = Objects.requireNonNull(nanoTime, "nanoTime == null");
      return this;
    }

    /** Sets how a string that grows is sent (default {@link Strings#APPEND}). */
    public Builder strings(Strings strings) {
      this.strings = Objects.requireNonNull(strings, "strings == null");
      return this;
    }

    /** Returns a batcher that sends to {@code listener}. */
    public PatchBatcher build(Listener listener) {
      return new PatchBatcher(this, Objects.requireNonNull(listener, "listener == null"));
    }
  }
}
