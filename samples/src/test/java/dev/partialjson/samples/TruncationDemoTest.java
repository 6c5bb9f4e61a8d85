package dev.partialjson.samples;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class TruncationDemoTest {
  private final List<String> lines = DemoOutput.of(TruncationDemo::run);

  @Test
  void showsTheOpenPathsAndTheTypedPartialValueOfTheCutOffAnswer() {
    assertThat(lines)
        .containsSubsequence(
            "line: # COMPREHENSIVE TAX GUIDE FOR INDIVIDUALS WITH MULTIPLE W-2s",
            "line: ",
            "line: ## INTRODUCTION",
            "line: ",
            "incomplete: Incomplete JSON: the input ended inside a string at $.lines_of_text[4]"
                + " (offset 149, line 6, column 14); open: $, $.lines_of_text, $.lines_of_text[4]",
            "open paths: [$, $.lines_of_text, $.lines_of_text[4]]",
            "$.filename: COMPLETE",
            "$.lines_of_text[4]: STREAMING",
            "partial value: FileContents[filename=taxes.txt, linesOfText=[# COMPREHENSIVE TAX"
                + " GUIDE FOR INDIVIDUALS WITH MULTIPLE W-2s, , ## INTRODUCTION, , Filing taxes]]");
    assertThat(lines).doesNotContain("line: Filing taxes");
  }

  @Test
  void showsWhatWasSkippedAroundTheFencedAnswer() {
    assertThat(lines)
        .containsSubsequence(
            "repair: SKIPPED_PREFIX at byte 0, 44 bytes: \"Sure! Here is the weather as"
                + " JSON:\\n\\n```json\\n\"",
            "repair: SKIPPED_SUFFIX at byte 98, 43 bytes: \"```\\n\\nLet me know if you need"
                + " anything else.\"",
            "value: Weather[city=San Francisco, temperature=61, units=f]");
  }

  @Test
  void showsThatStrictOptionsRejectTheFence() {
    assertThat(lines)
        .anyMatch(
            line ->
                line.startsWith("with ParserOptions.strict(): Unexpected character ('S' (code 83))")
                    && line.contains(" at $ (offset 0, line 1, column 1)"));
  }
}
