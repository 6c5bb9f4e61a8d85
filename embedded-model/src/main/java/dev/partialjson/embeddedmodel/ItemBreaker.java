package dev.partialjson.embeddedmodel;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.partialjson.embeddedmodel.AnswerWriter.Site;
import dev.partialjson.parser.JsonPath;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Writes a valid answer, then breaks one bound of one value inside one list item: a number just
 * past its {@code maximum} or {@code minimum} (or on its exclusive bound), a string one to a few
 * characters past {@code maxLength} or short of a {@code minLength} above 1, a string that misses
 * its {@code pattern}, or a list inside the item with one item more than {@code maxItems} or one
 * fewer than a {@code minItems} above 1. Each break breaks exactly that one bound: the new number
 * stays a multiple of {@code multipleOf}, the new string keeps its other bounds. Values that a
 * record would not even bind (an enum outside its constants, a date in another format) are never
 * chosen, nor integers past the range of Java's {@code int}, since the record's field may be one.
 */
final class ItemBreaker {
  /** The broken answer and what was broken where. */
  record Broken(JsonNode value, String itemPath, String valuePath, String what) {}

  private record Breach(Site site, JsonNode replacement, String what) {}

  // Answers tried with other choices before giving up: an optional property or an empty list can
  // hide the only bound; the last tries write every optional property and at least one item.
  private static final int TRIES = 6;
  private static final int THOROUGH_TRIES = 4;
  // A maxLength or maxItems this large is not broken: the answer would be too large to stream.
  private static final int LARGEST_BREAK = 10_000;
  private static final BigDecimal INT_MAX = BigDecimal.valueOf(Integer.MAX_VALUE);
  private static final BigDecimal INT_MIN = BigDecimal.valueOf(Integer.MIN_VALUE);

  private ItemBreaker() {}

  static Optional<Broken> breakOne(JsonNode root, long seed) {
    for (int attempt = 0; attempt < TRIES + THOROUGH_TRIES; attempt++) {
      long seedOfTry = attempt == 0 ? seed : seed * 0x9E3779B97F4A7C15L + attempt;
      AnswerWriter writer = new AnswerWriter(root, seedOfTry, attempt >= TRIES);
      JsonNode tree;
      try {
        tree = writer.write();
      } catch (Unsatisfiable e) {
        continue;
      }
      Random random = new Random(seedOfTry ^ 0x2545F4914F6CDD1DL);
      List<Breach> breaches = new ArrayList<>();
      for (Site site : writer.sites()) {
        Breach breach = breach(root, site, at(tree, site.path()), random, seedOfTry);
        if (breach != null) {
          breaches.add(breach);
        }
      }
      if (!breaches.isEmpty()) {
        Breach chosen = breaches.get(random.nextInt(breaches.size()));
        replace(tree, chosen.site().path(), chosen.replacement());
        return Optional.of(
            new Broken(
                tree,
                chosen.site().item().toString(),
                chosen.site().path().toString(),
                chosen.what()));
      }
    }
    return Optional.empty();
  }

  private static @Nullable Breach breach(
      JsonNode root, Site site, JsonNode current, Random random, long seed) {
    JsonNode schema = site.schema();
    List<Supplier<@Nullable Breach>> ways = new ArrayList<>();
    switch (site.type()) {
      case "integer", "number" -> {
        boolean integer = site.type().equals("integer");
        Numbers.Bounds bounds = Numbers.Bounds.of(schema);
        ways.add(() -> number(site, bounds, integer, true));
        ways.add(() -> number(site, bounds, integer, false));
      }
      case "string" -> {
        if (!schema.has("format")) {
          ways.add(() -> tooLong(site, random));
          ways.add(() -> tooShort(site, random));
          ways.add(() -> mismatch(site));
        }
      }
      case "array" -> {
        ways.add(() -> tooManyItems(root, site, (ArrayNode) current, seed));
        ways.add(() -> tooFewItems(site, (ArrayNode) current));
      }
      default -> {}
    }
    List<Breach> possible = new ArrayList<>();
    for (Supplier<@Nullable Breach> way : ways) {
      Breach breach = way.get();
      if (breach != null) {
        possible.add(breach);
      }
    }
    return possible.isEmpty() ? null : possible.get(random.nextInt(possible.size()));
  }

  private static @Nullable Breach number(
      Site site, Numbers.Bounds bounds, boolean integer, boolean above) {
    BigDecimal bound = above ? bounds.high() : bounds.low();
    if (bound == null) {
      return null;
    }
    boolean exclusive = above ? bounds.highExclusive() : bounds.lowExclusive();
    BigDecimal step =
        integer
            ? Numbers.integerStep(bounds.multipleOf())
            : bounds.multipleOf() != null
                ? bounds.multipleOf()
                // The bound's own last digit: 40.5 becomes 40.6, 2.5 exclusive stays 2.5.
                : BigDecimal.ONE.movePointLeft(Math.max(0, bound.stripTrailingZeros().scale()));
    // The nearest multiple of the step on the far side of the bound (on it, if it is exclusive).
    BigDecimal k = bound.divide(step, 0, above ? RoundingMode.FLOOR : RoundingMode.CEILING);
    BigDecimal value = k.multiply(step);
    if (!(exclusive && value.compareTo(bound) == 0)) {
      value = above ? value.add(step) : value.subtract(step);
    }
    if (integer && (value.compareTo(INT_MAX) > 0 || value.compareTo(INT_MIN) < 0)) {
      return null;
    }
    String what =
        Numbers.node(value, integer)
            + (exclusive
                ? " is not " + (above ? "below" : "above") + " the exclusive "
                : " is " + (above ? "above" : "below") + " the ")
            + (above ? "maximum " : "minimum ")
            + bound.toPlainString();
    return new Breach(site, Numbers.node(value, integer), what);
  }

