package dev.partialjson.parser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.partialjson.testkit.Splits;
import org.junit.jupiter.api.Test;

/**
 * Inputs that {@link FuzzProperties} found wrong, shrunk, each fixed in the parser: every one is
 * rejected with the same error under every split of the sweep.
 */
class FuzzFindingsTest {

  private static PartialJsonException sameUnderEverySplit(ParserOptions options, byte[] input) {
    PartialJsonException first = null;
    for (Splits.Split split : Splits.sweep(input)) {
      IncrementalJsonParser parser = IncrementalJsonParser.create(options, JsonListener.NONE);
      PartialJsonException e =
          catchThrowableOfType(
              PartialJsonException.class,
              () -> {
                split.feed(parser);
                parser.finish();
              });
      assertThat(e).as("error under %s", split).isNotNull();
      if (first == null) {
        first = e;
      } else {
        assertThat(e.getMessage()).as("message under %s", split).isEqualTo(first.getMessage());
        assertThat(e.byteOffset()).as("offset under %s", split).isEqualTo(first.byteOffset());
      }
    }
    return first;
  }

  private static byte[] bytes(int... values) {
    byte[] out = new byte[values.length];
    for (int i = 0; i < values.length; i++) {
      out[i] = (byte) values[i];
    }
    return out;
  }

  private static byte[] concat(String before, byte[] middle, String after) {
    byte[] a = before.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    byte[] c = after.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    byte[] out = new byte[a.length + middle.length + c.length];
    System.arraycopy(a, 0, out, 0, a.length);
    System.arraycopy(middle, 0, out, a.length, middle.length);
    System.arraycopy(c, 0, out, a.length + middle.length, c.length);
    return out;
  }

  /**
   * Jackson decodes a name only at its closing quote, and reported its bad UTF-8 where it was then
   * (offset 7 or 8, depending on the split); the bad sequence is at offset 2.
   */
  @Test
  void placesInvalidUtf8InANameAtItsFirstByte() {
    byte[] input = concat("{\"", bytes(0xE3), "ity\":\"New York City\"}");
    PartialJsonException e = sameUnderEverySplit(ParserOptions.strict(), input);
    assertThat(e)
        .isInstanceOf(MalformedJsonException.class)
        .hasMessage(
            "Invalid UTF-8 middle byte 0x69 at $ (offset 2, line 1, column 3) near \"{\\\"\"");
  }

  @Test
  void placesInvalidUtf8InALongNameAtItsFirstByte() {
    byte[] input = concat("{\"ok\": 1, \"" + "n".repeat(100), bytes(0xC3, 0x28), "\": 2}");
    PartialJsonException e = sameUnderEverySplit(ParserOptions.defaults(), input);
    assertThat(e.byteOffset()).isEqualTo(111);
    assertThat(e)
        .hasMessageStartingWith(
            "Invalid UTF-8 middle byte 0x28 at $ (offset 111, line 1, column 112)");
  }

  /**
   * Between root values Jackson decodes UTF-8 and read the overlong C0 AF as '/' when both bytes
   * came in one feed, but the lead byte alone as itself.
   */
  @Test
  void reportsAnOverlongSequenceAfterARootValueAsAByte() {
    PartialJsonException e =
        sameUnderEverySplit(ParserOptions.strict(), concat("0", bytes(0xC0, 0xAF), ""));
    assertThat(e)
        .isInstanceOf(MalformedJsonException.class)
        .hasMessage(
            "Unexpected byte 0xC0 outside a string: only strings may hold non-ASCII characters at $"
                + " (offset 1, line 1, column 2) near \"0\"");
    ParserOptions lenient = ParserOptions.builder().text(ParserOptions.Text.JSON).build();
    assertThat(sameUnderEverySplit(lenient, concat("9", bytes(0xE0, 0x80, 0xAF), "E2\n")))
        .hasMessageStartingWith("Unexpected byte 0xE0 outside a string");
  }

