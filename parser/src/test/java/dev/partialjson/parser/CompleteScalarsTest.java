package dev.partialjson.parser;

import static org.assertj.core.api.Assertions.assertThat;

import dev.partialjson.testkit.EventLog;
import dev.partialjson.testkit.Replay;
import dev.partialjson.testkit.Splits;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/**
 * When a scalar is complete. A literal is complete at its last letter: what follows can only make
 * the document malformed, not change the value, so it shows then (event and snapshot), whatever the
 * split, while Jackson still waits for the byte after it. A number in the middle of the stream is
 * complete only once a byte that cannot continue it arrives ({@code 12} never shows before {@code
 * 123}), and at {@code finish()} once its digits all arrived, so that a stream cut there keeps it.
 * Half a literal or a number cut short ({@code tru}, {@code -}, {@code 1.}) never shows.
 */
class CompleteScalarsTest {

  private static JsonEvent event(JsonEvent.Kind kind, String path, @Nullable Object value) {
    return new JsonEvent(kind, JsonPath.parse(path), value);
  }

  /** Feeds every piece, without finish(); returns the log. */
  private static EventLog feed(ParserOptions options, Splits.Split split, Snapshot[] last) {
    EventLog log = new EventLog();
    IncrementalJsonParser parser = IncrementalJsonParser.create(options, log);
    split.feed(parser);
    last[0] = parser.snapshot();
    return log;
  }

  @Test
  void aLiteralShowsAtItsLastLetterUnderEverySplit() {
    Map<String, Object> literals = new HashMap<>();
    literals.put("true", true);
    literals.put("false", false);
    literals.put("null", null);
    for (Map.Entry<String, Object> literal : literals.entrySet()) {
      String document = "{\"a\": " + literal.getKey();
      JsonEvent.Kind kind =
          literal.getValue() == null ? JsonEvent.Kind.NULL : JsonEvent.Kind.BOOLEAN;
      Map<String, Object> value = new HashMap<>();
      value.put("a", literal.getValue());
      for (Splits.Split split : Splits.sweep(document)) {
        Snapshot[] last = new Snapshot[1];
        EventLog log = feed(ParserOptions.strict(), split, last);
        assertThat(log.events())
            .as(document + " " + split.name())
            .containsExactly(
                event(JsonEvent.Kind.START_OBJECT, "$", null),
                event(kind, "$.a", literal.getValue()));
        assertThat(last[0].value()).as(document + " " + split.name()).isEqualTo(value);
        assertThat(last[0].isComplete(JsonPath.parse("$.a"))).isTrue();
        Replay.Outcome outcome = Replay.run(ParserOptions.strict(), split, false);
        assertThat(outcome.error())
            .as(document + " " + split.name())
            .isInstanceOfSatisfying(
                IncompleteJsonException.class,
                e -> assertThat(e.snapshot().value()).isEqualTo(value));
      }
    }
  }

  @Test
  void aLiteralDoesNotShowBeforeItsLastLetterNorTwice() {
    String document = "[true, false, null, [nul";
    byte[] bytes = document.getBytes(StandardCharsets.UTF_8);
    EventLog log = new EventLog();
    IncrementalJsonParser parser = IncrementalJsonParser.create(ParserOptions.strict(), log);
    List<Object> shown = new ArrayList<>();
    for (int i = 0; i < bytes.length; i++) {
      parser.feed(bytes, i, 1);
      shown.add(parser.snapshot().value());
    }
    List<Object> trueOnly = List.of(true);
    assertThat(shown.get(3)).isEqualTo(List.of()); // [tru
    assertThat(shown.get(4)).isEqualTo(trueOnly); // [true
    assertThat(shown.get(5)).isEqualTo(trueOnly); // [true,
    assertThat(shown.get(10)).isEqualTo(trueOnly); // [true, fals
    assertThat(shown.get(11)).isEqualTo(List.of(true, false));
    assertThat(shown.get(16)).isEqualTo(List.of(true, false)); // [true, false, nul
    assertThat(shown.get(17)).isEqualTo(java.util.Arrays.asList(true, false, null));
    assertThat(shown.get(bytes.length - 1))
        .isEqualTo(java.util.Arrays.asList(true, false, null, List.of()));
    assertThat(log.events())
        .extracting(JsonEvent::kind)
        .containsExactly(
            JsonEvent.Kind.START_ARRAY,
            JsonEvent.Kind.BOOLEAN,
            JsonEvent.Kind.BOOLEAN,
            JsonEvent.Kind.NULL,
            JsonEvent.Kind.START_ARRAY);
  }

  /**
   * A literal followed by more letters: it was complete at its last letter, and the error comes
   * after it, at the same place and in the same words, with the same events before it, whatever the
   * split (fed whole, Jackson never stops at the last letter).
   */
  @Test
  void aLiteralFollowedByLettersShowsBeforeTheErrorUnderEverySplit() {
    String unrecognized =
        "': was expecting (JSON String, Number, Array, Object or token 'null', 'true' or"
            + " 'false')";
    assertShownBeforeError(
        ParserOptions.strict(),
        "{\"a\": truex}",
        List.of("START_OBJECT $", "BOOLEAN $.a true"),
        "Unrecognized token 'truex"
            + unrecognized
            + " at $.a (offset 7, line 1, column 7) near"
            + " \"{\\\"a\\\": t\"");
    assertShownBeforeError(
        ParserOptions.strict(),
        "[nullx, 1]",
        List.of("START_ARRAY $", "NULL $[0]"),
        "Unrecognized token 'nullx"
            + unrecognized
            + " at $ (offset 2, line 1, column 2) near"
            + " \"[n\"");
    assertShownBeforeError(
        ParserOptions.strict(),
        "falsey",
        List.of("BOOLEAN $ false"),
        "Unrecognized token 'falsey"
            + unrecognized
            + " at $ (offset 1, line 1, column 1) near"
            + " \"f\"");
    // lenient: the bare word before a colon is also reported as an unquoted name, after the
    // literal, which was complete first
    assertShownBeforeError(
        ParserOptions.defaults(),
        "{\"a\": truex: 1}",
        List.of(
            "START_OBJECT $", "BOOLEAN $.a true", "REPAIR $.a UNQUOTED_NAME at offset 6 \"truex\""),
        "Unrecognized token 'truex"
            + unrecognized
            + " at $.a (offset 7, line 1, column 7) near"
            + " \"{\\\"a\\\": t\"");
    // a literal of a token too long to be quoted whole: Jackson stops reading it at 256 chars
    assertShownBeforeError(
        ParserOptions.strict(),
        "[true" + "x".repeat(600) + "]",
        List.of("START_ARRAY $", "BOOLEAN $[0] true"),
        null);
  }

