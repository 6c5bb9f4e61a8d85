package dev.partialjson.parser;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.partialjson.testkit.Splits;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Where errors are placed, whatever the split. */
class FailuresTest {

  private static void assertRejectedAt(byte[] document, String message) {
    assertRejectedAt(ParserOptions.strict(), document, message);
  }

  private static void assertRejectedAt(ParserOptions options, byte[] document, String message) {
    for (Splits.Split split : Splits.sweep(document)) {
      IncrementalJsonParser parser = IncrementalJsonParser.create(options, JsonListener.NONE);
      assertThatThrownBy(
              () -> {
                split.feed(parser);
                parser.finish();
              })
          .as(split.name())
          .isInstanceOf(MalformedJsonException.class)
          .hasMessage(message);
    }
  }

  /**
   * Jackson decodes a name only after its closing quote and reports bad UTF-8 in it there; found by
   * the fuzzer as {@code {"<BE>le"\<BE>}}, placed at the second 0xBE when fed whole (the first bad
   * byte after Jackson's place) and at the first quote after the name when fed byte by byte.
   */
  @Test
  void placesInvalidUtf8InANameAtItsByte() {
    assertRejectedAt(
        new byte[] {'{', '"', (byte) 0xBE, 'l', 'e', '"', '\\', (byte) 0xBE},
        "Invalid UTF-8 start byte 0xbe at $ (offset 2, line 1, column 3) near \"{\\\"\"");
    assertRejectedAt(
        ("{\"ab\": 1, \"cdefghijk" + "\u00be" + "\": 1, \"x\": \"\u00fe\"}")
            .getBytes(StandardCharsets.ISO_8859_1),
        "Invalid UTF-8 start byte 0xbe at $ (offset 20, line 1, column 21) near \"{\\\"ab\\\": 1,"
            + " \\\"cdefghijk\"");
  }

  /**
   * The same for a key without quotes (lenient syntax), which Jackson places after its first
   * character; found by the fuzzer as {@code {<A2>,<B8>}}, placed at 3 fed whole and 2 byte by
   * byte.
   */
  @Test
  void placesInvalidUtf8InAnUnquotedNameAtItsByte() {
    assertRejectedAt(
        ParserOptions.defaults(),
        new byte[] {'{', (byte) 0xA2, ',', (byte) 0xB8},
        // a key that begins with a non-ASCII byte is one Jackson cannot read at all (see
        // FuzzFindingsTest): refused as such, whether or not the byte begins a valid character
        "Unexpected byte 0xA2 outside a string: only strings may hold non-ASCII characters at $"
            + " (offset 1, line 1, column 2) near \"{\"");
    assertRejectedAt(
        ParserOptions.defaults(),
        "Sure: {ab\u00a2goal: 1, \"x\": \"\u00fe\"}".getBytes(StandardCharsets.ISO_8859_1),
        "Invalid UTF-8 start byte 0xa2 at $ (offset 9, line 1, column 10) near \"Sure: {ab\"");
  }
}