  /**
   * An unquoted name that begins with a lone continuation byte: the search for the bad sequence
   * began on it and skipped it, and the error stayed where Jackson placed it (offset 6 or 7, or 26
   * in a longer document, depending on the split).
   */
  @Test
  void placesALoneContinuationByteThatBeginsAnUnquotedNameAtItself() {
    ParserOptions lenient = ParserOptions.builder().text(ParserOptions.Text.JSON).build();
    PartialJsonException e =
        sameUnderEverySplit(
            lenient, concat("{", bytes(0xA2), "city\"" + (char) 0x3A + "\"New York City\"}"));
    assertThat(e)
        .hasMessage(
            "Unexpected byte 0xA2 outside a string: only strings may hold non-ASCII characters at $"
                + " (offset 1, line 1, column 2) near \"{\"");
    PartialJsonException longer =
        sameUnderEverySplit(
            ParserOptions.defaults(),
            concat("{", bytes(0xA2), "pet\":{\"pet_type\":\"cat\",\"" + "meow_volume\":5}}"));
    assertThat(longer.byteOffset()).isEqualTo(1);
  }

  /**
   * A surrogate encoded in UTF-8 after a root value: Jackson decoded it to U+D800 fed whole, and
   * words that error with the code in hex as well, which the check above did not read.
   */
  @Test
  void reportsAnEncodedSurrogateAfterARootValueAsAByte() {
    PartialJsonException e =
        sameUnderEverySplit(ParserOptions.strict(), concat("0", bytes(0xED, 0xA0, 0x80), ""));
    assertThat(e)
        .hasMessage(
            "Unexpected byte 0xED outside a string: only strings may hold non-ASCII characters at $"
                + " (offset 1, line 1, column 2) near \"0\"");
  }

  /**
   * A character from U+0080 to U+00FF after a root value: fed with both its bytes in one feed,
   * Jackson names the character it decoded ("code 233" for C3 A9), whose code is in the range of a
   * byte, and that code was reported as the byte (found by the parser fuzzer as {@code " 2\xC3\xA9
   * ..."}).
   */
  @Test
  void reportsATwoByteCharacterAfterARootValueByItsFirstByte() {
    PartialJsonException e =
        sameUnderEverySplit(ParserOptions.strict(), concat(" 2", bytes(0xC3, 0xA9), "r9"));
    assertThat(e)
        .hasMessage(
            "Unexpected byte 0xC3 outside a string: only strings may hold non-ASCII characters at $"
                + " (offset 2, line 1, column 3) near \" 2\"");
    // a no-break space (U+00A0) after a root number, as a model may write it
    assertThat(sameUnderEverySplit(ParserOptions.strict(), concat("7", bytes(0xC2, 0xA0), "")))
        .hasMessageStartingWith("Unexpected byte 0xC2 outside a string");
  }

  /**
   * A non-ASCII byte where a lenient, unquoted name may begin: Jackson's non-blocking parser
   * reported an unexpected character when more bytes came with it and "Unexpected end-of-input in
   * field name" when they did not (and for any non-ASCII unquoted name, valid UTF-8 or not).
   */
  @Test
  void reportsANonAsciiByteWhereAnUnquotedNameMayBeginAsAByte() {
    ParserOptions lenient = ParserOptions.builder().text(ParserOptions.Text.JSON).build();
    byte[] input =
        concat(
            "{\n  \"region\": \"us\",\n  \"realm\": \"stormrage\",",
            bytes(0xE0, 0x80, 0xAF),
            "\n  \"fields\": \"mythic_plus_scores_by_season:current\",\n  \"name\": \"\"\n}");
    assertThat(sameUnderEverySplit(lenient, input))
        .hasMessage(
            "Unexpected byte 0xE0 outside a string: only strings may hold non-ASCII characters at $"
                + " (offset 43, line 3, column 24) near \"…\\n  \\\"realm\\\": \\\"stormrage\\\",\"");
    assertThat(sameUnderEverySplit(lenient, concat("{\"a\": 1, \u00e9bc: 2}", new byte[0], "")))
        .hasMessageStartingWith("Unexpected byte 0xC3 outside a string")
        .hasMessageContaining("(offset 9, line 1, column 10)");
  }

