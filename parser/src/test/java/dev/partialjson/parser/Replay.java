package dev.partialjson.parser;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Feeds a document to a fresh parser under one split and records what happened. */
final class Replay {
  private Replay() {}

  /**
   * What one run produced: the events, the snapshot after each piece (when asked for), the final
   * snapshot, and the exception that ended the run, if any (from a piece or from finish).
   */
  record Outcome(
      EventLog log,
      List<Snapshot> snapshots,
      @Nullable Snapshot last,
      @Nullable RuntimeException error,
      IncrementalJsonParser parser) {

    /** Returns the final value, failing the test if the run failed. */
    @Nullable Object value() {
      if (error != null) {
        throw new AssertionError("the run failed: " + error, error);
      }
      return last == null ? null : last.value();
    }
  }

  /** Runs {@code split} and then {@code finish()}; snapshots after each piece if asked. */
  static Outcome run(ParserOptions options, Splits.Split split, boolean snapshotEachPiece) {
    EventLog log = new EventLog();
    IncrementalJsonParser parser = IncrementalJsonParser.create(options, log);
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
