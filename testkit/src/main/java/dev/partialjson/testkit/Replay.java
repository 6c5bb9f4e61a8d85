package dev.partialjson.testkit;

import dev.partialjson.parser.IncrementalJsonParser;
import dev.partialjson.parser.JsonListener;
import dev.partialjson.parser.ParserOptions;
import dev.partialjson.parser.PartialJsonException;
import dev.partialjson.parser.Snapshot;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Feeds a document to a fresh parser under one split, then calls {@code finish()}, and records what
 * happened: the events, the snapshots, and the exception that ended the run. Stateless and
 * thread-safe; each run makes its own parser.
 *
 * <pre>{@code
 * Replay.Outcome outcome = Replay.run(ParserOptions.defaults(), split, true);
 * List<JsonEvent> events = outcome.log().merged();
 * }</pre>
 */
public final class Replay {
  private Replay() {}

  /**
   * What one run produced: the event log, the snapshot after each piece (when asked for), the
   * snapshot after {@code finish()} (null when the options disable snapshots), the exception that
   * ended the run (from a piece or from {@code finish()}), if any, and the parser itself.
   */
  public record Outcome(
      EventLog log,
      List<Snapshot> snapshots,
      @Nullable Snapshot last,
      @Nullable RuntimeException error,
      IncrementalJsonParser parser) {

    /** Keeps an unmodifiable copy of the snapshots. */
    public Outcome {
      snapshots = List.copyOf(snapshots);
    }

    /**
     * Returns the final value.
     *
     * @throws AssertionError if the run failed
     */
    public @Nullable Object value() {
      if (error != null) {
        throw new AssertionError("the run failed: " + error, error);
      }
      return last == null ? null : last.value();
    }
  }

  /** Runs {@code split} and then {@code finish()}; takes a snapshot after each piece if asked. */
  public static Outcome run(ParserOptions options, Splits.Split split, boolean snapshotEachPiece) {
    return run(options, split, snapshotEachPiece, new EventLog());
  }

  /** Runs {@code split} as {@link #run(ParserOptions, Splits.Split, boolean)}, into {@code log}. */
  public static Outcome run(
      ParserOptions options, Splits.Split split, boolean snapshotEachPiece, EventLog log) {
    return run(options, split, snapshotEachPiece, log, log);
  }

  /** Runs {@code split} with {@code listener} as the parser's listener, which feeds {@code log}. */
  static Outcome run(
      ParserOptions options,
      Splits.Split split,
      boolean snapshotEachPiece,
      EventLog log,
      JsonListener listener) {
    Objects.requireNonNull(options, "options == null");
    Objects.requireNonNull(split, "split == null");
    IncrementalJsonParser parser = IncrementalJsonParser.create(options, listener);
    List<Snapshot> snapshots = new ArrayList<>();
    RuntimeException error = null;
    try {
      for (Splits.Piece piece : split.pieces()) {
        piece.feed(parser);
        if (snapshotEachPiece) {
          snapshots.add(parser.snapshot());
        }
      }
      parser.finish();
    } catch (PartialJsonException e) {
      error = e;
    }
    Snapshot last =
        options.snapshots() == ParserOptions.Snapshots.ENABLED ? parser.snapshot() : null;
    return new Outcome(log, snapshots, last, error, parser);
  }
}
