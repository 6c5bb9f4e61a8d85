package dev.partialjson.samples;

import static org.assertj.core.api.Assertions.assertThat;

import com.openai.models.ResponseFormatJsonSchema;
import dev.partialjson.binding.StreamingBinder;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Runs the demo in-process against the embedded model, scenario by scenario (never a real key). */
class TerminalDemoTest {

  @Test
  void showsTheTitleGrowingBeforeTheStreamEnds() {
    List<String> lines = run("--scenario", "valid");

    List<String> titles = lines.stream().filter(l -> l.startsWith("$.title: ")).toList();
    assertThat(titles).hasSizeGreaterThan(2);
    assertThat(titles.get(0)).isEqualTo("$.title: \"A\"");
    for (int i = 1; i < titles.size(); i++) { // each one extends the one before
      String before = titles.get(i - 1);
      assertThat(titles.get(i))
          .startsWith(before.substring(0, before.length() - 1))
          .isNotEqualTo(before);
    }
    assertThat(titles.get(titles.size() - 1)).isEqualTo("$.title: \"A slow weekend in Lisbon\"");
    assertThat(lines.indexOf(titles.get(0)))
        .isLessThan(lines.indexOf("finish_reason: stop; usage: 38 prompt + 145 completion tokens"));
  }

  @Test
  void marksEachActivityAsItClosesThenPrintsTheValidRecordAndStats() {
    List<String> lines = run("--scenario", "valid");

    assertThat(lines)
        .containsSubsequence(
            "scenario valid: a valid trip plan",
            "response_format: json_schema trip_plan (strict), generated from TripPlan",
            "$.activities[0].name: \"Tram 28 through Alfama\"",
            "✓ $.activities[0] Tram 28 through Alfama (SATURDAY, 2 h)",
            "$.activities[1].name: \"Tile\"",
            "✓ $.activities[1] Tile museum (Museu do Azulejo) (SATURDAY, 3 h)",
            "✓ $.activities[2] Belém: the tower, the monastery and pastéis (SUNDAY, 4 h)",
            "✓ $.activities[3] Sunset at the Miradouro da Graça (SUNDAY, 1 h)",
            "finish_reason: stop; usage: 38 prompt + 145 completion tokens",
            "final record, valid:",
            "  \"title\" : \"A slow weekend in Lisbon\",",
            "    \"hours\" : 1");
    assertThat(lines.get(lines.size() - 1))
        .startsWith("stats: COMPLETED, 436 bytes in 145 deltas, ")
        .contains(" events; first event after ", " ms, first value after ", " ms, end after ");
    assertThat(String.join("\n", lines))
        .doesNotContain("\033[")
        .doesNotContain("✗")
        .doesNotContain("repaired");
  }

  @Test
  void marksTheInvalidActivityWithItsViolation() {
    List<String> lines = run("--scenario", "invalid-item");

    assertThat(lines)
        .containsSubsequence(
            "✓ $.activities[0] Tram 28 through Alfama (SATURDAY, 2 h)",
            "✓ $.activities[1] Tile museum (Museu do Azulejo) (SATURDAY, 3 h)",
            "✗ $.activities[2] Belém: the tower, the monastery and pastéis (SUNDAY, 14 h):"
                + " $.activities[2].hours must be less than or equal to 12",
            "$.activities[3].name: \"Sun\"",
            "✓ $.activities[3] Sunset at the Miradouro da Graça (SUNDAY, 1 h)",
            "bound, but 1 violation(s):",
            "  ✗ $.activities[2].hours must be less than or equal to 12",
            "    \"hours\" : 14");
    assertThat(lines.get(lines.size() - 1))
        .startsWith("stats: COMPLETED, 437 bytes in 145 deltas, ");
  }

  @Test
  void reportsTheOpenPathsAndWhatArrivedWhenCutOff() {
    List<String> lines = run("--scenario", "cut-off");

    assertThat(lines)
        .containsSubsequence(
            "$.summary: \"Trams, tiles and custard tarts, with time to sit by the river.\"",
            "$.activities[0].name: \"Tr\"",
            "finish_reason: length; usage: 38 prompt + 40 completion tokens",
            "incomplete: Incomplete JSON: the input ended inside a string at $.activities[0].name"
                + " (offset 142, line 1, column 143); open: $, $.activities, $.activities[0],"
                + " $.activities[0].name",
            "open paths: [$, $.activities, $.activities[0], $.activities[0].name]",
            "what did arrive, as a TripPlan:",
            "  \"title\" : \"A slow weekend in Lisbon\",",
            "    \"name\" : \"Tr\",",
            "    \"day\" : null,");
    assertThat(lines).noneMatch(l -> l.startsWith("✓") || l.startsWith("final record"));
    assertThat(lines.get(lines.size() - 1)).startsWith("stats: FAILED, 142 bytes in 40 deltas, ");
  }

  @Test
  void reportsTheSkippedProseAroundTheFence() {
    List<String> lines = run("--scenario", "fenced");

    assertThat(lines)
        .containsSubsequence(
            "✓ $.activities[3] Sunset at the Miradouro da Graça (SUNDAY, 1 h)",
            "finish_reason: stop; usage: 38 prompt + 165 completion tokens",
            "repaired: SKIPPED_PREFIX at byte 0 (55 bytes):"
                + " \"Here is a relaxed weekend in Lisbon, as JSON:\\n\\n```json\\n\"",
            "repaired: SKIPPED_SUFFIX at byte 492 (19 bytes): \"```\\nEnjoy the trip!\"",
            "final record, valid:");
    assertThat(lines.get(lines.size() - 1))
        .startsWith("stats: COMPLETED, 511 bytes in 165 deltas, ");
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
    assertThat(text).contains("\033[1mtitle      \033[0mA slow\033[0m\n");
    String lastFrame = text.substring(text.lastIndexOf("\033[7F\033[J"));
    assertThat(lastFrame)
        .contains("\033[32m✓\033[0m Tram 28 through Alfama (SATURDAY, 2 h)")
        .contains("\033[31m✗\033[0m Belém: the tower, the monastery and pastéis (SUNDAY, 14…");
  }

  @Test
  void sendsTheSchemaGeneratedFromTheRecordAsStrictResponseFormat() {
    ResponseFormatJsonSchema format =
        TerminalDemo.responseFormat(StreamingBinder.of(TripPlan.class));

    assertThat(format.jsonSchema().name()).isEqualTo("trip_plan");
    assertThat(format.jsonSchema().strict()).hasValue(true);
    String schema = String.valueOf(format.jsonSchema().schema().orElseThrow()._allProperties());
    assertThat(schema)
        .contains(
            "additionalProperties=false", "required=[title, summary, activities]", "SATURDAY");
  }

  @Test
  void rejectsAnUnknownScenario() {
    List<String> lines = run(2, "--scenario", "tool-calls");

    assertThat(lines.get(0)).isEqualTo("error: no scenario named tool-calls");
    assertThat(lines).contains("  cut-off        the valid plan cut off by max_tokens (40)");
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
