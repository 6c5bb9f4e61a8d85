package dev.partialjson.parser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.partialjson.parser.JsonDocuments.Document;
import dev.partialjson.testkit.EventLog;
import dev.partialjson.testkit.Splits;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/**
 * A {@link CursorListener} gets the events a {@link JsonListener} gets, in the same order, with a
 * {@link PathCursor} that reads as the {@link JsonPath} the other gets: segment by segment, as
 * text, through {@link PathCursor#toPath()} (one instance per value) and through {@link
 * JsonPathPattern}. With no path asked for, the events make none.
 */
class CursorListenerTest {

  @Provide
  Arbitrary<Document> documents() {
    return JsonDocuments.documents();
  }

  @Provide
  Arbitrary<List<Integer>> cuts() {
    return Arbitraries.integers().between(0, Integer.MAX_VALUE).list().ofMaxSize(40);
  }

  @Property(tries = 150)
  void cursorEventsAreTheListenersEventsUnderAnySplit(
      @ForAll("documents") Document doc, @ForAll("cuts") List<Integer> cuts) {
    EventLog expected = new EventLog();
    IncrementalJsonParser paths = IncrementalJsonParser.create(ParserOptions.strict(), expected);
    paths.feed(doc.bytes());
    paths.finish();

    List<JsonPathPattern> patterns = CursorRecorder.patterns(expected.events());
    CursorRecorder recorder = new CursorRecorder(patterns);
    IncrementalJsonParser cursor = IncrementalJsonParser.create(ParserOptions.strict(), recorder);
    ParserProperties.byteCuts(doc.bytes(), cuts).feed(cursor);
    cursor.finish();

    assertThat(recorder.log.merged()).isEqualTo(expected.merged());
    assertThat(cursor.snapshot().value()).isEqualTo(paths.snapshot().value());
  }

  @Test
  void everySplitOfTheSweepGivesTheSameEvents() {
    String document =
        "{\"tasks\": [{\"title\": \"caf\u00e9 \uD83D\uDE00\", \"done\": false, \"n\": 12.5},"
            + " {\"title\": \"b\", \"tags\": [\"x\", null, [true]]}], \"odd key\": {\"2\": []},"
            + " \"\": \"empty name\"}";
    EventLog expected = new EventLog();
    IncrementalJsonParser paths = IncrementalJsonParser.create(expected);
    paths.feed(document);
    paths.finish();
    List<JsonPathPattern> patterns = CursorRecorder.patterns(expected.events());
    patterns.add(JsonPathPattern.compile("$.tasks[*].title"));
    patterns.add(JsonPathPattern.compile("$.tasks[1].tags[*]"));
    patterns.add(JsonPathPattern.compile("$['odd key']['2']"));
    patterns.add(JsonPathPattern.compile("$['odd key'][2]"));

    for (Splits.Split split : Splits.sweep(document)) {
      CursorRecorder recorder = new CursorRecorder(patterns);
      IncrementalJsonParser cursor = IncrementalJsonParser.create(recorder);
      split.feed(cursor);
      cursor.finish();
      assertThat(recorder.log.merged()).as(split.name()).isEqualTo(expected.merged());
      assertThat(recorder.matched)
          .as(split.name())
          .contains("$.tasks[*].title at $.tasks[0].title", "$.tasks[*].title at $.tasks[1].title")
          .contains("$['odd key']['2'] at $['odd key']['2']")
          .doesNotContain("$['odd key'][2] at $['odd key']['2']");
    }
  }

  @Test
  void cursorReadsEachSegmentAndSaysWhichMistakeACallerMade() {
    List<String> seen = new ArrayList<>();
    IncrementalJsonParser parser =
        IncrementalJsonParser.create(
            new CursorListener() {
              @Override
              public void numberValue(PathCursor at, NumberView number) {
                seen.add(at.depth() + " " + at.name(0) + " " + at.arrayIndex(1) + " " + at);
                assertThat(at.isIndex(0)).isFalse();
                assertThat(at.isIndex(1)).isTrue();
                assertThatThrownBy(() -> at.arrayIndex(0))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessage("Segment 0 of " + at + " is a member name, not an array index");
                assertThatThrownBy(() -> at.name(1))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessage("Segment 1 of " + at + " is an array index, not a member name");
                assertThatThrownBy(() -> at.isIndex(2))
                    .isInstanceOf(IndexOutOfBoundsException.class)
                    .hasMessage("Index 2 out of bounds for length 2");
                assertThatThrownBy(() -> at.name(-1))
                    .isInstanceOf(IndexOutOfBoundsException.class)
                    .hasMessage("Index -1 out of bounds for length 2");
              }

              @Override
              public void endObject(PathCursor at) {
                seen.add("end " + at.depth() + " " + at);
              }
            });
    parser.feed("{\"a b\": [7, 8]}");
    parser.finish();

    assertThat(seen).containsExactly("2 a b 0 $['a b'][0]", "2 a b 1 $['a b'][1]", "end 0 $");
  }

