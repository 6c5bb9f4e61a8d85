package dev.partialjson.parser;

import static org.assertj.core.api.Assertions.assertThat;

import dev.partialjson.testkit.Replay;
import dev.partialjson.testkit.Splits;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Bytes in a string value that UTF-8 forbids but that Jackson's non-blocking parser decodes without
 * complaint (overlong forms, code points beyond U+10FFFF): refused at the sequence's first byte
 * with the words Jackson uses for the same bytes in a key, whatever the split, with the chars
 * before them still reported. Found by the mutation property: a bit flip turned {@code E0 A0 92}
 * into {@code E0 80 92} in a string longer than the input window.
 */
class StringBytesTest {

  private static byte[] document(String prefix, String hex, String suffix) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(prefix.getBytes(StandardCharsets.UTF_8));
    out.writeBytes(HexFormat.of().parseHex(hex));
    out.writeBytes(suffix.getBytes(StandardCharsets.UTF_8));
    return out.toByteArray();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        // bytes | what the message says
        "C0AF | start byte 0xc0",
        "C1BF | start byte 0xc1",
        "E080AF | middle byte 0x80",
        "E09FBF | middle byte 0x9f",
        "F08080AF | middle byte 0x80",
        "F08FBFBF | middle byte 0x8f",
        "F4908080 | middle byte 0x90",
        "F5808080 | start byte 0xf5",
        "F7BFBFBF | start byte 0xf7",
      })
  void refusesWhatJacksonDecodesThoughUtf8ForbidsIt(String hex, String reason) {
    byte[] bytes = document("{\"k\": \"ab", hex, "cd\", \"z\": 1}");
    for (Splits.Split split : Splits.sweep(bytes)) {
      Replay.Outcome outcome = Replay.run(ParserOptions.strict(), split, false);
      assertThat(outcome.error())
          .as(split.name())
          .isInstanceOf(MalformedJsonException.class)
          .hasMessage(
              "Invalid UTF-8 "
                  + reason
                  + " at $.k (offset 9, line 1, column 10) near \"{\\\"k\\\": \\\"ab\"");
      assertThat(outcome.last().value()).as(split.name()).isEqualTo(Map.of("k", "ab"));
    }
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"C280", "DFBF", "E0A080", "ED9FBF", "EFBFBF", "F0908080", "F48FBFBF"})
  void acceptsTheSequencesNextToThem(String hex) {
    byte[] bytes = document("{\"k\": \"ab", hex, "cd\"}");
    String expected = new String(bytes, StandardCharsets.UTF_8);
    for (Splits.Split split : Splits.sweep(bytes)) {
      Replay.Outcome outcome = Replay.run(ParserOptions.strict(), split, false);
      assertThat(outcome.error()).as(split.name()).isNull();
      assertThat(outcome.last().value())
          .as(split.name())
          .isEqualTo(Map.of("k", expected.substring(7, expected.length() - 2)));
    }
  }

  @ParameterizedTest(name = "{0} bytes before")
  @ValueSource(ints = {0, 300, 5_000})
  void refusesItDeepInALongStringFedWholeAndInPieces(int before) {
    String piece = "\u0812\\f\\/a|"; // E0 A0 92, two escapes, ASCII: as the fuzzer's string
    String head = "[\"" + piece.repeat(before / 9);
    byte[] bytes = document(head, "E08092", piece.repeat(100) + "\"]");
    long offset = head.getBytes(StandardCharsets.UTF_8).length;
    for (Splits.Split split : Splits.sweep(bytes)) {
      Replay.Outcome outcome = Replay.run(ParserOptions.strict(), split, false);
      assertThat(outcome.error())
          .as(split.name())
          .isInstanceOf(MalformedJsonException.class)
          .hasMessageStartingWith("Invalid UTF-8 middle byte 0x80 at $[0] (offset " + offset + ",");
    }
  }
}
