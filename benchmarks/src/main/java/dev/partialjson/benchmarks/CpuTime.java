package dev.partialjson.benchmarks;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Compares the rows of {@link FeedBenchmark} by the CPU time of the thread that runs them, for
 * before-and-after comparisons on a shared machine. JMH measures wall-clock time, and on a virtual
 * machine whose host runs other guests a fork can lose a third of its time to other work (the
 * {@code steal} column of {@code /proc/stat} grows by seconds per minute), so forks of one JMH run
 * can differ by more than the change being measured. The kernel does not count stolen time, nor
 * other processes' time, into a thread's CPU time.
 *
 * <p>It runs the very methods JMH runs, with a {@link Blackhole}, on the same {@link Input}. By
 * default each row runs in a JVM of its own, so that one row's code does not change how the JIT
 * compiles another's (the rows share jackson-core and most of the parser); the JVMs of the rows
 * take turns, {@code --jvms} times each, so that slow phases of the machine fall on every row
 * alike, and the ratio to the first row is taken turn by turn. With {@code --one-jvm}, each of
 * {@code --jvms} JVMs runs every row, a round of each in turn, and the ratio is taken round by
 * round: closer in time, so less spread by the machine, but the rows then share what the JIT
 * learnt. Inside a JVM, after {@code --rounds} warm-up rounds, each of {@code --rounds} measured
 * rounds repeats the operation (every document of the cell, from its first delta to its end) for at
 * least 0.2 s of CPU time. Printed are the median of each JVM's median round and the median of the
 * ratios.
 *
 * <p>What it does not measure: time spent in other threads (the garbage collector's, the JIT's), so
 * allocation weighs less here than in JMH's figures; use JMH for those, and this to tell whether a
 * change made the work of the parsing thread itself smaller.
 *
 * <p>Run (the rows are {@code limit}, {@code events}, {@code eventsText}, {@code snapshots} and
 * {@code binding}; the first is the denominator):
 *
 * <pre>{@code
 * ./mvnw -q -pl benchmarks -am package -Dmaven.test.skip=true exec:exec@cpu \
 *     -Dcpu.args="--size 100KB --deltas tokens --jvms 3 --rounds 10 limit events snapshots"
 * }</pre>
 */
public final class CpuTime {
  private static final long ROUND_NANOS = 200_000_000L;
  private static final String RESULT = "cpu-time-per-operation-us ";
  private static final List<String> ROWS =
      List.of("limit", "events", "eventsText", "snapshots", "binding");

  private CpuTime() {}

  public static void main(String[] args) throws Exception {
    Options options = Options.parse(args);
    if (options.child) {
      double[][] rounds = measure(options.rows, options);
      for (int row = 0; row < rounds.length; row++) {
        StringBuilder line = new StringBuilder(RESULT);
        for (double round : rounds[row]) {
          line.append(line.length() == RESULT.length() ? "" : " ").append(round);
        }
        System.out.println(line);
      }
      return;
    }
    System.out.printf(
        Locale.ROOT,
        "size %s, deltas %s: %d JVMs %s; %d warm-up and %d measured rounds of at least %.1f s"
            + " CPU time each%n",
        options.size,
        options.deltas,
        options.jvms,
        options.oneJvm ? "running every row, a round of each in turn" : "per row, taking turns",
        options.rounds,
        options.rounds,
        ROUND_NANOS / 1e9);
    int rows = options.rows.size();
    double[][] micros = new double[rows][options.jvms]; // each JVM's median round
    List<List<Double>> ratios = new ArrayList<>();
    for (int row = 0; row < rows; row++) {
      ratios.add(new ArrayList<>());
    }
    for (int turn = 0; turn < options.jvms; turn++) {
      double[][] rounds = new double[rows][];
      if (options.oneJvm) {
        rounds = runChild(options.rows, options);
      } else {
        for (int row = 0; row < rows; row++) {
          rounds[row] = runChild(List.of(options.rows.get(row)), options)[0];
        }
      }
      for (int row = 0; row < rows; row++) {
        micros[row][turn] = median(rounds[row]);
        if (options.oneJvm) {
          for (int round = 0; round < options.rounds; round++) {
            ratios.get(row).add(rounds[row][round] / rounds[0][round]);
          }
        } else {
          ratios.get(row).add(micros[row][turn] / micros[0][turn]);
        }
      }
    }
    String first = options.rows.get(0);
    System.out.printf(
        Locale.ROOT,
        "%-11s %-40s %s%n",
        "row",
        "CPU us per operation (each JVM's median)",
        "ratio to " + first + (options.oneJvm ? ", round by round" : ", JVM by JVM"));
    for (int row = 0; row < rows; row++) {
      double[] each = ratios.get(row).stream().mapToDouble(Double::doubleValue).toArray();
      System.out.printf(
          Locale.ROOT,
          "%-11s %-40s median %.3f (%s)%n",
          options.rows.get(row),
          String.format(Locale.ROOT, "%.1f (%s)", median(micros[row]), list(micros[row])),
          median(each),
          options.oneJvm
              ? String.format(Locale.ROOT, "%.3f to %.3f", min(each), max(each))
              : list(each));
    }
  }

