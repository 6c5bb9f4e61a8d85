package dev.partialjson.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.partialjson.binding.PropertyOrder;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Orders the properties of every object in a generated schema for {@link PropertyOrder#STREAMING}.
 * Works on the schema rather than on the Java members so that it ranks exactly what the model will
 * be told (a {@code maxLength}, a {@code format}, the type id's {@code const} that victools adds),
 * and before {@link OpenAiStrictSubset} drops the length bounds that tell short strings from prose.
 *
 * <p>An object generated from a class with an explicit order carries {@link #EXPLICIT} (put there
 * by the generator's type attribute override); it is left as it is, and the marker removed.
 */
final class StreamingOrder {
  /** The longest {@code maxLength} of a string that still counts as short. */
  static final int SHORT_STRING = 100;

  /** Marks an object whose class has an explicit property order; never left in the output. */
  static final String EXPLICIT = "x-partialjson-explicit-order";

  private static final int TYPE_ID = 0;
  private static final int IDENTIFIER = 1;
  private static final int SHORT = 2;
  private static final int LONG = 3;

  /** Enough to follow a reference to a reference; a loop of references is ranked long. */
  private static final int MAX_HOPS = 8;

  /** Keywords whose value maps names to schemas. */
  private static final Set<String> SCHEMA_MAPS =
      Set.of("properties", "$defs", "definitions", "patternProperties", "dependentSchemas");

  /** Keywords whose value is data (which may look like a schema), never a schema. */
  private static final Set<String> DATA =
      Set.of("enum", "const", "default", "examples", "required", "dependentRequired");

  private static final Set<String> SCALARS = Set.of("string", "integer", "number", "boolean");

  private final ObjectNode root;

  private StreamingOrder(ObjectNode root) {
    this.root = root;
  }

  /** Orders {@code schema} in place, and removes every {@link #EXPLICIT} marker. */
  static void apply(ObjectNode schema) {
    new StreamingOrder(schema).visit(schema);
  }

  private void visit(JsonNode node) {
    if (!(node instanceof ObjectNode schema)) {
      return;
    }
    boolean explicit = schema.remove(EXPLICIT) != null;
    if (!explicit && schema.get("properties") instanceof ObjectNode properties) {
      order(schema, properties);
    }
    // Every keyword's schemas, whatever the keyword, so that no marker is left behind where the
    // strict subset would refuse it; values that are data, not schemas, are not walked.
    for (Map.Entry<String, JsonNode> keyword : schema.properties()) {
      String name = keyword.getKey();
      JsonNode value = keyword.getValue();
      if (SCHEMA_MAPS.contains(name)) {
        value.forEach(this::visit);
      } else if (value.isArray() && !DATA.contains(name)) {
        value.forEach(this::visit);
      } else if (!DATA.contains(name)) {
        visit(value);
      }
    }
  }

  private void order(ObjectNode object, ObjectNode properties) {
    List<Map.Entry<String, JsonNode>> entries = new ArrayList<>();
    properties.properties().forEach(entries::add);
    // List.sort is stable: properties of the same rank keep their declaration order.
    entries.sort(Comparator.comparingInt(e -> rank(e.getKey(), e.getValue())));
    properties.removeAll();
    for (Map.Entry<String, JsonNode> entry : entries) {
      properties.set(entry.getKey(), entry.getValue());
    }
    if (object.get("required") instanceof ArrayNode required) {
      Set<String> listed = new HashSet<>();
      required.forEach(name -> listed.add(name.asText()));
      ArrayNode reordered = required.arrayNode();
      for (Map.Entry<String, JsonNode> entry : entries) {
        if (listed.remove(entry.getKey())) {
          reordered.add(entry.getKey());
        }
      }
      required.forEach(
          name -> {
            if (listed.contains(name.asText())) {
              reordered.add(name);
            }
          });
      object.set("required", reordered);
    }
  }

  private int rank(String name, JsonNode schema) {
    JsonNode value = resolve(schema);
    if (value.has("const")) {
      return TYPE_ID;
    }
    Set<String> types = types(value);
    boolean scalar = value.has("enum") || (!types.isEmpty() && SCALARS.containsAll(types));
    if (!scalar) {
      return LONG;
    }
    if (isIdentifier(name)) {
      return IDENTIFIER;
    }
    if (value.has("enum") || !types.contains("string")) {
      return SHORT;
    }
    JsonNode maxLength = value.get("maxLength");
    boolean bounded =
        maxLength != null && maxLength.isNumber() && maxLength.asLong() <= SHORT_STRING;
    return bounded || value.has("format") ? SHORT : LONG;
  }

  private static boolean isIdentifier(String name) {
    return name.equalsIgnoreCase("id")
        || name.endsWith("_id")
        || name.endsWith("-id")
        || ((name.endsWith("Id") || name.endsWith("ID"))
            && name.length() > 2
            && Character.isLowerCase(name.charAt(name.length() - 3)));
  }

  /**
   * Returns the schema a value of {@code schema} is written by: through {@code $ref}s within the
   * document, and past a nullable union's {@code null} branch (strict mode's optional values).
   */
  private JsonNode resolve(JsonNode schema) {
    JsonNode at = schema;
    for (int hop = 0; hop < MAX_HOPS; hop++) {
      @Nullable JsonNode next = null;
      JsonNode ref = at.path("$ref");
      if (ref.isTextual() && ref.asText().startsWith("#")) {
        next = ref.asText().equals("#") ? root : root.at(ref.asText().substring(1));
      } else if (at.get("anyOf") instanceof ArrayNode anyOf) {
        next = onlyNonNull(anyOf);
      } else if (at.get("oneOf") instanceof ArrayNode oneOf) {
        next = onlyNonNull(oneOf);
      }
      if (next == null || next.isMissingNode()) {
        return at;
      }
      at = next;
    }
    return at;
  }

  private static @Nullable JsonNode onlyNonNull(ArrayNode branches) {
    JsonNode only = null;
    for (JsonNode branch : branches) {
      if (!types(branch).isEmpty() || !"null".equals(branch.path("type").asText())) {
        if (only != null) {
          return null;
        }
        only = branch;
      }
    }
    return only;
  }

  /** Returns the types {@code schema} names, without {@code "null"}. */
  private static Set<String> types(JsonNode schema) {
    Set<String> types = new HashSet<>();
    JsonNode type = schema.path("type");
    if (type.isTextual()) {
      types.add(type.asText());
    } else {
      type.forEach(t -> types.add(t.asText()));
    }
    types.remove("null");
    return types;
  }
}
