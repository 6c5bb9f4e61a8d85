package dev.partialjson.samples;

import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.models.ResponseFormatJsonSchema;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import com.openai.models.chat.completions.ChatCompletionStreamOptions;
import dev.partialjson.binding.BindingSession;
import dev.partialjson.binding.SessionListener;
import dev.partialjson.binding.StreamingBinder;
import dev.partialjson.embeddedmodel.EmbeddedModel;
import dev.partialjson.embeddedmodel.Scenario;
import dev.partialjson.openai.ChatResult;
import dev.partialjson.openai.OpenAiStreams;
import dev.partialjson.parser.JsonEvent;
import dev.partialjson.parser.Repair;
import java.io.Console;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The README's first command: asks a model for a {@link TripPlan} through the official OpenAI Java
 * SDK and {@link OpenAiStreams}, with the response schema generated from the record, and shows the
 * plan while it streams: fields grow in place, each activity is marked {@code ✓} or {@code ✗} (with
 * the violation) as it closes, then come the final validated record and the session's statistics.
 *
 * <p>The model is the {@link EmbeddedModel} on the loopback interface, answering to the schema it
 * is sent, unless {@code OPENAI_API_KEY} is set; then the same code talks to the OpenAI API, or to
 * {@code OPENAI_BASE_URL} if that is set too (the {@code --scenario} then only sets the token limit
 * of {@code cut-off}). From the repository root:
 *
 * <pre>
 * ./mvnw -q -pl samples -am package -Dmaven.test.skip=true exec:java
 * ./mvnw -q -pl samples -am package -Dmaven.test.skip=true exec:java -Dexec.args="--scenario cut-off"
 * </pre>
 */
public final class TerminalDemo {
  /** The pause after each token when a person watches in a terminal. */
  static final Duration TERMINAL_PACE = Duration.ofMillis(30);

  /** The token limit the {@code cut-off} scenario asks for. */
  static final long CUT_OFF_TOKENS = 40;

  private static final String PROMPT =
      "Plan a relaxed weekend in Lisbon: a title, a one-line summary and four activities,"
          + " each with its day and the hours it takes.";

  /** The embedded model's scenarios that answer with one JSON document in the content. */
  static final List<Scenario> SCENARIOS =
      List.of(
          Scenario.VALID,
          Scenario.INVALID_ITEM,
          Scenario.CUT_OFF,
          Scenario.FENCED,
          Scenario.THINK,
          Scenario.THINKING,
          Scenario.REASONING,
          Scenario.REASONING_FIELD,
          Scenario.SLOW);

  private TerminalDemo() {}

  /** Runs the demo on standard output; exits with status 2 on a usage error. */
  public static void main(String[] args) {
    PrintStream out = SampleConsole.stdout();
    boolean terminal = isTerminal();
    int width = 100;
    try {
      width = Math.max(40, Integer.parseInt(System.getenv().getOrDefault("COLUMNS", "100")));
    } catch (NumberFormatException e) {
      // keep 100
    }
    LiveView.Mode mode = terminal ? LiveView.Mode.ANSI : LiveView.Mode.PLAIN;
    int status =
        run(args, out, System.getenv(), mode, width, terminal ? TERMINAL_PACE : Duration.ZERO);
    out.flush();
    if (status != 0) {
      System.exit(status);
    }
  }

  /**
   * Runs the demo against the embedded model, whatever the environment, printing line by line to
   * {@code out} with no pause between tokens (unless {@code --pace-ms} asks for one).
   *
   * @return 0 on success, 2 if the arguments are wrong
   */
  public static int run(String[] args, PrintStream out) {
    return run(args, out, Map.of(), LiveView.Mode.PLAIN, 100, Duration.ZERO);
  }

  static int run(
      String[] args,
      PrintStream out,
      Map<String, String> env,
      LiveView.Mode mode,
      int width,
      Duration defaultPace) {
    Map<String, String> options = new LinkedHashMap<>();
    for (int i = 0; i < args.length; i++) {
      if (args[i].equals("--help") || args[i].equals("-h")) {
        usage(out);
        return 0;
      }
      if (i + 1 == args.length
          || !List.of("--scenario", "--pace-ms", "--model").contains(args[i])) {
        return usageError(out, "unknown or incomplete argument: " + args[i]);
      }
      options.put(args[i], args[++i]);
    }
    String id = options.getOrDefault("--scenario", Scenario.REASONING.id());
    Optional<Scenario> scenario = Scenario.byId(id).filter(SCENARIOS::contains);
    if (scenario.isEmpty()) {
      return usageError(out, "no scenario named " + id);
    }
    Duration pace = defaultPace;
    if (options.containsKey("--pace-ms")) {
      try {
        pace = Duration.ofMillis(Long.parseLong(options.get("--pace-ms")));
      } catch (NumberFormatException e) {
        pace = Duration.ofMillis(-1);
      }
      if (pace.isNegative()) {
        return usageError(out, "--pace-ms takes milliseconds >= 0: " + options.get("--pace-ms"));
      }
    }
    String key = env.getOrDefault("OPENAI_API_KEY", "");
    if (!key.isBlank()) {
      OpenAIOkHttpClient.Builder client = OpenAIOkHttpClient.builder().apiKey(key);
      String base = env.getOrDefault("OPENAI_BASE_URL", "");
      if (!base.isBlank()) {
        client.baseUrl(base);
      }
      String model = options.getOrDefault("--model", "gpt-4o-mini");
      out.println(
          "OPENAI_API_KEY is set: asking "
              + model
              + " at "
              + (base.isBlank() ? "the OpenAI API" : base));
      stream(client.build(), model, scenario.get(), out, new LiveView(out, mode, width));
      return 0;
    }
    EmbeddedModel.Builder builder = EmbeddedModel.builder();
    if (!pace.isZero()) {
      builder.pace(pace);
    }
    try (EmbeddedModel model = builder.start()) {
      String name = "embedded/" + scenario.get().id();
      out.println("scenario " + scenario.get().id() + ": " + scenario.get().description());
      out.println("asking " + name + " (the embedded model, at " + model.baseUrl() + ")");
      OpenAIClient client =
          OpenAIOkHttpClient.builder()
              .baseUrl(model.openAiBaseUrl().toString())
              .apiKey("embedded-model-needs-no-key")
              .maxRetries(0)
              .build();
      stream(client, name, scenario.get(), out, new LiveView(out, mode, width));
    }
    return 0;
  }

