package dev.partialjson.embeddedmodel;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.partialjson.parser.JsonPath;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Writes one answer for a schema as a Jackson tree, choosing with one seeded {@link Random} in
 * document order, so the same schema and seed give the same tree. Properties come in the order of
 * {@code properties}, as constrained decoders write them. It notes every value inside a list item
 * that carries a bound ({@link #sites()}), for {@link ItemBreaker}.
 *
 * <p>Single use, not thread-safe: {@link SchemaAnswers} makes one per answer.
 */
final class AnswerWriter {
  /** A value inside a list item whose schema has a bound that could be broken. */
  record Site(JsonPath path, JsonPath item, JsonNode schema, String type) {}

  // A reference met this often on the way down means recursion: from there on, take the way out.
  private static final int RECURSION = 2;
  private static final int SHALLOW_DEPTH = 16;
  // Past this, even the way out did not end: the schema requires infinite nesting.
  private static final int MAX_DEPTH = 48;
  // Percentages: how often an optional property is written, and a nullable value is null.
  private static final int OPTIONAL_PRESENT = 75;
  private static final int NULL_CHOSEN = 15;

  // Keys for maps (additionalProperties with a schema): names a person might use as keys.
  private static final List<String> MAP_KEYS =
      List.of("alice", "bob", "carol", "north", "south", "monday", "tuesday", "en", "fr", "ja");

  private final JsonNode root;
  private final Random random;
  private final boolean thorough;
  private final List<Site> sites = new ArrayList<>();

  /**
   * @param thorough write every optional property, no null where another value is allowed, and at
   *     least one item where a list may have one: more places for {@link ItemBreaker} to break
   */
  AnswerWriter(JsonNode root, long seed, boolean thorough) {
    this.root = root;
    this.random = new Random(seed);
    this.thorough = thorough;
  }

  JsonNode write() {
    return value(root, new Place("", JsonPath.root(), null, "", 0, null));
  }

  List<Site> sites() {
    return sites;
  }

  JsonNode item(JsonNode schema, JsonPath path, String where) {
    return value(schema, new Place(where, path, path, "", path.depth(), null));
  }

  /** Where a value goes: schema pointer, JSON path, the list item it is in, and how deep. */
  private record Place(
      String where,
      JsonPath path,
      @Nullable JsonPath item,
      String name,
      int depth,
      @Nullable Trail refs) {
    Place child(String where, JsonPath path, @Nullable JsonPath item, String name) {
      return new Place(where, path, item, name, depth + 1, refs);
    }

    /** Returns this place seen from the schema {@code ref} points at, which errors then name. */
    Place following(String ref) {
      return new Place(ref.substring(1), path, item, name, depth, new Trail(ref, refs));
    }

    boolean shallow() {
      return depth > SHALLOW_DEPTH || (refs != null && refs.deepest() >= RECURSION);
    }
  }

  /** The references followed on the way down, newest first. */
  private record Trail(String ref, @Nullable Trail parent) {
    int deepest() {
      int count = 0;
      for (Trail t = this; t != null; t = t.parent) {
        if (t.ref.equals(ref)) {
          count++;
        }
      }
      return count;
    }
  }

  private JsonNode value(JsonNode raw, Place at) {
    if (at.depth > MAX_DEPTH) {
      throw new Unsatisfiable(
          "the schema requires values nested deeper than " + MAX_DEPTH + " levels", at.where);
    }
    if (raw.has("$ref")) {
      at = at.following(raw.get("$ref").asText());
    }
    JsonNode resolved = Schemas.resolve(root, raw, at.where);
    if (resolved.isBoolean()) {
      if (!resolved.booleanValue()) {
        throw new Unsatisfiable("the schema false admits no value", at.where);
      }
      return Schemas.NODES.textNode(Prose.write(random, at.name, 1, 60));
    }
    ObjectNode schema = (ObjectNode) resolved;
    for (String keyword : new String[] {"anyOf", "oneOf"}) {
      if (schema.get(keyword) instanceof ArrayNode branches) {
        return branch(schema, keyword, branches, at);
      }
    }
    if (schema.has("const")) {
      return schema.get("const").deepCopy();
    }
    if (schema.has("enum")) {
      return choose(schema.get("enum"), at).deepCopy();
    }
    List<String> types = types(schema);
    if (types.isEmpty()) {
      throw new Unsatisfiable("no type is left in " + schema.get("type"), at.where);
    }
    Unsatisfiable last = null;
    int noted = sites.size();
    for (String type : order(types, at)) {
      try {
        return typed(schema, type, at);
      } catch (Unsatisfiable e) {
        forget(noted);
        last = e;
      }
    }
    throw last;
  }

  private JsonNode branch(ObjectNode schema, String keyword, ArrayNode branches, Place at) {
    ObjectNode rest = schema.deepCopy();
    rest.remove(keyword);
    List<Integer> nulls = new ArrayList<>();
    List<Integer> others = new ArrayList<>();
    for (int i = 0; i < branches.size(); i++) {
      JsonNode resolved =
          Schemas.resolve(root, branches.get(i), at.where + "/" + keyword + "/" + i);
      (isNull(resolved) ? nulls : others).add(i);
    }
    shuffle(others);
    if (at.shallow()) {
      // Branches without a reference first: they are the likely way out of a recursion.
      others.sort(
          (a, b) -> Boolean.compare(branches.get(a).has("$ref"), branches.get(b).has("$ref")));
    }
    List<Integer> order = new ArrayList<>();
    boolean nullFirst = at.shallow() || (!thorough && random.nextInt(100) < NULL_CHOSEN);
    order.addAll(nullFirst ? nulls : others);
    order.addAll(nullFirst ? others : nulls);
    Unsatisfiable last = null;
    int noted = sites.size();
    for (int i : order) {
      String where = at.where + "/" + keyword + "/" + i;
      try {
        JsonNode branch = Schemas.resolve(root, branches.get(i), where);
        JsonNode merged = Schemas.merge(rest, branch);
        Place inside = new Place(where, at.path, at.item, at.name, at.depth, at.refs);
        // Merging drops the branch's $ref: follow it here, for the recursion count and errors.
        return value(
            merged,
            branches.get(i).has("$ref")
                ? inside.following(branches.get(i).get("$ref").asText())
                : inside);
      } catch (Unsatisfiable e) {
        forget(noted);
        last = e;
      }
    }
    throw last;
  }

  /** Drops the sites noted in a choice that failed: their values are not in the answer. */
  private void forget(int noted) {
    sites.subList(noted, sites.size()).clear();
  }

  private JsonNode typed(ObjectNode schema, String type, Place at) {
    return switch (type) {
      case "null" -> Schemas.NODES.nullNode();
      case "boolean" -> BooleanNode.valueOf(random.nextBoolean());
      case "integer", "number" ->
          noted(
              Numbers.write(schema, type.equals("integer"), random, at.name, at.where),
              schema,
              type,
              at);
      case "string" ->
          noted(
              Schemas.NODES.textNode(Strings.write(schema, random, at.name, at.where)),
              schema,
              type,
              at);
      case "array" -> noted(array(schema, at), schema, type, at);
      default -> object(schema, at);
    };
  }

  private JsonNode noted(JsonNode value, ObjectNode schema, String type, Place at) {
    if (at.item != null) {
      sites.add(new Site(at.path, at.item, schema, type));
    }
    return value;
  }

  private ObjectNode object(ObjectNode schema, Place at) {
    ObjectNode out = Schemas.NODES.objectNode();
    JsonNode properties = schema.path("properties");
    Set<String> required = new HashSet<>();
    schema.path("required").forEach(name -> required.add(name.asText()));
    int maxProperties = Values.size(schema, "maxProperties", Integer.MAX_VALUE);
    for (var property : properties.properties()) {
      String name = property.getKey();
      boolean mustWrite = required.contains(name);
      boolean write =
          mustWrite || thorough || (!at.shallow() && random.nextInt(100) < OPTIONAL_PRESENT);
      if (!write || (!mustWrite && out.size() >= maxProperties)) {
        continue;
      }
      String where = at.where + "/properties/" + SchemaCheck.escape(name);
      int noted = sites.size();
      try {
        out.set(
            name, value(property.getValue(), at.child(where, at.path.field(name), at.item, name)));
      } catch (Unsatisfiable e) {
        if (mustWrite) {
          throw e;
        }
        forget(noted);
      }
    }
    JsonNode additional = schema.get("additionalProperties");
    for (String name : required) {
      if (!out.has(name) && !properties.has(name)) {
        if (additional != null && additional.isBoolean() && !additional.booleanValue()) {
          throw new Unsatisfiable(
              "\"" + name + "\" is required but additionalProperties is false", at.where);
        }
        String where = at.where + "/additionalProperties";
        JsonNode sub = additional == null ? BooleanNode.TRUE : additional;
        out.set(name, value(sub, at.child(where, at.path.field(name), at.item, name)));
      }
    }
    int minProperties = Values.size(schema, "minProperties", 0);
    boolean map = properties.isEmpty() && (additional instanceof ObjectNode || minProperties > 0);
    if (map && (additional == null || !additional.isBoolean() || additional.booleanValue())) {
      int wanted = at.shallow() ? minProperties : Math.max(minProperties, 1 + random.nextInt(3));
      wanted = Math.min(wanted, maxProperties);
      JsonNode sub = additional == null ? BooleanNode.TRUE : additional;
      for (int i = 0; out.size() < wanted && i < MAP_KEYS.size(); i++) {
        String key = MAP_KEYS.get((i + random.nextInt(MAP_KEYS.size())) % MAP_KEYS.size());
        if (!out.has(key)) {
          String where = at.where + "/additionalProperties";
          out.set(key, value(sub, at.child(where, at.path.field(key), at.item, key)));
        }
      }
    }
    if (out.size() < minProperties) {
      throw new Unsatisfiable(
          "fewer than minProperties " + minProperties + " can be written", at.where);
    }
    return out;
  }

  private ArrayNode array(ObjectNode schema, Place at) {
    JsonNode prefix =
        schema.has("prefixItems")
            ? schema.get("prefixItems")
            : schema.path("items").isArray() ? schema.get("items") : Schemas.NODES.arrayNode();
    JsonNode rest =
        schema.path("items").isArray() ? schema.get("additionalItems") : schema.get("items");
    if (rest == null) {
      rest = BooleanNode.TRUE;
    }
    int min = Values.size(schema, "minItems", 0);
    int max = Values.size(schema, "maxItems", Integer.MAX_VALUE);
    if (rest.isBoolean() && !rest.booleanValue()) {
      max = Math.min(max, prefix.size());
    }
    if (min > max) {
      throw new Unsatisfiable(
          "minItems " + min + " is above the most items allowed, " + max, at.where);
    }
    int count;
    if (at.shallow()) {
      count = min;
    } else if (max < 2) {
      count = thorough ? max : min + random.nextInt(max - min + 1);
    } else {
      count = Math.max(min, Math.min(max, 2 + random.nextInt(4)));
    }
    boolean unique = schema.path("uniqueItems").asBoolean(false);
    ArrayNode out = Schemas.NODES.arrayNode();
    for (int i = 0; i < count; i++) {
      boolean fromPrefix = i < prefix.size();
      JsonNode sub = fromPrefix ? prefix.get(i) : rest;
      String where = at.where + (fromPrefix ? "/prefixItems/" + i : "/items");
      JsonPath path = at.path.index(i);
      JsonNode item = null;
      for (int attempt = 0; attempt < 10 && item == null; attempt++) {
        int noted = sites.size();
        // An item takes the list's name as its hint: the items of "tags" are tags.
        JsonNode candidate = value(sub, at.child(where, path, path, at.name));
        if (!unique || !contains(out, candidate)) {
          item = candidate;
        } else {
          forget(noted);
        }
      }
      if (item == null) {
        if (i >= min) {
          break;
        }
        throw new Unsatisfiable("not enough distinct items for uniqueItems", at.where);
      }
      out.add(item);
    }
    return out;
  }

  static boolean contains(ArrayNode list, JsonNode value) {
    for (JsonNode existing : list) {
      if (Values.same(existing, value)) {
        return true;
      }
    }
    return false;
  }

  private JsonNode choose(JsonNode values, Place at) {
    List<JsonNode> nonNull = new ArrayList<>();
    values.forEach(
        v -> {
          if (!v.isNull()) nonNull.add(v);
        });
    boolean hasNull = nonNull.size() < values.size();
    if (hasNull
        && (nonNull.isEmpty()
            || at.shallow()
            || (!thorough && random.nextInt(100) < NULL_CHOSEN))) {
      return Schemas.NODES.nullNode();
    }
    return nonNull.get(random.nextInt(nonNull.size()));
  }

  private List<String> order(List<String> types, Place at) {
    List<String> others = new ArrayList<>(types);
    boolean hasNull = others.remove("null");
    shuffle(others);
    if (hasNull) {
      boolean nullFirst =
          others.isEmpty() || at.shallow() || (!thorough && random.nextInt(100) < NULL_CHOSEN);
      others.add(nullFirst ? 0 : others.size(), "null");
    }
    return others;
  }

  /** Returns the types a schema allows, inferred from its keywords when it names none. */
  static List<String> types(JsonNode schema) {
    List<String> out = new ArrayList<>();
    if (schema.has("type")) {
      out.addAll(Schemas.types(schema.get("type")));
    } else if (schema.has("properties")
        || schema.has("required")
        || schema.has("additionalProperties")) {
      out.add("object");
    } else if (schema.has("items")
        || schema.has("prefixItems")
        || schema.has("minItems")
        || schema.has("maxItems")) {
      out.add("array");
    } else if (schema.has("minimum")
        || schema.has("maximum")
        || schema.has("exclusiveMinimum")
        || schema.has("exclusiveMaximum")
        || schema.has("multipleOf")) {
      out.add("number");
    } else {
      out.add("string");
    }
    if (schema.path("nullable").asBoolean(false) && !out.contains("null")) {
      out.add("null");
    }
    return out;
  }

  private static boolean isNull(JsonNode schema) {
    if (!schema.isObject()) {
      return false;
    }
    JsonNode type = schema.get("type");
    return (type != null && Schemas.types(type).equals(Set.of("null")))
        || (schema.has("const") && schema.get("const").isNull());
  }

  private void shuffle(List<?> list) {
    Collections.shuffle(list, random);
  }
}