  /**
   * Runs {@code rows} in a JVM of its own, with this one's class path, and returns the CPU time per
   * operation of each measured round of each row.
   */
  private static double[][] runChild(List<String> rows, Options options)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(List.of("-Xms1g", "-Xmx1g", "-XX:+AlwaysPreTouch"));
    command.addAll(List.of("-cp", System.getProperty("java.class.path")));
    command.add(CpuTime.class.getName());
    command.addAll(
        List.of(
            "--child",
            "--size",
            options.size,
            "--deltas",
            options.deltas,
            "--rounds",
            Integer.toString(options.rounds)));
    command.addAll(rows);
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    List<double[]> results = new ArrayList<>();
    List<String> output = new ArrayList<>();
    try (BufferedReader reader =
        new BufferedReader(
            new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line; (line = reader.readLine()) != null; ) {
        if (line.startsWith(RESULT)) {
          results.add(
              Arrays.stream(line.substring(RESULT.length()).split(" "))
                  .mapToDouble(Double::parseDouble)
                  .toArray());
        } else {
          output.add(line);
        }
      }
    }
    int exit = process.waitFor();
    if (exit != 0 || results.size() != rows.size()) {
      throw new IllegalStateException(
          rows + " failed (exit " + exit + "):\n" + String.join("\n", output));
    }
    return results.toArray(new double[0][]);
  }

  /**
   * Returns the CPU time per operation, in microseconds, of each measured round of each of {@code
   * rows}: a round of each row in turn, after as many warm-up rounds.
   */
  private static double[][] measure(List<String> rows, Options options) {
    Blackhole blackhole =
        new Blackhole(
            "Today's password is swordfish. I understand instantiating Blackholes directly is"
                + " dangerous.");
    List<Runnable> operations = new ArrayList<>();
    for (String row : rows) {
      operations.add(operation(row, options, blackhole));
    }
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    double[][] micros = new double[rows.size()][options.rounds];
    for (int round = -options.rounds; round < options.rounds; round++) {
      for (int row = 0; row < rows.size(); row++) {
        Runnable operation = operations.get(row);
        long start = threads.getCurrentThreadCpuTime();
        long now;
        int count = 0;
        do {
          operation.run();
          count++;
          now = threads.getCurrentThreadCpuTime();
        } while (now - start < ROUND_NANOS);
        if (round >= 0) {
          micros[row][round] = (now - start) / 1e3 / count;
        }
      }
    }
    return micros;
  }

  private static Runnable operation(String row, Options options, Blackhole blackhole) {
    FeedBenchmark benchmark = new FeedBenchmark();
    if (row.equals("binding")) {
      FeedBenchmark.GeneratedCell cell = new FeedBenchmark.GeneratedCell();
      cell.size = options.size;
      cell.deltas = options.deltas;
      cell.cut();
      FeedBenchmark.Binding binding = new FeedBenchmark.Binding();
      binding.make();
      return () -> benchmark.binding(cell, binding, blackhole);
    }
    FeedBenchmark.Cell cell = new FeedBenchmark.Cell();
    cell.size = options.size;
    cell.deltas = options.deltas;
    cell.cut();
    switch (row) {
      case "limit":
        return () -> {
          try {
            benchmark.limit(cell, blackhole);
          } catch (IOException e) {
            throw new IllegalStateException(e);
          }
        };
      case "events":
        return () -> benchmark.events(cell, blackhole);
      case "eventsText":
        return () -> benchmark.eventsText(cell, blackhole);
      case "snapshots":
        return () -> benchmark.snapshots(cell, blackhole);
      default:
        throw new IllegalArgumentException("no row " + row + ": " + ROWS);
    }
  }

  private static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int n = sorted.length;
    return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  }

  private static double min(double[] values) {
    return Arrays.stream(values).min().orElse(Double.NaN);
  }

  private static double max(double[] values) {
    return Arrays.stream(values).max().orElse(Double.NaN);
  }

  private static String list(double[] values) {
    StringBuilder out = new StringBuilder();
    for (double value : values) {
      out.append(out.length() == 0 ? "" : " ")
          .append(String.format(Locale.ROOT, value < 100 ? "%.3f" : "%.1f", value));
    }
    return out.toString();
  }

  /** The command line: options, then the rows. */
  private static final class Options {
    String size = "100KB";
    String deltas = "tokens";
    int jvms = 3;
    int rounds = 10;
    boolean child;
    boolean oneJvm;
    final List<String> rows = new ArrayList<>();

    static Options parse(String[] args) {
      Options options = new Options();
      for (int i = 0; i < args.length; i++) {
        String arg = args[i];
        if (arg.equals("--child")) {
          options.child = true;
        } else if (arg.equals("--one-jvm")) {
          options.oneJvm = true;
        } else if (arg.startsWith("--")) {
          if (i + 1 == args.length) {
            throw new IllegalArgumentException(arg + " needs a value");
          }
          String value = args[++i];
          switch (arg) {
            case "--size":
              options.size = value;
              break;
            case "--deltas":
              options.deltas = value;
              break;
            case "--jvms":
              options.jvms = positive(arg, value);
              break;
            case "--rounds":
              options.rounds = positive(arg, value);
              break;
            default:
              throw new IllegalArgumentException(
                  "unknown option " + arg + ": --size, --deltas, --jvms, --rounds or --one-jvm");
          }
        } else if (ROWS.contains(arg)) {
          options.rows.add(arg);
        } else {
          throw new IllegalArgumentException("no row " + arg + ": " + ROWS);
        }
      }
      if (options.rows.isEmpty()) {
        options.rows.addAll(List.of("limit", "events", "snapshots"));
      }
      return options;
    }

    private static int positive(String name, String value) {
      int n;
      try {
        n = Integer.parseInt(value);
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(name + " takes a positive whole number: " + value, e);
      }
      if (n < 1) {
        throw new IllegalArgumentException(name + " takes a positive whole number: " + value);
      }
      return n;
    }
  }
}
