package dev.partialjson.binding;

import static org.assertj.core.api.Assertions.assertThat;

import dev.partialjson.binding.LlmOutputsBindingTest.Answers;
import dev.partialjson.binding.LlmOutputsBindingTest.CityInfo;
import dev.partialjson.binding.LlmOutputsBindingTest.Finish;
import dev.partialjson.binding.LlmOutputsBindingTest.MathReasoning;
import dev.partialjson.binding.LlmOutputsBindingTest.NestedModel;
import dev.partialjson.binding.LlmOutputsBindingTest.Step;
import dev.partialjson.binding.LlmOutputsBindingTest.TopModel;
import dev.partialjson.binding.LlmOutputsBindingTest.Units;
import dev.partialjson.binding.LlmOutputsBindingTest.Weather;
import dev.partialjson.parser.IncrementalJsonParser;
import dev.partialjson.parser.JsonEvent;
import dev.partialjson.parser.JsonListener;
import dev.partialjson.parser.ParserOptions;
import dev.partialjson.parser.PartialJsonException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;

/**
 * Parsers and sessions share no mutable state: 10,000 runs over the llm-outputs copied here, on a
 * fixed pool of 8 threads released together by a latch, each come out exactly as the same run did
 * single-threaded beforehand: final value, violations, error, the items or values received in
 * order, and the partial value (or snapshot) in the middle of the stream and at its end.
 *
 * <p>The runs: each document bound to its record (items by callback where it has a list), to a
 * {@code Map} and to a {@code JsonNode} (every top-level member by {@code onValue}), cut in half
 * (an incomplete document), bound to records whose constraints it breaks (violations, invalid items
 * by {@code onCheckedItem}), and read by a bare parser (every event). Each run is fed in one of 8
 * deterministic splits (pieces of random lengths from a fixed seed, as bytes or as text). Every
 * target type has one {@link StreamingBinder} shared by all its sessions, and a single {@link
 * ParserOptions} instance serves every binder and every parser. The binders of the concurrent phase
 * are new ones, untouched by the single-threaded phase, so that their lazily filled caches are
 * first filled under contention.
 */
class ConcurrencyTest {
  private static final int SESSIONS = 10_000;
  private static final int THREADS = 8;
  private static final int SPLITS = 8;
  private static final ParserOptions OPTIONS = ParserOptions.builder().build();

  /** Weather with constraints the recorded answers break. */
  record TightWeather(@Size(max = 3) String city, @Max(0) BigDecimal temperature, Units units) {}

  record TightAnswer(@Size(max = 5) String label, @Size(max = 5) String answer) {}

  record TightAnswers(@NotNull @Size(max = 2) List<@Valid TightAnswer> answers) {}

  /** What one run produced; compared with {@code equals}. */
  record Outcome(
      @Nullable Object value,
      List<String> violations,
      @Nullable String error,
      List<Object> received,
      @Nullable Object middle,
      @Nullable Object end) {}

  /** The binders, one per target type; made twice, once per phase. */
  private static final class Binders {
    final Map<Class<?>, StreamingBinder<?>> records = new ConcurrentHashMap<>();
    final StreamingBinder<Map<String, Object>> map =
        StreamingBinder.builder(new GenericType<Map<String, Object>>() {})
            .parserOptions(OPTIONS)
            .build();
    // The tree type of the side under test: Jackson 2's or Jackson 3's JsonNode.
    final StreamingBinder<?> node =
        StreamingBinder.builder(Side.current().treeType()).parserOptions(OPTIONS).build();

    Binders() {
      for (Class<?> type :
          List.of(
              Weather.class,
              Answers.class,
              CityInfo.class,
              TopModel.class,
              Finish.class,
              MathReasoning.class,
              TightWeather.class,
              TightAnswers.class)) {
        records.put(type, StreamingBinder.builder(type).parserOptions(OPTIONS).build());
      }
    }

    @SuppressWarnings("unchecked")
    <T> StreamingBinder<T> of(Class<T> type) {
      return (StreamingBinder<T>) Objects.requireNonNull(records.get(type), type.getName());
    }
  }

  /** One kind of run over one document. */
  private interface Job {
    Outcome run(Binders binders, List<Object> pieces);

    String document();
  }

