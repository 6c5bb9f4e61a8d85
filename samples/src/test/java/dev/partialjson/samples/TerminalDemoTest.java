package dev.partialjson.samples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Runs the demo in-process against the embedded model, scenario by scenario (never a real key). */
class TerminalDemoTest {

  private static final Pattern CLOSED =
      Pattern.compile("✓ \\$\\.activities\\[(\\d+)] .+ \\((SATURDAY|SUNDAY), ([1-9]|1[0-2]) h\\)");
  private static final Pattern FINISH =
      Pattern.compile("finish_reason: (\\w+); usage: \\d+ prompt \\+ (\\d+) completion tokens");

  @Test
  void showsTheTitleGrowingBeforeTheStreamEnds() {
    List<String> lines = run("--scenario", "valid");

    List<String> titles = lines.stream().filter(l -> l.startsWith("$.title: ")).toList();
    assertThat(titles).hasSizeGreaterThan(1);
    for (int i = 1; i < titles.size(); i++) { // each one extends the one before
      String before = titles.get(i - 1);
      assertThat(titles.get(i))
          .startsWith(before.substring(0, before.length() - 1))
          .isNotEqualTo(before);
    }
    String last = titles.get(titles.size() - 1).substring("$.title: ".length());
    assertThat(lines).contains("  \"title\" : " + last + ",");
    assertThat(lines.indexOf(titles.get(0))).isLessThan(indexOf(lines, FINISH));
  }

  @Test
  void marksEachActivityAsItClosesThenPrintsTheValidRecordAndStats() {
    List<String> lines = run("--scenario", "valid");

    assertThat(lines)
        .containsSubsequence(
            "scenario valid: a valid answer to the request's schema",
            "response_format: json_schema TripPlan (strict), generated from TripPlan");
    List<String> closed = lines.stream().filter(l -> CLOSED.matcher(l).matches()).toList();
    assertThat(closed).isNotEmpty();
    for (int i = 0; i < closed.size(); i++) { // one mark per activity, in order
      assertThat(closed.get(i)).startsWith("✓ $.activities[" + i + "] ");
    }
    assertThat(lines.indexOf(closed.get(closed.size() - 1))).isLessThan(indexOf(lines, FINISH));
    Matcher finish = FINISH.matcher(lines.get(indexOf(lines, FINISH)));
    assertThat(finish.matches()).isTrue();
    assertThat(finish.group(1)).isEqualTo("stop");
    assertThat(lines.subList(indexOf(lines, FINISH), lines.size()))
        .contains("final record, valid:");
    assertThat(lines.stream().filter(l -> l.startsWith("    \"hours\" : "))).hasSize(closed.size());
    assertThat(lines.get(lines.size() - 1)) // one delta per token the model counted
        .matches("stats: COMPLETED, \\d+ bytes in " + finish.group(2) + " deltas, .*")
        .contains(" events; first event after ", " ms, first value after ", " ms, end after ");
    assertThat(String.join("\n", lines))
        .doesNotContain("\033[")
        .doesNotContain("✗")
        .doesNotContain("repaired");
  }

  @Test
  void marksTheInvalidActivityWithItsViolation() {
    List<String> lines = run("--scenario", "invalid-item");

    List<String> marked = lines.stream().filter(l -> l.startsWith("✗ $.activities[")).toList();
    assertThat(marked).hasSize(1);
    String path = marked.get(0).substring(2, marked.get(0).indexOf(']') + 1);
    assertThat(marked.get(0))
        .matches("✗ \\$\\.activities\\[\\d+] .+ \\(\\w+, (1[3-9]|[2-9]\\d+) h\\): .*")
        .endsWith("): " + path + ".hours must be less than or equal to 12");
    assertThat(lines.stream().filter(l -> CLOSED.matcher(l).matches())).isNotEmpty();
    assertThat(lines)
        .containsSubsequence(
            marked.get(0),
            "bound, but 1 violation(s):",
            "  ✗ " + path + ".hours must be less than or equal to 12");
    assertThat(lines.get(lines.size() - 1)).startsWith("stats: COMPLETED, ");
  }

  @Test
  void reportsTheOpenPathsAndWhatArrivedWhenCutOff() {
    List<String> lines = run("--scenario", "cut-off");

    Matcher finish = FINISH.matcher(lines.get(indexOf(lines, FINISH)));
    assertThat(finish.matches()).isTrue();
    assertThat(finish.group(1)).isEqualTo("length");
    assertThat(finish.group(2)).isEqualTo(String.valueOf(TerminalDemo.CUT_OFF_TOKENS));
    String incomplete =
        lines.stream().filter(l -> l.startsWith("incomplete: ")).findFirst().orElseThrow();
    assertThat(incomplete)
        .startsWith("incomplete: Incomplete JSON: the input ended inside ")
        .contains("; open: $, $.activities");
    String open = incomplete.substring(incomplete.indexOf("; open: ") + "; open: ".length());
    assertThat(lines)
        .containsSubsequence(
            incomplete, "open paths: [" + open + "]", "what did arrive, as a TripPlan:");
    assertThat(lines).noneMatch(l -> l.startsWith("final record"));
    assertThat(lines.get(lines.size() - 1)).matches("stats: FAILED, \\d+ bytes in 40 deltas, .*");
  }

