package dev.partialjson.samples;

import dev.partialjson.binding.BindingResult;
import dev.partialjson.binding.BindingSession;
import dev.partialjson.binding.SessionRouter;
import dev.partialjson.binding.StreamingBinder;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import java.io.PrintStream;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Streams tool-call arguments into records. The OpenAI recording calls two tools in parallel; a
 * {@link SessionRouter} keyed by the tool call's index opens one session per call, and its factory
 * picks the record by the tool's name (which comes with the call's first delta). The Anthropic
 * recording streams one tool's input as {@code input_json_delta} fragments. Each field is printed
 * as it grows, and each call's result at the end. Runs offline, from the recordings:
 *
 * <pre>
 * ./mvnw -q -pl samples -am package -Dmaven.test.skip=true exec:java \
 *     -Ddemo.mainClass=dev.partialjson.samples.ToolCallsDemo
 * </pre>
 *
 * <p>The Anthropic Java SDK is not used: replaying a recording through it would need an
 * implementation of its HTTP client interface, and it brings Kotlin and OkHttp along, while the
 * recorded events are plain SSE that {@link SseReader} and {@link ModelDeltas} read in a few lines.
 */
public final class ToolCallsDemo {

  /** The arguments of the OpenAI recording's {@code GetWeatherArgs} tool. */
  public record WeatherArgs(
      @NotBlank String city, @NotBlank String country, @Pattern(regexp = "[cf]") String units) {}

  /** The arguments of the OpenAI recording's {@code get_stock_price} tool. */
  public record StockPriceArgs(@NotBlank String ticker, @NotBlank String exchange) {}

  /** The input of the Anthropic recording's {@code get_weather} tool. */
  public record WeatherQuery(@NotBlank String location) {}

  /** One binder per tool name: made once, shared by every call of that tool. */
  private static final Map<String, StreamingBinder<?>> TOOLS =
      Map.of(
          "GetWeatherArgs", StreamingBinder.of(WeatherArgs.class),
          "get_stock_price", StreamingBinder.of(StockPriceArgs.class),
          "get_weather", StreamingBinder.of(WeatherQuery.class));

  private ToolCallsDemo() {}

  /** Runs both recordings on standard output. */
  public static void main(String[] args) {
    PrintStream out = SampleConsole.stdout();
    run(out);
    out.flush();
  }

  /** Replays the OpenAI and then the Anthropic recording, printing to {@code out}. */
  public static void run(PrintStream out) {
    Objects.requireNonNull(out, "out == null");
    replay(Recording.OPENAI_PARALLEL_TOOL_CALLS, out);
    out.println();
    replay(Recording.ANTHROPIC_TOOL_USE, out);
  }

  private static void replay(Recording recording, PrintStream out) {
    out.println("== " + recording.description());
    Map<Integer, String> toolNames = new HashMap<>();
    try (SessionRouter<Integer, Object> calls =
        SessionRouter.create(index -> open(index, toolNames.get(index), out))) {
      for (ModelDeltas.Delta delta : recording.deltas()) {
        int index = index(delta.channel());
        toolNames.putIfAbsent(index, delta.tool()); // the name comes with the first delta
        calls.feed(index, delta.text());
      }
      for (Map.Entry<Integer, BindingResult<Object>> call : calls.endAll().entrySet()) {
        BindingResult<Object> result = call.getValue();
        out.println(
            "call "
                + call.getKey()
                + " "
                + toolNames.get(call.getKey())
                + ": "
                + (result.isValid() ? result.value() : "invalid " + result));
      }
    }
  }

  /** Opens the session for one tool call, with the record its tool's name calls for. */
  private static BindingSession<?> open(int index, String tool, PrintStream out) {
    StreamingBinder<?> binder = TOOLS.get(tool);
    if (binder == null) {
      throw new IllegalArgumentException("no record for tool " + tool);
    }
    out.println("call " + index + " " + tool + " -> " + ((Class<?>) binder.type()).getSimpleName());
    return binder
        .open()
        .onText(
            "$.*",
            (path, full, delta) ->
                out.println("  call " + index + " " + path + " " + EventFormat.json(full)));
  }

  /**
   * Returns the index in a channel that {@link ModelDeltas} names, the last one in brackets: {@code
   * tool_calls[1]} is call 1, {@code content_block[1]} is block 1.
   */
  static int index(String channel) {
    int open = channel.lastIndexOf('[');
    return open < 0 ? 0 : Integer.parseInt(channel.substring(open + 1, channel.indexOf(']', open)));
  }
}
