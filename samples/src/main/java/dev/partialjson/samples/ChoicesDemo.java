package dev.partialjson.samples;

import com.openai.client.OpenAIClient;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import dev.partialjson.binding.BindingSession;
import dev.partialjson.binding.StreamingBinder;
import dev.partialjson.embeddedmodel.EmbeddedModel;
import dev.partialjson.openai.ChatResult;
import dev.partialjson.openai.OpenAiStreams;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Renders the {@code n} choices of one streamed response side by side, one column per choice, in a
 * plain terminal: each choice is bound to its own record, and after every delta a row shows each
 * choice's partial value. The embedded model replays a real recording of three answers ({@code n =
 * 3}) to one structured-output question, read by openai-java and {@link OpenAiStreams}, which opens
 * one session per choice. Runs offline:
 *
 * <pre>
 * DEMO_MAIN=dev.partialjson.samples.ChoicesDemo ./demo
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
    out.println("== OpenAI gpt-4o, n=3: three answers interleaved, one session per choice");
    StreamingBinder<Weather> binder = StreamingBinder.of(Weather.class);
    int columns = 3;
    ChatCompletionCreateParams params =
        ChatCompletionCreateParams.builder()
            .model("embedded/replay/chat-three-choices")
            .addUserMessage("What is the weather in San Francisco?")
            .responseFormat(OpenAiStreams.responseFormat(binder))
            .n(columns)
            .build();
    Map<Integer, BindingSession<Weather>> sessions = new HashMap<>();
    int[] arriving = {0};
    String[] last = {""};
    // The adapter hands each piece of content to onText just before feeding it to its choice's
    // session (opened on the choice's first piece): the row drawn there shows every delta so far.
    Runnable draw =
        () -> {
          String row = row(columns, c -> render(sessions.get(c)));
          if (!row.equals(last[0])) { // most deltas ("\":\"", "}") change nothing a reader sees
            out.println(row);
            last[0] = row;
          }
        };
    out.println(row(columns, c -> "choice " + c));
    out.println(row(columns, c -> "-".repeat(COLUMN - 2)));
    ChatResult<Weather> result;
    try (EmbeddedModel model = EmbeddedModel.start()) {
      OpenAIClient client = SdkClients.openAi(model);
      try {
        result =
            OpenAiStreams.chat(binder)
                .onText(
                    (choice, delta) -> {
                      draw.run();
                      arriving[0] = choice;
                    })
                .onSession(session -> sessions.put(arriving[0], session))
                .stream(client.chat().completions().createStreaming(params));
      } finally {
        client.close();
      }
    }
    draw.run();
    out.println(row(columns, c -> "-".repeat(COLUMN - 2)));
    out.println(
        row(
            columns,
            c ->
                result.choice(c).session().orElseThrow().result().isValid() ? "valid" : "invalid"));
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
}
