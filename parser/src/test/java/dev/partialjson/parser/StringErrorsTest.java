package dev.partialjson.parser;

import static org.assertj.core.api.Assertions.assertThat;

import dev.partialjson.testkit.Replay;
import dev.partialjson.testkit.Splits;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/**
 * A string value that turns out malformed (a raw control character in strict syntax, a bad escape,
 * invalid UTF-8): the events and the snapshot before the error hold the string up to the byte that
 * is wrong, in whole characters, whatever the split, and the error names the string's own path.
 * Jackson throws before it publishes the characters decoded in the same feed as the bad byte, so
 * without care a split that delivered them earlier showed more than the input fed whole.
 */
class StringErrorsTest {

  /**
   * Feeds {@code document} under every split and checks the events (deltas joined), the snapshot
   * and the whole message of the error.
   */
  private static void assertStopsAt(
      ParserOptions options,
      byte[] document,
      List<String> events,
      @Nullable Object snapshot,
      String message) {
    for (Splits.Split split : Splits.sweep(document)) {
      Replay.Outcome outcome = Replay.run(options, split, false);
      assertThat(outcome.error())
          .as(split.name())
          .isInstanceOf(MalformedJsonException.class)
          .hasMessage(message);
      assertThat(outcome.log().merged())
          .as(split.name())
          .extracting(JsonEvent::toString)
          .isEqualTo(events);
      assertThat(outcome.last()).as(split.name()).isNotNull();
      assertThat(outcome.last().value()).as(split.name()).isEqualTo(snapshot);
    }
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void aRawControlCharacterInAStrictRootStringKeepsTheTextBeforeIt() {
    assertStopsAt(
        ParserOptions.strict(),
        utf8("\" \u0012"),
        List.of("STRING_DELTA $ \" \""),
        " ",
        "Illegal unquoted character ((CTRL-CHAR, code 18)): has to be escaped using backslash to"
            + " be included in string value at $ (offset 2, line 1, column 3) near \"\\\" \"");
  }

  @Test
  void aBadEscapeKeepsTheTextBeforeIt() {
    assertStopsAt(
        ParserOptions.strict(),
        utf8("{\"a\": \"abc def\\q\"}"),
        List.of("START_OBJECT $", "STRING_DELTA $.a \"abc def\""),
        Map.of("a", "abc def"),
        "Unrecognized character escape 'q' (code 113) at $.a (offset 15, line 1, column 16) near"
            + " \"{\\\"a\\\": \\\"abc def\\\\\"");
  }

  @Test
  void aRawNewlineInAListOfStringsKeepsTheTextBeforeItAtTheElementsPath() {
    assertStopsAt(
        ParserOptions.strict(),
        utf8("{\"paragraphs\": [\"An old silent pond\nA frog jumps in\"]}"),
        List.of(
            "START_OBJECT $",
            "START_ARRAY $.paragraphs",
            "STRING_DELTA $.paragraphs[0] \"An old silent pond\""),
        Map.of("paragraphs", List.of("An old silent pond")),
        "Illegal unquoted character ((CTRL-CHAR, code 10)): has to be escaped using backslash to"
            + " be included in string value at $.paragraphs[0] (offset 35, line 1, column 36) near"
            + " \"…s\\\": [\\\"An old silent pond\"");
  }

  @Test
  void aBadEscapeRightAfterTheQuoteOpensAnEmptyString() {
    assertStopsAt(
        ParserOptions.strict(),
        utf8("[\"\\q\"]"),
        List.of("START_ARRAY $"),
        List.of(""),
        "Unrecognized character escape 'q' (code 113) at $[0] (offset 3, line 1, column 4) near"
            + " \"[\\\"\\\\\"");
  }

  @Test
  void invalidUtf8KeepsTheCharactersBeforeItsFirstByte() {
    byte[] document = {'{', '"', 'b', '"', ':', ' ', '"', 'x', (byte) 0xC3, (byte) 0xA9, 'y'};
    byte[] bad = Arrays.copyOf(document, document.length + 3);
    bad[document.length] = (byte) 0xE0;
    bad[document.length + 1] = 'b';
    bad[document.length + 2] = '"';
    assertStopsAt(
        ParserOptions.strict(),
        bad,
        List.of("START_OBJECT $", "STRING_DELTA $.b \"xéy\""),
        Map.of("b", "xéy"),
        "Invalid UTF-8 middle byte 0x62 at $.b (offset 11, line 1, column 12) near \"{\\\"b\\\":"
            + " \\\"xéy\"");
  }

  @Test
  void aBadHexDigitDropsTheUnfinishedEscape() {
    assertStopsAt(
        ParserOptions.strict(),
        utf8("[\"ab\\u12x4\"]"),
        List.of("START_ARRAY $", "STRING_DELTA $[0] \"ab\""),
        List.of("ab"),
        "Unexpected character ('x' (code 120)): expected a hex-digit for character escape"
            + " sequence at $[0] (offset 8, line 1, column 9) near \"[\\\"ab\\\\u12\"");
  }

  @Test
  void aHighSurrogateLeftWithoutItsLowHalfIsNotShown() {
    assertStopsAt(
        ParserOptions.strict(),
        utf8("[\"a\\uD83D\\q\"]"),
        List.of("START_ARRAY $", "STRING_DELTA $[0] \"a\""),
        List.of("a"),
        "Unrecognized character escape 'q' (code 113) at $[0] (offset 10, line 1, column 11) near"
            + " \"[\\\"a\\\\uD83D\\\\\"");
  }

  @Test
  void aBadEscapeInASingleQuotedStringKeepsTheTextBeforeIt() {
    assertStopsAt(
        ParserOptions.defaults(),
        utf8("['abc\\q']"),
        List.of(
            "START_ARRAY $",
            "REPAIR $ SINGLE_QUOTES at offset 1 \"'\"",
            "STRING_DELTA $[0] \"abc\""),
        List.of("abc"),
        "Unrecognized character escape 'q' (code 113) at $[0] (offset 6, line 1, column 7) near"
            + " \"['abc\\\\\"");
  }

  /**
   * In strict syntax a single quote opens no string: the error at it leaves nothing open (found by
   * the fuzzer as {@code '"a": ...}, where the quote was taken for a string's and an empty string
   * appeared).
   */
  @Test
  void aSingleQuoteInStrictSyntaxOpensNoString() {
    assertStopsAt(
        ParserOptions.strict(),
        utf8("['ab']"),
        List.of("START_ARRAY $"),
        List.of(),
        "Unexpected character (''' (code 39)): expected a valid value (JSON String, Number,"
            + " Array, Object or token 'null', 'true' or 'false') at $ (offset 1, line 1, column 2)"
            + " near \"[\"");
  }

  /**
   * A backslash before a multi-byte character: Jackson 2.22 reads the whole character to name it in
   * the error, so it can stop for input inside it, where nothing after the backslash will ever
   * decode (found by the fuzzer: split right after the character's first byte, the character was
   * reported as text). The wording is Jackson's, which older versions word otherwise, so only its
   * start, its path and that it is the same under every split are asserted.
   */
  @Test
  void aBackslashBeforeAMultiByteCharacterKeepsTheTextBeforeIt() {
    byte[] document = utf8("{\"a\": \"write \\\u72da\nts\"}");
    String whole = null;
    for (Splits.Split split : Splits.sweep(document)) {
      Replay.Outcome outcome = Replay.run(ParserOptions.strict(), split, false);
      assertThat(outcome.error())
          .as(split.name())
          .isInstanceOf(MalformedJsonException.class)
          .hasMessageStartingWith("Unrecognized character escape ")
          .hasMessageContaining(" at $.a (offset ");
      whole = whole == null ? outcome.error().getMessage() : whole;
      assertThat(outcome.error().getMessage()).as(split.name()).isEqualTo(whole);
      assertThat(outcome.log().merged())
          .as(split.name())
          .extracting(JsonEvent::toString)
          .containsExactly("START_OBJECT $", "STRING_DELTA $.a \"write \"");
      assertThat(outcome.last().value()).as(split.name()).isEqualTo(Map.of("a", "write "));
    }
  }

  /** The string is longer than a slice and than the input window: the rest comes from Jackson. */
  @Test
  void aLongStringKeepsAllOfItsTextBeforeTheBadByte() {
    String text = "0123456789".repeat(100) + "\u00e9\u4e2d\uD83D\uDE00" + "x".repeat(300);
    byte[] document = utf8("[\"" + text + "\n\"]");
    int offset = document.length - 3;
    for (Splits.Split split : Splits.sweep(document)) {
      Replay.Outcome outcome = Replay.run(ParserOptions.strict(), split, false);
      assertThat(outcome.error())
          .as(split.name())
          .isInstanceOf(MalformedJsonException.class)
          .hasMessageStartingWith(
              "Illegal unquoted character ((CTRL-CHAR, code 10)): has to be escaped using"
                  + " backslash to be included in string value at $[0] (offset "
                  + offset
                  + ",");
      assertThat(outcome.last().value()).as(split.name()).isEqualTo(List.of(text));
    }
  }

  /** Moved here from ControlCharactersTest: the path is the string's own. */
  @Test
  void lenientSyntaxStillRejectsABackslashBeforeAControlCharacter() {
    byte[] document = Corpus.bytes("jsontestsuite", "n_string_escaped_ctrl_char_tab.json");
    assertThat(new String(document, StandardCharsets.UTF_8)).isEqualTo("[\"\\\t\"]");
    List<String> events = new ArrayList<>(List.of("START_ARRAY $"));
    assertStopsAt(
        ParserOptions.builder().text(ParserOptions.Text.JSON).build(),
        document,
        events,
        List.of(""),
        "Unrecognized character escape (CTRL-CHAR, code 9) at $[0] (offset 3, line 1, column 4)"
            + " near \"[\\\"\\\\\"");
  }
}