  /** Streams one answer into a session, drawing it as it grows, then reports the outcome. */
  private static void stream(
      OpenAIClient client, String model, Scenario scenario, PrintStream out, LiveView view) {
    StreamingBinder<TripPlan> binder = StreamingBinder.of(TripPlan.class);
    ResponseFormatJsonSchema format = OpenAiStreams.responseFormat(binder);
    ChatCompletionCreateParams.Builder params =
        ChatCompletionCreateParams.builder()
            .model(model)
            .addSystemMessage("Answer with one JSON object that follows the schema.")
            .addUserMessage(PROMPT)
            .responseFormat(format)
            .streamOptions(ChatCompletionStreamOptions.builder().includeUsage(true).build());
    if (scenario == Scenario.CUT_OFF) {
      params.maxCompletionTokens(CUT_OFF_TOKENS);
    }
    out.println(
        "response_format: json_schema "
            + format.jsonSchema().name()
            + (format.jsonSchema().strict().orElse(false) ? " (strict)" : "")
            + ", generated from TripPlan");
    out.println();
    List<Repair> repairs = new ArrayList<>();
    List<BindingSession<TripPlan>> answer = new ArrayList<>(1);
    Runnable redraw =
        () -> {
          if (!answer.isEmpty()) {
            view.redraw(() -> PlanReport.partial(answer.get(0)));
          }
        };
    try {
      // The adapter hands each piece of content to onText just before feeding it (the session
      // opens on the first piece): drawing there shows every piece before it, the last one below.
      ChatResult<TripPlan> result =
          OpenAiStreams.chat(binder)
              .onText((choice, delta) -> redraw.run())
              .onSession(
                  session -> {
                    answer.add(session);
                    session.addListener(
                        new SessionListener() {
                          @Override
                          public void event(JsonEvent event) {
                            if (event.value() instanceof Repair repair) {
                              repairs.add(repair);
                            }
                          }
                        });
                    session.onReasoning(view.reasoning(redraw));
                    session.onText("$.title", view::grew).onText("$.summary", view::grew);
                    session.onText("$.activities[*].name", view::grew);
                    session.onCheckedItem("$.activities[*]", TripPlan.Activity.class, view::closed);
                  })
              .stream(client.chat().completions().createStreaming(params.build()));
      redraw.run();
      out.println();
      ChatResult.Choice<TripPlan> choice = result.choice(0);
      new PlanReport(out)
          .print(
              choice.session().orElseThrow(() -> new IllegalStateException("no answer: " + result)),
              choice.finishReason().orElse("none"),
              result.usage().orElse(null),
              repairs);
    } finally {
      client.close();
    }
  }

  /**
   * Returns whether standard output is a terminal. {@code System.console()} is null when it is not
   * up to JDK 21; from JDK 22 on it may be non-null anyway, and {@code Console.isTerminal()} (not
   * in the Java 17 API, hence the reflection) tells.
   */
  private static boolean isTerminal() {
    Console console = System.console();
    if (console == null || "dumb".equals(System.getenv("TERM"))) {
      return false;
    }
    try {
      return (Boolean) Console.class.getMethod("isTerminal").invoke(console);
    } catch (NoSuchMethodException e) {
      return true;
    } catch (ReflectiveOperationException e) {
      return false;
    }
  }

  private static int usageError(PrintStream out, String problem) {
    out.println("error: " + problem);
    usage(out);
    return 2;
  }

  private static void usage(PrintStream out) {
    out.println("Streams a TripPlan from a model through the OpenAI Java SDK into partialjson.");
    out.println();
    out.println("Options (with Maven: -Dexec.args=\"--scenario invalid-item\"):");
    out.println("  --scenario NAME  what the embedded model answers; default: reasoning");
    out.println(
        "  --pace-ms N      the embedded model pauses N ms after each token; default: "
            + TERMINAL_PACE.toMillis()
            + " in a terminal, else 0");
    out.println("  --model NAME     the model when OPENAI_API_KEY is set; default: gpt-4o-mini");
    out.println("  --help           show this help");
    out.println();
    out.println("Scenarios:");
    for (Scenario scenario : SCENARIOS) {
      out.printf("  %-14s %s%n", scenario.id(), scenario.description());
    }
    out.println();
    out.println("With OPENAI_API_KEY (and optionally OPENAI_BASE_URL) set, a real model answers.");
  }
}