  private static void assertShownBeforeError(
      ParserOptions options, String document, List<String> events, @Nullable String message) {
    String whole = null;
    for (Splits.Split split : Splits.sweep(document)) {
      Replay.Outcome outcome = Replay.run(options, split, false);
      assertThat(outcome.error())
          .as(document + " " + split.name())
          .isInstanceOf(MalformedJsonException.class);
      whole = whole == null ? outcome.error().getMessage() : whole;
      assertThat(outcome.error().getMessage()).as(document + " " + split.name()).isEqualTo(whole);
      if (message != null) {
        assertThat(outcome.error()).hasMessage(message);
      }
      assertThat(outcome.log().merged())
          .as(document + " " + split.name())
          .extracting(JsonEvent::toString)
          .isEqualTo(events);
    }
  }

  @Test
  void aRootLiteralShowsAtItsLastLetterAndEndsTheDocumentAtTheEnd() {
    for (Splits.Split split : Splits.sweep("true")) {
      EventLog log = new EventLog();
      IncrementalJsonParser parser = IncrementalJsonParser.create(ParserOptions.strict(), log);
      split.feed(parser);
      assertThat(log.events())
          .as(split.name())
          .containsExactly(event(JsonEvent.Kind.BOOLEAN, "$", true));
      assertThat(parser.snapshot().value()).as(split.name()).isEqualTo(true);
      parser.finish();
      assertThat(log.events())
          .as(split.name())
          .containsExactly(
              event(JsonEvent.Kind.BOOLEAN, "$", true),
              event(JsonEvent.Kind.DOCUMENT_END, "$", null));
      assertThat(parser.isComplete()).isTrue();
    }
  }

  @Test
  void aNumberWhoseDigitsAllArrivedIsCompleteAtTheEndUnderEverySplit() {
    assertCompletedByTheEnd(
        "{\"score\": 0.95",
        "$.score",
        new BigDecimal("0.95"),
        Map.of("score", new BigDecimal("0.95")));
    assertCompletedByTheEnd("[1, 2, 12", "$[2]", 12, List.of(1, 2, 12));
    assertCompletedByTheEnd("[-0", "$[0]", 0, List.of(0));
    assertCompletedByTheEnd(
        "{\"n\": [1e+7",
        "$.n[0]",
        new BigDecimal("1e+7"),
        Map.of("n", List.of(new BigDecimal("1e+7"))));
  }

  private static void assertCompletedByTheEnd(
      String document, String path, Number number, Object snapshot) {
    for (Splits.Split split : Splits.sweep(document)) {
      Replay.Outcome outcome = Replay.run(ParserOptions.strict(), split, false);
      assertThat(outcome.error())
          .as(document + " " + split.name())
          .isInstanceOfSatisfying(
              IncompleteJsonException.class,
              e -> {
                assertThat(e.snapshot().value()).isEqualTo(snapshot);
                assertThat(e.snapshot().isComplete(JsonPath.parse(path))).isTrue();
                assertThat(e.byteOffset()).isEqualTo(document.length());
              });
      List<JsonEvent> events = outcome.log().events();
      assertThat(events.get(events.size() - 1))
          .as(document + " " + split.name())
          .isEqualTo(event(JsonEvent.Kind.NUMBER, path, number));
    }
  }

  @Test
  void aNumberCutShortDoesNotShowAtTheEnd() {
    for (String document :
        List.of("[1, -", "[1, 2.", "[1, 3e", "[1, 4E-", "{\"a\": 1, \"b\": tru")) {
      for (Splits.Split split : Splits.sweep(document)) {
        Replay.Outcome outcome = Replay.run(ParserOptions.strict(), split, false);
        assertThat(outcome.error())
            .as(document + " " + split.name())
            .isInstanceOfSatisfying(
                IncompleteJsonException.class,
                e -> assertThat(e.snapshot().value()).isIn(List.of(1), Map.of("a", 1)));
      }
    }
  }

  @Test
  void aNumberInTheMiddleOfTheStreamWaitsForTheByteAfterIt() {
    byte[] bytes = "[123, 4".getBytes(StandardCharsets.UTF_8);
    IncrementalJsonParser parser =
        IncrementalJsonParser.create(ParserOptions.strict(), JsonListener.NONE);
    List<Object> shown = new ArrayList<>();
    for (int i = 0; i < bytes.length; i++) {
      parser.feed(bytes, i, 1);
      shown.add(parser.snapshot().value());
    }
    assertThat(shown)
        .containsExactly(
            List.of(), List.of(), List.of(), List.of(), List.of(123), List.of(123), List.of(123));
  }
}
