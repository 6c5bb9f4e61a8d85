package dev.partialjson.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.partialjson.parser.IncrementalJsonParser;
import dev.partialjson.parser.JsonEvent;
import dev.partialjson.parser.ParserOptions;
import dev.partialjson.testkit.EventLog;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The REFERENCE row is a yardstick for the events row only if it reports the same events: the same
 * events in the same order, each string's deltas joining to its value. {@link EventLog} checks the
 * delta rules as they come (no empty delta, no surrogate pair split between two).
 */
class ReferenceTest {

  @ParameterizedTest(name = "{0} documents, {1} deltas")
  @CsvSource({"1KB, tokens", "1KB, 1", "10KB, tokens", "10KB, 4", "10KB, 64", "10KB, whole"})
  void reportsTheEventsOfTheParserForTheGeneratedDocuments(String size, String deltas)
      throws IOException {
    Input input = Input.of(size, deltas);

    assertThat(input.documents).isNotEmpty();
    for (Input.Document document : input.documents) {
      assertThat(reference(document)).isEqualTo(parser(document));
    }
  }

  @Test
  void reportsTheEventsOfTheParserForTheCorpus() throws IOException {
    Input input = Input.of("corpus", "tokens");

    assertThat(input.documents).hasSizeGreaterThan(100);
    for (Input.Document document : input.documents) {
      assertThat(reference(document)).isEqualTo(parser(document));
    }
  }

  /**
   * A long string fills segments of Jackson's text buffer, where the reference joins the old
   * segment's tail to the new one's head; with an emoji in every 97 chars, some surrogate pair lies
   * across a segment's end. An emoji written as two escapes in every 89 chars is decoded a half at
   * a time, so short deltas end between its halves, where the reference holds the high one back.
   * Run on a new thread each time: Jackson recycles its buffers per thread, and a buffer left large
   * by an earlier document would hold the whole string in one segment.
   */
  @ParameterizedTest(name = "{0}-byte deltas")
  @CsvSource({"1", "2", "3", "5", "7", "64", "199", "200", "201", "5000"})
  void joinsSegmentsWithoutSplittingASurrogatePair(int deltaLength) throws Exception {
    StringBuilder text = new StringBuilder();
    for (int i = 0; text.length() < 4000; i++) {
      text.append(
          i % 97 == 96
              ? "\uD83D\uDE00"
              : i % 89 == 88 ? "\\uD83D\\uDE01" : i % 31 == 30 ? "\\n" : "é".repeat(i % 2) + "a");
    }
    byte[] bytes =
        ("{\"long\": \"" + text + "\", \"n\": [1, 2.5, -3e2, true, null, \"\"]}")
            .getBytes(StandardCharsets.UTF_8);
    int[] ends =
        IntStream.iterate(deltaLength, end -> end < bytes.length, end -> end + deltaLength)
            .toArray();
    Input.Document document =
        new Input.Document(
            bytes, IntStream.concat(IntStream.of(ends), IntStream.of(bytes.length)).toArray());

    List<JsonEvent> events = onNewThread(() -> reference(document));

    assertThat(events).isEqualTo(parser(document));
    assertThat(events).hasSize(13);
  }

  private static List<JsonEvent> onNewThread(Callable<List<JsonEvent>> task) throws Exception {
    ExecutorService thread = Executors.newSingleThreadExecutor();
    try {
      return thread.submit(task).get();
    } catch (ExecutionException e) {
      if (e.getCause() instanceof Error error) {
        throw error; // an AssertionError of the EventLog
      }
      throw e;
    } finally {
      thread.shutdown();
    }
  }

  private static List<JsonEvent> reference(Input.Document document) throws IOException {
    EventLog log = new EventLog();
    new Reference(log).parse(document);
    return log.merged();
  }

  private static List<JsonEvent> parser(Input.Document document) {
    EventLog log = new EventLog();
    IncrementalJsonParser parser = IncrementalJsonParser.create(ParserOptions.strict(), log);
    int start = 0;
    for (int end : document.ends) {
      parser.feed(document.bytes, start, end - start);
      start = end;
    }
    parser.finish();
    return log.merged();
  }
}
