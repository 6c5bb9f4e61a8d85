package dev.partialjson.samples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReplayDemoTest {

  @Test
  void streamsStringDeltasBeforeTheCompleteString() {
    List<String> lines = run(0, "--stream", "openai-structured-output");

    assertThat(lines)
        .containsSubsequence(
            "content [San]",
            "  STRING_DELTA $.city \"San\"",
            "content [ Francisco]",
            "  STRING_DELTA $.city \" Francisco\"",
            "content [\",\"]",
            "  STRING $.city \"San Francisco\"");
  }

  @Test
  void reportsANumberOnlyWhenTheDelimiterArrives() {
    List<String> lines = run(0, "--stream", "openai-structured-output");

    int digits = lines.indexOf("content [61]");
    assertThat(lines.get(digits + 1)).isEqualTo("content [,\"]");
    assertThat(lines.get(digits + 2)).isEqualTo("  NUMBER $.temperature 61");
  }

  @Test
  void printsTheFinalValueAndNoRepairs() {
    List<String> lines = run(0, "--stream", "openai-structured-output");

    assertThat(lines)
        .containsSubsequence(
            "  DOCUMENT_END $",
            "stop reason: stop",
            "-- content: end of stream",
            "  final value: {\"city\":\"San Francisco\",\"temperature\":61,\"units\":\"f\"}",
            "  repairs: none");
  }

  @Test
  void parsesParallelToolCallsAsSeparateDocuments() {
    List<String> lines = run(0, "--stream", "openai-parallel-tool-calls");

    assertThat(lines).filteredOn(line -> line.endsWith("new document, new parser")).hasSize(2);
    assertThat(lines).filteredOn(line -> line.equals("  START_OBJECT $")).hasSize(2);
    assertThat(lines).filteredOn(line -> line.equals("  DOCUMENT_END $")).hasSize(2);
    assertThat(lines)
        .containsSubsequence(
            "-- tool_calls[0] (tool GetWeatherArgs): new document, new parser",
            "  STRING $.city \"Edinburgh\"",
            "  DOCUMENT_END $",
            "-- tool_calls[1] (tool get_stock_price): new document, new parser",
            "  STRING $.ticker \"AAPL\"",
            "  STRING $.exchange \"NASDAQ\"",
            "  DOCUMENT_END $",
            "stop reason: tool_calls",
            "-- tool_calls[0]: end of stream",
            "  final value: {\"city\":\"Edinburgh\",\"country\":\"GB\",\"units\":\"c\"}",
            "-- tool_calls[1]: end of stream",
            "  final value: {\"ticker\":\"AAPL\",\"exchange\":\"NASDAQ\"}");
  }

  @Test
  void feedsAnthropicInputJsonDeltasAndSkipsProse() {
    List<String> lines = run(0, "--stream", "anthropic-tool-use");

    assertThat(lines).noneMatch(line -> line.startsWith("content_block[0]"));
    assertThat(lines)
        .containsSubsequence(
            "content_block[1] [{\"locati]",
            "  START_OBJECT $",
            "content_block[1] [on\": \"P]",
            "  STRING_DELTA $.location \"P\"",
            "  STRING $.location \"Paris\"",
            "stop reason: tool_use",
            "  final value: {\"location\":\"Paris\"}");
  }

  @Test
  void reportsTheTruncatedStreamWithItsOpenPathsAndPartialValue() {
    List<String> lines = run(0, "--stream", "anthropic-max-tokens");

    assertThat(lines)
        .containsSubsequence(
            "content_block[1] [\\n\"Filing taxes]",
            "  STRING_DELTA $.lines_of_text[4] \"Filing taxes\"",
            "stop reason: max_tokens",
            "  incomplete: Incomplete JSON: the input ended inside a string at"
                + " $.lines_of_text[4] (offset 149, line 6, column 14); open: $, $.lines_of_text,"
                + " $.lines_of_text[4]",
            "  open paths: [$, $.lines_of_text, $.lines_of_text[4]]",
            "  complete so far: [$.filename]",
            "  partial value: {\"filename\":\"taxes.txt\",\"lines_of_text\":[\"# COMPREHENSIVE TAX"
                + " GUIDE FOR INDIVIDUALS WITH MULTIPLE W-2s\",\"\",\"## INTRODUCTION\",\"\","
                + "\"Filing taxes\"]}");
    assertThat(lines).noneMatch(line -> line.startsWith("  STRING $.lines_of_text[4]"));
  }

  @Test
  void replaysEveryStreamInTurnByDefault() {
    List<String> headers =
        run(0).stream().filter(line -> line.startsWith("== ")).map(l -> l.split(":")[0]).toList();

    assertThat(headers)
        .containsExactly(
            "== openai-structured-output",
            "== openai-parallel-tool-calls",
            "== openai-three-choices",
            "== openai-forecast",
            "== anthropic-tool-use",
            "== anthropic-max-tokens");
  }

  @Test
  void listsTheStreamsInTheHelp() {
    List<String> lines = run(0, "--help");

    assertThat(lines)
        .contains("  --stream NAME    replay one stream; default: all, in the order below");
    assertThat(lines).anyMatch(line -> line.startsWith("  anthropic-max-tokens "));
  }

  @Test
  void rejectsAnUnknownStream() {
    List<String> lines = run(2, "--stream", "nope");

    assertThat(lines.get(0)).isEqualTo("error: no stream named nope");
  }

  @Test
  void rejectsANegativeDelay() {
    List<String> lines = run(2, "--delay-ms", "-5");

    assertThat(lines.get(0)).isEqualTo("error: --delay-ms takes a number of milliseconds >= 0: -5");
  }

  private static List<String> run(int expectedStatus, String... args) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);

    int status = ReplayDemo.run(args, out);

    assertThat(status).as("exit status").isEqualTo(expectedStatus);
    return bytes.toString(StandardCharsets.UTF_8).lines().toList();
  }
}
