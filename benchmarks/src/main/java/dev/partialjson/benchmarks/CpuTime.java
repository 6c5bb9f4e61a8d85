package dev.partialjson.benchmarks;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
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
 * <p>It runs the very methods JMH runs, with a {@link Blackhole}, on the same {@link Input}. Inside
 * a JVM, after {@code --rounds} warm-up rounds, each of {@code --rounds} measured rounds repeats
 * the operation (every document of the cell, from its first delta to its end) for at least 0.2 s of
 * CPU time; where a JVM runs several rows, it runs a round of each in turn, in the opposite order
 * every other round. Three ways to compare:
 *
 * <ul>
 *   <li>By default each row runs in a JVM of its own, so that one row's code does not change how
 *       the JIT compiles another's (the rows share jackson-core and most of the parser); the JVMs
 *       of the rows take turns, {@code --jvms} times each, so that slow phases of the machine fall
 *       on every row alike, and the ratio to the first row is taken turn by turn.
 *   <li>With {@code --one-jvm}, each of {@code --jvms} JVMs runs every row and the ratio to the
 *       first row is taken round by round: closer in time, so less spread by the machine, but the
 *       rows then share what the JIT learnt.
 *   <li>With {@code --baseline CLASSPATH}, each row of this build is compared with the same row of
 *       another build of the project (the class path of its {@code benchmarks} module: its classes,
 *       the parser's and binding's, and the jars they need), both run in one JVM, each build in a
 *       class loader of its own so that the JIT compiles each apart, and the ratio this build /
 *       baseline is taken round by round. This is the comparison of a change: two builds measured
 *       within a second of each other, again and again. The other build needs only a {@code
 *       FeedBenchmark} of the same shape.
 * </ul>
 *
 * <p>Printed for each row: the median of each JVM's median round, and the median and quartiles of
 * the ratios. Run the same build against itself once to see the spread a ratio has on the machine
 * at that time (a few percent when it is quiet).
 *
 * <p>What it does not measure: time spent in other threads (the garbage collector's, the JIT's), so
 * allocation weighs less here than in JMH's figures; use JMH for those, and this to tell whether a
 * change made the work of the parsing thread itself smaller.
 *
 * <p>Run (the rows are {@code limit}, {@code reference}, {@code events}, {@code eventsCursor},
 * {@code eventsText}, {@code snapshots} and {@code binding}, {@code reference} being {@link
 * Reference}, which is not a JMH row; without {@code --baseline} the first is the denominator):
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
      List.of("limit", "reference", "events", "eventsCursor", "eventsText", "snapshots", "binding");
  private static final String BLACKHOLE_PASSWORD =
      "Today's password is swordfish. I understand instantiating Blackholes directly is"
          + " dangerous.";

  private CpuTime() {}

  public static void main(String[] args) throws Exception {
    Options options = Options.parse(args);
    if (options.child) {
      for (double[] rounds : measure(options)) {
        StringBuilder line = new StringBuilder(RESULT);
        for (double round : rounds) {
          line.append(line.length() == RESULT.length() ? "" : " ").append(round);
        }
        System.out.println(line);
      }
      return;
    }
    boolean together = options.oneJvm || options.baseline != null;
    System.out.printf(
        Locale.ROOT,
        "size %s, deltas %s: %d %s %s; %d warm-up and %d measured rounds of at least %.1f s"
            + " CPU time each%n",
        options.size,
        options.deltas,
        options.jvms,
        options.jvms == 1 ? "JVM" : "JVMs",
        options.baseline != null
            ? "running every row of this build and of the baseline, a round of each in turn"
            : together ? "running every row, a round of each in turn" : "per row, taking turns",
        options.rounds,
        options.rounds,
        ROUND_NANOS / 1e9);
    int rows = options.rows.size();
    List<double[]> medians = new ArrayList<>(); // of each series, each JVM's median round
    List<List<Double>> ratios = new ArrayList<>(); // of each row
    for (int turn = 0; turn < options.jvms; turn++) {
      List<double[]> series = new ArrayList<>(); // each series' rounds, in the child's order
      if (together) {
        series.addAll(runChild(options.rows, options));
      } else {
        for (String row : options.rows) {
          series.addAll(runChild(List.of(row), options));
        }
      }
      for (int s = 0; s < series.size(); s++) {
        if (turn == 0) {
          medians.add(new double[options.jvms]);
        }
        medians.get(s)[turn] = median(series.get(s));
      }
      for (int row = 0; row < rows; row++) {
        if (turn == 0) {
          ratios.add(new ArrayList<>());
        }
        if (options.baseline != null) {
          addRatios(ratios.get(row), series.get(2 * row + 1), series.get(2 * row));
        } else if (together) {
          addRatios(ratios.get(row), series.get(row), series.get(0));
        } else {
          ratios.get(row).add(medians.get(row)[turn] / medians.get(0)[turn]);
        }
      }
    }
    print(options, medians, ratios);
  }

  private static void addRatios(List<Double> into, double[] numerator, double[] denominator) {
    for (int round = 0; round < numerator.length; round++) {
      into.add(numerator[round] / denominator[round]);
    }
  }

  private static void print(Options options, List<double[]> medians, List<List<Double>> ratios) {
    System.out.println(
        "CPU time per operation, in us: the median of the JVMs' median rounds (each JVM's after)");
    if (options.baseline != null) {
      System.out.printf(
          Locale.ROOT,
          "%-13s %-34s %-34s %s%n",
          "row",
          "baseline",
          "this build",
          "this build / baseline, round by round");
    } else {
      System.out.printf(
          Locale.ROOT,
          "%-13s %-34s %s%n",
          "row",
          "CPU time",
          "ratio to "
              + options.rows.get(0)
              + (options.oneJvm ? ", round by round" : ", JVM by JVM"));
    }
    for (int row = 0; row < options.rows.size(); row++) {
      double[] each = ratios.get(row).stream().mapToDouble(Double::doubleValue).toArray();
      String ratio =
          each.length > 3
              ? String.format(
                  Locale.ROOT,
                  "median %.3f (quartiles %.3f, %.3f)",
                  median(each),
                  quantile(each, 0.25),
                  quantile(each, 0.75))
              : String.format(Locale.ROOT, "median %.3f (%s)", median(each), list(each));
      if (options.baseline != null) {
        System.out.printf(
            Locale.ROOT,
            "%-13s %-34s %-34s %s%n",
            options.rows.get(row),
            summary(medians.get(2 * row)),
            summary(medians.get(2 * row + 1)),
            ratio);
      } else {
        System.out.printf(
            Locale.ROOT,
            "%-13s %-34s %s%n",
            options.rows.get(row),
            summary(medians.get(row)),
            ratio);
      }
    }
  }

  private static String summary(double[] medians) {
    return String.format(Locale.ROOT, "%.1f (%s)", median(medians), list(medians));
  }

  /**
   * Runs {@code rows} in a JVM of its own, with this one's class path, and returns the CPU time per
   * operation of each measured round of each series it ran: each row, or with a baseline, each row
   * of the baseline and then of this build.
   */
  private static List<double[]> runChild(List<String> rows, Options options)
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
    if (options.baseline != null) {
      command.addAll(List.of("--baseline", options.baseline));
    }
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
    int expected = rows.size() * (options.baseline != null ? 2 : 1);
    if (exit != 0 || results.size() != expected) {
      throw new IllegalStateException(
          rows + " failed (exit " + exit + "):\n" + String.join("\n", output));
    }
    return results;
  }

  /**
   * Returns the CPU time per operation, in microseconds, of each measured round of each series: a
   * round of each in turn, after as many warm-up rounds.
   */
  private static double[][] measure(Options options) throws Exception {
    List<Runnable> series = new ArrayList<>();
    if (options.baseline == null) {
      for (String row : options.rows) {
        series.add(operation(CpuTime.class.getClassLoader(), row, options));
      }
    } else {
      // each build in a loader of its own, over the platform loader: nothing of either is shared
      ClassLoader baseline = loader(options.baseline);
      ClassLoader current = loader(System.getProperty("java.class.path"));
      for (String row : options.rows) {
        series.add(operation(baseline, row, options));
        series.add(operation(current, row, options));
      }
    }
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    int n = series.size();
    double[][] micros = new double[n][options.rounds];
    for (int round = -options.rounds; round < options.rounds; round++) {
      for (int k = 0; k < n; k++) {
        int s = (round & 1) == 0 ? k : n - 1 - k; // every other round the other way round
        Runnable operation = series.get(s);
        long start = threads.getCurrentThreadCpuTime();
        long now;
        int count = 0;
        do {
          operation.run();
          count++;
          now = threads.getCurrentThreadCpuTime();
        } while (now - start < ROUND_NANOS);
        if (round >= 0) {
          micros[s][round] = (now - start) / 1e3 / count;
        }
      }
    }
    return micros;
  }

  private static ClassLoader loader(String classPath) throws MalformedURLException {
    List<URL> urls = new ArrayList<>();
    for (String entry : classPath.split(File.pathSeparator)) {
      if (!entry.isEmpty()) {
        urls.add(Path.of(entry).toUri().toURL());
      }
    }
    return new URLClassLoader(urls.toArray(new URL[0]), ClassLoader.getPlatformClassLoader());
  }

  /**
   * Returns one operation of {@code row}: the {@link FeedBenchmark} method of that name, its state
   * set up as JMH would, all as {@code loader} loads them (reflection costs a microsecond or so a
   * call, against 15 us for a 1 KB document).
   */
  private static Runnable operation(ClassLoader loader, String row, Options options)
      throws ReflectiveOperationException {
    String name = FeedBenchmark.class.getName();
    Class<?> benchmarkClass = loader.loadClass(name);
    Class<?> blackholeClass = loader.loadClass(Blackhole.class.getName());
    Object benchmark = benchmarkClass.getConstructor().newInstance();
    Object blackhole = blackholeClass.getConstructor(String.class).newInstance(BLACKHOLE_PASSWORD);
    boolean binding = row.equals("binding");
    Class<?> cellClass = loader.loadClass(name + (binding ? "$GeneratedCell" : "$Cell"));
    Object cell = cellClass.getConstructor().newInstance();
    cellClass.getField("size").set(cell, options.size);
    cellClass.getField("deltas").set(cell, options.deltas);
    cellClass.getMethod("cut").invoke(cell);
    Method method;
    Object[] arguments;
    if (binding) {
      Class<?> stateClass = loader.loadClass(name + "$Binding");
      Object state = stateClass.getConstructor().newInstance();
      stateClass.getMethod("make").invoke(state);
      method = benchmarkClass.getMethod(row, cellClass, stateClass, blackholeClass);
      arguments = new Object[] {cell, state, blackhole};
    } else {
      method = benchmarkClass.getMethod(row, cellClass, blackholeClass);
      arguments = new Object[] {cell, blackhole};
    }
    return () -> {
      try {
        method.invoke(benchmark, arguments);
      } catch (InvocationTargetException e) {
        throw new IllegalStateException(row + " failed", e.getCause());
      } catch (IllegalAccessException e) {
        throw new IllegalStateException(e);
      }
    };
  }

  private static double median(double[] values) {
    return quantile(values, 0.5);
  }

  /** Returns the {@code q} quantile of {@code values}, interpolated between the nearest two. */
  private static double quantile(double[] values, double q) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    double at = q * (sorted.length - 1);
    int below = (int) Math.floor(at);
    int above = Math.min(below + 1, sorted.length - 1);
    return sorted[below] + (at - below) * (sorted[above] - sorted[below]);
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
    String baseline;
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
            case "--baseline":
              options.baseline = value;
              break;
            default:
              throw new IllegalArgumentException(
                  "unknown option "
                      + arg
                      + ": --size, --deltas, --jvms, --rounds, --one-jvm or --baseline");
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
