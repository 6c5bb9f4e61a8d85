package dev.partialjson.embeddedmodel;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * Resolves {@code $ref} and {@code allOf} into one schema object to write a value for, and merges
 * two schemas that a value must both satisfy. Never changes its inputs: merging copies.
 */
final class Schemas {
  /** Makes the nodes of answers; decimals are made as they are meant (see Numbers#node). */
  static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  /**
   * Where merging keeps the patterns beyond the first that a string must also match: a key no
   * schema uses, since JSON Schema has one {@code pattern} per schema object.
   */
  static final String MORE_PATTERNS = "\u0000patterns";

  // Branches that merging two anyOf lists may make: each pair of branches is one.
  private static final int MAX_COMBINATIONS = 1024;

  // A chain of references longer than this is a cycle of references that never reach a schema.
  private static final int MAX_REFERENCE_CHAIN = 64;

  private Schemas() {}

  /**
   * Returns {@code schema} with its {@code $ref} and {@code allOf} merged in: a {@link BooleanNode}
   * or an {@link ObjectNode} that has neither keyword.
   */
  static JsonNode resolve(JsonNode root, JsonNode schema, String where) {
    return resolve(root, schema, where, 0);
  }

  private static JsonNode resolve(JsonNode root, JsonNode schema, String where, int chain) {
    if (!(schema instanceof ObjectNode object)) {
      return schema.isBoolean() ? schema : BooleanNode.TRUE;
    }
    if (!object.has("$ref") && !object.has("allOf")) {
      return object;
    }
    if (chain > MAX_REFERENCE_CHAIN) {
      throw new Unsatisfiable("$ref and allOf nest without ever reaching a schema", where);
    }
    ObjectNode rest = object.deepCopy();
    JsonNode result = BooleanNode.TRUE;
    JsonNode ref = rest.remove("$ref");
    if (ref != null) {
      JsonNode target = target(root, ref.asText(), where);
      result = merge(result, resolve(root, target, ref.asText().substring(1), chain + 1));
    }
    JsonNode allOf = rest.remove("allOf");
    if (allOf != null) {
      for (int i = 0; i < allOf.size(); i++) {
        result = merge(result, resolve(root, allOf.get(i), where + "/allOf/" + i, chain + 1));
      }
    }
    return merge(result, resolve(root, rest, where, chain + 1));
  }

  /**
   * Returns the schema a {@code "#..."} reference points at; {@link SchemaCheck} vouched for it.
   */
  static JsonNode target(JsonNode root, String ref, String where) {
    JsonNode target = lookUp(root, ref);
    if (target == null) {
      throw new Unsatisfiable("$ref \"" + ref + "\" points at nothing", where);
    }
    return target;
  }

  /** Returns the node a {@code "#/a/b"} reference names, or null. */
  static JsonNode lookUp(JsonNode root, String ref) {
    if (!ref.startsWith("#")) {
      return null;
    }
    String pointer =
        URLDecoder.decode(ref.substring(1).replace("+", "%2B"), StandardCharsets.UTF_8);
    if (!pointer.isEmpty() && !pointer.startsWith("/")) {
      return null; // an anchor such as "#node"
    }
    JsonNode node = root.at(pointer);
    return node.isMissingNode() ? null : node;
  }

