package dev.partialjson.parser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.partialjson.testkit.Splits;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LimitsTest {

  private static IncrementalJsonParser parser(Limits limits) {
    return IncrementalJsonParser.create(
        ParserOptions.strict().toBuilder().limits(limits).build(), JsonListener.NONE);
  }

  @Test
  void endsDeepNestingInALimitNotAStackOverflow() {
    IncrementalJsonParser parser = parser(Limits.defaults());
    assertThatThrownBy(() -> parser.feed("[".repeat(10_000)))
        .isInstanceOfSatisfying(
            LimitExceededException.class,
            e -> {
              assertThat(e.limit()).isEqualTo(Limits.Limit.NESTING_DEPTH);
              assertThat(e.maximum()).isEqualTo(1000);
              assertThat(e.byteOffset()).isEqualTo(1001); // Jackson reports just past the '['
            })
        .hasMessageStartingWith(
            "Document nesting depth (1001) exceeds the maximum allowed (1000, from"
                + " `StreamReadConstraints.getMaxNestingDepth()`) at $")
        .hasMessageEndingWith(
            "(offset 1001, line 1, column 1002); raise it with Limits.builder().maxNestingDepth(…)");
    Object snapshot = parser.snapshot().value();
    for (int depth = 0; depth < 999; depth++) {
      assertThat(snapshot).isInstanceOf(List.class);
      snapshot = ((List<?>) snapshot).get(0);
    }
  }

  @Test
  void stopsAStreamingStringAtTheLimitWhateverTheSplit() {
    Limits limits = Limits.builder().maxStringLength(1_000).build();
    byte[] document = ("{\"s\": \"" + "x".repeat(5_000) + "\"}").getBytes();
    for (Splits.Split split : Splits.sweep(document)) {
      IncrementalJsonParser parser =
          IncrementalJsonParser.create(
              ParserOptions.strict().toBuilder().limits(limits).build(), JsonListener.NONE);
      assertThatThrownBy(() -> split.feed(parser))
          .as(split.name())
          .isInstanceOfSatisfying(
              LimitExceededException.class,
              e -> assertThat(e.limit()).isEqualTo(Limits.Limit.STRING_LENGTH))
          .hasMessageContaining("exceeds the maximum allowed (1000")
          .hasMessageEndingWith("raise it with Limits.builder().maxStringLength(…)");
    }
  }

  @Test
  void namesTheNumberLengthLimit() {
    IncrementalJsonParser parser = parser(Limits.builder().maxNumberLength(10).build());
    assertThatThrownBy(() -> parser.feed("[12345678901234567890]"))
        .isInstanceOfSatisfying(
            LimitExceededException.class,
            e -> assertThat(e.limit()).isEqualTo(Limits.Limit.NUMBER_LENGTH))
        .hasMessageStartingWith("Number value length (20) exceeds the maximum allowed (10")
        .hasMessageEndingWith("raise it with Limits.builder().maxNumberLength(…)");
    IncrementalJsonParser defaults = parser(Limits.defaults());
    assertThatThrownBy(() -> defaults.feed("[" + "9".repeat(10_000) + "]"))
        .isInstanceOf(LimitExceededException.class);
  }

  @Test
  void namesTheNameLengthLimit() {
    IncrementalJsonParser parser = parser(Limits.builder().maxNameLength(5).build());
    assertThatThrownBy(() -> parser.feed("{\"abcdefgh\": 1}"))
        .isInstanceOfSatisfying(
            LimitExceededException.class,
            e -> assertThat(e.limit()).isEqualTo(Limits.Limit.NAME_LENGTH))
        .hasMessageEndingWith("raise it with Limits.builder().maxNameLength(…)");
  }

  @Test
  void countsSkippedTextTowardsTheDocumentLength() {
    IncrementalJsonParser parser =
        IncrementalJsonParser.create(
            ParserOptions.builder().limits(Limits.builder().maxDocumentLength(20).build()).build(),
            JsonListener.NONE);
    parser.feed("Answer: {\"a\": 1, ");
    assertThatThrownBy(() -> parser.feed("\"b\": 2}"))
        .isInstanceOfSatisfying(
            LimitExceededException.class,
            e -> {
              assertThat(e.limit()).isEqualTo(Limits.Limit.DOCUMENT_LENGTH);
              assertThat(e.maximum()).isEqualTo(20);
            })
        .hasMessageStartingWith("Document length exceeds the maximum allowed (20 bytes)")
        .hasMessageEndingWith("raise it with Limits.builder().maxDocumentLength(…)");
    assertThat(parser.bytesFed()).isEqualTo(20);
    assertThat(parser.snapshot().value()).isEqualTo(Map.of("a", 1));
  }

  @Test
  void rejectsNonsenseLimits() {
    assertThatThrownBy(() -> Limits.builder().maxNestingDepth(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("depth < 1: 0");
    assertThatThrownBy(() -> Limits.builder().maxDocumentLength(0)).hasMessage("length < 1: 0");
  }
}
