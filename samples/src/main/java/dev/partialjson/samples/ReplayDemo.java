package dev.partialjson.samples;

import dev.partialjson.embeddedmodel.EmbeddedModel;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Replays recorded model streams through {@link dev.partialjson.parser.IncrementalJsonParser} and
 * prints each delta as it arrives, followed by the parser events it caused, each with its JSON
 * path; then each document's final value, or why it is incomplete and what did arrive. Runs
 * offline: the embedded model replays the recorded streams, and openai-java or anthropic-java reads
 * them, as an application would. From the repository root:
 *
 * <pre>
 * ./mvnw -q -pl samples -am package -DskipTests exec:java -Ddemo.mainClass=dev.partialjson.samples.ReplayDemo
 * ./mvnw -q -pl samples -am package -DskipTests exec:java -Ddemo.mainClass=dev.partialjson.samples.ReplayDemo -Dexec.args="--stream anthropic-max-tokens"
 * </pre>
 */
public final class ReplayDemo {

  /** The pause between deltas when a person watches in a terminal, so the stream is visible. */
  static final long TERMINAL_DELAY_MILLIS = 15;

  private ReplayDemo() {}

  /** Runs the demo on standard output; exits with status 2 on a usage error. */
  public static void main(String[] args) {
    PrintStream out = SampleConsole.stdout();
    int status = run(args, out, System.console() != null ? TERMINAL_DELAY_MILLIS : 0);
    out.flush();
    if (status != 0) {
      System.exit(status);
    }
  }

  /**
   * Runs the demo with {@code args} (see {@code --help}), printing to {@code out}, with no pause
   * between deltas unless {@code --delay-ms} asks for one.
   *
   * @return 0 on success, 2 if the arguments are wrong
   */
  public static int run(String[] args, PrintStream out) {
    return run(args, out, 0);
  }

  static int run(String[] args, PrintStream out, long defaultDelayMillis) {
    List<Recording> recordings = new ArrayList<>(Arrays.asList(Recording.values()));
    long delay = defaultDelayMillis;
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      if (arg.equals("--help") || arg.equals("-h")) {
        usage(out);
        return 0;
      }
      if (i + 1 == args.length || !(arg.equals("--stream") || arg.equals("--delay-ms"))) {
        return usageError(out, "unknown or incomplete argument: " + arg);
      }
      String value = args[++i];
      if (arg.equals("--stream")) {
        Optional<Recording> chosen = Recording.byId(value);
        if (chosen.isEmpty() && !value.equals("all")) {
          return usageError(out, "no stream named " + value);
        }
        recordings = chosen.map(List::of).orElse(Arrays.asList(Recording.values()));
      } else {
        try {
          delay = Long.parseLong(value);
        } catch (NumberFormatException e) {
          delay = -1;
        }
        if (delay < 0) {
          return usageError(out, "--delay-ms takes a number of milliseconds >= 0: " + value);
        }
      }
    }
    try (EmbeddedModel model = EmbeddedModel.start()) {
      for (Recording recording : recordings) {
        new Replay(out, delay).play(recording, model);
        if (Thread.currentThread().isInterrupted()) {
          break;
        }
      }
    }
    return 0;
  }

  private static int usageError(PrintStream out, String problem) {
    out.println("error: " + problem);
    usage(out);
    return 2;
  }

  private static void usage(PrintStream out) {
    out.println("Replays recorded model streams through partialjson's IncrementalJsonParser.");
    out.println();
    out.println("Options (with Maven: -Dexec.args=\"--stream anthropic-max-tokens\"):");
    out.println("  --stream NAME    replay one stream; default: all, in the order below");
    out.println(
        "  --delay-ms N     pause N ms before each delta; default: "
            + TERMINAL_DELAY_MILLIS
            + " in a terminal, else 0");
    out.println("  --help           show this help");
    out.println();
    out.println("Streams:");
    for (Recording recording : Recording.values()) {
      out.printf("  %-28s %s%n", recording.id(), recording.description());
    }
  }
}
