package dev.partialjson.samples.web;

import dev.partialjson.samples.SampleConsole;
import java.io.PrintStream;
import java.net.URI;
import java.util.concurrent.CountDownLatch;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Serves the browser demo ({@link PlanServer}) until stopped with Ctrl-C, and prints the address to
 * open. By default a scripted plan streams token by token into a binding session, offline; with
 * {@code --model-url} (or {@code OPENAI_API_KEY} set) a model writes the plan instead. The page
 * shows the title growing, each task appearing with a mark as it closes and is validated, and the
 * final plan. From the repository root:
 *
 * <pre>
 * ./mvnw -q -pl samples -am package -DskipTests exec:java -Ddemo.mainClass=dev.partialjson.samples.web.BrowserDemo
 * </pre>
 */
public final class BrowserDemo {

  /** The pause before each token: about what a hosted model streams, slow enough to watch. */
  static final long DEFAULT_MILLIS_PER_TOKEN = 30;

  static final String DEFAULT_MODEL = "gpt-4o-mini";

  /** Where {@code OPENAI_API_KEY} is sent when {@code OPENAI_BASE_URL} is not set. */
  private static final String OPENAI = "https://api.openai.com/v1";

  private BrowserDemo() {}

  /** Runs the server until the process is stopped; exits with status 2 on a usage error. */
  public static void main(String[] args) throws InterruptedException {
    PrintStream out = SampleConsole.stdout();
    PlanServer server;
    try {
      server = start(args, out, System::getenv);
    } catch (IllegalArgumentException e) {
      out.println("error: " + e.getMessage());
      usage(out);
      System.exit(2);
      return;
    }
    if (server != null) {
      Runtime.getRuntime().addShutdownHook(new Thread(server::close));
      new CountDownLatch(1).await(); // until Ctrl-C
    }
  }

  /**
   * Starts the server that {@code args} describe (see {@code --help}) and prints its address to
   * {@code out}; returns null after printing the help. {@code environment} gives the variables
   * {@code OPENAI_API_KEY} and {@code OPENAI_BASE_URL}.
   *
   * @throws IllegalArgumentException if the arguments are wrong
   */
  static @Nullable PlanServer start(
      String[] args, PrintStream out, Function<String, @Nullable String> environment) {
    String apiKey = environment.apply("OPENAI_API_KEY");
    int port = 8080;
    long millisPerToken = DEFAULT_MILLIS_PER_TOKEN;
    String baseUrl = environment.apply("OPENAI_BASE_URL");
    String modelUrl = apiKey == null ? null : baseUrl != null ? baseUrl : OPENAI;
    String model = DEFAULT_MODEL;
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      if (arg.equals("--help") || arg.equals("-h")) {
        usage(out);
        return null;
      }
      String value = i + 1 < args.length ? args[++i] : "";
      boolean known = true;
      switch (arg) {
        case "--port":
          port = (int) Math.min(number(value), 65535);
          break;
        case "--ms-per-token":
          millisPerToken = number(value);
          break;
        case "--model-url":
          modelUrl = value;
          break;
        case "--model":
          model = value;
          break;
        default:
          known = false;
          break;
      }
      if (!known || value.isEmpty() || port < 0 || millisPerToken < 0) {
        throw new IllegalArgumentException("unknown or incomplete argument: " + arg + " " + value);
      }
    }
    PlanServer server = PlanServer.start(port, sources(modelUrl, model, apiKey, millisPerToken));
    out.println("Browser demo at " + server.uri() + " (Ctrl-C stops it)");
    if (modelUrl != null) {
      out.println("  each page load asks " + model + " at " + modelUrl);
    } else {
      for (ScriptedAnswer answer : ScriptedAnswer.values()) {
        out.printf("  %s?answer=%-10s %s%n", server.uri(), answer.id(), answer.description());
      }
    }
    return server;
  }

  private static Function<ScriptedAnswer, AnswerSource> sources(
      @Nullable String modelUrl, String model, @Nullable String apiKey, long millisPerToken) {
    if (modelUrl == null) {
      return answer -> AnswerSource.scripted(answer, millisPerToken);
    }
    ModelAnswer fromModel = new ModelAnswer(URI.create(modelUrl), model, apiKey);
    return answer -> fromModel;
  }

  private static long number(String text) {
    try {
      return Long.parseLong(text);
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  private static void usage(PrintStream out) {
    out.println("Serves a page that renders a streamed model answer as it arrives.");
    out.println();
    out.println("Options (with Maven: -Dexec.args=\"--port 9000\"):");
    out.println("  --port N           listen on 127.0.0.1:N; default 8080, 0 for any free port");
    out.println(
        "  --ms-per-token N   pause N ms before each scripted token; default "
            + DEFAULT_MILLIS_PER_TOKEN);
    out.println("  --model-url URL    ask an OpenAI-compatible server (base URL ending in /v1)");
    out.println("                     instead of playing a scripted answer; default: none, or");
    out.println("                     OPENAI_BASE_URL (else OpenAI's) when OPENAI_API_KEY is set");
    out.println("  --model NAME       the model to ask; default " + DEFAULT_MODEL);
    out.println("  --help             show this help");
  }
}
