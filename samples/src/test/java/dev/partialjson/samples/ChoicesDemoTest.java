package dev.partialjson.samples;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ChoicesDemoTest {
  private final List<String> lines = DemoOutput.of(ChoicesDemo::run);

  @Test
  void rendersEachChoiceInItsOwnColumnAsItGrows() {
    assertThat(lines)
        .containsSubsequence(
            "choice 0                choice 1                choice 2",
            "San",
            "San                     San",
            "San Francisco           San                     San",
            "San Francisco 65°       San Francisco           San Francisco",
            "San Francisco 65°       San Francisco 61°       San Francisco 59°",
            "San Francisco 65°F      San Francisco 61°F      San Francisco 59°F",
            "valid                   valid                   valid");
  }

  @Test
  void printsARowOnlyWhenSomethingVisibleChanged() {
    List<String> rows = lines.subList(3, lines.size() - 2);

    assertThat(rows).doesNotHaveDuplicates().noneMatch(String::isEmpty);
  }

  @Test
  void cutsACellThatDoesNotFitItsColumn() {
    String row = ChoicesDemo.row(2, c -> c == 0 ? "x".repeat(30) : "next");

    assertThat(row).isEqualTo("x".repeat(ChoicesDemo.COLUMN - 1) + "…next");
  }
}
