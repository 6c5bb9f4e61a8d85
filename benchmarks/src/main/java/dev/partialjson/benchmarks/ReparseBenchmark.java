package dev.partialjson.benchmarks;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.partialjson.testkit.PrefixCloser;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * RE-PARSE: what most partial-JSON libraries do. On every delta: append it to the text so far, cut
 * and close that prefix ({@link PrefixCloser}), and parse the whole of it with Jackson into a tree.
 * The same documents and string deltas as {@link FeedBenchmark}; the score is again the time per
 * document.
 *
 * <p>The work is quadratic, so it is capped: a cell whose prefixes add up to more than {@link
 * #BUDGET} characters is refused in setup (1 MB documents, and 1-byte deltas of 100 KB), and its
 * sizes are left out of the default parameters; the report extrapolates 1 MB from 100 KB with the
 * exponent measured between 10 KB and 100 KB.
 *
 * <p>One warm-up iteration, not two: an operation at 100 KB with token deltas takes about ten
 * seconds, so an iteration is one operation, and a second one of warm-up cost the short run ten
 * seconds for a row whose ratio is read in thousands.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 1, time = 1)
@Measurement(iterations = 3, time = 1)
public class ReparseBenchmark {
  /** The most characters re-parsed in one operation, summed over every delta. */
  static final long BUDGET = 2_000_000_000L;

  private static final ObjectMapper MAPPER = new ObjectMapper();

  /** The documents and deltas of one cell. */
  @State(Scope.Benchmark)
  public static class Cell {
    @Param({"1KB", "10KB", "100KB", "corpus"})
    public String size;

    @Param({"whole", "4", "64", "tokens"})
    public String deltas;

    Input input;

    @Setup(Level.Trial)
    public void cut() {
      input = Input.of(size, deltas);
      long work = 0;
      for (Input.Document document : input.documents) {
        long text = 0;
        for (String delta : document.texts) {
          text += delta.length();
          work += text;
        }
      }
      if (work > BUDGET) {
        throw new IllegalArgumentException(
            "RE-PARSE of "
                + size
                + " in "
                + deltas
                + " deltas would parse "
                + work
                + " chars per operation, more than the cap of "
                + BUDGET);
      }
    }
  }

  /** Appends, closes and parses the whole prefix on every delta. */
  @Benchmark
  public void reparse(Cell cell, Blackhole blackhole) throws JsonProcessingException {
    PrefixCloser closer = new PrefixCloser();
    for (Input.Document document : cell.input.documents) {
      StringBuilder text = new StringBuilder();
      for (String delta : document.texts) {
        text.append(delta);
        String closed = closer.close(text);
        if (closed != null) {
          blackhole.consume(MAPPER.readTree(closed));
        }
      }
    }
  }
}
