package dev.partialjson.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Brings a generated schema within the subset of JSON Schema that OpenAI's strict structured
 * outputs accept, and fails where that cannot be done without changing what the schema means.
 *
 * <p>A whitelist rather than a list of what to remove: a keyword the strict mode does not know is
 * rejected by the API with a 400, so anything new that victools starts to write must be looked at
 * here first. Length bounds and unknown formats are dropped, not failed on, because they narrow
 * values that Jakarta Validation checks anyway when the session completes.
 */
final class OpenAiStrictSubset {
  private static final Set<String> KEPT =
      Set.of(
          "type",
          "properties",
          "required",
          "additionalProperties",
          "items",
          "enum",
          "const",
          "anyOf",
          "$ref",
          "$defs",
          "description",
          "title",
          "pattern",
          "format",
          "minimum",
          "maximum",
          "exclusiveMinimum",
          "exclusiveMaximum",
          "multipleOf",
          "minItems",
          "maxItems");

  private static final Set<String> DROPPED = Set.of("minLength", "maxLength", "default");

  private static final Set<String> FORMATS =
      Set.of("date-time", "time", "date", "duration", "email", "hostname", "ipv4", "ipv6", "uuid");

  private OpenAiStrictSubset() {}

  /** Changes {@code schema} in place, or throws {@link IllegalArgumentException}. */
  static void apply(ObjectNode schema) {
    if (!"object".equals(schema.path("type").asText())) {
      throw new IllegalArgumentException(
          "OpenAI strict mode needs an object at the root of the schema, not " + schema);
    }
    visit(schema, "#");
  }

  private static void visit(ObjectNode schema, String where) {
    List<String> names = new ArrayList<>();
    schema.fieldNames().forEachRemaining(names::add);
    for (String name : names) {
      if (DROPPED.contains(name)) {
        schema.remove(name);
      } else if (!KEPT.contains(name)) {
        throw new IllegalArgumentException(
            "OpenAI strict mode does not support \"" + name + "\" (at " + where + ")");
      }
    }
    if (schema.has("format") && !FORMATS.contains(schema.get("format").asText())) {
      schema.remove("format");
    }
    if (schema.has("properties") || isObjectType(schema)) {
      requireEveryProperty(schema, where);
    }
    children(schema, "properties", where);
    children(schema, "$defs", where);
    if (schema.get("items") instanceof ObjectNode items) {
      visit(items, where + "/items");
    }
    if (schema.get("anyOf") instanceof ArrayNode anyOf) {
      for (int i = 0; i < anyOf.size(); i++) {
        if (anyOf.get(i) instanceof ObjectNode option) {
          visit(option, where + "/anyOf/" + i);
        }
      }
    }
  }

  private static void requireEveryProperty(ObjectNode schema, String where) {
    JsonNode additional = schema.get("additionalProperties");
    if (additional == null || !additional.isBoolean() || additional.booleanValue()) {
      throw new IllegalArgumentException(
          "OpenAI strict mode needs a fixed set of properties, so no maps (at " + where + ")");
    }
    ObjectNode properties =
        schema.get("properties") instanceof ObjectNode p ? p : schema.putObject("properties");
    ArrayNode required =
        schema.get("required") instanceof ArrayNode r ? r : schema.putArray("required");
    Set<String> listed = new HashSet<>();
    required.forEach(name -> listed.add(name.asText()));
    properties
        .fieldNames()
        .forEachRemaining(
            name -> {
              if (listed.add(name)) {
                required.add(name);
              }
            });
  }

  private static boolean isObjectType(ObjectNode schema) {
    JsonNode type = schema.get("type");
    if (type == null) {
      return false;
    }
    if (type.isTextual()) {
      return type.asText().equals("object");
    }
    for (JsonNode t : type) {
      if (t.asText().equals("object")) {
        return true;
      }
    }
    return false;
  }

  private static void children(ObjectNode schema, String keyword, String where) {
    if (schema.get(keyword) instanceof ObjectNode container) {
      for (Map.Entry<String, JsonNode> field : container.properties()) {
        if (field.getValue() instanceof ObjectNode child) {
          visit(child, where + "/" + keyword + "/" + field.getKey());
        }
      }
    }
  }
}