  @Test
  void reportsTheSkippedProseAroundTheFence() {
    List<String> lines = run("--scenario", "fenced");

    assertThat(lines.stream().filter(l -> CLOSED.matcher(l).matches())).isNotEmpty();
    assertThat(lines)
        .anyMatch(
            l ->
                l.matches(
                    "repaired: SKIPPED_PREFIX at byte 0 \\(\\d+ bytes\\): \".*```json\\\\n\""))
        .anyMatch(l -> l.matches("repaired: SKIPPED_SUFFIX at byte \\d+ \\(\\d+ bytes\\): \"```.*"))
        .contains("final record, valid:");
    assertThat(lines.get(lines.size() - 1)).startsWith("stats: COMPLETED, ");
  }

  @Test
  void showsTheThinkBlockAsReasoningBeforeTheAnswer() {
    List<String> lines = run("--scenario", "think");

    assertThat(lines)
        .anyMatch(l -> l.startsWith("repaired: SKIPPED_PREFIX at byte 0 ") && l.contains("<think>"))
        .contains("final record, valid:");
    assertReasoningBeforeTheAnswer(lines, 2); // the block's text has a line break at each end
  }

  @Test
  void showsAThinkingBlockAsReasoningToo() {
    List<String> lines = run("--scenario", "thinking");

    assertThat(lines).contains("final record, valid:");
    assertReasoningBeforeTheAnswer(lines, 2);
  }

  @Test
  void showsTheProvidersReasoningBeforeTheAnswerInEitherField() {
    for (String scenario : List.of("reasoning", "reasoning-field")) {
      List<String> lines = run("--scenario", scenario);

      assertThat(lines).contains("final record, valid:").noneMatch(l -> l.startsWith("repaired"));
      assertReasoningBeforeTheAnswer(lines, 0);
    }
  }

  /** {@code around}: whitespace around the reasoning that the one-line print strips. */
  @Test
  void thinksAloudByDefault() {
    List<String> lines = run();

    assertThat(lines.get(0)).startsWith("scenario reasoning: ");
    assertReasoningBeforeTheAnswer(lines, 0);
  }

  private static void assertReasoningBeforeTheAnswer(List<String> lines, int around) {
    List<String> reasoning = lines.stream().filter(l -> l.startsWith("reasoning: ")).toList();
    assertThat(reasoning).hasSize(1);
    assertThat(reasoning.get(0)).startsWith("reasoning: The user wants an answer");
    int title =
        lines.stream()
            .filter(l -> l.startsWith("$.title: "))
            .findFirst()
            .map(lines::indexOf)
            .orElseThrow();
    assertThat(lines.indexOf(reasoning.get(0))).isLessThan(title);
    String chars = String.valueOf(reasoning.get(0).length() - "reasoning: ".length() + around);
    assertThat(lines.get(lines.size() - 1)).contains(" events, " + chars + " chars of reasoning");
  }

  @Test
  void redrawsInPlaceOnATerminal() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    int status =
        TerminalDemo.run(
            new String[] {"--scenario", "invalid-item"},
            out,
            Map.of(),
            LiveView.Mode.ANSI,
            60,
            Duration.ZERO);
    String text = bytes.toString(StandardCharsets.UTF_8);

    assertThat(status).isZero();
    assertThat(text).doesNotContain("$.title: "); // no line per growth: the frame is redrawn
    assertThat(text).contains("\033[3F\033[J"); // up over title, summary and the heading, clear
    assertThat(text).contains("\033[1mtitle      \033[0m");
    String lastFrame = text.substring(text.lastIndexOf("\033[J"));
    assertThat(lastFrame).contains("\033[32m✓\033[0m ").contains("\033[31m✗\033[0m ");
  }

  @Test
  void rejectsAnUnknownScenario() {
    List<String> lines = run(2, "--scenario", "parallel-tools");

    assertThat(lines.get(0)).isEqualTo("error: no scenario named parallel-tools");
    assertThat(lines)
        .contains(
            "  cut-off        the answer stops at max_tokens or 40 tokens, whichever is lower");
  }

  private static int indexOf(List<String> lines, Pattern pattern) {
    for (int i = 0; i < lines.size(); i++) {
      if (pattern.matcher(lines.get(i)).matches()) {
        return i;
      }
    }
    throw new AssertionError("no line matches " + pattern + " in " + lines);
  }

  private static List<String> run(String... args) {
    return run(0, args);
  }

  private static List<String> run(int expectedStatus, String... args) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    int status = TerminalDemo.run(args, out);
    assertThat(status).isEqualTo(expectedStatus);
    return bytes.toString(StandardCharsets.UTF_8).lines().toList();
  }
}
