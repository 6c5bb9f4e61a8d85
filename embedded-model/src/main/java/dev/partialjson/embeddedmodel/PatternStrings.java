package dev.partialjson.embeddedmodel;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Writes strings that match a regular expression, for the common subset that schemas use: literals
 * and escapes, {@code .}, classes ({@code [A-Z0-9_-]}, {@code [^...]}, {@code \d \w \s} and their
 * negations), groups ({@code (...)}, {@code (?:...)}, {@code (?<name>...)}) with alternation, the
 * quantifiers {@code ? * + {n} {n,} {n,m}} (lazy and possessive forms too) and the anchors {@code
 * ^} and {@code $}. Lookaround, back-references, Unicode properties and inline flags are not
 * written.
 *
 * <p>Every string is checked with {@link Pattern#matches}: a whole match, which is what Jakarta's
 * {@code @Pattern} asks and implies JSON Schema's unanchored search.
 */
final class PatternStrings {
  private static final int TRIES = 40;
  // How far past its minimum an unbounded quantifier goes: enough to look varied, short to read.
  private static final int OPEN_REPEAT = 6;
  private static final int MOST_REPEATS = 10_000;
  private static final String PRINTABLE =
      "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 -_.,:;!?@#%&*+=/()";

  private PatternStrings() {}

  /** Returns what in {@code regex} cannot be written (for a message), or null if all can. */
  static @Nullable String unsupported(String regex) {
    try {
      new Parser(regex).parse();
      return null;
    } catch (Unsupported e) {
      return e.getMessage();
    }
  }

  /**
   * Returns a string that matches {@code regex} whole and has at least {@code minCodePoints} code
   * points and at most {@code maxChars} UTF-16 units, or empty if none was found in a few tries.
   */
  static Optional<String> write(String regex, Random random, int minCodePoints, int maxChars) {
    Node node;
    try {
      node = new Parser(regex).parse();
    } catch (Unsupported e) {
      return Optional.empty();
    }
    Pattern pattern = Pattern.compile(regex);
    for (int i = 0; i < TRIES; i++) {
      StringBuilder out = new StringBuilder();
      try {
        node.write(random, out);
      } catch (Unsupported e) {
        return Optional.empty();
      }
      String text = out.toString();
      if (text.length() <= maxChars
          && text.codePointCount(0, text.length()) >= minCodePoints
          && pattern.matcher(text).matches()) {
        return Optional.of(text);
      }
    }
    return Optional.empty();
  }

  private static final class Unsupported extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Unsupported(String what) {
      super(what, null, false, false);
    }
  }

  private interface Node {
    void write(Random random, StringBuilder out);
  }

  private record Sequence(List<Node> parts) implements Node {
    @Override
    public void write(Random random, StringBuilder out) {
      parts.forEach(part -> part.write(random, out));
    }
  }

  private record Alternation(List<Node> branches) implements Node {
    @Override
    public void write(Random random, StringBuilder out) {
      branches.get(random.nextInt(branches.size())).write(random, out);
    }
  }

  private record Repeat(Node node, int min, int max) implements Node {
    @Override
    public void write(Random random, StringBuilder out) {
      int count = min + random.nextInt(max - min + 1);
      for (int i = 0; i < count; i++) {
        node.write(random, out);
      }
    }
  }

  /** A set of characters given by what it holds; a negated set picks from the printable rest. */
  private record CharSet(String chars) implements Node {
    static CharSet not(String excluded) {
      StringBuilder rest = new StringBuilder();
      PRINTABLE.chars().filter(c -> excluded.indexOf(c) < 0).forEach(c -> rest.append((char) c));
      return new CharSet(rest.toString());
    }

    @Override
    public void write(Random random, StringBuilder out) {
      if (chars.isEmpty()) {
        throw new Unsupported("a character class that excludes every printable character");
      }
      int[] points = chars.codePoints().toArray();
      out.appendCodePoint(points[random.nextInt(points.length)]);
    }
  }

  /** A recursive descent over the subset; throws {@link Unsupported} for anything outside it. */
  private static final class Parser {
    private final String regex;
    private int at;

    Parser(String regex) {
      this.regex = regex;
    }

    Node parse() {
      Node node = alternation();
      if (at < regex.length()) {
        throw new Unsupported("an unbalanced \")\"");
      }
      return node;
    }

    private Node alternation() {
      List<Node> branches = new ArrayList<>();
      branches.add(sequence());
      while (at < regex.length() && regex.charAt(at) == '|') {
        at++;
        branches.add(sequence());
      }
      return branches.size() == 1 ? branches.get(0) : new Alternation(branches);
    }

    private Node sequence() {
      List<Node> parts = new ArrayList<>();
      while (at < regex.length() && regex.charAt(at) != '|' && regex.charAt(at) != ')') {
        char c = regex.charAt(at);
        if (c == '^' || c == '$') {
          at++; // answers are whole matches, so anchors add nothing
          continue;
        }
        parts.add(quantified(atom()));
      }
      return new Sequence(parts);
    }

    private Node quantified(Node atom) {
      if (at >= regex.length()) {
        return atom;
      }
      char c = regex.charAt(at);
      int min;
      int max;
      if (c == '?' || c == '*' || c == '+') {
        at++;
        min = c == '+' ? 1 : 0;
        max = c == '?' ? 1 : min + OPEN_REPEAT;
      } else if (c == '{' && regex.indexOf('}', at) > 0) {
        int close = regex.indexOf('}', at);
        String[] bounds = regex.substring(at + 1, close).split(",", -1);
        try {
          min = Integer.parseInt(bounds[0].trim());
          max =
              bounds.length == 1
                  ? min
                  : bounds[1].isBlank() ? min + OPEN_REPEAT : Integer.parseInt(bounds[1].trim());
        } catch (NumberFormatException e) {
          return atom; // a literal "{", as Java reads it when no bounds follow
        }
        at = close + 1;
        if (min > MOST_REPEATS) {
          throw new Unsupported("a repetition of more than " + MOST_REPEATS);
        }
        // A shorter string matches as well as a long one: no need to write a million x for {1,}.
        max = Math.min(max, min + OPEN_REPEAT);
      } else {
        return atom;
      }
      if (at < regex.length() && (regex.charAt(at) == '?' || regex.charAt(at) == '+')) {
        at++; // lazy or possessive: the same strings match
      }
      return new Repeat(atom, min, Math.max(min, max));
    }

    private Node atom() {
      char c = regex.charAt(at++);
      switch (c) {
        case '(' -> {
          if (regex.startsWith("?:", at)) {
            at += 2;
          } else if (regex.startsWith("?<", at)
              && at + 2 < regex.length()
              && Character.isLetter(regex.charAt(at + 2))) {
            at = regex.indexOf('>', at) + 1;
          } else if (at < regex.length() && regex.charAt(at) == '?') {
            throw new Unsupported(
                regex.startsWith("?=", at)
                        || regex.startsWith("?!", at)
                        || regex.startsWith("?<", at)
                    ? "lookaround"
                    : "an inline flag or special group");
          }
          Node inside = alternation();
          if (at >= regex.length() || regex.charAt(at) != ')') {
            throw new Unsupported("an unclosed group");
          }
          at++;
          return inside;
        }
        case '[' -> {
          return characterClass();
        }
        case '.' -> {
          return new CharSet("abcdefghijklmnopqrstuvwxyz0123456789");
        }
        case '\\' -> {
          return escape(false);
        }
        default -> {
          return new CharSet(String.valueOf(c));
        }
      }
    }

    private CharSet escape(boolean inClass) {
      if (at >= regex.length()) {
        throw new Unsupported("a trailing backslash");
      }
      char c = regex.charAt(at++);
      return switch (c) {
        case 'd' -> new CharSet("0123456789");
        case 'w' -> new CharSet("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_");
        case 's' -> new CharSet(" ");
        case 'D' -> CharSet.not("0123456789");
        case 'W' -> new CharSet(" -.,:;!?@#");
        case 'S' -> CharSet.not(" ");
        case 'n' -> new CharSet("\n");
        case 't' -> new CharSet("\t");
        case 'r' -> new CharSet("\r");
        case 'u' -> new CharSet(String.valueOf((char) hex(4)));
        case 'x' -> new CharSet(String.valueOf((char) hex(2)));
        case 'p', 'P' -> throw new Unsupported("a Unicode property (\\" + c + ")");
        case 'b', 'B' -> {
          if (inClass) {
            throw new Unsupported("\\" + c + " in a character class");
          }
          throw new Unsupported("a word boundary (\\" + c + ")");
        }
        default -> {
          if (Character.isDigit(c) || c == 'k') {
            throw new Unsupported("a back-reference (\\" + c + ")");
          }
          if (Character.isLetter(c)) {
            throw new Unsupported("the escape \\" + c);
          }
          yield new CharSet(String.valueOf(c));
        }
      };
    }

    private int hex(int digits) {
      if (at + digits > regex.length()) {
        throw new Unsupported("a short hexadecimal escape");
      }
      try {
        int value = Integer.parseInt(regex.substring(at, at + digits), 16);
        at += digits;
        return value;
      } catch (NumberFormatException e) {
        throw new Unsupported("a hexadecimal escape with other characters");
      }
    }

    private CharSet characterClass() {
      boolean negated = at < regex.length() && regex.charAt(at) == '^';
      if (negated) {
        at++;
      }
      StringBuilder chars = new StringBuilder();
      boolean first = true;
      while (at < regex.length() && (regex.charAt(at) != ']' || first)) {
        first = false;
        char c = regex.charAt(at++);
        if (c == '[' || (c == '&' && at < regex.length() && regex.charAt(at) == '&')) {
          throw new Unsupported("a nested character class or intersection");
        }
        String members = c == '\\' ? escape(true).chars() : String.valueOf(c);
        if (members.length() == 1
            && at + 1 < regex.length()
            && regex.charAt(at) == '-'
            && regex.charAt(at + 1) != ']') {
          at++;
          char end = regex.charAt(at++);
          if (end == '\\') {
            end = escape(true).chars().charAt(0);
          }
          for (char x = members.charAt(0); x <= end && x >= members.charAt(0); x++) {
            chars.append(x);
          }
        } else {
          chars.append(members);
        }
      }
      if (at >= regex.length()) {
        throw new Unsupported("an unclosed character class");
      }
      at++;
      return negated ? CharSet.not(chars.toString()) : new CharSet(chars.toString());
    }
  }
}
