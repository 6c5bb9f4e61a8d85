package dev.partialjson.binding;

import com.fasterxml.jackson.databind.JsonNode;
import dev.partialjson.schema.ModelSchema;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Checks a JSON value against the part of JSON Schema that {@link ModelSchema} writes in strict
 * mode and the recorded schemas use: type, properties, required, additionalProperties false, items,
 * enum, const, anyOf and $ref. Enough to see that a real model output fits a generated schema; not
 * a general validator.
 */
final class Conformance {
  private Conformance() {}

  /** Returns what is wrong with {@code value}, each naming its JSON path; empty if nothing. */
  static List<String> problems(JsonNode schema, JsonNode root, JsonNode value, String path) {
    List<String> out = new ArrayList<>();
    JsonNode resolved = RecordedSchemasTest.resolve(schema, root);
    if (resolved.has("anyOf")) {
      for (JsonNode option : resolved.get("anyOf")) {
        if (problems(option, root, value, path).isEmpty()) {
          return out;
        }
      }
      out.add(path + ": matches no option of anyOf");
      return out;
    }
    if (resolved.has("type")
        && !ModelSchemaTest.texts(resolved.get("type")).contains(type(value))) {
      if (!(type(value).equals("integer")
          && ModelSchemaTest.texts(resolved.get("type")).contains("number"))) {
        out.add(path + ": " + type(value) + " is not " + resolved.get("type"));
        return out;
      }
    }
    if (resolved.has("enum") && !contains(resolved.get("enum"), value)) {
      out.add(path + ": " + value + " is not one of " + resolved.get("enum"));
    }
    if (resolved.has("const") && !resolved.get("const").equals(value)) {
      out.add(path + ": " + value + " is not " + resolved.get("const"));
    }
    if (value.isObject()) {
      for (String name : ModelSchemaTest.texts(resolved.path("required"))) {
        if (!value.has(name)) {
          out.add(path + ": " + name + " is missing");
        }
      }
      JsonNode properties = resolved.path("properties");
      for (Map.Entry<String, JsonNode> field : value.properties()) {
        if (properties.has(field.getKey())) {
          out.addAll(
              problems(
                  properties.get(field.getKey()),
                  root,
                  field.getValue(),
                  path + "." + field.getKey()));
        } else if (resolved.path("additionalProperties").isBoolean()
            && !resolved.get("additionalProperties").booleanValue()) {
          out.add(path + ": " + field.getKey() + " is not allowed");
        }
      }
    }
    if (value.isArray() && resolved.has("items")) {
      for (int i = 0; i < value.size(); i++) {
        out.addAll(problems(resolved.get("items"), root, value.get(i), path + "[" + i + "]"));
      }
    }
    return out;
  }

  private static boolean contains(JsonNode values, JsonNode value) {
    for (JsonNode candidate : values) {
      if (candidate.equals(value)) {
        return true;
      }
    }
    return false;
  }

  private static String type(JsonNode value) {
    return switch (value.getNodeType()) {
      case OBJECT -> "object";
      case ARRAY -> "array";
      case STRING -> "string";
      case BOOLEAN -> "boolean";
      case NULL -> "null";
      case NUMBER -> value.isIntegralNumber() ? "integer" : "number";
      default -> value.getNodeType().toString();
    };
  }
}
