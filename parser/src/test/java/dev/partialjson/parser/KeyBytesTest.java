package dev.partialjson.parser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.partialjson.testkit.Splits;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Keys whose bytes are not UTF-8 but which Jackson's name table would take for a key seen before:
 * it looks a key up by its raw bytes, padding the last group of four with 0xFF, and checks only a
 * key it has not seen. The parser must reject them at the bad byte, as it rejects the same key seen
 * for the first time, whatever the split.
 */
class KeyBytesTest {

  /** Latin-1 so that each char of the text below is one byte of the document. */
  private static byte[] bytes(String latin1) {
    return latin1.getBytes(StandardCharsets.ISO_8859_1);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        // document (Latin-1 chars = bytes) | strict? | offset of the bad byte
        "{\"id\":0,\"\u00ffid\":1}|true|9",
        "{\"abcdid\":0,\"abcd\u00ff\u00ffid\":1}|true|17",
        "{\"abc\":{\"x\":1},\"\u00ffabc\":2}|true|16",
        "{'id':0,'\u00ffid':1}|false|9",
      })
  void rejectsAKeyThatMatchesAKeySeenBeforeOnlyThroughThePadding(
      String document, boolean strict, long offset) {
    ParserOptions options = strict ? ParserOptions.strict() : ParserOptions.defaults();
    for (Splits.Split split : Splits.sweep(bytes(document))) {
      IncrementalJsonParser parser = IncrementalJsonParser.create(options, JsonListener.NONE);
      assertThatThrownBy(() -> split.feed(parser))
          .as(split.name())
          .isInstanceOfSatisfying(
              MalformedJsonException.class, e -> assertThat(e.byteOffset()).isEqualTo(offset))
          .hasMessageStartingWith("Invalid UTF-8 start byte 0xff at $ (offset " + offset);
    }
  }

  @Test
  void rejectsSuchAKeyAlsoWhenAnotherParserSawTheValidOne() {
    // Parsers made with the same options share Jackson's factory, whose name table learns the keys
    // of every parser that finished.
    IncrementalJsonParser first =
        IncrementalJsonParser.create(ParserOptions.strict(), JsonListener.NONE);
    first.feed("{\"title\":1}"); // "e" is looked up as FF FF FF 65, and so is "<FF>e"
    first.finish();
    for (Splits.Split split : Splits.sweep(bytes("{\"titl\u00ffe\":1}"))) {
      IncrementalJsonParser parser =
          IncrementalJsonParser.create(ParserOptions.strict(), JsonListener.NONE);
      assertThatThrownBy(() -> split.feed(parser))
          .as(split.name())
          .isInstanceOf(MalformedJsonException.class)
          .hasMessageStartingWith("Invalid UTF-8 start byte 0xff at $ (offset 6,");
      assertThat(parser.snapshot().value()).isEqualTo(Map.of());
    }
  }

  @Test
  void rejectsSuchAKeyLongerThanTheInputWindow() {
    String key = "k".repeat(601); // its last group, "k", is looked up as FF FF FF 6B
    String bad = "k".repeat(600) + "\u00ffk"; // and so is its last group, "<FF>k"
    byte[] document = bytes("{\"" + key + "\":0,\"" + bad + "\":1}");
    long offset = 2 + 601 + 5 + 600;
    for (int step : new int[] {1, 3, 64, 200, document.length}) {
      IncrementalJsonParser parser =
          IncrementalJsonParser.create(ParserOptions.strict(), JsonListener.NONE);
      assertThatThrownBy(
              () -> {
                for (int i = 0; i < document.length; i += step) {
                  parser.feed(document, i, Math.min(step, document.length - i));
                }
              })
          .as("step " + step)
          .isInstanceOfSatisfying(
              MalformedJsonException.class, e -> assertThat(e.byteOffset()).isEqualTo(offset))
          .hasMessageStartingWith("Invalid UTF-8 start byte 0xff");
    }
  }

  @Test
  void acceptsKeysWithEscapesAndNonAsciiCharacters() {
    String document = "{\"caf\u00e9\":1,\"x\\u0041\":2,\"\\\"q\\\"\":3,\"caf\u00e9\":4}";
    for (Splits.Split split : Splits.sweep(document.getBytes(StandardCharsets.UTF_8))) {
      IncrementalJsonParser parser =
          IncrementalJsonParser.create(ParserOptions.strict(), JsonListener.NONE);
      split.feed(parser);
      parser.finish();
      assertThat(parser.snapshot().value())
          .as(split.name())
          .isEqualTo(Map.of("café", 4, "xA", 2, "\"q\"", 3));
    }
  }
}
