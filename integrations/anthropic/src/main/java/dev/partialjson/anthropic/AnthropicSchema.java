package dev.partialjson.anthropic;

import com.anthropic.core.JsonValue;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.partialjson.binding.StreamingBinder;
import dev.partialjson.schema.ModelSchema;
import dev.partialjson.schema.SchemaMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The bound type's JSON Schema in the two shapes a Messages request takes: for structured outputs
 * ({@code output_config.format}) and for a tool's {@code input_schema}.
 *
 * <p>Structured outputs start from {@link SchemaMode#OPENAI_STRICT} (every object closed with
 * {@code "additionalProperties": false}, which Anthropic requires too) and drop what Anthropic's
 * structured outputs refuse: numeric bounds, and list sizes other than {@code minItems} 0 or 1.
 * Each dropped bound is appended to the schema's {@code description} ({@code {minimum: 1, maximum:
 * 5}}), as Anthropic's own SDKs do, so that the model still reads it; and Jakarta Validation still
 * checks it, on each list item as it closes and on the whole value at the end, so the answer is
 * held to the record's annotations all the same.
 */
final class AnthropicSchema {
  // In a fixed order, so that the description reads the same on every run.
  private static final List<String> UNSUPPORTED =
      List.of(
          "minimum", "exclusiveMinimum", "maximum", "exclusiveMaximum", "multipleOf", "maxItems");

  // The schema as a tree of the Jackson 2 the SDK itself brings.
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private AnthropicSchema() {}

  /** Returns {@code schema} as an object node (its root is always an object). */
  private static ObjectNode tree(ModelSchema schema) {
    return MAPPER.valueToTree(schema.toMap());
  }

  /** Returns the schema for {@code output_config.format.schema}, as the SDK's JSON values. */
  static Map<String, JsonValue> structuredOutput(StreamingBinder<?> binder) {
    ObjectNode schema = tree(ModelSchema.of(binder, SchemaMode.OPENAI_STRICT));
    strip(schema);
    return members(schema);
  }

  /**
   * Returns the schema for a tool's {@code input_schema}: plain JSON Schema, whose root must be an
   * object (the Messages API takes nothing else as a tool's input).
   *
   * @throws IllegalArgumentException if the bound type is not read as a JSON object
   */
  static ObjectNode toolInput(String tool, StreamingBinder<?> binder) {
    ObjectNode schema = tree(ModelSchema.of(binder, SchemaMode.PLAIN));
    if (!"object".equals(schema.path("type").asText())) {
      throw new IllegalArgumentException(
          "a tool's input must be a JSON object, but tool \""
              + tool
              + "\" is bound to "
              + binder.type().getTypeName()
              + ", written as JSON of type "
              + schema.path("type"));
    }
    schema.remove("$schema");
    return schema;
  }

  /** Strips one schema and the schemas inside it, never a property that has a keyword's name. */
  private static void strip(JsonNode node) {
    if (!(node instanceof ObjectNode schema)) {
      return; // "additionalProperties": false, "items": true
    }
    List<String> dropped = new ArrayList<>();
    for (String keyword : UNSUPPORTED) {
      JsonNode bound = schema.remove(keyword);
      if (bound != null) {
        dropped.add(keyword + ": " + bound);
      }
    }
    JsonNode minItems = schema.get("minItems");
    if (minItems != null && minItems.asInt() > 1) {
      dropped.add("minItems: " + schema.remove("minItems"));
    }
    if (!dropped.isEmpty()) {
      String description = schema.path("description").asText("");
      String bounds = "{" + String.join(", ", dropped) + "}";
      schema.put("description", description.isEmpty() ? bounds : description + "\n\n" + bounds);
    }
    for (String map : new String[] {"properties", "$defs"}) {
      for (JsonNode child : schema.path(map)) {
        strip(child);
      }
    }
    strip(schema.path("items"));
    strip(schema.path("additionalProperties"));
    for (JsonNode child : schema.path("anyOf")) {
      strip(child);
    }
  }

  static Map<String, JsonValue> members(ObjectNode schema) {
    Map<String, JsonValue> members = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> member : schema.properties()) {
      members.put(member.getKey(), JsonValue.fromJsonNode(member.getValue()));
    }
    return members;
  }
}