  private static @Nullable Breach tooLong(Site site, Random random) {
    JsonNode schema = site.schema();
    if (!schema.has("maxLength") || !Strings.patterns(schema).isEmpty()) {
      return null;
    }
    int max = Values.size(schema, "maxLength", Integer.MAX_VALUE);
    if (max >= LARGEST_BREAK) {
      return null;
    }
    String text = letters(random, max + 1 + random.nextInt(5));
    return new Breach(
        site,
        Schemas.NODES.textNode(text),
        "a string of " + text.length() + " characters is longer than maxLength " + max);
  }

  private static @Nullable Breach tooShort(Site site, Random random) {
    JsonNode schema = site.schema();
    int min = Values.size(schema, "minLength", 0);
    if (min < 2 || !Strings.patterns(schema).isEmpty()) {
      return null;
    }
    String text = letters(random, min - 1);
    return new Breach(
        site,
        Schemas.NODES.textNode(text),
        "a string of " + text.length() + " characters is shorter than minLength " + min);
  }

  private static @Nullable Breach mismatch(Site site) {
    JsonNode schema = site.schema();
    List<String> patterns = Strings.patterns(schema);
    if (patterns.isEmpty()) {
      return null;
    }
    int min = Math.max(1, Values.size(schema, "minLength", 0));
    int max = Values.size(schema, "maxLength", Integer.MAX_VALUE);
    for (String candidate : new String[] {"??", "not a match", "!!!", "x", "0", "-", "A b", "zz"}) {
      String text = Prose.fit(candidate, new Random(0), min, max);
      boolean matches = Strings.fits(text, 0, Integer.MAX_VALUE, patterns.subList(0, 1));
      if (!matches && Strings.fits(text, min, max, patterns.subList(1, patterns.size()))) {
        return new Breach(
            site,
            Schemas.NODES.textNode(text),
            "\"" + text + "\" does not match the pattern " + patterns.get(0));
      }
    }
    return null;
  }

  private static @Nullable Breach tooManyItems(
      JsonNode root, Site site, ArrayNode list, long seed) {
    JsonNode schema = site.schema();
    JsonNode items = schema.get("items");
    if (!schema.has("maxItems")
        || schema.has("prefixItems")
        || items == null
        || !items.isObject()) {
      return null;
    }
    int max = Values.size(schema, "maxItems", Integer.MAX_VALUE);
    if (max >= LARGEST_BREAK) {
      return null;
    }
    ArrayNode longer = list.deepCopy();
    AnswerWriter more = new AnswerWriter(root, seed + 1, false);
    boolean unique = schema.path("uniqueItems").asBoolean(false);
    for (int attempt = 0; longer.size() <= max && attempt < 3 * (max + 1); attempt++) {
      JsonPath path = site.path().index(longer.size());
      try {
        JsonNode item = more.item(items, path, "/items");
        if (!unique || !AnswerWriter.contains(longer, item)) {
          longer.add(item);
        }
      } catch (Unsatisfiable e) {
        return null;
      }
    }
    if (longer.size() <= max) {
      return null;
    }
    return new Breach(site, longer, longer.size() + " items are more than maxItems " + max);
  }

  private static @Nullable Breach tooFewItems(Site site, ArrayNode list) {
    int min = Values.size(site.schema(), "minItems", 0);
    if (min < 2 || list.size() < min) {
      return null;
    }
    ArrayNode shorter = Schemas.NODES.arrayNode();
    for (int i = 0; i < min - 1; i++) {
      shorter.add(list.get(i));
    }
    return new Breach(site, shorter, shorter.size() + " items are fewer than minItems " + min);
  }

  /** Returns ASCII words cut to exactly {@code length} characters, ending in a letter. */
  private static String letters(Random random, int length) {
    StringBuilder out = new StringBuilder();
    while (out.length() < length) {
      out.append(out.length() == 0 ? "" : " ")
          .append(Prose.pick(random, List.of("lorem", "ipsum", "dolor", "sit", "amet")));
    }
    out.setLength(length);
    if (length > 0 && out.charAt(length - 1) == ' ') {
      out.setCharAt(length - 1, 'x');
    }
    return out.toString();
  }

  private static JsonNode at(JsonNode tree, JsonPath path) {
    JsonNode node = tree;
    for (Object segment : path.segments()) {
      node = segment instanceof Integer i ? node.get(i) : node.get((String) segment);
    }
    return node;
  }

  private static void replace(JsonNode tree, JsonPath path, JsonNode value) {
    JsonPath parentPath = path.parent();
    JsonNode parent = at(tree, parentPath == null ? JsonPath.root() : parentPath);
    List<Object> segments = path.segments();
    Object last = segments.get(segments.size() - 1);
    if (last instanceof Integer i) {
      ((ArrayNode) parent).set(i, value);
    } else {
      ((ObjectNode) parent).set((String) last, value);
    }
  }
}
