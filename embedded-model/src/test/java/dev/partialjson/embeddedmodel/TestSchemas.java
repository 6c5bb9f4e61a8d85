package dev.partialjson.embeddedmodel;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The schemas the protocol tests send: a trip plan whose answer runs well past the cut-off's 40
 * tokens and whose list items have a bound to break, and tool arguments long enough for parallel
 * calls' fragments to take turns.
 */
final class TestSchemas {
  /** The properties of the answer's schema, in order. */
  static final Map<String, Object> PLAN = plan();

  /** The answer's required properties: all of them, so every answer is long. */
  static final List<String> PLAN_REQUIRED = List.of("title", "summary", "activities");

  /** The properties of a tool's parameters, in order. */
  static final Map<String, Object> TOOL = tool();

  /** A tool's required parameters: all of them. */
  static final List<String> TOOL_REQUIRED = List.of("city", "unit", "days", "note");

  private TestSchemas() {}

  private static Map<String, Object> plan() {
    Map<String, Object> activity = new LinkedHashMap<>();
    activity.put("name", Map.of("type", "string"));
    activity.put("day", Map.of("type", "string", "enum", List.of("SATURDAY", "SUNDAY")));
    activity.put("hours", Map.of("type", "integer", "minimum", 1, "maximum", 12));
    Map<String, Object> properties = new LinkedHashMap<>();
    properties.put("title", Map.of("type", "string"));
    properties.put("summary", Map.of("type", "string", "minLength", 80));
    properties.put(
        "activities",
        Map.of(
            "type",
            "array",
            "minItems",
            3,
            "maxItems",
            5,
            "items",
            Map.of(
                "type",
                "object",
                "properties",
                activity,
                "required",
                List.of("name", "day", "hours"))));
    return properties;
  }

  private static Map<String, Object> tool() {
    Map<String, Object> properties = new LinkedHashMap<>();
    properties.put("city", Map.of("type", "string"));
    properties.put("unit", Map.of("type", "string", "enum", List.of("celsius", "fahrenheit")));
    properties.put("days", Map.of("type", "integer", "minimum", 1, "maximum", 14));
    properties.put("note", Map.of("type", "string", "minLength", 40));
    return properties;
  }
}
