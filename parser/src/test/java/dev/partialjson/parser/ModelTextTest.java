package dev.partialjson.parser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.partialjson.testkit.Replay;
import dev.partialjson.testkit.Splits;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ModelTextTest {
  private static final ParserOptions MODEL_STRICT_SYNTAX =
      ParserOptions.builder().syntax(ParserOptions.Syntax.STRICT).build();
  private static final ParserOptions LENIENT_JSON =
      ParserOptions.builder().text(ParserOptions.Text.JSON).build();

  @Test
  void skipsProseAndAFenceBeforeTheRootAndIgnoresWhatFollowsUnderEverySplit() {
    String answer = "Sure! Here it is:\n```json\n{\"a\": [1, 2]}\n```\nAnything else?";
    for (Splits.Split split : Splits.sweep(answer)) {
      Replay.Outcome outcome = Replay.run(ParserOptions.defaults(), split, false);
      assertThat(outcome.value()).as(split.name()).isEqualTo(Map.of("a", List.of(1, 2)));
      assertThat(outcome.parser().repairs())
          .as(split.name())
          .containsExactly(
              new Repair(
                  Repair.Kind.SKIPPED_PREFIX,
                  JsonPath.root(),
                  0,
                  26,
                  "Sure! Here it is:\\n```json\\n"),
              new Repair(
                  Repair.Kind.SKIPPED_SUFFIX, JsonPath.root(), 40, 18, "```\\nAnything else?"));
    }
  }

  @Test
  void skipsAThinkingBlockEvenWhenItHoldsBrackets() {
    String answer = "<think>the user wants {json} or [a list]?</think>\n[\"done\"]";
    IncrementalJsonParser parser = IncrementalJsonParser.create(JsonListener.NONE);
    parser.feed(answer);
    parser.finish();
    assertThat(parser.snapshot().value()).isEqualTo(List.of("done"));
    assertThat(parser.repairs())
        .extracting(Repair::kind)
        .containsExactly(Repair.Kind.SKIPPED_PREFIX);
    assertThat(parser.repairs().get(0).length()).isEqualTo(answer.lastIndexOf('['));
  }

  @Test
  void doesNotReportWhitespaceBeforeTheRoot() {
    IncrementalJsonParser parser = IncrementalJsonParser.create(JsonListener.NONE);
    parser.feed("\n  \t{}\n\n");
    parser.finish();
    assertThat(parser.repairs()).isEmpty();
    assertThat(parser.snapshot().value()).isEqualTo(Map.of());
  }

  @Test
  void reportsTextWithNoJsonAsIncomplete() {
    IncrementalJsonParser parser = IncrementalJsonParser.create(JsonListener.NONE);
    parser.feed("I cannot help with that.\nSorry");
    assertThatThrownBy(parser::finish)
        .isInstanceOf(IncompleteJsonException.class)
        .hasMessage(
            "No JSON value began before the end of the input at $ (offset 30, line 2, column 6)");
    IncrementalJsonParser thinking = IncrementalJsonParser.create(JsonListener.NONE);
    thinking.feed("<thinking>maybe {\"a\": 1}");
    assertThatThrownBy(thinking::finish)
        .hasMessage(
            "No JSON value began before the end of the input (it ended inside a thinking block) at"
                + " $ (offset 24, line 1, column 25)");
  }

  @Test
  void countsLinesAndOffsetsFromTheStartOfTheWholeInput() {
    for (Splits.Split split : Splits.sweep("Here:\n\n{\"a\": tru,}")) {
      Replay.Outcome outcome = Replay.run(MODEL_STRICT_SYNTAX, split, false);
      assertThat(outcome.error())
          .as(split.name())
          .isInstanceOf(MalformedJsonException.class)
          .hasMessage(
              "Unrecognized token 'tru': was expecting (JSON String, Number, Array, Object or token"
                  + " 'null', 'true' or 'false') at $.a (offset 14, line 3, column 7) near"
                  + " \"Here:\\n\\n{\\\"a\\\": t\"");
    }
  }

  @Test
  void reportsEveryRelaxationItAccepts() {
    String document = "{a: 'x', /* note */ \"b\": [1, 2,], # yaml\n \"c\": 3, // end\n}";
    for (Splits.Split split : Splits.sweep(document)) {
      Replay.Outcome outcome = Replay.run(ParserOptions.defaults(), split, false);
      assertThat(outcome.value())
          .as(split.name())
          .isEqualTo(Map.of("a", "x", "b", List.of(1, 2), "c", 3));
      assertThat(outcome.parser().repairs())
          .as(split.name())
          .extracting(r -> r.kind() + "@" + r.byteOffset() + ":" + r.excerpt())
          .containsExactly(
              "UNQUOTED_NAME@1:a",
              "SINGLE_QUOTES@4:'",
              "COMMENT@9:/*",
              "TRAILING_COMMA@30:,",
              "COMMENT@34:#",
              "COMMENT@50://",
              "TRAILING_COMMA@48:,");
    }
  }

  @Test
  void reportsEachRepairAtTheSamePlaceAmongTheEventsUnderEverySplit() {
    String document = "{\"a\": [1, 2,], 'b': {c: 1,},}";
    List<String> expected =
        List.of(
            "START_OBJECT $",
            "START_ARRAY $.a",
            "NUMBER $.a[0] 1",
            "NUMBER $.a[1] 2",
            "REPAIR $.a TRAILING_COMMA at offset 11 \",\"",
            "END_ARRAY $.a",
            "REPAIR $ SINGLE_QUOTES at offset 15 \"'\"",
            "START_OBJECT $.b",
            "REPAIR $.b UNQUOTED_NAME at offset 21 \"c\"",
            "NUMBER $.b.c 1",
            "REPAIR $.b TRAILING_COMMA at offset 25 \",\"",
            "END_OBJECT $.b",
            "REPAIR $ TRAILING_COMMA at offset 27 \",\"",
            "END_OBJECT $",
            "DOCUMENT_END $");
    for (Splits.Split split : Splits.sweep(document)) {
      Replay.Outcome outcome = Replay.run(ParserOptions.defaults(), split, false);
      assertThat(outcome.log().merged())
          .as(split.name())
          .extracting(JsonEvent::toString)
          .isEqualTo(expected);
    }
  }

  /**
   * Jackson skips comments after the root value as anywhere else (found by the fuzzer as a string
   * root followed by a {@code #} comment, which the parser rejected as content after the root): in
   * JSON text with lenient syntax, so does the parser, and reports each.
   */
  @Test
  void acceptsAndReportsCommentsAfterTheRootInLenientJson() {
    String document = "\"x\" # yaml\n/* block */ // line";
    for (Splits.Split split : Splits.sweep(document)) {
      Replay.Outcome outcome = Replay.run(LENIENT_JSON, split, false);
      assertThat(outcome.error()).as(split.name()).isNull();
      assertThat(outcome.value()).as(split.name()).isEqualTo("x");
      assertThat(outcome.parser().repairs())
          .as(split.name())
          .extracting(r -> r.kind() + "@" + r.byteOffset() + ":" + r.excerpt() + " " + r.path())
          .containsExactly(
              "COMMENT@" + document.indexOf('#') + ":# $",
              "COMMENT@" + document.indexOf("/*") + ":/* $",
              "COMMENT@" + document.indexOf("//") + ":// $");
    }
    for (Splits.Split split : Splits.sweep("{\"a\": 1} /x")) {
      assertThat(Replay.run(LENIENT_JSON, split, false).error())
          .as(split.name())
          .isInstanceOf(MalformedJsonException.class)
          .hasMessage(
              "Unexpected content after the root value at $ (offset 9, line 1, column 10) near"
                  + " \"{\\\"a\\\": 1} \"");
    }
    for (String cut : List.of("[1] /", "[1] /* not closed *", "[1]\n/* not\nclosed")) {
      for (Splits.Split split : Splits.sweep(cut)) {
        assertThat(Replay.run(LENIENT_JSON, split, false).error())
            .as(cut + " " + split.name())
            .isInstanceOf(IncompleteJsonException.class)
            .hasMessageStartingWith(
                "Incomplete JSON: the input ended inside a comment after the root value");
      }
    }
    // a control character in a comment: as within the root, where Jackson rejects it (found by the
    // fuzzer's agreement check, after the change)
    for (String comment : List.of("# a\u0000b", "/* a\u0001 */", "// a\u001f\n")) {
      for (Splits.Split split : Splits.sweep("[1] " + comment)) {
        assertThat(Replay.run(LENIENT_JSON, split, false).error())
            .as(comment + " " + split.name())
            .isInstanceOf(MalformedJsonException.class)
            .hasMessageStartingWith(
                "Illegal character ((CTRL-CHAR, code "
                    + (int) comment.charAt(comment.indexOf('a') + 1)
                    + ")): only regular white space (\\r, \\n, \\t) is allowed between tokens"
                    + " at $ (offset "
                    + (4 + comment.indexOf('a') + 2)
                    + ",");
      }
    }
    IncrementalJsonParser within = IncrementalJsonParser.create(LENIENT_JSON, JsonListener.NONE);
    assertThatThrownBy(() -> within.feed("[1 # a\u0000b\n]"))
        .hasMessageStartingWith(
            "Illegal character ((CTRL-CHAR, code 0)): only regular white space (\\r, \\n, \\t) is"
                + " allowed between tokens at $ (offset 7,");
    IncrementalJsonParser strict =
        IncrementalJsonParser.create(ParserOptions.strict(), JsonListener.NONE);
    assertThatThrownBy(() -> strict.feed("[1] // line"))
        .isInstanceOf(MalformedJsonException.class)
        .hasMessageStartingWith("Unexpected content after the root value at $ (offset 4,");
  }

  @Test
  void strictSyntaxRejectsWhatLenientAccepts() {
    IncrementalJsonParser parser =
        IncrementalJsonParser.create(ParserOptions.strict(), JsonListener.NONE);
    assertThatThrownBy(() -> parser.feed("[1, 2,]"))
        .isInstanceOf(MalformedJsonException.class)
        .hasMessage(
            "Unexpected character (']' (code 93)): expected a valid value (JSON String, Number,"
                + " Array, Object or token 'null', 'true' or 'false') at $ (offset 6, line 1,"
                + " column 7) near \"[1, 2,\"");
  }

  @Test
  void requiresAnObjectOrArrayAtTheRootOfModelOutput() {
    IncrementalJsonParser parser = IncrementalJsonParser.create(JsonListener.NONE);
    parser.feed("42");
    assertThatThrownBy(parser::finish).isInstanceOf(IncompleteJsonException.class);
  }

  /**
   * A comment costs two bytes and its repair a hundred or so, so the parser keeps the first 1,000
   * (see {@link IncrementalJsonParser#repairs()}) and the listener gets every one.
   */
  @Test
  void keepsTheFirstThousandRepairsAndReportsEveryOneUnderEverySplit() {
    String document = "[" + "0/**/,".repeat(1_200) + "0]";
    for (Splits.Split split : Splits.sweep(document)) {
      Replay.Outcome outcome = Replay.run(ParserOptions.defaults(), split, false);
      List<Object> reported =
          outcome.log().merged().stream()
              .filter(e -> e.kind() == JsonEvent.Kind.REPAIR)
              .map(JsonEvent::value)
              .toList();
      assertThat(reported).as(split.name()).hasSize(1_200);
      assertThat(outcome.parser().repairs())
          .as(split.name())
          .hasSize(IncrementalJsonParser.KEPT_REPAIRS)
          .isEqualTo(reported.subList(0, IncrementalJsonParser.KEPT_REPAIRS));
      assertThat(outcome.parser().repairs().get(999))
          .isEqualTo(new Repair(Repair.Kind.COMMENT, JsonPath.parse("$"), 5_996, 2, "/*"));
      assertThat(outcome.value()).as(split.name()).asList().hasSize(1_201);
    }
  }
}
