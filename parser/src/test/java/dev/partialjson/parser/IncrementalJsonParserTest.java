package dev.partialjson.parser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.partialjson.testkit.EventLog;
import dev.partialjson.testkit.Replay;
import dev.partialjson.testkit.Splits;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class IncrementalJsonParserTest {
  private static final String PLAN =
      "{\"goal\": \"Ship\", \"tasks\": [{\"title\": \"A\\u00e9\", \"done\": true}, null], \"n\":"
          + " -1.5e3}";

  private static JsonEvent event(JsonEvent.Kind kind, String path, Object value) {
    return new JsonEvent(kind, JsonPath.parse(path), value);
  }

  @Test
  void emitsEventsByPathInDocumentOrderUnderEverySplit() {
    List<JsonEvent> expected =
        List.of(
            event(JsonEvent.Kind.START_OBJECT, "$", null),
            event(JsonEvent.Kind.STRING_DELTA, "$.goal", "Ship"),
            event(JsonEvent.Kind.STRING, "$.goal", "Ship"),
            event(JsonEvent.Kind.START_ARRAY, "$.tasks", null),
            event(JsonEvent.Kind.START_OBJECT, "$.tasks[0]", null),
            event(JsonEvent.Kind.STRING_DELTA, "$.tasks[0].title", "Aé"),
            event(JsonEvent.Kind.STRING, "$.tasks[0].title", "Aé"),
            event(JsonEvent.Kind.BOOLEAN, "$.tasks[0].done", true),
            event(JsonEvent.Kind.END_OBJECT, "$.tasks[0]", null),
            event(JsonEvent.Kind.NULL, "$.tasks[1]", null),
            event(JsonEvent.Kind.END_ARRAY, "$.tasks", null),
            event(JsonEvent.Kind.NUMBER, "$.n", new BigDecimal("-1.5e3")),
            event(JsonEvent.Kind.END_OBJECT, "$", null),
            event(JsonEvent.Kind.DOCUMENT_END, "$", null));
    for (Splits.Split split : Splits.sweep(PLAN)) {
      Replay.Outcome outcome = Replay.run(ParserOptions.strict(), split, false);
      assertThat(outcome.error()).as(split.name()).isNull();
      assertThat(outcome.log().merged()).as(split.name()).isEqualTo(expected);
    }
  }

  @Test
  void streamsAStringBeforeItsClosingQuote() {
    EventLog log = new EventLog();
    IncrementalJsonParser parser = IncrementalJsonParser.create(ParserOptions.strict(), log);
    parser.feed("{\"title\": \"Hel");
    assertThat(log.events())
        .containsExactly(
            event(JsonEvent.Kind.START_OBJECT, "$", null),
            event(JsonEvent.Kind.STRING_DELTA, "$.title", "Hel"));
    assertThat(parser.snapshot().value()).isEqualTo(Map.of("title", "Hel"));
    parser.feed("lo\"}");
    assertThat(log.events())
        .extracting(JsonEvent::kind)
        .endsWith(
            JsonEvent.Kind.STRING_DELTA,
            JsonEvent.Kind.STRING,
            JsonEvent.Kind.END_OBJECT,
            JsonEvent.Kind.DOCUMENT_END);
  }

  @Test
  void holdsBackAnEscapedHighSurrogateUntilItsLowHalfArrives() {
    EventLog log = new EventLog(); // fails on a delta ending in a high surrogate
    IncrementalJsonParser parser = IncrementalJsonParser.create(ParserOptions.strict(), log);
    parser.feed("[\"a\\uD83D");
    assertThat(parser.snapshot().value()).isEqualTo(List.of("a"));
    parser.feed("\\uDE00b\"]");
    parser.finish();
    assertThat(parser.snapshot().value()).isEqualTo(List.of("a\uD83D\uDE00b"));
  }

  @Test
  void joinsASurrogatePairSplitBetweenTwoTextDeltas() {
    String document = "{\"e\": \"x\uD83D\uDE00y\u00e9\u4e2d\"}";
    for (int cut = 0; cut <= document.length(); cut++) {
      IncrementalJsonParser parser =
          IncrementalJsonParser.create(ParserOptions.strict(), new EventLog());
      parser.feed(document.substring(0, cut));
      parser.feed(document.substring(cut));
      parser.finish();
      assertThat(parser.snapshot().value()).isEqualTo(Map.of("e", "x\uD83D\uDE00y\u00e9\u4e2d"));
    }
    IncrementalJsonParser parser =
        IncrementalJsonParser.create(ParserOptions.strict(), new EventLog());
    Splits.everyChar(document).forEach(parser::feed);
    parser.finish();
    assertThat(parser.snapshot().value()).isEqualTo(Map.of("e", "x\uD83D\uDE00y\u00e9\u4e2d"));
  }

  @Test
  void rejectsAnUnpairedSurrogateInTextRatherThanReplacingIt() {
    IncrementalJsonParser parser =
        IncrementalJsonParser.create(ParserOptions.strict(), new EventLog());
    parser.feed("[\"a\uD83D");
    assertThatThrownBy(() -> parser.feed("b\"]"))
        .isInstanceOf(MalformedJsonException.class)
        .hasMessage(
            "Unpaired surrogate U+D83D in the text: it is not Unicode and has no UTF-8 form at"
                + " $[0] (offset 3, line 1, column 4) near \"[\\\"a\"");
    assertThat(parser.snapshot().value()).isEqualTo(List.of("a"));
    IncrementalJsonParser low =
        IncrementalJsonParser.create(ParserOptions.strict(), new EventLog());
    assertThatThrownBy(() -> low.feed("[\"\uDE00\"]"))
        .hasMessageStartingWith("Unpaired surrogate U+DE00 in the text");
    IncrementalJsonParser last =
        IncrementalJsonParser.create(ParserOptions.strict(), new EventLog());
    last.feed("\"x\uD83D");
    assertThatThrownBy(last::finish)
        .hasMessageStartingWith("Unpaired surrogate U+D83D in the text");
  }

  @Test
  void streamsStringsLongerThanJacksonsSegmentsFedWholeAndInTinyPieces() {
    // 200,000 chars crosses many of Jackson's text-buffer segments (at most 64 K chars each)
    String value = "ab\\\"c\u00e9\u4e2d\uD83D\uDE00\\u00e9".repeat(20_000);
    String expected = "ab\"c\u00e9\u4e2d\uD83D\uDE00\u00e9".repeat(20_000);
    byte[] document = ("{\"s\": \"" + value + "\"}").getBytes(StandardCharsets.UTF_8);
    for (int piece : new int[] {document.length, 100_000, 4096, 199, 200, 201, 7, 1}) {
      StringBuilder deltas = new StringBuilder();
      List<String> values = new ArrayList<>();
      IncrementalJsonParser parser =
          IncrementalJsonParser.create(
              ParserOptions.strict(),
              new JsonListener() {
                @Override
                public void stringDelta(JsonPath path, CharSequence delta) {
                  deltas.append(delta);
                }

                @Override
                public void stringValue(JsonPath path, String v) {
                  values.add(v);
                }
              });
      for (int i = 0; i < document.length; i += piece) {
        parser.feed(document, i, Math.min(piece, document.length - i));
      }
      parser.finish();
      assertThat(values).as("pieces of %d", piece).containsExactly(expected);
      assertThat(deltas.toString()).as("pieces of %d", piece).isEqualTo(expected);
    }
  }

  @Test
  void readsNumbersWithoutLosingPrecision() {
    IncrementalJsonParser parser =
        IncrementalJsonParser.create(ParserOptions.strict(), JsonListener.NONE);
    parser.feed("[1, 3000000000, 123456789012345678901234567890, 0.1, 1e400, -0]");
    parser.finish();
    assertThat(parser.snapshot().value())
        .isEqualTo(
            List.of(
                1,
                3_000_000_000L,
                new BigInteger("123456789012345678901234567890"),
                new BigDecimal("0.1"),
                new BigDecimal("1e400"),
                0));
  }

  @Test
  void completesARootNumberOnlyAtTheEnd() {
    EventLog log = new EventLog();
    IncrementalJsonParser parser = IncrementalJsonParser.create(ParserOptions.strict(), log);
    parser.feed("12");
    assertThat(log.events()).isEmpty();
    parser.feed("3");
    assertThat(parser.snapshot().hasValue()).isFalse();
    parser.finish();
    assertThat(log.events())
        .containsExactly(
            event(JsonEvent.Kind.NUMBER, "$", 123), event(JsonEvent.Kind.DOCUMENT_END, "$", null));
    assertThat(parser.isComplete()).isTrue();
  }

  @Test
  void finishReportsTheOpenPathsAndKeepsWhatArrived() {
    IncrementalJsonParser parser =
        IncrementalJsonParser.create(ParserOptions.strict(), JsonListener.NONE);
    parser.feed("{\"tasks\": [{\"title\": \"Wri");
    assertThatThrownBy(parser::finish)
        .isInstanceOfSatisfying(
            IncompleteJsonException.class,
            e -> {
              assertThat(e.openPaths())
                  .extracting(JsonPath::toString)
                  .containsExactly("$", "$.tasks", "$.tasks[0]", "$.tasks[0].title");
              assertThat(e.byteOffset()).isEqualTo(25);
              assertThat(e.snapshot()).isNotNull();
              assertThat(e.snapshot().value())
                  .isEqualTo(Map.of("tasks", List.of(Map.of("title", "Wri"))));
            })
        .hasMessage(
            "Incomplete JSON: the input ended inside a string at $.tasks[0].title (offset 25, line"
                + " 1, column 26); open: $, $.tasks, $.tasks[0], $.tasks[0].title");
    assertThat(parser.snapshot().value())
        .isEqualTo(Map.of("tasks", List.of(Map.of("title", "Wri"))));
  }

  @Test
  void completesANumberCutOffByTheEndBeforeReportingTheOpenContainer() {
    IncrementalJsonParser parser =
        IncrementalJsonParser.create(ParserOptions.strict(), JsonListener.NONE);
    parser.feed("{\"a\": 1, \"b\": 12");
    assertThat(parser.snapshot().value()).isEqualTo(Map.of("a", 1)); // 12 may yet be 123
    assertThatThrownBy(parser::finish)
        .hasMessage(
            "Incomplete JSON: the input ended inside a container at $ (offset 16, line 1, column"
                + " 17); open: $");
    assertThat(parser.snapshot().value()).isEqualTo(Map.of("a", 1, "b", 12));
  }

  /**
   * Regression: a root number or literal cut short was reported as malformed (Jackson rejects it at
   * the end of input), although every byte had been accepted and the input only stopped early. Seen
   * in TruncationTest on the prefix "t" of y_structure_lonely_true.json, "-" of "-0.1".
   */
  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "t|a literal",
        "fals|a literal",
        "nul|a literal",
        "-|a number",
        "-0.|a number",
        "1.|a number",
        "1e|a number",
        "12E-|a number",
        "' -'|a number"
      })
  void aRootScalarCutShortIsIncomplete(String input, String inside) {
    for (Splits.Split split : Splits.sweep(input)) {
      Replay.Outcome outcome = Replay.run(ParserOptions.strict(), split, false);
      int length = input.getBytes(StandardCharsets.UTF_8).length;
      assertThat(outcome.error())
          .as("split '%s'", split)
          .isInstanceOfSatisfying(
              IncompleteJsonException.class,
              e -> {
                assertThat(e.openPaths()).isEmpty();
                assertThat(e.snapshot()).isNotNull();
                assertThat(e.snapshot().hasValue()).isFalse();
              })
          .hasMessage(
              "Incomplete JSON: the input ended inside "
                  + inside
                  + " at $ (offset "
                  + length
                  + ", line 1, column "
                  + (length + 1)
                  + ")");
    }
  }

  @Test
  void aByteOrderMarkCutShortIsIncomplete() {
    for (int cut = 1; cut < 3; cut++) {
      IncrementalJsonParser parser =
          IncrementalJsonParser.create(ParserOptions.strict(), JsonListener.NONE);
      parser.feed(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, 0, cut);
      assertThatThrownBy(parser::finish)
          .isInstanceOf(IncompleteJsonException.class)
          .hasMessageStartingWith("Incomplete JSON: the input ended inside a byte order mark at $");
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"tx", "fals ", "01", "-x", "1.e", "nul1"})
  void aRootScalarThatNoMoreInputCouldCompleteIsMalformed(String input) {
    for (Splits.Split split : Splits.sweep(input)) {
      Replay.Outcome outcome = Replay.run(ParserOptions.strict(), split, false);
      assertThat(outcome.error())
          .as("split '%s'", split)
          .isInstanceOf(MalformedJsonException.class);
    }
  }

  @Test
  void finishWithoutAnyValueIsIncomplete() {
    IncrementalJsonParser parser =
        IncrementalJsonParser.create(ParserOptions.strict(), JsonListener.NONE);
    parser.feed("  \n ");
    assertThatThrownBy(parser::finish)
        .isInstanceOf(IncompleteJsonException.class)
        .hasMessage(
            "No JSON value began before the end of the input at $ (offset 4, line 2, column 2)");
  }

  @Test
  void rejectsMalformedInputAtTheSameOffsetUnderEverySplit() {
    String document = "{\"a\": [1, 2,, 3]}";
    for (Splits.Split split : Splits.sweep(document)) {
      Replay.Outcome outcome = Replay.run(ParserOptions.strict(), split, false);
      assertThat(outcome.error())
          .as(split.name())
          .isInstanceOf(MalformedJsonException.class)
          .hasMessage(
              "Unexpected character (',' (code 44)): expected a valid value (JSON String, Number,"
                  + " Array, Object or token 'null', 'true' or 'false') at $.a (offset 12, line 1,"
                  + " column 13) near \"{\\\"a\\\": [1, 2,\"");
      assertThat(outcome.last().value()).as(split.name()).isEqualTo(Map.of("a", List.of(1, 2)));
    }
  }

  @Test
  void placesInvalidUtf8AtItsFirstByteUnderEverySplit() {
    // Jackson places this error at the bad sequence, after it, or at the start of the last feed,
    // depending on the split
    byte[] document = {
      '{',
      '\n',
      ' ',
      '"',
      'a',
      '"',
      ':',
      ' ',
      '1',
      ',',
      '\n',
      ' ',
      '"',
      'b',
      '"',
      ':',
      ' ',
      '"',
      'x',
      (byte) 0xE0,
      'b',
      '"',
      '}'
    };
    for (Splits.Split split : Splits.sweep(document)) {
      assertThat(Replay.run(ParserOptions.strict(), split, false).error())
          .as(split.name())
          .hasMessage(
              "Invalid UTF-8 middle byte 0x62 at $.b (offset 19, line 3, column 9) near"
                  + " \"{\\n \\\"a\\\": 1,\\n \\\"b\\\": \\\"x\"");
    }
  }

  @Test
  void rejectsAMissingValueEvenWhenTheInputIsSplitAfterTheColon() {
    // Jackson 2.22 accepts {"a":} as {} when fed in two pieces split after the colon
    for (String document :
        List.of("{\"a\":}", "[{\"q\":\r\t},1]", "{\"a\": /* c */ }", "{\"a\": // c\n}")) {
      String whole = null; // and in the same words, at the same place, however it is split
      for (Splits.Split split : Splits.sweep(document)) {
        RuntimeException error = Replay.run(ParserOptions.defaults(), split, false).error();
        assertThat(error)
            .as(document + " " + split.name())
            .isInstanceOf(MalformedJsonException.class)
            .hasMessageStartingWith(
                "Unexpected character ('}' (code 125)): expected a valid value (JSON String,"
                    + " Number, Array, Object or token 'null', 'true' or 'false') at $");
        whole = whole == null ? error.getMessage() : whole;
        assertThat(error.getMessage()).as(document + " " + split.name()).isEqualTo(whole);
      }
    }
    for (Splits.Split split : Splits.sweep("{\"a\":\n]")) {
      assertThat(Replay.run(ParserOptions.strict(), split, false).error())
          .as(split.name())
          .hasMessage(
              "Unexpected character (']' (code 93)): expected a valid value (JSON String, Number,"
                  + " Array, Object or token 'null', 'true' or 'false') at $.a (offset 6, line 2,"
                  + " column 1) near \"{\\\"a\\\":\\n\"");
    }
    // after a comment, Jackson calls the bracket a close marker when the comment came in the same
    // feed (found by the fuzzer as {0嘎a\n:\n#…\n]})
    for (String comment : List.of("/* c */", "// c\n", "# c\n")) {
      String document = "{\"a\": " + comment + "]";
      for (Splits.Split split : Splits.sweep(document)) {
        assertThat(Replay.run(ParserOptions.defaults(), split, false).error())
            .as(document + " " + split.name())
            .hasMessageStartingWith(
                "Unexpected character (']' (code 93)): expected a valid value (JSON String,"
                    + " Number, Array, Object or token 'null', 'true' or 'false') at $.a (offset "
                    + document.indexOf(']')
                    + ",");
      }
    }
  }

  @Test
  void namesANonAsciiByteOutsideAStringAtThatByteUnderEverySplit() {
    byte[] document = {'{', '"', 't', '"', ':', (byte) 0xC3, (byte) 0xB8, ' ', '1', '}'};
    for (Splits.Split split : Splits.sweep(document)) {
      assertThat(Replay.run(ParserOptions.strict(), split, false).error())
          .as(split.name())
          .hasMessage(
              "Unexpected byte 0xC3 outside a string: only strings may hold non-ASCII characters"
                  + " at $.t (offset 5, line 1, column 6) near \"{\\\"t\\\":\"");
    }
  }

  @Test
  void rejectsContentAfterTheRootValueInJsonMode() {
    IncrementalJsonParser parser =
        IncrementalJsonParser.create(ParserOptions.strict(), JsonListener.NONE);
    assertThatThrownBy(() -> parser.feed("{\"a\": 1}\n x"))
        .isInstanceOf(MalformedJsonException.class)
        .hasMessage(
            "Unexpected content after the root value at $ (offset 10, line 2, column 2) near"
                + " \"{\\\"a\\\": 1}\\n \"");
    assertThat(parser.snapshot().isComplete()).isTrue();
    IncrementalJsonParser again =
        IncrementalJsonParser.create(ParserOptions.strict(), JsonListener.NONE);
    assertThatThrownBy(() -> again.feed("[1] [2]"))
        .isInstanceOf(MalformedJsonException.class)
        .hasMessage(
            "Unexpected content after the root value at $ (offset 4, line 1, column 5) near \"[1]"
                + " \"");
  }

  @Test
  void refusesInputAfterFinishOrAfterAnError() {
    IncrementalJsonParser parser =
        IncrementalJsonParser.create(ParserOptions.strict(), JsonListener.NONE);
    parser.feed("[]");
    parser.finish();
    parser.finish(); // a second finish does nothing
    assertThatThrownBy(() -> parser.feed("x"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("finished");
    IncrementalJsonParser failed =
        IncrementalJsonParser.create(ParserOptions.strict(), JsonListener.NONE);
    assertThatThrownBy(() -> failed.feed("[}")).isInstanceOf(MalformedJsonException.class);
    assertThatThrownBy(() -> failed.feed("]"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageStartingWith("the parser failed: Unexpected close marker '}'");
    failed.close(); // closing a failed parser is quiet, for try-with-resources
    assertThat(failed.isClosed()).isTrue();
  }

  @Test
  void rejectsASliceOutsideTheArray() {
    IncrementalJsonParser parser = IncrementalJsonParser.create(JsonListener.NONE);
    byte[] bytes = new byte[4];
    assertThatThrownBy(() -> parser.feed(bytes, -1, 2)).hasMessage("offset < 0: -1");
    assertThatThrownBy(() -> parser.feed(bytes, 0, -3)).hasMessage("length < 0: -3");
    assertThatThrownBy(() -> parser.feed(bytes, 3, 2))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("offset + length > array length: 3 + 2 > 4");
    assertThatThrownBy(() -> parser.feed((String) null)).hasMessage("text == null");
  }

  @Test
  void aThrowingListenerStopsTheParser() {
    IncrementalJsonParser parser =
        IncrementalJsonParser.create(
            ParserOptions.strict(),
            new JsonListener() {
              @Override
              public void numberValue(JsonPath path, Number value) {
                throw new IllegalArgumentException("no numbers here");
              }
            });
    assertThatThrownBy(() -> parser.feed("[1,"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("no numbers here");
    assertThatThrownBy(() -> parser.feed("2]"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage(
            "the parser failed: the listener threw java.lang.IllegalArgumentException: no numbers"
                + " here");
  }

  @Test
  void feedsAByteBufferAndAdvancesIt() {
    IncrementalJsonParser parser =
        IncrementalJsonParser.create(ParserOptions.strict(), JsonListener.NONE);
    ByteBuffer buffer = ByteBuffer.wrap("{\"k\": [true, false]}".getBytes(StandardCharsets.UTF_8));
    parser.feed(buffer);
    assertThat(buffer.hasRemaining()).isFalse();
    parser.finish();
    assertThat(parser.snapshot().value()).isEqualTo(Map.of("k", List.of(true, false)));
    assertThat(parser.bytesFed()).isEqualTo(20);
  }

  @Test
  void closeFinishesAnOpenParser() {
    IncrementalJsonParser parser =
        IncrementalJsonParser.create(ParserOptions.strict(), JsonListener.NONE);
    parser.feed("[1");
    assertThatThrownBy(parser::close).isInstanceOf(IncompleteJsonException.class);
    assertThat(parser.isClosed()).isTrue();
    parser.close();
  }
}
