package dev.partialjson.parser;

import static org.assertj.core.api.Assertions.assertThat;

import dev.partialjson.testkit.Replay;
import dev.partialjson.testkit.Splits;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Plain string content is reported before Jackson reads it (see {@link PlainRun}): runs longer than
 * a slice, runs that wrap around the input window, runs ended by every kind of byte, and errors met
 * while a run waits, whose positions come from Jackson and must be those of the whole input.
 */
class PlainRunTest {
  private static final String LONG = "The plan: ship it. ".repeat(60); // 1,140 bytes, over 5 slices

  // 2-, 3- and 4-byte characters among ASCII: 1,480 bytes, over 5 slices
  private static final String MIXED = "Größe 中文 ok 😀, naïve ∑ 𝄞 x. ".repeat(40);

  private static void assertSameUnderEverySplit(ParserOptions options, String document) {
    assertSameUnderEverySplit(options, document.getBytes(StandardCharsets.UTF_8));
  }

  private static void assertSameUnderEverySplit(ParserOptions options, byte[] document) {
    Replay.Outcome whole = null;
    for (Splits.Split split : Splits.sweep(document)) {
      Replay.Outcome run = Replay.run(options, split, true);
      if (whole == null) {
        whole = run;
        continue;
      }
      RuntimeException expected = whole.error();
      if (expected == null) {
        assertThat(run.error()).as(split.name()).isNull();
        assertThat(run.log().merged()).as(split.name()).isEqualTo(whole.log().merged());
        assertThat(run.value()).as(split.name()).isEqualTo(whole.value());
      } else {
        // how much of the string open at the error was reported depends on the split
        assertThat(withoutDeltas(run)).as(split.name()).isEqualTo(withoutDeltas(whole));
        assertThat(run.error()).as(split.name()).isNotNull();
        assertThat(run.error().getMessage()).as(split.name()).isEqualTo(expected.getMessage());
      }
    }
  }

  private static List<JsonEvent> withoutDeltas(Replay.Outcome outcome) {
    return outcome.log().events().stream()
        .filter(e -> e.kind() != JsonEvent.Kind.STRING_DELTA)
        .toList();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "\"", // the end of the string
        "\\n\"", // an escape
        "\\u00e9\"", // a \\u escape
        "é\"", // a two-byte character
        "😀\"", // a surrogate pair
        "\\ud83d\\ude00\"", // a surrogate pair in \\u escapes
        "\t\"", // a control char: malformed in strict JSON
      })
  void aRunEndsAtAnyOtherByteAsIfJacksonHadReadItAll(String end) {
    for (String run : List.of(LONG, MIXED)) { // of ASCII, and of multi-byte characters among it
      String document = "{\"a\": \"" + run + end + ", \"b\": [\"é" + run + "\"]}";
      assertSameUnderEverySplit(ParserOptions.strict(), document);
      assertSameUnderEverySplit(ParserOptions.defaults(), document);
    }
  }

  @Test
  void aRunCutShortByTheEndOfInputReportsTheSamePlace() {
    assertSameUnderEverySplit(ParserOptions.strict(), "{\"a\": [1, \"" + LONG);
  }

  @Test
  void aRunCutShortByTheDocumentLimitReportsTheSamePlace() {
    assertSameUnderEverySplit(
        strictWith(Limits.builder().maxDocumentLength(500).build()), "{\"a\": \"" + LONG + "\"}");
  }

  @Test
  void aRunCutShortByTheStringLimitReportsTheSameChars() {
    assertSameUnderEverySplit(
        strictWith(Limits.builder().maxStringLength(777).build()), "{\"a\": \"" + LONG + "\"}");
  }

  @Test
  void aRunOfMultiByteCharactersGivesTheCharsJacksonGives() {
    String document = "[\"" + MIXED + "\", \"😀\", \"ä\"]";
    for (Splits.Split split : Splits.sweep(document)) {
      Replay.Outcome run = Replay.run(ParserOptions.strict(), split, true);
      assertThat(run.error()).as(split.name()).isNull();
      assertThat(run.value()).as(split.name()).isEqualTo(List.of(MIXED, "😀", "ä"));
    }
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "c0af", // an overlong '/': Jackson decodes it, the parser refuses it
        "eda080", // a UTF-16 surrogate
        "f4908080", // beyond U+10FFFF
        "e282", // a character cut short by the quote
        "80", // a continuation byte with no lead
        "ff", // never UTF-8
      })
  void badUtf8AfterARunOfMultiByteCharactersIsFoundWhereItIs(String hex) {
    ByteArrayOutputStream document = new ByteArrayOutputStream();
    document.writeBytes(("{\"a\": \"" + MIXED).getBytes(StandardCharsets.UTF_8));
    for (int i = 0; i < hex.length(); i += 2) {
      document.write(Integer.parseInt(hex.substring(i, i + 2), 16));
    }
    document.writeBytes((" more é\"}").getBytes(StandardCharsets.UTF_8));
    assertSameUnderEverySplit(ParserOptions.strict(), document.toByteArray());
    assertSameUnderEverySplit(ParserOptions.defaults(), document.toByteArray());
  }

  @Test
  void aRunOfMultiByteCharactersCutShortByTheStringLimitReportsTheSameChars() {
    // each limit falls in another place of the 27th repeat (30 chars each): after a 2-, 3- or
    // 4-byte character, and between the two chars of a surrogate pair
    for (int max : new int[] {783, 788, 793, 794, 805, 806}) {
      assertSameUnderEverySplit(
          strictWith(Limits.builder().maxStringLength(max).build()), "{\"a\": \"" + MIXED + "\"}");
    }
  }

  @Test
  void aRunOfMultiByteCharactersCutShortByTheDocumentLimitReportsTheSamePlace() {
    // inside a 2-, 3- and 4-byte character of the 12th repeat (43 bytes each, after 7), and after
    for (long max : new long[] {483, 489, 499, 500, 502}) {
      assertSameUnderEverySplit(
          strictWith(Limits.builder().maxDocumentLength(max).build()),
          "{\"a\": \"" + MIXED + "\"}");
    }
  }

  private static ParserOptions strictWith(Limits limits) {
    return ParserOptions.strict().toBuilder().limits(limits).build();
  }

  @Test
  void anUnpairedSurrogateAfterARunIsPlacedAfterIt() {
    // text only: bytes cannot hold a lone surrogate
    for (int piece : new int[] {1, 2, 3, 7, 1000}) {
      IncrementalJsonParser parser =
          IncrementalJsonParser.create(ParserOptions.strict(), JsonListener.NONE);
      String text = "{\"a\":\n \"" + LONG;
      for (int i = 0; i < text.length(); i += piece) {
        parser.feed(text.substring(i, Math.min(text.length(), i + piece)));
      }
      MalformedJsonException e = null;
      try {
        parser.feed("\ud800 "); // a lone high surrogate waits for its low half: give it a space
      } catch (MalformedJsonException thrown) {
        e = thrown;
      }
      Objects.requireNonNull(e, "no error");
      assertThat(e.byteOffset()).as("piece %d", piece).isEqualTo(text.length());
      assertThat(new int[] {e.line(), e.column()})
          .as("piece %d", piece)
          .containsExactly(2, text.length() - text.indexOf('\n'));
    }
  }
}
