package dev.partialjson.embeddedmodel;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;
import java.util.regex.Pattern;

/**
 * Writes a string for a schema: by its {@code format}, by its {@code pattern}, else prose; always
 * within {@code minLength} (code points) and {@code maxLength} (UTF-16 units, see {@link Prose}),
 * and matching every pattern a merge left (see {@link Schemas#MORE_PATTERNS}).
 */
final class Strings {
  private static final int TRIES = 20;

  private Strings() {}

  static String write(JsonNode schema, Random random, String name, String where) {
    int min = Values.size(schema, "minLength", 0);
    int max = Values.size(schema, "maxLength", Integer.MAX_VALUE);
    if (min > max) {
      throw new Unsatisfiable("minLength " + min + " is above maxLength " + max, where);
    }
    List<String> patterns = patterns(schema);
    for (int i = 0; i < TRIES; i++) {
      Optional<String> candidate = candidate(schema, random, name, min, max, patterns, i);
      if (candidate.isPresent() && fits(candidate.get(), min, max, patterns)) {
        return candidate.get();
      }
    }
    for (String listed : Values.listedStrings(schema, null)) {
      if (fits(listed, min, max, patterns)) {
        return listed;
      }
    }
    String wanted =
        !patterns.isEmpty()
            ? "that matches " + String.join(" and ", patterns)
            : schema.has("format") ? "in the format " + schema.get("format").asText() : "";
    throw new Unsatisfiable(
        "no string "
            + wanted
            + (wanted.isEmpty() ? "" : " ")
            + "was found within minLength "
            + min
            + " and maxLength "
            + (max == Integer.MAX_VALUE ? "(none)" : max),
        where);
  }

  private static Optional<String> candidate(
      JsonNode schema,
      Random random,
      String name,
      int min,
      int max,
      List<String> patterns,
      int attempt) {
    String format = schema.path("format").asText("");
    // With both a format and a pattern, try each in turn: either may produce what fits both.
    String formatted = patterns.isEmpty() || attempt % 2 == 0 ? formatted(format, random) : null;
    if (formatted != null) {
      return Optional.of(formatted);
    }
    if (!patterns.isEmpty()) {
      return PatternStrings.write(patterns.get(0), random, min, max);
    }
    String hinted = hinted(name, random);
    if (hinted != null && hinted.length() <= max && hinted.length() >= min) {
      return Optional.of(hinted);
    }
    return Optional.of(Prose.write(random, name, min, max));
  }

  /** Returns the patterns the string must match: {@code pattern} and any a merge added. */
  static List<String> patterns(JsonNode schema) {
    List<String> out = new ArrayList<>();
    if (schema.has("pattern")) {
      out.add(schema.get("pattern").asText());
    }
    schema.path(Schemas.MORE_PATTERNS).forEach(p -> out.add(p.asText()));
    return out;
  }

  static boolean fits(String text, int min, int max, List<String> patterns) {
    if (text.length() > max || text.codePointCount(0, text.length()) < min) {
      return false;
    }
    for (String pattern : patterns) {
      if (!Pattern.compile(pattern).matcher(text).matches()) {
        return false;
      }
    }
    return true;
  }

  /** Returns a value in a format JSON Schema names, or null for a format it does not know. */
  static String formatted(String format, Random random) {
    return switch (format) {
      case "date" -> date(random);
      case "date-time" ->
          date(random) + "T" + time(random) + (random.nextBoolean() ? "Z" : "+02:00");
      case "time" -> time(random) + "Z";
      case "duration" -> "PT" + (1 + random.nextInt(90)) + "M";
      case "email", "idn-email" -> email(random);
      case "hostname", "idn-hostname" ->
          Prose.pick(random, List.of("api", "www", "mail")) + ".example.com";
      case "ipv4" -> "192.0.2." + (1 + random.nextInt(254));
      case "ipv6" -> "2001:db8::" + Integer.toHexString(1 + random.nextInt(0xfffe));
      case "uri", "iri", "uri-reference", "iri-reference", "url" ->
          "https://example.com/"
              + Prose.pick(random, List.of("docs", "orders", "blog", "api/v1/items"))
              + "/"
              + (1 + random.nextInt(999));
      case "uuid" -> uuid(random);
      default -> null;
    };
  }

  /** Returns a value a property's name asks for (an email, a link), or null. */
  private static String hinted(String name, Random random) {
    String lower = name.toLowerCase(Locale.ROOT);
    if (lower.contains("email")) {
      return email(random);
    }
    if (lower.endsWith("url") || lower.endsWith("uri") || lower.contains("link")) {
      return formatted("uri", random);
    }
    return null;
  }

  private static String date(Random random) {
    return String.format(
        Locale.ROOT,
        "%04d-%02d-%02d",
        1990 + random.nextInt(40),
        1 + random.nextInt(12),
        1 + random.nextInt(28));
  }

  private static String time(Random random) {
    return String.format(
        Locale.ROOT, "%02d:%02d:%02d", random.nextInt(24), random.nextInt(60), random.nextInt(60));
  }

  private static String email(Random random) {
    return Prose.pick(random, List.of("ana.lima", "jonas", "mei.chen", "support", "o.bello"))
        + "@"
        + Prose.pick(random, List.of("example.com", "example.org", "mail.example.net"));
  }

  private static String uuid(Random random) {
    // A version 4 UUID from the seeded random, so it is the same for the same seed.
    long high = (random.nextLong() & ~0xF000L) | 0x4000L;
    long low = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
    return new java.util.UUID(high, low).toString();
  }
}
