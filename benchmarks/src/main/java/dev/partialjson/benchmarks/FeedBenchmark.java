package dev.partialjson.benchmarks;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.async.ByteArrayFeeder;
import com.fasterxml.jackson.core.json.async.NonBlockingJsonParser;
import dev.partialjson.binding.BindingSession;
import dev.partialjson.binding.StreamingBinder;
import dev.partialjson.parser.CursorListener;
import dev.partialjson.parser.IncrementalJsonParser;
import dev.partialjson.parser.JsonListener;
import dev.partialjson.parser.JsonPath;
import dev.partialjson.parser.NumberView;
import dev.partialjson.parser.ParserOptions;
import dev.partialjson.parser.PathCursor;
import java.io.IOException;
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
 * One operation parses every document of the cell from its first delta to its end, with a new
 * parser per document, so the score is the time per document (the report divides it into time per
 * delta and MB/s). Every approach gets the same precomputed deltas; all but {@link #eventsText} get
 * them as byte slices, because LIMIT (Jackson's non-blocking parser) takes bytes only.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
public class FeedBenchmark {
  private static final JsonFactory JACKSON = new JsonFactory();
  private static final ParserOptions EVENTS =
      ParserOptions.strict().toBuilder().snapshots(ParserOptions.Snapshots.DISABLED).build();
  private static final ParserOptions SNAPSHOTS = ParserOptions.strict();

  /** The documents and deltas of one cell: {@link Input#of}({@code size()}, {@code deltas}). */
  @State(Scope.Benchmark)
  public abstract static class Cut {
    @Param({"whole", "1", "4", "64", "tokens"})
    public String deltas;

    Input input;

    abstract String size();

    @Setup(Level.Trial)
    public void cut() {
      input = Input.of(size(), deltas);
    }
  }

  /** A cell of every row but typed binding. */
  @State(Scope.Benchmark)
  public static class Cell extends Cut {
    @Param({"1KB", "10KB", "100KB", "1MB", "corpus"})
    public String size;

    @Override
    String size() {
      return size;
    }
  }

  /**
   * A cell of the typed-binding row: the generated documents only, as the corpus documents have
   * other shapes (a cell that did nothing took a fork and eleven seconds of the short run).
   */
  @State(Scope.Benchmark)
  public static class GeneratedCell extends Cut {
    @Param({"1KB", "10KB", "100KB", "1MB"})
    public String size;

    @Override
    String size() {
      return size;
    }
  }

  /**
   * LIMIT: Jackson's own non-blocking parser fed the same slices, every token pulled until it asks
   * for more input, and the text of every name and string read. Nothing built on it can be faster.
   */
  @Benchmark
  public void limit(Cell cell, Blackhole blackhole) throws IOException {
    for (Input.Document document : cell.input.documents) {
      try (NonBlockingJsonParser parser =
          (NonBlockingJsonParser) JACKSON.createNonBlockingByteArrayParser()) {
        ByteArrayFeeder feeder = parser.getNonBlockingInputFeeder();
        int start = 0;
        for (int end : document.ends) {
          feeder.feedInput(document.bytes, start, end);
          start = end;
          drain(parser, blackhole);
        }
        feeder.endOfInput();
        drain(parser, blackhole);
      }
    }
  }

  private static void drain(NonBlockingJsonParser parser, Blackhole blackhole) throws IOException {
    JsonToken token;
    while ((token = parser.nextToken()) != JsonToken.NOT_AVAILABLE && token != null) {
      if (token == JsonToken.FIELD_NAME || token == JsonToken.VALUE_STRING) {
        blackhole.consume(parser.getText());
      } else {
        blackhole.consume(token);
      }
    }
  }

  /**
   * REFERENCE: the events of {@link #events} made the simplest way on Jackson's parser, with none
   * of the parser's checks (see {@link Reference}). Not a JMH row, so that the short run stays
   * short: {@link CpuTime} runs it as the row {@code reference}, beside {@code limit} and {@code
   * events}, to tell how much of the events row's time goes beyond reporting the events.
   */
  public void reference(Cell cell, Blackhole blackhole) throws IOException {
    Consumer listener = new Consumer(blackhole);
    for (Input.Document document : cell.input.documents) {
      new Reference(listener).parse(document);
    }
  }

  /** partialjson, events only (strict JSON, snapshots disabled), fed byte slices. */
  @Benchmark
  public void events(Cell cell, Blackhole blackhole) {
    Consumer listener = new Consumer(blackhole);
    for (Input.Document document : cell.input.documents) {
      IncrementalJsonParser parser = IncrementalJsonParser.create(EVENTS, listener);
      int start = 0;
      for (int end : document.ends) {
        parser.feed(document.bytes, start, end - start);
        start = end;
      }
      parser.finish();
    }
  }

  /**
   * As {@link #events}, to a {@link CursorListener}: the same events with the path read in place,
   * so that no {@code JsonPath} is made (the listener reads each path's depth).
   */
  @Benchmark
  public void eventsCursor(Cell cell, Blackhole blackhole) {
    CursorConsumer listener = new CursorConsumer(blackhole);
    for (Input.Document document : cell.input.documents) {
      IncrementalJsonParser parser = IncrementalJsonParser.create(EVENTS, listener);
      int start = 0;
      for (int end : document.ends) {
        parser.feed(document.bytes, start, end - start);
        start = end;
      }
      parser.finish();
    }
  }

  /** As {@link #events}, fed the same deltas as strings, as model SDKs hand them out. */
  @Benchmark
  public void eventsText(Cell cell, Blackhole blackhole) {
    Consumer listener = new Consumer(blackhole);
    for (Input.Document document : cell.input.documents) {
      IncrementalJsonParser parser = IncrementalJsonParser.create(EVENTS, listener);
      for (String text : document.texts) {
        parser.feed(text);
      }
      parser.finish();
    }
  }

  /**
   * partialjson with a snapshot taken, and its value consumed, after every delta. Its warm-up is
   * longer than the others': on two cores it takes about six seconds to settle (one-second
   * iterations of the 100 KB cell: 15.5, 8.0, 7.6, 7.1, then 3.6 ms per document), so two warm-up
   * iterations reported a ratio of 12 where three forks of five measured 2.8.
   */
  @Benchmark
  @Warmup(iterations = 6, time = 1)
  public void snapshots(Cell cell, Blackhole blackhole) {
    Consumer listener = new Consumer(blackhole);
    for (Input.Document document : cell.input.documents) {
      IncrementalJsonParser parser = IncrementalJsonParser.create(SNAPSHOTS, listener);
      int start = 0;
      for (int end : document.ends) {
        parser.feed(document.bytes, start, end - start);
        start = end;
        blackhole.consume(parser.snapshot().value());
      }
      parser.finish();
    }
  }

  /** The binder of the typed-binding row: made once, thread-safe, shared by every session. */
  @State(Scope.Benchmark)
  public static class Binding {
    StreamingBinder<Answer> binder;

    @Setup(Level.Trial)
    public void make() {
      binder = StreamingBinder.builder(Answer.class).parserOptions(EVENTS).build();
    }
  }

  /**
   * Typed binding: a {@link StreamingBinder} session per document (strict JSON, snapshots disabled,
   * as {@link #events}), fed the same byte slices; each item of {@code $.sections[*].items[*]} is
   * bound to {@link Answer.Item} and validated as it closes and handed to the blackhole, each
   * section is validated as it closes (it is a cascaded list item), and the final {@link Answer}
   * returned by {@code complete()} (bound from the recorded tokens, validated) is consumed. Only
   * for the generated documents (see {@link GeneratedCell}): the corpus documents have unrelated
   * shapes, so if {@code -p size=corpus} asks for them anyway this does nothing, and its score is
   * that of an empty method.
   *
   * <p>Its warm-up is longer than the others' too: Jackson's databind and Hibernate Validator have
   * much code to compile, and with two warm-up iterations the first measured ones were still
   * falling (one-second iterations from the start, 1 KB: 152, 93, 77, 72, 59, 58, 53, then 35 to 43
   * us per document; 100 KB: 11.5, 5.7, then 3.4 to 4.3 ms).
   */
  @Benchmark
  @Warmup(iterations = 8, time = 1)
  public void binding(GeneratedCell cell, Binding binding, Blackhole blackhole) {
    if (cell.size.equals("corpus")) {
      return;
    }
    for (Input.Document document : cell.input.documents) {
      try (BindingSession<Answer> session = binding.binder.open()) {
        session.onItem("$.sections[*].items[*]", Answer.Item.class, blackhole::consume);
        int start = 0;
        for (int end : document.ends) {
          session.feed(document.bytes, start, end - start);
          start = end;
        }
        blackhole.consume(session.complete());
      }
    }
  }

  /** As {@link Consumer}, for a {@link CursorListener}: consumes each path's depth. */
  static final class CursorConsumer implements CursorListener {
    private final Blackhole blackhole;

    CursorConsumer(Blackhole blackhole) {
      this.blackhole = blackhole;
    }

    @Override
    public void startObject(PathCursor at) {
      blackhole.consume(at.depth());
    }

    @Override
    public void endObject(PathCursor at) {
      blackhole.consume(at.depth());
    }

    @Override
    public void startArray(PathCursor at) {
      blackhole.consume(at.depth());
    }

    @Override
    public void endArray(PathCursor at) {
      blackhole.consume(at.depth());
    }

    @Override
    public void stringDelta(PathCursor at, CharSequence delta) {
      blackhole.consume(at.depth());
      blackhole.consume(delta.length());
    }

    @Override
    public void stringValue(PathCursor at, String value) {
      blackhole.consume(at.depth());
      blackhole.consume(value);
    }

    @Override
    public void numberValue(PathCursor at, NumberView number) {
      blackhole.consume(at.depth());
      blackhole.consume(number.isIntegral()); // as LIMIT, which reads no number
    }

    @Override
    public void booleanValue(PathCursor at, boolean value) {
      blackhole.consume(at.depth());
      blackhole.consume(value);
    }

    @Override
    public void nullValue(PathCursor at) {
      blackhole.consume(at.depth());
    }

    @Override
    public void documentEnd() {
      blackhole.consume(true);
    }
  }

  /** Consumes every callback, so that the JIT cannot drop the work that produces it. */
  static final class Consumer implements JsonListener {
    private final Blackhole blackhole;

    Consumer(Blackhole blackhole) {
      this.blackhole = blackhole;
    }

    @Override
    public void startObject(JsonPath path) {
      blackhole.consume(path);
    }

    @Override
    public void endObject(JsonPath path) {
      blackhole.consume(path);
    }

    @Override
    public void startArray(JsonPath path) {
      blackhole.consume(path);
    }

    @Override
    public void endArray(JsonPath path) {
      blackhole.consume(path);
    }

    @Override
    public void stringDelta(JsonPath path, CharSequence delta) {
      blackhole.consume(path);
      blackhole.consume(delta.length());
    }

    @Override
    public void stringValue(JsonPath path, String value) {
      blackhole.consume(path);
      blackhole.consume(value);
    }

    @Override
    public void numberValue(JsonPath path, Number value) {
      blackhole.consume(path);
      blackhole.consume(value);
    }

    @Override
    public void booleanValue(JsonPath path, boolean value) {
      blackhole.consume(path);
      blackhole.consume(value);
    }

    @Override
    public void nullValue(JsonPath path) {
      blackhole.consume(path);
    }

    @Override
    public void documentEnd() {
      blackhole.consume(true);
    }
  }
}