  /** Returns a schema that a value satisfies exactly when it satisfies both. */
  static JsonNode merge(JsonNode a, JsonNode b) {
    if (a.isBoolean() || b.isBoolean()) {
      if (a.isBoolean() && !a.booleanValue() || b.isBoolean() && !b.booleanValue()) {
        return BooleanNode.FALSE;
      }
      return a.isBoolean() ? b : a;
    }
    ObjectNode out = ((ObjectNode) a).deepCopy();
    for (Map.Entry<String, JsonNode> field : b.properties()) {
      String key = field.getKey();
      JsonNode mine = out.get(key);
      JsonNode theirs = field.getValue();
      if (mine == null) {
        out.set(key, theirs.deepCopy());
        continue;
      }
      switch (key) {
        case "properties" -> out.set(key, mergeProperties((ObjectNode) mine, theirs));
        case "required" -> out.set(key, union(mine, theirs));
        case "type" -> out.set(key, typeIntersection(mine, theirs));
        case "minimum", "minLength", "minItems", "minProperties" ->
            out.set(key, larger(mine, theirs) ? mine : theirs);
        case "maximum", "maxLength", "maxItems", "maxProperties" ->
            out.set(key, larger(mine, theirs) ? theirs : mine);
        case "exclusiveMinimum" ->
            out.set(key, mine.isNumber() && larger(mine, theirs) ? mine : theirs);
        case "exclusiveMaximum" ->
            out.set(key, mine.isNumber() && larger(theirs, mine) ? mine : theirs);
        case "enum" -> out.set(key, intersection(mine, theirs));
        case "items", "additionalProperties", "additionalItems" -> out.set(key, both(mine, theirs));
        case "anyOf", "oneOf" -> out.set(key, crossProduct(mine, theirs));
        case "uniqueItems" -> out.put(key, mine.asBoolean() || theirs.asBoolean());
        case "nullable" -> out.put(key, mine.asBoolean() && theirs.asBoolean());
        case "const" -> {
          if (!mine.equals(theirs)) {
            out.set("enum", NODES.arrayNode()); // no value is both
          }
        }
        case "pattern" -> {
          if (!mine.equals(theirs)) {
            out.set(MORE_PATTERNS, union(out.path(MORE_PATTERNS), NODES.arrayNode().add(theirs)));
          }
        }
        case MORE_PATTERNS -> out.set(key, union(mine, theirs));
        case "multipleOf" -> {
          BigDecimal x = mine.decimalValue();
          BigDecimal y = theirs.decimalValue();
          if (x.remainder(y).signum() == 0) {
            out.set(key, mine);
          } else if (y.remainder(x).signum() == 0) {
            out.set(key, theirs);
          } else {
            out.set(key, NODES.numberNode(x.multiply(y))); // a common multiple, not the least
          }
        }
        default -> {} // annotations and the rest: the first one stays
      }
    }
    return out;
  }

  private static ObjectNode mergeProperties(ObjectNode mine, JsonNode theirs) {
    ObjectNode out = mine.deepCopy();
    for (Map.Entry<String, JsonNode> property : theirs.properties()) {
      JsonNode before = out.get(property.getKey());
      out.set(
          property.getKey(),
          before == null ? property.getValue() : both(before, property.getValue()));
    }
    return out;
  }

  private static ObjectNode both(JsonNode a, JsonNode b) {
    ObjectNode out = NODES.objectNode();
    out.putArray("allOf").add(a.deepCopy()).add(b.deepCopy());
    return out;
  }

  private static ArrayNode crossProduct(JsonNode mine, JsonNode theirs) {
    if ((long) mine.size() * theirs.size() > MAX_COMBINATIONS) {
      throw new Unsatisfiable(
          "allOf combines anyOf lists into more than " + MAX_COMBINATIONS + " branches", "");
    }
    ArrayNode out = NODES.arrayNode();
    for (JsonNode a : mine) {
      for (JsonNode b : theirs) {
        out.add(both(a, b));
      }
    }
    return out;
  }

  private static ArrayNode union(JsonNode a, JsonNode b) {
    Set<String> names = new LinkedHashSet<>();
    a.forEach(n -> names.add(n.asText()));
    b.forEach(n -> names.add(n.asText()));
    ArrayNode out = NODES.arrayNode();
    names.forEach(out::add);
    return out;
  }

  private static ArrayNode intersection(JsonNode a, JsonNode b) {
    ArrayNode out = NODES.arrayNode();
    for (JsonNode x : a) {
      for (JsonNode y : b) {
        if (Values.same(x, y)) {
          out.add(x);
          break;
        }
      }
    }
    return out;
  }

  private static ArrayNode typeIntersection(JsonNode a, JsonNode b) {
    Set<String> left = types(a);
    Set<String> right = types(b);
    ArrayNode out = NODES.arrayNode();
    for (String type : left) {
      if (right.contains(type)) {
        out.add(type);
      } else if (type.equals("number") && right.contains("integer")) {
        out.add("integer");
      } else if (type.equals("integer") && right.contains("number")) {
        out.add("integer");
      }
    }
    return out;
  }

  /** Returns the type names of a {@code type} keyword (a string or a list). */
  static Set<String> types(JsonNode type) {
    Set<String> out = new LinkedHashSet<>();
    if (type.isTextual()) {
      out.add(type.asText());
    } else {
      type.forEach(t -> out.add(t.asText()));
    }
    return out;
  }

  private static boolean larger(JsonNode a, JsonNode b) {
    return a.decimalValue().compareTo(b.decimalValue()) > 0;
  }
}