  /**
   * The cursor grows with the nesting (its arrays start at 8 levels) and reads right at every
   * level, with paths made only at the bottom, and again after the levels are left and reentered.
   */
  @Test
  void cursorReadsDeepNestingWithoutAPathAbove() {
    int levels = 400;
    String open = "{\"k\": [".repeat(levels);
    String close = "]}".repeat(levels);
    String document = "[" + open + "\"deep\"" + close + ", " + open + "7" + close + "]";
    List<String> seen = new ArrayList<>();
    IncrementalJsonParser parser =
        IncrementalJsonParser.create(
            ParserOptions.strict(),
            new CursorListener() {
              @Override
              public void stringValue(PathCursor at, String value) {
                seen.add(at.depth() + " " + at.toPath().depth() + " " + at.name(2 * levels - 1));
              }

              @Override
              public void numberValue(PathCursor at, NumberView number) {
                seen.add(at.depth() + " " + at.arrayIndex(0) + " " + at.arrayIndex(2 * levels));
                seen.add(at.toString().equals(at.toPath().toString()) + " " + at.toPath().depth());
              }
            });
    for (int i = 0; i < document.length(); i += 7) {
      parser.feed(document.substring(i, Math.min(document.length(), i + 7)));
    }
    parser.finish();

    int depth = 2 * levels + 1; // the root array, then an object and an array per level
    assertThat(seen).containsExactly(depth + " " + depth + " k", depth + " 1 0", "true " + depth);
  }

  /**
   * A number is read only when asked, yet an exponent too large for {@code BigDecimal} fails the
   * parser at the same place, with the same error, whether or not the listener reads it.
   */
  @Test
  void aNumberTooLargeForBigDecimalFailsWhateverTheListenerReads() {
    String document = "{\"a\": [2.5e3, 1e99999999999]}";
    List<String> messages = new ArrayList<>();
    List<Object> read = new ArrayList<>();
    CursorListener reading =
        new CursorListener() {
          @Override
          public void numberValue(PathCursor at, NumberView number) {
            read.add(number.toString() + " " + number.value() + " " + number.isIntegral());
          }
        };
    for (Object listener : List.of(JsonListener.NONE, CursorListener.NONE, reading)) {
      for (Splits.Split split : Splits.sweep(document)) {
        IncrementalJsonParser parser =
            listener instanceof JsonListener json
                ? IncrementalJsonParser.create(ParserOptions.strict(), json)
                : IncrementalJsonParser.create(ParserOptions.strict(), (CursorListener) listener);
        assertThatThrownBy(() -> split.feed(parser))
            .as(split.name())
            .isInstanceOf(LimitExceededException.class)
            .satisfies(e -> messages.add(e.getMessage()));
        assertThat(parser.snapshot().value())
            .isEqualTo(Map.of("a", List.of(new BigDecimal("2.5e3"))));
      }
    }
    assertThat(messages).allMatch(messages.get(0)::equals);
    assertThat(messages.get(0))
        .startsWith("Number exponent exceeds what a BigDecimal can hold (the int range) at $.a[1]");
    assertThat(read).allMatch("2.5e3 2.5E+3 false"::equals).isNotEmpty();
  }

  @Test
  void aNumberViewKeptPastItsCallbackRefusesToBeRead() {
    NumberView[] kept = new NumberView[1];
    IncrementalJsonParser parser =
        IncrementalJsonParser.create(
            ParserOptions.strict(),
            new CursorListener() {
              @Override
              public void numberValue(PathCursor at, NumberView number) {
                kept[0] = number;
              }
            });
    parser.feed("[12, 3]");
    parser.finish();

    String message =
        "a NumberView is valid only during the callback that receives it: call value() there to"
            + " keep the number";
    assertThatThrownBy(kept[0]::value)
        .isInstanceOf(IllegalStateException.class)
        .hasMessage(message);
    assertThatThrownBy(kept[0]::isIntegral).hasMessage(message);
    assertThatThrownBy(kept[0]::toString).hasMessage(message);
  }

