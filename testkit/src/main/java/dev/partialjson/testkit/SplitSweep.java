package dev.partialjson.testkit;

import dev.partialjson.parser.JsonEvent;
import dev.partialjson.parser.JsonListener;
import dev.partialjson.parser.ParserOptions;
import dev.partialjson.parser.PartialJsonException;
import dev.partialjson.parser.Snapshot;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;

/**
 * Replays one document under every split of the sweep ({@link Splits#sweep(byte[])}) and checks the
 * parser's two streaming invariants: split independence (the events, with each string's deltas
 * joined, are the same under every split, and the deltas of a string concatenate to its value) and
 * monotone snapshots (each snapshot, taken after every piece, extends the one before; a complete
 * value never changes). Any failure is an {@link AssertionError} whose message names the split.
 *
 * <pre>{@code
 * SplitSweep.Report report = SplitSweep.of(modelOutput).check(ParserOptions.defaults());
 * assertEquals(Map.of("city", "Paris"), report.value());
 * }</pre>
 *
 * <p>A listener of your own can be put between the parser and the recorder with {@link
 * #check(ParserOptions, UnaryOperator)}; the checks then hold for what your listener passes on. A
 * document the parser must reject is checked with {@link #checkRejected}: the same error under
 * every split. Immutable and thread-safe; each check makes fresh parsers.
 */
public final class SplitSweep {
  private final List<Splits.Split> splits;

  private SplitSweep(List<Splits.Split> splits) {
    this.splits = splits;
  }

  /** Returns the sweep of {@code document}, UTF-8 bytes that need not be valid. */
  public static SplitSweep of(byte[] document) {
    return new SplitSweep(List.copyOf(Splits.sweep(document.clone())));
  }

  /** Returns the sweep of {@code document}, encoded as UTF-8. */
  public static SplitSweep of(String document) {
    Objects.requireNonNull(document, "document == null");
    return of(document.getBytes(StandardCharsets.UTF_8));
  }

  /** Returns the splits, "whole" first. */
  public List<Splits.Split> splits() {
    return splits;
  }

  /**
   * What every split agreed on: the final value (null when the options disable snapshots), the
   * events with each string's deltas joined, and the names of the splits that were run.
   */
  public record Report(@Nullable Object value, List<JsonEvent> events, List<String> splits) {
    /** Keeps unmodifiable copies of the lists. */
    public Report {
      events = List.copyOf(events);
      splits = List.copyOf(splits);
    }
  }

  /**
   * Runs every split and checks both invariants; snapshots are checked when {@code options} enable
   * them (the default).
   *
   * @throws AssertionError naming the split, if the parser fails on the document under any split,
   *     if the events or the final value under a split differ from those of the whole document, if
   *     a string's deltas break the delta rules of {@link EventLog}, or if a snapshot does not
   *     extend the one before
   */
  public Report check(ParserOptions options) {
    return check(options, UnaryOperator.identity());
  }

  /**
   * Runs every split as {@link #check(ParserOptions)} does, with the events going through {@code
   * between.apply(recorder)}, a listener of yours that passes them on to the recorder.
   */
  public Report check(ParserOptions options, UnaryOperator<JsonListener> between) {
    Objects.requireNonNull(options, "options == null");
    Objects.requireNonNull(between, "between == null");
    boolean snapshots = options.snapshots() == ParserOptions.Snapshots.ENABLED;
    Report expected = null;
    List<String> names = new ArrayList<>();
    for (Splits.Split split : splits) {
      Report report = run(options, between, split, snapshots);
      names.add(split.name());
      if (expected == null) {
        expected = report;
      } else {
        compare(expected, report, split.name());
      }
    }
    return new Report(expected.value(), expected.events(), names);
  }

  /**
   * Runs every split of a document the parser must reject, and checks that each split fails alike:
   * with a {@link PartialJsonException} of the same class, at the same byte offset, with the same
   * message. Returns the exception of the whole document.
   *
   * @throws AssertionError naming the split, if the parser accepts the document under any split (or
   *     fails with another exception), or if a split's error differs from the whole document's
   */
  public PartialJsonException checkRejected(ParserOptions options) {
    Objects.requireNonNull(options, "options == null");
    PartialJsonException expected = null;
    for (Splits.Split split : splits) {
      RuntimeException error = Replay.run(options, split, false).error();
      if (!(error instanceof PartialJsonException actual)) {
        throw new AssertionError(
            "under split \"" + split.name() + "\" the parser accepted the document", error);
      }
      if (expected == null) {
        expected = actual;
      } else if (!describe(actual).equals(describe(expected))) {
        throw new AssertionError(
            "under split \""
                + split.name()
                + "\" the error is "
                + describe(actual)
                + " but the whole document gives "
                + describe(expected),
            actual);
      }
    }
    return Objects.requireNonNull(expected);
  }

  private static String describe(PartialJsonException e) {
    return e.getClass().getSimpleName() + " at byte " + e.byteOffset() + ": " + e.getMessage();
  }

  private static Report run(
      ParserOptions options,
      UnaryOperator<JsonListener> between,
      Splits.Split split,
      boolean snapshots) {
    EventLog log = new EventLog();
    Replay.Outcome outcome;
    try {
      outcome =
          Replay.run(
              options,
              split,
              snapshots,
              log,
              Objects.requireNonNull(between.apply(log), "between returned null"));
    } catch (AssertionError e) {
      throw new AssertionError("under split \"" + split.name() + "\": " + e.getMessage(), e);
    }
    if (outcome.error() != null) {
      throw new AssertionError(
          "under split \"" + split.name() + "\" the parser failed: " + outcome.error(),
          outcome.error());
    }
    if (snapshots) {
      List<Snapshot> all = new ArrayList<>(outcome.snapshots());
      all.add(Objects.requireNonNull(outcome.last()));
      for (int i = 1; i < all.size(); i++) {
        try {
          Monotone.assertExtends(all.get(i - 1), all.get(i));
        } catch (AssertionError e) {
          String after = i < outcome.snapshots().size() ? "piece " + (i + 1) : "finish()";
          throw new AssertionError(
              "under split \""
                  + split.name()
                  + "\", the snapshot after "
                  + after
                  + ": "
                  + e.getMessage(),
              e);
        }
      }
    }
    return new Report(outcome.value(), log.merged(), List.of(split.name()));
  }

  private static void compare(Report expected, Report actual, String split) {
    List<JsonEvent> want = expected.events();
    List<JsonEvent> got = actual.events();
    for (int i = 0; i < Math.min(want.size(), got.size()); i++) {
      if (!want.get(i).equals(got.get(i))) {
        throw new AssertionError(
            "under split \""
                + split
                + "\", event "
                + i
                + " is "
                + got.get(i)
                + " but the whole document gives "
                + want.get(i));
      }
    }
    if (want.size() != got.size()) {
      throw new AssertionError(
          "under split \""
              + split
              + "\", "
              + got.size()
              + " events (deltas joined) but the whole document gives "
              + want.size()
              + (got.size() > want.size()
                  ? "; the first extra one is " + got.get(want.size())
                  : "; the first missing one is " + want.get(got.size())));
    }
    if (!Objects.equals(
        Monotone.inDocumentOrder(expected.value()), Monotone.inDocumentOrder(actual.value()))) {
      throw new AssertionError(
          "under split \""
              + split
              + "\", the value is "
              + actual.value()
              + " but the whole document gives "
              + expected.value());
    }
  }
}