  @Test
  void tenThousandConcurrentSessionsComeOutAsEachDidAlone(TestReporter reporter) throws Exception {
    List<Job> jobs = jobs();
    List<List<List<Object>>> splits = new ArrayList<>();
    for (Job job : jobs) {
      List<List<Object>> perSeed = new ArrayList<>();
      for (int seed = 0; seed < SPLITS; seed++) {
        perSeed.add(pieces(read(job.document()), seed));
      }
      splits.add(perSeed);
    }
    Binders alone = new Binders();
    Outcome[][] expected = new Outcome[jobs.size()][SPLITS];
    for (int j = 0; j < jobs.size(); j++) {
      for (int seed = 0; seed < SPLITS; seed++) {
        expected[j][seed] = jobs.get(j).run(alone, splits.get(j).get(seed));
      }
    }

    Binders shared = new Binders();
    Outcome[] results = new Outcome[SESSIONS];
    AtomicInteger next = new AtomicInteger();
    CountDownLatch ready = new CountDownLatch(THREADS);
    CountDownLatch start = new CountDownLatch(1);
    Set<String> threads = ConcurrentHashMap.newKeySet();
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    try {
      List<Future<?>> workers = new ArrayList<>();
      for (int t = 0; t < THREADS; t++) {
        workers.add(
            pool.submit(
                () -> {
                  ready.countDown();
                  start.await();
                  threads.add(Thread.currentThread().getName());
                  for (int i = next.getAndIncrement(); i < SESSIONS; i = next.getAndIncrement()) {
                    int j = i % jobs.size();
                    int seed = (i / jobs.size()) % SPLITS;
                    results[i] = jobs.get(j).run(shared, splits.get(j).get(seed));
                  }
                  return null;
                }));
      }
      ready.await();
      start.countDown();
      for (Future<?> worker : workers) {
        worker.get(); // rethrows what a worker threw
      }
    } finally {
      pool.shutdown();
    }

    List<String> mismatches = new ArrayList<>();
    int errors = 0;
    int violations = 0;
    for (int i = 0; i < SESSIONS; i++) {
      int j = i % jobs.size();
      Outcome want = expected[j][(i / jobs.size()) % SPLITS];
      if (!want.equals(results[i]) && mismatches.size() < 5) {
        mismatches.add("session " + i + " (" + jobs.get(j) + "): " + results[i] + " != " + want);
      }
      errors += want.error() == null ? 0 : 1;
      violations += want.violations().size();
    }
    String report =
        SESSIONS
            + " sessions of "
            + jobs.size()
            + " runs x "
            + SPLITS
            + " splits on "
            + threads.size()
            + " threads; "
            + errors
            + " ended in an error, "
            + violations
            + " violations";
    reporter.publishEntry("concurrency", report);
    System.out.println("ConcurrencyTest: " + report);
    assertThat(mismatches).as("sessions that differ from the single-threaded run").isEmpty();
    assertThat(threads).hasSize(THREADS);
    assertThat(errors).as("runs that end in an error are among them").isPositive();
    assertThat(violations).as("runs with violations are among them").isPositive();
  }

  private static List<Job> jobs() {
    List<Job> jobs = new ArrayList<>();
    for (String file : List.of("0002", "0004", "0005")) {
      jobs.add(typed(file, Weather.class, null, null));
      jobs.add(typed(file, TightWeather.class, null, null));
    }
    for (String file : List.of("0082", "0087", "0090", "0092", "0095")) {
      jobs.add(typed(file, Answers.class, "$.answers[*]", LlmOutputsBindingTest.Answer.class));
      jobs.add(typed(file, TightAnswers.class, "$.answers[*]", TightAnswer.class));
    }
    for (String file : List.of("0127", "0129", "0132", "0133", "0135", "0138", "0143", "0148")) {
      jobs.add(typed(file, CityInfo.class, null, null));
    }
    for (String file : List.of("0204", "0205")) {
      jobs.add(typed(file, TopModel.class, "$.pages[*].items[*]", NestedModel.class));
    }
    for (String file : List.of("0011", "0014", "0016", "0020")) {
      jobs.add(typed(file, Finish.class, null, null));
    }
    jobs.add(typed("0010", MathReasoning.class, "$.steps[*]", Step.class));
    for (String file : files()) {
      jobs.add(untyped(file, false, false));
      jobs.add(untyped(file, true, false));
      jobs.add(untyped(file, false, true));
      jobs.add(parserOnly(file));
    }
    return jobs;
  }

  /**
   * Binds {@code file} to {@code type}; with a pattern, every item with its violations (an invalid
   * one too, by {@code onCheckedItem}) is received.
   */
  private static <T> Job typed(
      String file, Class<T> type, @Nullable String pattern, @Nullable Class<?> itemType) {
    return new Job() {
      @Override
      public Outcome run(Binders binders, List<Object> pieces) {
        BindingSession<T> session = binders.of(type).open();
        List<Object> received = new ArrayList<>();
        if (pattern != null) {
          session.onCheckedItem(pattern, Objects.requireNonNull(itemType), received::add);
        }
        return drive(session, pieces, received, pieces.size());
      }

      @Override
      public String document() {
        return file;
      }

      @Override
      public String toString() {
        return file + " as " + type.getSimpleName();
      }
    };
  }

