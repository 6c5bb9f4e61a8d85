package dev.partialjson.samples;

import dev.partialjson.binding.BindingResult;
import dev.partialjson.binding.BindingSession;
import dev.partialjson.binding.SessionRouter;
import dev.partialjson.binding.StreamingBinder;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Renders the {@code n} choices of one streamed response side by side, one column per choice, in a
 * plain terminal: a {@link SessionRouter} keyed by the choice index binds each choice to its own
 * record, and after every delta a row shows each choice's partial value. The recording asked for
 * three answers to one structured-output question. Runs offline:
 *
 * <pre>
 * ./mvnw -q -pl samples -am package -Dmaven.test.skip=true exec:java \
 *     -Ddemo.mainClass=dev.partialjson.samples.ChoicesDemo
 * </pre>
 */
public final class ChoicesDemo {

  /** The structured output the recording asked for. */
  public record Weather(@NotBlank String city, @NotNull Integer temperature, String units) {}

  static final int COLUMN = 24;

  private ChoicesDemo() {}

  /** Runs the demo on standard output. */
  public static void main(String[] args) {
    PrintStream out = SampleConsole.stdout();
    run(out);
    out.flush();
  }

  /** Replays the recording with three choices, printing one row per delta to {@code out}. */
  public static void run(PrintStream out) {
    Objects.requireNonNull(out, "out == null");
    Recording recording = Recording.OPENAI_THREE_CHOICES;
    out.println("== " + recording.description());
    StreamingBinder<Weather> binder = StreamingBinder.of(Weather.class);
    try (SessionRouter<Integer, Weather> choices = SessionRouter.create(choice -> binder.open())) {
      List<ModelDeltas.Delta> deltas = recording.deltas();
      int columns = deltas.stream().mapToInt(d -> choice(d.channel())).max().orElse(0) + 1;
      out.println(row(columns, c -> "choice " + c));
      out.println(row(columns, c -> "-".repeat(COLUMN - 2)));
      String last = "";
      for (ModelDeltas.Delta delta : deltas) {
        choices.feed(choice(delta.channel()), delta.text());
        String row = row(columns, c -> render(choices.session(c)));
        if (!row.equals(last)) { // most deltas ("\":\"", "}") change nothing a reader sees
          out.println(row);
          last = row;
        }
      }
      Map<Integer, BindingResult<Weather>> results = choices.endAll();
      out.println(row(columns, c -> "-".repeat(COLUMN - 2)));
      out.println(row(columns, c -> results.get(c).isValid() ? "valid" : "invalid"));
    }
  }

  /** Returns one line with a cell per column, each padded to the column's width. */
  static String row(int columns, Function<Integer, String> cell) {
    List<String> cells = new ArrayList<>();
    for (int c = 0; c < columns; c++) {
      String text = cell.apply(c);
      cells.add(text.length() >= COLUMN ? text.substring(0, COLUMN - 1) + "…" : text);
    }
    StringBuilder line = new StringBuilder();
    for (int c = 0; c < cells.size(); c++) {
      String text = cells.get(c);
      line.append(c + 1 < cells.size() ? text + " ".repeat(COLUMN - text.length()) : text);
    }
    return line.toString().stripTrailing();
  }

  /** Returns what has arrived of one choice, such as {@code San Francisco 65°f}. */
  private static String render(@Nullable BindingSession<? extends Weather> session) {
    Weather weather = session == null ? null : session.partial();
    if (weather == null) {
      return "";
    }
    StringBuilder text = new StringBuilder(weather.city() == null ? "" : weather.city());
    if (weather.temperature() != null) {
      text.append(' ').append(weather.temperature()).append('°');
    }
    if (weather.units() != null) {
      text.append(weather.units().toUpperCase(Locale.ROOT));
    }
    return text.toString();
  }

  /** Returns the choice index of a channel: {@code content} is 0, {@code choices[2].content} 2. */
  static int choice(String channel) {
    return channel.startsWith("choices[") ? ToolCallsDemo.index(channel) : 0;
  }
}
