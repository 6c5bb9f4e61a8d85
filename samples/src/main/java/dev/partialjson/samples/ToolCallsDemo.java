package dev.partialjson.samples;

import com.anthropic.client.AnthropicClient;
import com.anthropic.models.messages.MessageCreateParams;
import com.openai.client.OpenAIClient;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import dev.partialjson.anthropic.AnthropicBinding;
import dev.partialjson.anthropic.StreamedMessage;
import dev.partialjson.anthropic.ToolUse;
import dev.partialjson.binding.BindingSession;
import dev.partialjson.binding.StreamingBinder;
import dev.partialjson.embeddedmodel.EmbeddedModel;
import dev.partialjson.openai.ChatResult;
import dev.partialjson.openai.OpenAiStreams;
import dev.partialjson.openai.ToolCall;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import java.io.PrintStream;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Streams tool-call arguments into records, through the official SDKs and partialjson's adapters.
 * The embedded model replays two real recordings: OpenAI calling two tools in parallel, read by
 * openai-java and {@link OpenAiStreams}, which opens a session per call with the record its
 * function's name is registered with; and Anthropic streaming one tool's input as {@code
 * input_json_delta} fragments, read by anthropic-java and {@link AnthropicBinding}. Each field is
 * printed as it grows, and each call's result at the end. Runs offline:
 *
 * <pre>
 * DEMO_MAIN=dev.partialjson.samples.ToolCallsDemo ./demo
 * </pre>
 */
public final class ToolCallsDemo {

  /** The arguments of the OpenAI recording's {@code GetWeatherArgs} tool. */
  public record WeatherArgs(
      @NotBlank String city, @NotBlank String country, @Pattern(regexp = "[cf]") String units) {}

  /** The arguments of the OpenAI recording's {@code get_stock_price} tool. */
  public record StockPriceArgs(@NotBlank String ticker, @NotBlank String exchange) {}

  /** The input of the Anthropic recording's {@code get_weather} tool. */
  public record WeatherQuery(@NotBlank String location) {}

  private static final StreamingBinder<WeatherArgs> WEATHER_ARGS =
      StreamingBinder.of(WeatherArgs.class);
  private static final StreamingBinder<StockPriceArgs> STOCK_PRICE_ARGS =
      StreamingBinder.of(StockPriceArgs.class);
  private static final StreamingBinder<WeatherQuery> WEATHER_QUERY =
      StreamingBinder.of(WeatherQuery.class);

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
    try (EmbeddedModel model = EmbeddedModel.start()) {
      openAi(model, out);
      out.println();
      anthropic(model, out);
    }
  }

  private static void openAi(EmbeddedModel model, PrintStream out) {
    out.println("== OpenAI gpt-4o, two parallel tool calls, through openai-java");
    OpenAIClient client = SdkClients.openAi(model);
    try {
      ChatCompletionCreateParams params =
          ChatCompletionCreateParams.builder()
              .model("embedded/replay/chat-parallel-tools")
              .addUserMessage("What is the weather in Edinburgh, and the price of AAPL?")
              .addTool(
                  OpenAiStreams.chatTool("GetWeatherArgs", "The weather in a city", WEATHER_ARGS))
              .addTool(
                  OpenAiStreams.chatTool("get_stock_price", "A share's price", STOCK_PRICE_ARGS))
              .build();
      // The calls arrive in index order, so the n-th session opened is call n.
      AtomicInteger calls = new AtomicInteger();
      ChatResult<Void> result =
          OpenAiStreams.chat()
              .tool(
                  "GetWeatherArgs",
                  WEATHER_ARGS,
                  s -> print(calls.getAndIncrement(), "GetWeatherArgs", WeatherArgs.class, s, out))
              .tool(
                  "get_stock_price",
                  STOCK_PRICE_ARGS,
                  s ->
                      print(
                          calls.getAndIncrement(), "get_stock_price", StockPriceArgs.class, s, out))
              .stream(client.chat().completions().createStreaming(params));
      for (ToolCall call : result.choice(0).toolCalls()) {
        BindingSession<?> session = call.session().orElseThrow();
        out.println(
            "call " + call.index() + " " + call.name().orElse("?") + ": " + outcome(session));
      }
    } finally {
      client.close();
    }
  }

  private static void anthropic(EmbeddedModel model, PrintStream out) {
    out.println(
        "== Anthropic Claude, tool_use input in input_json_delta fragments, through anthropic-java");
    AnthropicClient client = SdkClients.anthropic(model);
    try {
      AnthropicBinding<Void> binding =
          AnthropicBinding.builder()
              .tool(
                  "get_weather",
                  "The weather at a place",
                  WEATHER_QUERY,
                  call -> print(call.index(), call.name(), WeatherQuery.class, call.session(), out))
              .build();
      MessageCreateParams params =
          binding
              .applyTo(
                  MessageCreateParams.builder()
                      .model("embedded/replay/anthropic-tool-use")
                      .maxTokens(1024))
              .addUserMessage("What is the weather in Paris?")
              .build();
      StreamedMessage<Void> message = binding.read(client.messages().createStreaming(params));
      for (ToolUse<?> call : message.toolUses()) {
        out.println("call " + call.index() + " " + call.name() + ": " + outcome(call.session()));
      }
    } finally {
      client.close();
    }
  }

  /** Prints each field of the call's arguments as it grows. */
  private static void print(
      long index, String tool, Class<?> type, BindingSession<?> session, PrintStream out) {
    out.println("call " + index + " " + tool + " -> " + type.getSimpleName());
    session.onText(
        "$.*",
        (path, full, delta) ->
            out.println("  call " + index + " " + path + " " + EventFormat.json(full)));
  }

  private static String outcome(BindingSession<?> session) {
    var result = session.result();
    return result.isValid() ? String.valueOf(result.value()) : "invalid " + result;
  }
}