  /** Binds {@code file} to a map, or to a JsonNode receiving each member, or its first half. */
  private static Job untyped(String file, boolean node, boolean half) {
    return new Job() {
      @Override
      public Outcome run(Binders binders, List<Object> pieces) {
        List<Object> received = new ArrayList<>();
        int stop = half ? pieces.size() / 2 : pieces.size();
        if (node) {
          BindingSession<?> session = binders.node.open();
          session.onValue("$.*", Side.current().treeType(), received::add);
          return drive(session, pieces, received, stop);
        }
        return drive(binders.map.open(), pieces, received, stop);
      }

      @Override
      public String document() {
        return file;
      }

      @Override
      public String toString() {
        return file + (node ? " as JsonNode" : " as Map") + (half ? ", first half" : "");
      }
    };
  }

  /** Reads {@code file} with a bare parser: every event, and the snapshots. */
  private static Job parserOnly(String file) {
    return new Job() {
      @Override
      public Outcome run(Binders binders, List<Object> pieces) {
        List<Object> events = new ArrayList<>();
        Consumer<JsonEvent> sink = events::add;
        IncrementalJsonParser parser = IncrementalJsonParser.create(OPTIONS, JsonListener.of(sink));
        Object middle = null;
        String error = null;
        try {
          for (int p = 0; p < pieces.size(); p++) {
            feed(parser, pieces.get(p));
            if (p == pieces.size() / 2) {
              middle = parser.snapshot().value();
            }
          }
          parser.finish();
        } catch (PartialJsonException e) {
          error = e.getClass().getSimpleName() + ": " + e.getMessage();
        }
        Object end = parser.snapshot().value();
        return new Outcome(end, List.of(), error, events, middle, parser.repairs());
      }

      @Override
      public String document() {
        return file;
      }

      @Override
      public String toString() {
        return file + " by a bare parser";
      }
    };
  }

  /** Feeds {@code pieces[0, stop)} to {@code session}, then takes its result. */
  private static Outcome drive(
      BindingSession<?> session, List<Object> pieces, List<Object> received, int stop) {
    Object middle = null;
    String error = null;
    try {
      for (int p = 0; p < stop; p++) {
        Object piece = pieces.get(p);
        if (piece instanceof String text) {
          session.feed(text);
        } else {
          byte[] bytes = (byte[]) piece;
          session.feed(bytes, 0, bytes.length);
        }
        if (p == stop / 2) {
          middle = session.partial();
        }
      }
    } catch (PartialJsonException e) {
      error = "while fed: " + e;
    }
    BindingResult<?> result = session.result();
    List<String> violations = new ArrayList<>();
    for (Violation v : result.violations()) {
      violations.add(
          v.path() + " " + v.message() + " " + v.constraint().getName() + " " + v.invalidValue());
    }
    if (result.error() != null) {
      error = result.error().getClass().getSimpleName() + ": " + result.error().getMessage();
    }
    return new Outcome(result.value(), violations, error, received, middle, session.partial());
  }

  private static void feed(IncrementalJsonParser parser, Object piece) {
    if (piece instanceof String text) {
      parser.feed(text);
    } else {
      parser.feed((byte[]) piece);
    }
  }

  /**
   * Splits {@code document} into pieces of 1 to 16 (or, for every fourth seed, 1 to 64) bytes or
   * chars chosen by a generator seeded with {@code seed}: text for odd seeds, bytes for even ones.
   */
  private static List<Object> pieces(byte[] document, int seed) {
    Random random = new Random(seed * 7919L + document.length);
    int most = seed % 4 == 3 ? 64 : 16;
    List<Object> pieces = new ArrayList<>();
    if (seed % 2 == 1) {
      String text = new String(document, StandardCharsets.UTF_8);
      for (int i = 0; i < text.length(); ) {
        int n = Math.min(text.length() - i, 1 + random.nextInt(most));
        pieces.add(text.substring(i, i + n)); // may cut a surrogate pair: the parser joins it
        i += n;
      }
    } else {
      for (int i = 0; i < document.length; ) {
        int n = Math.min(document.length - i, 1 + random.nextInt(most));
        byte[] piece = new byte[n];
        System.arraycopy(document, i, piece, 0, n);
        pieces.add(piece);
        i += n;
      }
    }
    return pieces;
  }

  private static List<String> files() {
    List<String> files = new ArrayList<>();
    for (String line : new String(read("index"), StandardCharsets.UTF_8).lines().toList()) {
      int at = line.indexOf("\"file\": \"");
      if (at >= 0) {
        files.add(line.substring(at + 9, line.indexOf(".json", at)));
      }
    }
    return files;
  }

  private static byte[] read(String file) {
    String name = "/llm-outputs/" + file + (file.equals("index") ? ".jsonl" : ".json");
    try (InputStream in = ConcurrencyTest.class.getResourceAsStream(name)) {
      return Objects.requireNonNull(in, "no resource " + name).readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
