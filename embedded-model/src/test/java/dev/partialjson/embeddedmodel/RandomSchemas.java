package dev.partialjson.embeddedmodel;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.List;
import java.util.Random;

/**
 * Builds random schemas that admit values (every lower bound is below its upper bound, with room
 * for a multiple of {@code multipleOf}): objects, lists, nullable unions, {@code $ref}s into {@code
 * $defs}, and leaves with bounds, patterns, formats, enums and constants.
 */
final class RandomSchemas {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final List<String> NAMES =
      List.of("title", "count", "items", "price", "owner", "tags", "when", "score", "note", "kind");
  private static final List<String> PATTERNS =
      List.of("^[A-Z]{2,4}-\\d{1,3}$", "^[a-z]+(_[a-z]+)*$", "^(yes|no|maybe)$", "^#[0-9a-f]{6}$");
  private static final List<String> FORMATS =
      List.of("date", "date-time", "email", "uri", "uuid", "ipv4", "time");

  private final Random random;
  private final ObjectNode defs = NODES.objectNode();

  private RandomSchemas(Random random) {
    this.random = random;
  }

  /** Returns a schema as JSON text. */
  static String build(Random random) {
    RandomSchemas schemas = new RandomSchemas(random);
    ObjectNode root = schemas.object(3);
    if (!schemas.defs.isEmpty()) {
      root.set("$defs", schemas.defs);
    }
    return root.toString();
  }

  private JsonNode any(int depth) {
    int kind = random.nextInt(depth > 0 ? 10 : 6);
    JsonNode schema =
        switch (kind) {
          case 0, 1 -> string();
          case 2 -> integer();
          case 3 -> number();
          case 4 -> enumeration();
          case 5 -> random.nextBoolean() ? bool() : constant();
          case 6, 7 -> array(depth - 1);
          default -> object(depth - 1);
        };
    int wrap = random.nextInt(8);
    if (wrap == 0) {
      ObjectNode nullable = NODES.objectNode();
      nullable.putArray("anyOf").add(schema).add(NODES.objectNode().put("type", "null"));
      return nullable;
    }
    if (wrap == 1) {
      String name = "Def" + defs.size();
      defs.set(name, schema);
      return NODES.objectNode().put("$ref", "#/$defs/" + name);
    }
    return schema;
  }

  private ObjectNode object(int depth) {
    ObjectNode schema = NODES.objectNode().put("type", "object");
    ObjectNode properties = schema.putObject("properties");
    ArrayNode required = NODES.arrayNode();
    int count = 1 + random.nextInt(4);
    for (int i = 0; i < count; i++) {
      String name = NAMES.get(random.nextInt(NAMES.size()));
      if (!properties.has(name)) {
        properties.set(name, any(depth));
        if (random.nextInt(3) > 0) {
          required.add(name);
        }
      }
    }
    schema.set("required", required);
    if (random.nextBoolean()) {
      schema.put("additionalProperties", false);
    }
    return schema;
  }

  private ObjectNode array(int depth) {
    ObjectNode schema = NODES.objectNode().put("type", "array");
    schema.set("items", any(depth));
    int min = random.nextInt(3);
    if (random.nextBoolean()) {
      schema.put("minItems", min);
    }
    if (random.nextBoolean()) {
      schema.put("maxItems", min + random.nextInt(4));
    }
    return schema;
  }

  private ObjectNode string() {
    ObjectNode schema = NODES.objectNode().put("type", "string");
    int choice = random.nextInt(4);
    if (choice == 0) {
      schema.put("pattern", PATTERNS.get(random.nextInt(PATTERNS.size())));
    } else if (choice == 1) {
      schema.put("format", FORMATS.get(random.nextInt(FORMATS.size())));
    } else {
      int min = random.nextInt(6);
      if (random.nextBoolean()) {
        schema.put("minLength", min);
      }
      if (random.nextBoolean()) {
        schema.put("maxLength", Math.max(1, min) + random.nextInt(60));
      }
    }
    return schema;
  }

  private ObjectNode integer() {
    ObjectNode schema = NODES.objectNode().put("type", "integer");
    long step = List.of(1L, 1L, 2L, 5L, 7L).get(random.nextInt(5));
    long low = (random.nextInt(400) - 200) * step;
    long high = low + (2 + random.nextInt(300)) * step;
    bounds(schema, BigDecimal.valueOf(low), BigDecimal.valueOf(high));
    if (step > 1) {
      schema.put("multipleOf", step);
    }
    return schema;
  }

  private ObjectNode number() {
    ObjectNode schema = NODES.objectNode().put("type", "number");
    BigDecimal step =
        List.of(new BigDecimal("0.25"), new BigDecimal("0.01"), BigDecimal.ONE)
            .get(random.nextInt(3));
    BigDecimal low = step.multiply(BigDecimal.valueOf(random.nextInt(2000) - 1000));
    BigDecimal high = low.add(step.multiply(BigDecimal.valueOf(2 + random.nextInt(500))));
    bounds(schema, low, high);
    if (random.nextBoolean()) {
      schema.put("multipleOf", step);
    }
    return schema;
  }

  private void bounds(ObjectNode schema, BigDecimal low, BigDecimal high) {
    int sides = random.nextInt(4);
    if (sides != 1) {
      schema.put(random.nextBoolean() ? "minimum" : "exclusiveMinimum", low);
    }
    if (sides != 2) {
      schema.put(random.nextBoolean() ? "maximum" : "exclusiveMaximum", high);
    }
  }

  private ObjectNode enumeration() {
    ObjectNode schema = NODES.objectNode().put("type", "string");
    ArrayNode values = schema.putArray("enum");
    for (String value : List.of("low", "medium", "high").subList(0, 1 + random.nextInt(3))) {
      values.add(value);
    }
    return schema;
  }

  private ObjectNode bool() {
    return NODES.objectNode().put("type", "boolean");
  }

  private ObjectNode constant() {
    return NODES.objectNode().put("const", "fixed");
  }
}