  /**
   * A lone continuation byte or 0xFF where a lenient unquoted name may begin: "Invalid UTF-8 start
   * byte 0x80" fed byte by byte (Jackson decodes the name), an unexpected byte fed whole.
   */
  @Test
  void reportsABadByteThatBeginsAnUnquotedNameAsAByte() {
    ParserOptions lenient = ParserOptions.builder().text(ParserOptions.Text.JSON).build();
    assertThat(
            sameUnderEverySplit(
                lenient, concat("{\"a\":12,", bytes(0x80), "\"b\":7,\"op\":\"add\"}")))
        .hasMessage(
            "Unexpected byte 0x80 outside a string: only strings may hold non-ASCII characters at $"
                + " (offset 8, line 1, column 9) near \"{\\\"a\\\":12,\"");
    assertThat(sameUnderEverySplit(lenient, concat("{\"a\":19,", bytes(0xFF), "\"op\":9}")))
        .hasMessageStartingWith("Unexpected byte 0xFF outside a string")
        .hasMessageContaining("(offset 8, line 1, column 9)");
    assertThat(sameUnderEverySplit(lenient, concat("{\"a\": 1, ", bytes(0xE9), "bc: 2}")))
        .hasMessageStartingWith("Unexpected byte 0xE9 outside a string")
        .hasMessageContaining("(offset 9, line 1, column 10)");
  }

  /**
   * Bytes beyond U+10FFFF where a lenient unquoted name may begin: fed whole an unexpected byte;
   * fed byte by byte Jackson decoded them into a name of two lone surrogates and then wanted a
   * colon.
   */
  @Test
  void reportsAnUnreadableUnquotedNameAtItsFirstByte() {
    ParserOptions lenient = ParserOptions.builder().text(ParserOptions.Text.JSON).build();
    assertThat(
            sameUnderEverySplit(
                lenient, concat("\r{\"a\"\r :\n4,", bytes(0xF4, 0x90, 0x80, 0x80), "\t\r\"\\")))
        .hasMessage(
            "Unexpected byte 0xF4 outside a string: only strings may hold non-ASCII characters at $"
                + " (offset 11, line 3, column 3) near \"\\r{\\\"a\\\"\\r :\\n4,\"");
  }

  /**
   * Model output whose skipped prose holds invalid UTF-8 (C0 AF) before a bad byte in the JSON: the
   * search for the bad sequence reached back into the prose and placed the error at offset 0.
   */
  @Test
  void neverPlacesAnErrorInSkippedProse() {
    PartialJsonException e =
        sameUnderEverySplit(
            ParserOptions.defaults(), concat("", bytes(0xC0, 0xAF, '{', 0xFD), "\n"));
    assertThat(e.byteOffset()).isEqualTo(3);
    assertThat(e)
        .hasMessageStartingWith(
            "Unexpected byte 0xFD outside a string: only strings may hold non-ASCII characters at $ (offset 3, line 1, column 4)");
  }

  /**
   * A truncated answer that ends inside an unquoted name beginning with a non-ASCII byte: malformed
   * fed whole, merely incomplete fed byte by byte (Jackson waited for the name's end).
   */
  @Test
  void refusesAnUnreadableUnquotedNameBeforeItEnds() {
    ParserOptions lenient = ParserOptions.builder().text(ParserOptions.Text.JSON).build();
    PartialJsonException e =
        sameUnderEverySplit(
            lenient,
            concat("{\"answers\":[{\"label\":\"Capital of the country\",", bytes(0xA2), "ans"));
    assertThat(e)
        .isInstanceOf(MalformedJsonException.class)
        .hasMessageStartingWith(
            "Unexpected byte 0xA2 outside a string: only strings may hold non-ASCII characters at"
                + " $.answers[0] (offset 46, line 1, column 47)");
  }
}
