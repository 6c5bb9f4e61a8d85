package dev.partialjson.binding;

import java.time.Duration;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What a {@link BindingSession} has done so far: input fed, events, and how long things took, as an
 * immutable snapshot; see {@link BindingSession#stats()}. Times are read from the binder's clock
 * ({@link StreamingBinder.Builder#nanoTime}) and measured from the session's first input, so they
 * do not include waiting for the first delta.
 *
 * <pre>{@code
 * SessionStats stats = session.stats();
 * log.info("{} bytes in {} deltas, first value after {}, {} chars of reasoning",
 *     stats.bytes(), stats.deltas(), stats.timeToFirstValue(), stats.reasoningChars());
 * }</pre>
 *
 * @param phase where the session is
 * @param bytes UTF-8 bytes the parser has taken as the answer's text (a think block before the JSON
 *     included)
 * @param reasoningChars chars of the model's reasoning handed to the session's {@link
 *     dev.partialjson.parser.ReasoningListener}s: a think block's text and what was fed through
 *     {@link BindingSession#feedReasoning}
 * @param deltas calls to {@code feed} that reached the parser (an empty delta counts)
 * @param events parser events, one per {@link dev.partialjson.parser.JsonListener} callback (string
 *     deltas, repairs and the reasoning's start, deltas and end included)
 * @param timeToFirstEvent from the first input to the first event, or null if none came yet
 * @param timeToFirstReasoning from the first input to the first piece of reasoning, or null if none
 *     came yet
 * @param timeToFirstValue from the first input to the first complete value (a scalar, or an object
 *     or array closing), or null if none is complete yet
 * @param timeToEnd from the first input to the end (completed, failed or cancelled), or null while
 *     the session has not ended
 * @param elapsed from the first input to the end, or to the moment of the snapshot if the session
 *     has not ended; zero before the first input
 * @param usage the tokens the provider reported for the request ({@link
 *     BindingSession#reportUsage}, which the SDK adapters call from the provider's final event), or
 *     null if none was reported
 */
public record SessionStats(
    Phase phase,
    long bytes,
    long reasoningChars,
    long deltas,
    long events,
    @Nullable Duration timeToFirstEvent,
    @Nullable Duration timeToFirstReasoning,
    @Nullable Duration timeToFirstValue,
    @Nullable Duration timeToEnd,
    Duration elapsed,
    @Nullable TokenUsage usage) {

  /** Where a session is in its life. */
  public enum Phase {
    /** Opened, no input yet. */
    NOT_STARTED,
    /** Taking input. */
    STREAMING,
    /** Ended with a bound value, valid or not ({@link BindingResult#error()} is null). */
    COMPLETED,
    /** Stopped by an error: malformed, incomplete or over-limit input, binding, fail-fast. */
    FAILED,
    /** Closed before it ended. */
    CANCELLED;

    /** Returns whether the session has ended. */
    public boolean isTerminal() {
      return this == COMPLETED || this == FAILED || this == CANCELLED;
    }
  }

  /** Checks that the phase and elapsed time are present. */
  public SessionStats {
    Objects.requireNonNull(phase, "phase == null");
    Objects.requireNonNull(elapsed, "elapsed == null");
  }
}
