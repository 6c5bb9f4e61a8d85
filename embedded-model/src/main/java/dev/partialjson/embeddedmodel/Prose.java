package dev.partialjson.embeddedmodel;

import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Writes the free text of an answer: from a few words to a few sentences, and now and then what
 * makes a JSON writer or a streaming parser work: quotes, backslashes, newlines and tabs (escaped
 * in JSON), accented Latin, CJK, and emoji outside the Basic Multilingual Plane (a surrogate pair
 * in UTF-16, four bytes in UTF-8). A property's name picks the kind of text: a name or a title is
 * short, a description is sentences.
 */
final class Prose {
  private static final List<String> WORDS =
      List.of(
          "the",
          "plan",
          "review",
          "budget",
          "team",
          "draft",
          "report",
          "meeting",
          "update",
          "release",
          "customer",
          "order",
          "shipping",
          "invoice",
          "schedule",
          "test",
          "design",
          "feature",
          "bug",
          "fix",
          "deploy",
          "server",
          "cache",
          "query",
          "index",
          "latency",
          "quickly",
          "carefully",
          "before",
          "after",
          "with",
          "without",
          "for",
          "and",
          "or",
          "of",
          "is",
          "was",
          "needs",
          "checks",
          "moves",
          "keeps",
          "adds",
          "removes",
          "small",
          "large",
          "new",
          "old",
          "first",
          "next",
          "final",
          "clear",
          "simple",
          "every",
          "each",
          "some",
          "river",
          "garden",
          "coffee",
          "mountain",
          "train",
          "window",
          "letter",
          "music",
          "recipe");
  // What a model writes: whole sentences, titles and names of things, so that an answer reads as
  // one in a demo or a UI. Escapes, accents, CJK and emoji are added to them now and then.
  private static final List<String> SENTENCES =
      List.of(
          "Start early, before the crowds arrive, and keep the afternoon free for a long lunch",
          "The old town is best seen on foot, with a stop at every viewpoint on the way up",
          "Book the museum ahead: tickets for the weekend often sell out by Thursday",
          "Take the tram along the river and get off wherever the light looks good",
          "The release moves to Tuesday so that the migration can run overnight",
          "Every request now carries a trace id, which makes the slow queries easy to find",
          "The cache cut the median latency in half, but the tail is still too long",
          "Customers asked for a dark theme more than for any other feature this quarter",
          "The budget covers two more engineers and a second test environment",
          "Rain is likely after four, so plan the indoor visits for the late afternoon",
          "The market closes at one; arrive hungry and try the grilled sardines",
          "A short walk from the station leads to a garden that few visitors know",
          "Reviewers found three issues in the draft, all of them in the pricing section",
          "The new onboarding flow lowered drop-off on the second screen by a fifth",
          "Pack light layers: mornings are cool by the water even in summer",
          "The team agreed to ship the smaller change first and measure before the next one",
          "Dinner is late here, rarely before nine, and the best tables go to those who wait",
          "The ferry runs every twenty minutes and the view back to the city is worth the trip",
          "Support tickets about invoices dropped once the totals showed tax separately",
          "Leave an hour for the climb; the path is steep but the view from the top is wide",
          "The index on the orders table made the nightly report finish before midnight",
          "Most of the cost is in storage, so old logs now move to cheaper disks after a week",
          "Try the custard tarts warm, with cinnamon, at the bakery by the monastery",
          "The workshop ends with a short demo and time for questions from every team");
  private static final List<String> TITLES =
      List.of(
          "A slow weekend in Lisbon",
          "Three days in Kyoto",
          "Quarterly roadmap review",
          "Release plan for 2.4",
          "Autumn walks around Oslo",
          "Checkout latency report",
          "Team offsite agenda",
          "A long weekend in Florence",
          "Onboarding experiment results",
          "Food tour of Nairobi",
          "Migration checklist",
          "Summer in Reykjavík");
  private static final List<String> THINGS =
      List.of(
          "Tram 28 through Alfama",
          "Tile museum",
          "Sunset at the viewpoint",
          "Walking tour of the old town",
          "Harbour ferry ride",
          "Lunch at the covered market",
          "Botanical garden",
          "Cathedral and cloister",
          "Riverside bike ride",
          "Jazz at the corner club",
          "Database migration",
          "Load test of the checkout",
          "Design review",
          "Dependency upgrade",
          "Customer interviews",
          "Dark theme");
  private static final List<String> ACCENTED =
      List.of(
          "café",
          "naïve",
          "façade",
          "crème brûlée",
          "Zürich",
          "São Paulo",
          "déjà vu",
          "jalapeño",
          "Ærø",
          "smörgåsbord",
          "Łódź",
          "niño");
  private static final List<String> CJK =
      List.of("東京", "日本語のテキスト", "北京", "数据", "こんにちは", "한국어", "会议记录");
  private static final List<String> EMOJI = List.of("🚀", "😀", "🎉", "👍", "🔥", "🌍", "📦", "✅");
  private static final List<String> PEOPLE =
      List.of(
          "Ana Lima",
          "Jonas Weber",
          "Mei Chen",
          "Olusegun Bello",
          "Zoë Laurent",
          "Priya Raman",
          "Tomás Ortega",
          "Ingrid Solberg",
          "Kenji Watanabe",
          "Fatima Zahra");
  private static final List<String> PLACES =
      List.of(
          "Florence",
          "Lisbon",
          "Kyoto",
          "Nairobi",
          "Montréal",
          "São Paulo",
          "Reykjavík",
          "Oslo",
          "Buenos Aires",
          "Zürich",
          "東京");

