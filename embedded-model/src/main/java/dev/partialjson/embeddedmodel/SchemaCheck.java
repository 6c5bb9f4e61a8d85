package dev.partialjson.embeddedmodel;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Refuses, before any answer is written, the schemas that answers cannot honour: assertions this
 * generator does not implement, references outside the document or to nothing, unknown type names,
 * and patterns that neither the pattern writer nor a listed value can satisfy. Each refusal names
 * the construct and its JSON Pointer.
 *
 * <p>Unknown keywords are let through on purpose: schemas in the wild carry vendor annotations
 * ({@code x-order}, {@code discriminator}, {@code propertyOrder}) that constrain nothing.
 */
final class SchemaCheck {
  private static final Map<String, String> REFUSED =
      Map.ofEntries(
          Map.entry("not", "a value that must not match a schema"),
          Map.entry("if", "conditional schemas"),
          Map.entry("then", "conditional schemas"),
          Map.entry("else", "conditional schemas"),
          Map.entry("patternProperties", "property names by pattern"),
          Map.entry("propertyNames", "constraints on property names"),
          Map.entry("dependentRequired", "properties required by others"),
          Map.entry("dependentSchemas", "schemas that depend on properties"),
          Map.entry("dependencies", "properties required by others"),
          Map.entry("contains", "lists that must contain a match"),
          Map.entry("$dynamicRef", "dynamic references"),
          Map.entry("$recursiveRef", "recursive references"));

  private static final Set<String> TYPES =
      Set.of("string", "number", "integer", "boolean", "object", "array", "null");

  // The most items, properties or characters that a lower bound may ask for.
  private static final BigDecimal MOST = BigDecimal.valueOf(10_000);

  private SchemaCheck() {}

  /** Throws {@link IllegalArgumentException} for the first construct that cannot be honoured. */
  static void check(JsonNode root) {
    visit(root, root, "");
  }

  private static void visit(JsonNode root, JsonNode schema, String where) {
    if (!schema.isObject()) {
      if (!schema.isBoolean()) {
        throw refused("a schema must be an object or a boolean, not " + schema, where);
      }
      return;
    }
    for (Map.Entry<String, JsonNode> field : schema.properties()) {
      String key = field.getKey();
      String why = REFUSED.get(key);
      if (why != null) {
        throw refused("\"" + key + "\" (" + why + ") is not supported", where + "/" + key);
      }
      if ((key.equals("unevaluatedProperties") || key.equals("unevaluatedItems"))
          && !field.getValue().equals(BooleanNode.FALSE)) {
        throw refused("\"" + key + "\" other than false is not supported", where + "/" + key);
      }
    }
    checkType(schema.get("type"), where);
    checkRef(root, schema.get("$ref"), where);
    checkEnum(schema.get("enum"), where);
    checkPattern(schema, where);
    checkSize(schema, "minItems", where);
    checkSize(schema, "minProperties", where);
    checkSize(schema, "minLength", where);
    for (String keyword : new String[] {"properties", "$defs", "definitions"}) {
      if (schema.get(keyword) instanceof ObjectNode children) {
        for (Map.Entry<String, JsonNode> child : children.properties()) {
          visit(root, child.getValue(), where + "/" + keyword + "/" + escape(child.getKey()));
        }
      }
    }
    for (String keyword : new String[] {"anyOf", "oneOf", "allOf", "prefixItems", "items"}) {
      JsonNode list = schema.get(keyword);
      if (list != null && list.isArray()) {
        if (list.isEmpty() && !keyword.endsWith("Items") && !keyword.equals("items")) {
          throw refused("\"" + keyword + "\" is an empty list", where + "/" + keyword);
        }
        for (int i = 0; i < list.size(); i++) {
          visit(root, list.get(i), where + "/" + keyword + "/" + i);
        }
      }
    }
    for (String keyword : new String[] {"items", "additionalProperties", "additionalItems"}) {
      JsonNode child = schema.get(keyword);
      if (child != null && !child.isArray()) {
        visit(root, child, where + "/" + keyword);
      }
    }
  }

  private static void checkType(JsonNode type, String where) {
    if (type == null) {
      return;
    }
    for (JsonNode name : type.isArray() ? type : List.of(type)) {
      if (!name.isTextual() || !TYPES.contains(name.asText())) {
        throw refused("unknown type " + name, where + "/type");
      }
    }
  }

  private static void checkRef(JsonNode root, JsonNode ref, String where) {
    if (ref == null) {
      return;
    }
    String text = ref.asText();
    if (!text.startsWith("#/") && !text.equals("#")) {
      throw refused(
          "$ref \""
              + text
              + "\" is not supported: only references within the schema, such as"
              + " \"#/$defs/Name\"",
          where + "/$ref");
    }
    if (Schemas.lookUp(root, text) == null) {
      throw refused("$ref \"" + text + "\" points at nothing", where + "/$ref");
    }
  }

  private static void checkEnum(JsonNode values, String where) {
    if (values != null && (!values.isArray() || values.isEmpty())) {
      throw refused("\"enum\" must be a list with at least one value", where + "/enum");
    }
  }

  private static void checkPattern(JsonNode schema, String where) {
    JsonNode pattern = schema.get("pattern");
    if (pattern == null) {
      return;
    }
    try {
      Pattern.compile(pattern.asText());
    } catch (PatternSyntaxException e) {
      throw refused(
          "pattern \"" + pattern.asText() + "\" is not a regular expression: " + e.getDescription(),
          where + "/pattern");
    }
    String unsupported = PatternStrings.unsupported(pattern.asText());
    if (unsupported != null && Values.listedStrings(schema, pattern.asText()).isEmpty()) {
      throw refused(
          "pattern \""
              + pattern.asText()
              + "\" uses "
              + unsupported
              + ", which answers cannot be written for; give a matching value in \"examples\""
              + " or \"default\"",
          where + "/pattern");
    }
  }

  /** Refuses a lower bound so large that writing it would take the server's memory and time. */
  private static void checkSize(JsonNode schema, String keyword, String where) {
    JsonNode size = schema.get(keyword);
    if (size != null && size.isNumber() && size.decimalValue().compareTo(MOST) > 0) {
      throw refused(
          "\""
              + keyword
              + "\" "
              + size.decimalValue().toPlainString()
              + " is more than the "
              + MOST
              + " that answers are written with",
          where + "/" + keyword);
    }
  }

  /** Escapes a name for a JSON Pointer (RFC 6901). */
  static String escape(String name) {
    return name.replace("~", "~0").replace("/", "~1");
  }

  private static IllegalArgumentException refused(String what, String where) {
    return new IllegalArgumentException(
        what + " (at " + (where.isEmpty() ? "the root" : where) + ")");
  }
}
