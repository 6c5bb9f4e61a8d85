package dev.partialjson.samples;

import dev.partialjson.binding.BoundItem;
import dev.partialjson.binding.Violation;
import dev.partialjson.parser.JsonPath;
import dev.partialjson.parser.ReasoningListener;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * Shows a {@link TripPlan} while it streams. On a terminal ({@link Mode#ANSI}) the plan is redrawn
 * in place after each delta: fields grow where they stand and each activity gets its mark when it
 * closes. Elsewhere ({@link Mode#PLAIN}: a pipe, a file, a test) nothing is redrawn: each growth of
 * a field and each closed activity is one line. Not thread-safe.
 */
final class LiveView {

  /** How the view is drawn. */
  enum Mode {
    /** Redrawn in place with ANSI cursor movement and colours. */
    ANSI,
    /** One line per change, no escape sequences. */
    PLAIN
  }

  static final String PASS = "✓";
  static final String FAIL = "✗";
  private static final String GREEN = "\033[32m";
  private static final String RED = "\033[31m";
  private static final String DIM = "\033[2m";
  private static final String BOLD = "\033[1m";
  private static final String RESET = "\033[0m";

  private final PrintStream out;
  private final Mode mode;
  private final int width;
  private final Map<Integer, BoundItem<TripPlan.Activity>> checked = new TreeMap<>();
  private final StringBuilder thought = new StringBuilder();
  private boolean thinking;
  private int drawnLines;

  LiveView(PrintStream out, Mode mode, int width) {
    this.out = out;
    this.mode = mode;
    this.width = width;
  }

  /** Takes a string that grew; printed at once in plain mode, drawn at the next redraw in ANSI. */
  void grew(JsonPath path, String full, String delta) {
    if (mode == Mode.PLAIN) {
      out.println(path + ": " + EventFormat.json(full));
    }
  }

  /**
   * Returns a listener for the model's reasoning, apart from the answer: one line that grows
   * ({@code redraw} runs after each piece), then what it came to.
   */
  ReasoningListener reasoning(Runnable redraw) {
    return new ReasoningListener() {
      @Override
      public void reasoningStart() {
        thinking = true;
      }

      @Override
      public void reasoningDelta(CharSequence delta) {
        thought.append(delta);
        redraw.run();
      }

      @Override
      public void reasoningEnd() {
        thinking = false;
        if (mode == Mode.PLAIN) {
          out.println("reasoning: " + oneLine(thought));
        }
      }
    };
  }

  /** Takes an activity that closed, with its violations. */
  void closed(BoundItem<TripPlan.Activity> item) {
    checked.put(item.path().arrayIndex(), item);
    if (mode == Mode.PLAIN) {
      out.println(mark(item) + " " + item.path() + " " + describe(item.value()) + problems(item));
    }
  }

  /**
   * Redraws the plan so far in place (ANSI mode only; {@code partial} is not called in plain mode,
   * as binding the partial value after every delta is wasted there).
   */
  void redraw(Supplier<@Nullable TripPlan> partial) {
    if (mode != Mode.ANSI) {
      return;
    }
    TripPlan plan = partial.get();
    List<String> lines = new ArrayList<>();
    if (thought.length() > 0) {
      String label = thinking ? "thinking   " : "thought    ";
      String text = oneLine(thought);
      int room = Math.max(10, width - label.length());
      // while it grows, its end is what is new; once done, its start says what it was about
      String shown =
          text.length() <= room
              ? text
              : thinking ? "…" + text.substring(text.length() - room + 1) : text;
      lines.add(DIM + label + shown + RESET);
    }
    lines.add(BOLD + "title      " + RESET + (plan == null ? "" : orEmpty(plan.title())));
    lines.add(BOLD + "summary    " + RESET + (plan == null ? "" : orEmpty(plan.summary())));
    lines.add(BOLD + "activities" + RESET);
    List<TripPlan.Activity> activities = plan == null ? null : plan.activities();
    for (int i = 0; activities != null && i < activities.size(); i++) {
      BoundItem<TripPlan.Activity> item = checked.get(i);
      lines.add(
          item == null
              ? "  " + DIM + "… " + orEmpty(activities.get(i).name()) + RESET
              : "  " + mark(item) + " " + describe(item.value()) + problems(item));
    }
    StringBuilder frame = new StringBuilder();
    if (drawnLines > 0) {
      frame.append("\033[").append(drawnLines).append('F').append("\033[J"); // up, then clear
    }
    for (String line : lines) {
      frame.append(clip(line)).append(RESET).append('\n');
    }
    out.print(frame);
    out.flush();
    drawnLines = lines.size();
  }

  private static String oneLine(CharSequence text) {
    return text.toString().strip().replaceAll("\\s+", " ");
  }

  private String mark(BoundItem<?> item) {
    String mark = item.isValid() ? PASS : FAIL;
    if (mode == Mode.PLAIN) {
      return mark;
    }
    return (item.isValid() ? GREEN : RED) + mark + RESET;
  }

  private static String describe(TripPlan.@Nullable Activity activity) {
    if (activity == null) {
      return "(could not be read)";
    }
    return activity.name() + " (" + activity.day() + ", " + activity.hours() + " h)";
  }

  private static String problems(BoundItem<?> item) {
    if (item.error() != null) {
      return ": " + item.error().getMessage();
    }
    if (item.isValid()) {
      return "";
    }
    return ": "
        + item.violations().stream().map(Violation::toString).collect(Collectors.joining("; "));
  }

  private static String orEmpty(@Nullable String text) {
    return text == null ? "" : text;
  }

  /** Cuts a line to the terminal's width: a wrapped line would throw off the redraw. */
  private String clip(String line) {
    int visible = 0;
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < line.length(); ) {
      if (line.charAt(i) == '\033') { // an escape sequence takes no column
        int end = line.indexOf('m', i);
        out.append(line, i, end + 1);
        i = end + 1;
        continue;
      }
      int cp = line.codePointAt(i);
      if (visible == width - 1 && i + Character.charCount(cp) < line.length()) {
        return out.append('…').toString();
      }
      out.appendCodePoint(cp);
      visible++;
      i += Character.charCount(cp);
    }
    return out.toString();
  }
}
