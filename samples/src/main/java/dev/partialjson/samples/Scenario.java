package dev.partialjson.samples;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The scripted answers of the {@link EmbeddedModel}. A request picks one with the model name {@code
 * embedded/<id>} (such as {@code embedded/invalid-item}) or a marker {@code [scenario: <id>]} in
 * its last user message; anything else gets {@link #VALID}. The JSON answers are a {@link
 * TripPlan}, so that the samples can bind them. Immutable and thread-safe.
 */
public enum Scenario {
  /** A valid trip plan. */
  VALID("valid", "a valid trip plan", plan(4), List.of(), "stop", Integer.MAX_VALUE),
  /** A plan whose third activity breaks a constraint: 14 hours, at most 12 allowed. */
  INVALID_ITEM(
      "invalid-item",
      "a plan whose third activity lasts 14 hours (at most 12 allowed)",
      plan(14),
      List.of(),
      "stop",
      Integer.MAX_VALUE),
  /**
   * The valid plan cut off by {@code max_tokens}: 40 tokens unless the request asks for fewer
   * ({@code max_tokens} or {@code max_completion_tokens}); {@code finish_reason} is {@code length}.
   */
  CUT_OFF("cut-off", "the valid plan cut off by max_tokens (40)", plan(4), List.of(), "stop", 40),
  /** The valid plan inside a Markdown {@code ```json} fence, with prose before and after it. */
  FENCED(
      "fenced",
      "the valid plan in a Markdown fence, with prose before it",
      "Here is a relaxed weekend in Lisbon, as JSON:\n\n```json\n"
          + plan(4)
          + "\n```\nEnjoy the trip!",
      List.of(),
      "stop",
      Integer.MAX_VALUE),
  /**
   * Two parallel tool calls, their arguments streamed by index; {@code finish_reason} {@code
   * tool_calls}.
   */
  TOOL_CALLS(
      "tool-calls",
      "two parallel tool calls with streamed arguments",
      "",
      List.of(
          new ToolCall("call_weather_1", "get_weather", "{\"city\": \"Lisbon\", \"unit\": \"c\"}"),
          new ToolCall(
              "call_tickets_2",
              "find_tickets",
              "{\"place\": \"Castelo de São Jorge\", \"date\": \"2026-05-16\", \"people\": 2}")),
      "tool_calls",
      Integer.MAX_VALUE);

  /**
   * One tool call of a scripted answer.
   *
   * @param id the call's id, sent with its first delta
   * @param name the function's name, sent with its first delta
   * @param arguments the arguments, streamed in tokens
   */
  public record ToolCall(String id, String name, String arguments) {

    /** Checks the components. */
    public ToolCall {
      Objects.requireNonNull(id, "id == null");
      Objects.requireNonNull(name, "name == null");
      Objects.requireNonNull(arguments, "arguments == null");
    }
  }

  private final String id;
  private final String description;
  private final String content;
  private final List<ToolCall> toolCalls;
  private final String finishReason;
  private final int maxTokens;

  Scenario(
      String id,
      String description,
      String content,
      List<ToolCall> toolCalls,
      String finishReason,
      int maxTokens) {
    this.id = id;
    this.description = description;
    this.content = content;
    this.toolCalls = toolCalls;
    this.finishReason = finishReason;
    this.maxTokens = maxTokens;
  }

  /**
   * Returns the name used in {@code embedded/<id>}, {@code [scenario: <id>]} and {@code
   * --scenario}.
   */
  public String id() {
    return id;
  }

  /** Returns what the answer shows, in one line. */
  public String description() {
    return description;
  }

  /** Returns the whole text of the answer's content; empty for a tool-call answer. */
  public String content() {
    return content;
  }

  /** Returns the answer's tool calls, in index order; empty for a content answer. */
  public List<ToolCall> toolCalls() {
    return toolCalls;
  }

  /** Returns the {@code finish_reason} of a complete answer (one not cut off by a token limit). */
  public String finishReason() {
    return finishReason;
  }

  /** Returns the token limit this scenario applies when the request sets none lower. */
  public int maxTokens() {
    return maxTokens;
  }

  /** Returns the scenario named {@code id}, if there is one. */
  public static Optional<Scenario> byId(String id) {
    Objects.requireNonNull(id, "id == null");
    for (Scenario scenario : values()) {
      if (scenario.id.equals(id)) {
        return Optional.of(scenario);
      }
    }
    return Optional.empty();
  }

  /** Returns the plan, with {@code hours} for the third activity (at most 12 is valid). */
  private static String plan(int hours) {
    return """
        {"title": "A slow weekend in Lisbon", \
        "summary": "Trams, tiles and custard tarts, with time to sit by the river.", \
        "activities": [\
        {"name": "Tram 28 through Alfama", "day": "SATURDAY", "hours": 2}, \
        {"name": "Tile museum (Museu do Azulejo)", "day": "SATURDAY", "hours": 3}, \
        {"name": "Belém: the tower, the monastery and pastéis", "day": "SUNDAY", "hours": %d}, \
        {"name": "Sunset at the Miradouro da Graça", "day": "SUNDAY", "hours": 1}]}"""
        .formatted(hours);
  }
}
