package dev.partialjson.parser;

import static org.assertj.core.api.Assertions.assertThat;

import dev.partialjson.testkit.Replay;
import dev.partialjson.testkit.Splits;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Raw control characters (U+0000 to U+001F) inside strings: models write raw newlines and tabs in
 * code, poems and addresses. Lenient syntax accepts them and reports each as a {@link
 * Repair.Kind#UNESCAPED_CONTROL_CHARACTER} repair at the same place among the events under every
 * split; strict syntax rejects them, as JSON does.
 */
class ControlCharactersTest {
  private static final ParserOptions LENIENT_JSON =
      ParserOptions.builder().text(ParserOptions.Text.JSON).build();

  @Test
  void lenientSyntaxAcceptsARawNewlineInAStringAndReportsItAmongTheEvents() {
    String document = "[\"a\nb\"]";
    List<String> expected =
        List.of(
            "START_ARRAY $",
            "STRING_DELTA $[0] \"a\"",
            "REPAIR $[0] UNESCAPED_CONTROL_CHARACTER at offset 3 \"\\n\"",
            "STRING_DELTA $[0] \"\\nb\"",
            "STRING $[0] \"a\\nb\"",
            "END_ARRAY $",
            "DOCUMENT_END $");
    for (ParserOptions options : List.of(LENIENT_JSON, ParserOptions.defaults())) {
      for (Splits.Split split : Splits.sweep(document)) {
        Replay.Outcome outcome = Replay.run(options, split, false);
        assertThat(outcome.value()).as(split.name()).isEqualTo(List.of("a\nb"));
        assertThat(outcome.log().merged())
            .as(split.name())
            .extracting(JsonEvent::toString)
            .isEqualTo(expected);
        assertThat(outcome.parser().repairs())
            .as(split.name())
            .containsExactly(
                new Repair(
                    Repair.Kind.UNESCAPED_CONTROL_CHARACTER, JsonPath.parse("$[0]"), 3, 1, "\\n"));
      }
    }
  }

  @Test
  void lenientSyntaxAcceptsEveryControlCharacterInValuesAndNamesAndReportsEach() {
    String poem = "An old silent pond\nA frog jumps into the pond\r\n\tsplash! Silence again.";
    String code = "def f():\n\treturn \"\u0000\u001f\"";
    String document =
        "{\"poem\": \""
            + poem
            + "\", 'code': '"
            + code.replace("\"", "\\\"")
            + "', \"k\u0007\": 1}";
    for (Splits.Split split : Splits.sweep(document)) {
      Replay.Outcome outcome = Replay.run(ParserOptions.defaults(), split, false);
      assertThat(outcome.value())
          .as(split.name())
          .isEqualTo(Map.of("poem", poem, "code", code, "k\u0007", 1));
      assertThat(outcome.parser().repairs())
          .as(split.name())
          .extracting(r -> r.kind() + " " + r.path() + " " + r.byteOffset() + " " + r.excerpt())
          .containsExactly(
              "UNESCAPED_CONTROL_CHARACTER $.poem 28 \\n",
              "UNESCAPED_CONTROL_CHARACTER $.poem 55 \\r",
              "UNESCAPED_CONTROL_CHARACTER $.poem 56 \\n",
              "UNESCAPED_CONTROL_CHARACTER $.poem 57 \\t",
              "SINGLE_QUOTES $ 83 '",
              "SINGLE_QUOTES $.code 91 '",
              "UNESCAPED_CONTROL_CHARACTER $.code 100 \\n",
              "UNESCAPED_CONTROL_CHARACTER $.code 101 \\t",
              "UNESCAPED_CONTROL_CHARACTER $.code 111 \\u0000",
              "UNESCAPED_CONTROL_CHARACTER $.code 112 \\u001f",
              "UNESCAPED_CONTROL_CHARACTER $ 120 \\u0007");
    }
  }

  @Test
  void strictSyntaxRejectsARawControlCharacterInAString() {
    for (Splits.Split split : Splits.sweep("{\"a\": \"x\ty\"}")) {
      Replay.Outcome outcome = Replay.run(ParserOptions.strict(), split, false);
      assertThat(outcome.error())
          .as(split.name())
          .isInstanceOf(MalformedJsonException.class)
          .hasMessage(
              "Illegal unquoted character ((CTRL-CHAR, code 9)): has to be escaped using backslash"
                  + " to be included in string value at $.a (offset 8, line 1, column 9) near"
                  + " \"{\\\"a\\\": \\\"x\"");
      assertThat(outcome.parser().repairs()).as(split.name()).isEmpty();
    }
  }

  /**
   * The JSONTestSuite files that are malformed only for a raw control character in a string (its
   * {@code n_} files are read in strict syntax by JsonTestSuiteTest) are accepted in lenient
   * syntax, as Jackson's blocking parser with the same features accepts them, with one repair each.
   */
  @Test
  void lenientSyntaxAcceptsTheJsonTestSuiteFilesWithRawControlCharacters() throws Exception {
    Map<String, String> files =
        Map.of(
            "n_string_unescaped_newline.json", "\\n",
            "n_string_unescaped_tab.json", "\\t",
            "n_string_unescaped_ctrl_char.json", "\\u0000");
    for (Map.Entry<String, String> file : files.entrySet()) {
      byte[] document = Corpus.bytes("jsontestsuite", file.getKey());
      Object jackson = JacksonReference.parse(document, ParserOptions.Syntax.LENIENT);
      for (Splits.Split split : Splits.sweep(document)) {
        Replay.Outcome outcome = Replay.run(LENIENT_JSON, split, false);
        assertThat(outcome.value()).as(file.getKey() + " " + split.name()).isEqualTo(jackson);
        assertThat(outcome.parser().repairs())
            .as(file.getKey() + " " + split.name())
            .extracting(r -> r.kind() + " " + r.excerpt())
            .containsExactly("UNESCAPED_CONTROL_CHARACTER " + file.getValue());
      }
    }
  }
}