  @Test
  void whatACursorListenerThrowsComesOutUnchangedAndFailsTheParser() {
    IllegalStateException thrown = new IllegalStateException("the UI is gone");
    IncrementalJsonParser parser =
        IncrementalJsonParser.create(
            new CursorListener() {
              @Override
              public void stringDelta(PathCursor at, CharSequence delta) {
                throw thrown;
              }
            });
    assertThatThrownBy(() -> parser.feed("{\"a\": \"x")).isSameAs(thrown);
    assertThat(parser.snapshot().value()).isEqualTo(Map.of("a", "")); // opened, no char taken
    assertThatThrownBy(() -> parser.feed("\"}"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage(
            "the parser failed: the listener threw java.lang.IllegalStateException: the UI is gone");
  }

  @Test
  void nullListenersAreRefusedByName() {
    assertThatThrownBy(() -> IncrementalJsonParser.create((CursorListener) null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("listener == null");
    assertThatThrownBy(() -> IncrementalJsonParser.create(null, CursorListener.NONE))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("options == null");
    List<String> refused = new ArrayList<>();
    IncrementalJsonParser parser =
        IncrementalJsonParser.create(
            ParserOptions.strict(),
            new CursorListener() {
              @Override
              public void nullValue(PathCursor at) {
                refused.add(messageOf(() -> at.matches(null)));
                refused.add(messageOf(() -> at.startsWith(null)));
              }
            });
    parser.feed("null");
    parser.finish();
    assertThat(refused).containsExactly("pattern == null", "pattern == null");
  }

  private static String messageOf(Runnable call) {
    try {
      call.run();
    } catch (NullPointerException e) {
      return String.valueOf(e.getMessage());
    }
    return "nothing thrown";
  }

  /**
   * Events to a cursor listener that asks for no path and reads no number make neither a {@link
   * JsonPath} nor a {@code BigDecimal}: 100,000 decimals, fed whole, cost under a byte each, where
   * a path per value would cost 32 bytes each; the same document to a {@link JsonListener} shows
   * that the measurement sees those paths and numbers.
   */
  @Test
  void eventsWithoutPathsAllocateNoPathPerValue() throws Throwable {
    AllocatedBytes allocatedBytes = new AllocatedBytes();
    int values = 100_000;
    StringBuilder text = new StringBuilder("{\"a\": [");
    for (int i = 0; i < values; i++) {
      text.append(i == 0 ? "" : ",").append(i % 100).append(".5");
    }
    byte[] document = text.append("]}").toString().getBytes(StandardCharsets.US_ASCII);
    ParserOptions events =
        ParserOptions.builder().snapshots(ParserOptions.Snapshots.DISABLED).build();
    long[] seen = new long[1];
    CursorListener counting =
        new CursorListener() {
          @Override
          public void numberValue(PathCursor at, NumberView number) {
            seen[0] += number.isIntegral() ? -1 : at.arrayIndex(at.depth() - 1);
          }
        };
    JsonListener keeping =
        new JsonListener() {
          @Override
          public void numberValue(JsonPath path, Number value) {
            seen[0] += path.arrayIndex();
          }
        };

    long cursor = Long.MAX_VALUE;
    long path = Long.MAX_VALUE;
    for (int round = 0; round < 5; round++) { // the first rounds warm up; the quietest counts
      IncrementalJsonParser withCursor = IncrementalJsonParser.create(events, counting);
      IncrementalJsonParser withPaths = IncrementalJsonParser.create(events, keeping);
      long before = allocatedBytes.read();
      withCursor.feed(document);
      long between = allocatedBytes.read();
      withPaths.feed(document);
      long after = allocatedBytes.read();
      withCursor.finish();
      withPaths.finish();
      cursor = Math.min(cursor, between - before);
      path = Math.min(path, after - between);
    }

    assertThat(seen[0]).isEqualTo(5L * 2 * ((long) values * (values - 1) / 2));
    assertThat(path).isGreaterThan((32L + 32) * values); // a path and a BigDecimal per value
    assertThat(cursor).isLessThan(values);
  }
}
