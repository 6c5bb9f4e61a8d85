package dev.partialjson.embeddedmodel;

import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;

/**
 * Runs the embedded model as a program: {@code java -jar
 * partialjson-embedded-model-<version>-standalone.jar --port 8080} prints the base URL and serves
 * until the process is killed. Options: {@code --port N} (default 0, a free port), {@code --seed N}
 * (default 0), {@code --pace-ms N} (pause after each token, default 0), {@code --help}. A bad
 * argument prints what is wrong and exits with status 2; a port that cannot be bound exits with
 * status 1.
 */
public final class Standalone {
  private Standalone() {}

  /** Parsed command-line options. */
  record Options(int port, long seed, Duration pace, boolean help) {}

  /**
   * Starts the model and waits until the process ends.
   *
   * @param args the command line, as in the class description
   */
  public static void main(String[] args) throws InterruptedException {
    Options options;
    try {
      options = parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println("error: " + e.getMessage());
      System.err.println("Run with --help for the options.");
      System.exit(2);
      return;
    }
    if (options.help()) {
      help(System.out);
      return;
    }
    EmbeddedModel model;
    try {
      model =
          EmbeddedModel.builder()
              .port(options.port())
              .seed(options.seed())
              .pace(options.pace())
              .start();
    } catch (UncheckedIOException e) {
      System.err.println("error: " + e.getMessage());
      System.exit(1);
      return;
    }
    Runtime.getRuntime().addShutdownHook(new Thread(model::close, "embedded-model-shutdown"));
    started(model, System.out);
    new CountDownLatch(1).await(); // serve until killed
  }

  /**
   * Returns the options in {@code args}.
   *
   * @throws IllegalArgumentException naming the argument that is wrong and why
   */
  static Options parse(String[] args) {
    int port = 0;
    long seed = 0;
    Duration pace = Duration.ZERO;
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      switch (arg) {
        case "--help", "-h" -> {
          return new Options(port, seed, pace, true);
        }
        case "--port" -> {
          long value = number(arg, args, ++i);
          if (value < 0 || value > 65_535) {
            throw new IllegalArgumentException("--port must be 0..65535, not " + value);
          }
          port = (int) value;
        }
        case "--seed" -> seed = number(arg, args, ++i);
        case "--pace-ms" -> {
          long value = number(arg, args, ++i);
          if (value < 0) {
            throw new IllegalArgumentException("--pace-ms must be 0 or more, not " + value);
          }
          pace = Duration.ofMillis(value);
        }
        default -> throw new IllegalArgumentException("unknown argument: " + arg);
      }
    }
    return new Options(port, seed, pace, false);
  }

  private static long number(String option, String[] args, int at) {
    if (at >= args.length) {
      throw new IllegalArgumentException(option + " needs a number after it");
    }
    try {
      return Long.parseLong(args[at]);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(option + " needs a whole number, not '" + args[at] + "'");
    }
  }

  /** Prints where the started model listens and how to use it. */
  static void started(EmbeddedModel model, PrintStream out) {
    out.println(model.baseUrl());
    out.println("The embedded model is listening (Ctrl-C stops it).");
    out.println("  OpenAI base URL:    " + model.openAiBaseUrl());
    out.println("  Anthropic base URL: " + model.anthropicBaseUrl());
    out.println("  Scenarios (model embedded/<id> or header X-Embedded-Model-Scenario):");
    for (Scenario scenario : Scenario.values()) {
      if (scenario != Scenario.REPLAY) {
        out.printf("    %-18s %s%n", scenario.id(), scenario.description());
      }
    }
    out.println(
        "  Replays: model embedded/replay/<name>, "
            + Recording.values().length
            + " recordings, such as "
            + Recording.CHAT_STRUCTURED_OUTPUT.model());
    out.flush();
  }

  static void help(PrintStream out) {
    out.println("Usage: java -jar partialjson-embedded-model-<version>-standalone.jar [options]");
    out.println();
    out.println("An offline language model on 127.0.0.1 that speaks OpenAI Chat Completions,");
    out.println("OpenAI Responses and Anthropic Messages, streamed or whole, and answers to the");
    out.println("request's JSON schema. Prints its base URL, then serves until killed.");
    out.println();
    out.println("Options:");
    out.println("  --port N      the port to listen on (default 0: a free port)");
    out.println("  --seed N      the seed of the answers (default 0)");
    out.println("  --pace-ms N   milliseconds to wait after each token (default 0)");
    out.println("  --help        print this and exit");
    out.println();
    out.println("Scenarios (model embedded/<id> or header X-Embedded-Model-Scenario: <id>):");
    for (Scenario scenario : Scenario.values()) {
      if (scenario != Scenario.REPLAY) {
        out.printf("  %-18s %s%n", scenario.id(), scenario.description());
      }
    }
    out.println();
    out.println("Replays (model embedded/replay/<name>):");
    for (Recording recording : Recording.values()) {
      out.printf("  %-42s %s%n", recording.id(), recording.path());
    }
    out.flush();
  }
}
