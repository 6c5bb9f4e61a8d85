package dev.partialjson.patch;

import dev.partialjson.parser.IncrementalJsonParser;
import dev.partialjson.parser.ParserOptions;
import dev.partialjson.parser.PartialJsonException;
import dev.partialjson.parser.Snapshot;
import java.nio.ByteBuffer;
import java.util.Objects;

/**
 * A parser whose events go out as batches of patch operations: the deltas go to an {@link
 * IncrementalJsonParser}, its events through a {@link PatchStream} (kept in step with the parser's
 * snapshot) to a {@link PatchBatcher}, which is given the chance to release a batch after each
 * delta. At {@link #finish()} the last batch goes out and then the end; when the input is
 * malformed, incomplete or over a limit, the operations for everything that arrived go out first,
 * then the error, which the feed also throws as the parser does.
 *
 * <pre>{@code
 * PatchFeed feed = PatchFeed.create(PatchBatcher.builder().build(AgUiEvents.writer(out::write, thread, run)));
 * for (String delta : modelDeltas) feed.feed(delta);
 * feed.finish();
 * }</pre>
 *
 * <p>The model's reasoning, an inline think block before the JSON or reasoning fed apart ({@link
 * #feedReasoning}), goes to the batcher's listener in order with the batches (see {@link
 * PatchBatcher}).
 *
 * <p>After each delta, the batches released so far, applied in order to an empty document, give the
 * parser's {@link #snapshot()} as of the last batch; at the end, the whole value. Not thread-safe,
 * as the parser.
 */
public final class PatchFeed implements AutoCloseable {
  private final IncrementalJsonParser parser;
  private final PatchStream stream;
  private final PatchBatcher batcher;
  private final boolean snapshots;

  private PatchFeed(ParserOptions options, PatchBatcher batcher) {
    this.batcher = batcher;
    this.stream = PatchStream.create(batcher);
    this.parser = IncrementalJsonParser.create(options, stream);
    this.snapshots = options.snapshots() == ParserOptions.Snapshots.ENABLED;
  }

  /** Returns a feed with the parser's {@link ParserOptions#defaults() default options}. */
  public static PatchFeed create(PatchBatcher batcher) {
    return create(ParserOptions.defaults(), batcher);
  }

  /**
   * Returns a feed whose parser has {@code options}. With snapshots disabled, a string whose
   * opening quote has arrived and no character yet is sent with its first character.
   */
  public static PatchFeed create(ParserOptions options, PatchBatcher batcher) {
    Objects.requireNonNull(options, "options == null");
    Objects.requireNonNull(batcher, "batcher == null");
    return new PatchFeed(options, batcher);
  }

  /** Feeds a text delta; see {@link IncrementalJsonParser#feed(CharSequence)}. */
  public void feed(CharSequence text) {
    try {
      parser.feed(text);
    } catch (PartialJsonException e) {
      throw failed(e);
    }
    delivered();
  }

  /** Feeds UTF-8 bytes; see {@link IncrementalJsonParser#feed(byte[], int, int)}. */
  public void feed(byte[] bytes, int offset, int length) {
    try {
      parser.feed(bytes, offset, length);
    } catch (PartialJsonException e) {
      throw failed(e);
    }
    delivered();
  }

  /** Feeds UTF-8 bytes; see {@link IncrementalJsonParser#feed(byte[])}. */
  public void feed(byte[] bytes) {
    feed(bytes, 0, Objects.requireNonNull(bytes, "bytes == null").length);
  }

  /** Feeds the remaining bytes of a buffer; see {@link IncrementalJsonParser#feed(ByteBuffer)}. */
  public void feed(ByteBuffer buffer) {
    try {
      parser.feed(buffer);
    } catch (PartialJsonException e) {
      throw failed(e);
    }
    delivered();
  }

  /**
   * Feeds a piece of the model's reasoning that arrives apart from the answer; see {@link
   * IncrementalJsonParser#feedReasoning}. It goes to the batcher, which releases it when due.
   *
   * @throws IllegalStateException if the feed is finished or has failed
   */
  public void feedReasoning(CharSequence text) {
    parser.feedReasoning(text);
    delivered();
  }

  /**
   * Ends the segment of reasoning that {@link #feedReasoning} opened, if one is open (its text and
   * end go out now); see {@link IncrementalJsonParser#endReasoning()}.
   *
   * @throws IllegalStateException if the feed is finished or has failed
   */
  public void endReasoning() {
    parser.endReasoning();
  }

  /**
   * Ends the input: the last batch goes out, then the end. Calling it again, or after an error
   * (which has gone out already), does nothing.
   *
   * @throws PartialJsonException as {@link IncrementalJsonParser#finish()} (an incomplete
   *     document), after the last batch and the error have gone to the batcher's listener
   */
  public void finish() {
    if (parser.isClosed()) {
      return;
    }
    try {
      parser.finish();
    } catch (PartialJsonException e) {
      throw failed(e);
    }
    sync();
    batcher.end();
  }

  /** Finishes the feed if it is still open; see {@link #finish()}. */
  @Override
  public void close() {
    finish();
  }

  /**
   * Returns the parser's snapshot; see {@link IncrementalJsonParser#snapshot()}.
   *
   * @throws IllegalStateException if the parser options disabled snapshots
   */
  public Snapshot snapshot() {
    return parser.snapshot();
  }

  private void delivered() {
    sync();
    batcher.flushIfDue();
  }

  private void sync() {
    if (snapshots && stream.needsSync()) {
      stream.sync(parser.snapshot());
    }
  }

  private PartialJsonException failed(PartialJsonException e) {
    sync(); // the snapshot keeps what arrived before the error: so do the operations
    batcher.error(e);
    return e;
  }
}
