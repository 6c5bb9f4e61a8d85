package dev.partialjson.samples;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.partialjson.binding.BindingException;
import dev.partialjson.binding.BindingResult;
import dev.partialjson.binding.BindingSession;
import dev.partialjson.binding.SessionStats;
import dev.partialjson.binding.TokenUsage;
import dev.partialjson.binding.Violation;
import dev.partialjson.parser.IncompleteJsonException;
import dev.partialjson.parser.Repair;
import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The end of a {@link TerminalDemo} run: how the stream ended and what came of it, as lines of
 * plain text. Not thread-safe.
 */
final class PlanReport {
  private static final ObjectMapper PRETTY =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private final PrintStream out;

  PlanReport(PrintStream out) {
    this.out = out;
  }

  /**
   * Prints how the stream ended ({@code finish_reason}, usage), what was repaired, the outcome (the
   * valid record, the violations, or the open paths and what did arrive) and the stats.
   */
  void print(
      BindingSession<TripPlan> session,
      String finishReason,
      @Nullable TokenUsage usage,
      List<Repair> repairs) {
    BindingResult<TripPlan> result = session.result();
    out.println(
        "finish_reason: "
            + finishReason
            + (usage == null
                ? ""
                : "; usage: "
                    + usage.inputTokens()
                    + " prompt + "
                    + usage.outputTokens()
                    + " completion tokens"));
    for (Repair repair : repairs) {
      out.printf(
          "repaired: %s at byte %d (%d bytes): \"%s\"%n",
          repair.kind(), repair.byteOffset(), repair.length(), repair.excerpt());
    }
    if (result.error() instanceof IncompleteJsonException incomplete) {
      out.println("incomplete: " + incomplete.getMessage());
      out.println("open paths: " + incomplete.openPaths());
      out.println("what did arrive, as a TripPlan:");
      out.println(pretty(partial(session)));
    } else if (result.error() != null) {
      out.println("failed: " + result.error().getMessage());
    } else if (!result.violations().isEmpty()) {
      out.println("bound, but " + result.violations().size() + " violation(s):");
      for (Violation violation : result.violations()) {
        out.println("  " + LiveView.FAIL + " " + violation);
      }
      out.println(pretty(result.value()));
    } else {
      out.println("final record, valid:");
      out.println(pretty(result.value()));
    }
    out.println("stats: " + stats(session.stats()));
  }

  /** Returns the stats in one line, times in milliseconds. */
  static String stats(SessionStats stats) {
    return stats.phase()
        + ", "
        + stats.bytes()
        + " bytes in "
        + stats.deltas()
        + " deltas, "
        + stats.events()
        + " events"
        + (stats.reasoningChars() == 0
            ? ""
            : ", "
                + stats.reasoningChars()
                + " chars of reasoning (first after "
                + millis(stats.timeToFirstReasoning())
                + ")")
        + "; first event after "
        + millis(stats.timeToFirstEvent())
        + ", first value after "
        + millis(stats.timeToFirstValue())
        + ", end after "
        + millis(stats.timeToEnd());
  }

  private static String millis(@Nullable Duration duration) {
    return duration == null ? "-" : String.format("%.1f ms", duration.toNanos() / 1e6);
  }

  /** Returns the plan so far, or null if what arrived cannot be bound yet. */
  static @Nullable TripPlan partial(BindingSession<TripPlan> session) {
    try {
      return session.partial();
    } catch (BindingException e) {
      return null; // a value that cannot be bound yet: drawn at the next delta
    }
  }

  private static String pretty(@Nullable Object value) {
    try {
      return PRETTY.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
