package dev.partialjson.embeddedmodel;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Decides what one choice answers to a request under its scenario: which parts (reasoning, text,
 * tool calls), with which text, and where the answer stops. The JSON itself comes from {@link
 * AnswerSource}. Stateless.
 */
final class Answers {
  /** The token limit of {@link Scenario#CUT_OFF} when the request sets none. */
  static final int CUT_OFF_TOKENS = 40;

  static final String REASONING =
      "The user wants an answer that follows the schema. I will fill in every field in the"
          + " schema's order, keep the numbers within their bounds, and use the exact enum values.";

  private static final Pattern STRING_VALUE = Pattern.compile(":\\s*\"");

  private Answers() {}

  /** Returns the script of choice {@code choice} (from 0) of {@code request}. */
  static Script script(ModelRequest request, int choice) {
    Scenario scenario = request.scenario();
    long seed = request.seed() + choice;
    List<Script.Part> parts = new ArrayList<>();
    if (scenario == Scenario.REASONING || scenario == Scenario.REASONING_FIELD) {
      parts.add(Script.Part.reasoning(REASONING));
    }
    List<ModelRequest.Tool> tools = request.tools();
    if (scenario == Scenario.PARALLEL_TOOLS) {
      parts.addAll(parallelCalls(tools, scenario, seed));
    } else if (!tools.isEmpty()) {
      ModelRequest.Tool tool = tools.get(0);
      String arguments = AnswerSource.answer(tool.parameters(), scenario, seed);
      parts.add(Script.Part.toolCall(callId(seed, 0), tool.name(), brokenIf(scenario, arguments)));
    } else {
      String json =
          brokenIf(scenario, AnswerSource.answer(request.responseSchema(), scenario, seed));
      parts.add(Script.Part.text(decorated(scenario, json)));
    }
    // Anthropic requires max_tokens, usually far above an answer: cut-off caps it at 40.
    int limit = request.maxTokens().orElse(Integer.MAX_VALUE);
    if (scenario == Scenario.CUT_OFF) {
      limit = Math.min(limit, CUT_OFF_TOKENS);
    }
    return Script.of(parts, scenario == Scenario.PARALLEL_TOOLS, limit);
  }

  private static List<Script.Part> parallelCalls(
      List<ModelRequest.Tool> tools, Scenario scenario, long seed) {
    if (tools.isEmpty()) {
      return List.of(
          Script.Part.toolCall(
              callId(seed, 0), "get_weather", "{\"city\": \"Lisbon\", \"unit\": \"celsius\"}"),
          Script.Part.toolCall(
              callId(seed, 1),
              "find_tickets",
              "{\"place\": \"Castelo de São Jorge\", \"date\": \"2026-05-16\", \"people\": 2}"));
    }
    List<Script.Part> calls = new ArrayList<>();
    for (int k = 0; k < 2; k++) {
      ModelRequest.Tool tool = tools.get(k % tools.size());
      calls.add(
          Script.Part.toolCall(
              callId(seed, k),
              tool.name(),
              AnswerSource.answer(tool.parameters(), scenario, seed + k)));
    }
    return calls;
  }

  private static String decorated(Scenario scenario, String json) {
    return switch (scenario) {
      case FENCED ->
          "Here is the answer you asked for, as JSON:\n\n```json\n"
              + json
              + "\n```\n\nTell me if you would like any changes — bon voyage!";
      case THINK -> "<think>\n" + REASONING + "\n</think>\n\n" + json;
      case THINKING -> "<thinking>\n" + REASONING + "\n</thinking>\n\n" + json;
      default -> json;
    };
  }

  /**
   * Returns {@code json} with a quote left unescaped inside its first long string value under
   * {@link Scenario#INVALID_TOOL_JSON}: the JSON is valid up to that quote, which a parser then
   * takes as the string's end and fails on the next word.
   */
  static String brokenIf(Scenario scenario, String json) {
    if (scenario != Scenario.INVALID_TOOL_JSON) {
      return json;
    }
    // A string value starts after a colon, with or without a space: compact JSON has none.
    Matcher value = STRING_VALUE.matcher(json);
    while (value.find()) {
      int start = value.end();
      int end = json.indexOf('"', start);
      if (end - start >= 8) {
        int space = json.indexOf(' ', start + 2);
        int cut = space > start && space < end ? space : start + 4;
        return json.substring(0, cut) + " \"quoted\"" + json.substring(cut);
      }
    }
    return json.substring(0, json.length() - 1) + ",}"; // no long string: a trailing comma
  }

  /** Returns a call id, the same for the same seed and call, without the protocol's prefix. */
  static String callId(long seed, int call) {
    return String.format("%08x%02d", seed & 0xffffffffL, call);
  }
}