  private static final List<String> PERSON =
      List.of("author", "owner", "user", "assignee", "reviewer", "speaker", "customer");

  private Prose() {}

  /**
   * Returns text for a property named {@code name} (empty for a list item or the root) with at
   * least {@code minCodePoints} code points and at most {@code maxChars} UTF-16 units: JSON Schema
   * counts code points, Jakarta's {@code @Size} counts {@code char}s, and this satisfies both.
   */
  static String write(Random random, String name, int minCodePoints, int maxChars) {
    String text = draft(random, name.toLowerCase(Locale.ROOT), maxChars);
    return fit(text, random, minCodePoints, maxChars);
  }

  private static String draft(Random random, String name, int maxChars) {
    if (PERSON.contains(name)
        || (name.contains("name")
            && (name.contains("first")
                || name.contains("last")
                || name.contains("full")
                || name.contains("user")
                || name.contains("display")))) {
      return name.contains("first")
          ? first(PEOPLE.get(random.nextInt(PEOPLE.size())))
          : pick(random, PEOPLE);
    }
    if (name.contains("city") || name.contains("location") || name.contains("place")) {
      return pick(random, PLACES);
    }
    if (name.contains("title") || name.contains("subject") || name.contains("heading")) {
      return pick(random, TITLES);
    }
    if (name.contains("name") && !name.contains("file")) {
      return pick(random, THINGS); // a person's name is matched above
    }
    if (name.contains("label") || name.contains("tag") || maxChars < 24) {
      return capitalize(words(random, 1 + random.nextInt(4)));
    }
    if (name.endsWith("s") && !name.endsWith("ss") && random.nextInt(3) > 0) {
      return pick(random, THINGS); // an item of a list: short
    }
    int kind = random.nextInt(20);
    if (kind < 6) {
      return pick(random, random.nextBoolean() ? THINGS : TITLES);
    }
    int sentences = kind < 15 ? 1 : 2 + random.nextInt(3);
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < sentences; i++) {
      if (i > 0) {
        out.append(random.nextInt(4) == 0 ? "\n" : " ");
      }
      out.append(sentence(random));
    }
    return out.toString();
  }

  private static String sentence(Random random) {
    StringBuilder out = new StringBuilder(pick(random, SENTENCES));
    int extra = random.nextInt(40);
    switch (extra) {
      case 0, 1, 2 -> out.append(" \"").append(words(random, 1 + random.nextInt(2))).append('"');
      case 3 -> out.append(" in C:\\Users\\ana\\notes.txt");
      case 4 -> out.append(":\t").append(words(random, 2)).append('\t').append(words(random, 1));
      case 5, 6, 7, 8 -> out.append(' ').append(pick(random, ACCENTED));
      case 9, 10 -> out.append(" (").append(pick(random, CJK)).append(')');
      case 11, 12 -> out.append(' ').append(pick(random, EMOJI));
      case 13 -> out.append(" at ").append(pick(random, PLACES));
      default -> {}
    }
    return out.append(random.nextInt(8) == 0 ? "!" : ".").toString();
  }

  private static String words(Random random, int count) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < count; i++) {
      if (i > 0) {
        out.append(' ');
      }
      out.append(random.nextInt(30) == 0 ? pick(random, ACCENTED) : pick(random, WORDS));
    }
    return out.toString();
  }

  /** Cuts or lengthens {@code text} to fit, never splitting a surrogate pair. */
  static String fit(String text, Random random, int minCodePoints, int maxChars) {
    StringBuilder out = new StringBuilder(text);
    while (out.codePointCount(0, out.length()) < minCodePoints) {
      out.append(out.length() == 0 ? "" : " ").append(pick(random, WORDS));
    }
    if (out.length() > maxChars) {
      int end = maxChars;
      if (end > 0 && Character.isHighSurrogate(out.charAt(end - 1))) {
        end--;
      }
      int space = out.lastIndexOf(" ", end);
      // Cut at a word when that keeps most of the text; else mid-word.
      out.setLength(space > end / 2 && space >= minCodePoints ? space : end);
    }
    while (out.length() > 0
        && Character.isWhitespace(out.charAt(out.length() - 1))
        && out.codePointCount(0, out.length()) > minCodePoints) {
      out.setLength(out.length() - 1);
    }
    while (out.codePointCount(0, out.length()) < minCodePoints && out.length() < maxChars) {
      out.append('a');
    }
    return out.toString();
  }

  static String pick(Random random, List<String> from) {
    return from.get(random.nextInt(from.size()));
  }

  private static String first(String fullName) {
    return fullName.substring(0, fullName.indexOf(' '));
  }

  private static String capitalize(String text) {
    return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
  }
}
