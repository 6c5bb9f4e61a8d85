package dev.partialjson.parser;

import dev.partialjson.testkit.EventLog;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.function.Supplier;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;
import org.jspecify.annotations.Nullable;

/**
 * Generated JSON documents for {@link ParserProperties}: a tree of values that knows what it means
 * (decoded strings and keys, the events a parser must report) and renders itself as text in a
 * compact, pretty or randomly spaced layout. Strings carry every escape JSON has, escaped surrogate
 * pairs, raw 2-, 3- and 4-byte UTF-8, and now and then a few thousand chars, rarely more than
 * 70,000 (more than one of Jackson's text-buffer segments in a single feed). Ordinary containers
 * thin out quickly, so deep documents come from chains, containers that each hold the next among a
 * few leaves, nesting up to about {@link #MAX_DEPTH}.
 */
final class JsonDocuments {
  static final int MAX_DEPTH = 30;

  /** Prose a model writes around its JSON; neither part holds a bracket. */
  static final String PROSE_BEFORE = "Here it is:\n```json\n";

  static final String PROSE_AFTER = "\n```\nDone.";

  private JsonDocuments() {}

  /** A value of the tree. */
  sealed interface Node permits Literal, Text, Array, Obj {}

  /** A number, {@code true}, {@code false} or {@code null}, as written. */
  record Literal(String json) implements Node {}

  /** A string as written (quotes included) and what it decodes to. */
  record Text(String json, String value) implements Node {}

  /** An array. */
  record Array(List<Node> items) implements Node {}

  /** A member of an object. */
  record Member(Text key, Node value) {}

  /** An object; a key may occur twice. */
  record Obj(List<Member> members) implements Node {}

  /** How a document is laid out. */
  enum Layout {
    COMPACT,
    PRETTY,
    SPACED
  }

  /** A piece of a string: its JSON spelling and the chars it stands for. */
  record Chunk(String json, String value) {}

  /** Returns documents whose root is any value, scalars included. */
  static Arbitrary<Document> documents() {
    return documentsOf(
        Arbitraries.frequencyOf(
            Tuple.of(3, containers()), Tuple.of(2, chains()), Tuple.of(1, leaf())));
  }

  /** Returns documents whose root is an object or an array, as model output must have. */
  static Arbitrary<Document> containerDocuments() {
    return documentsOf(Arbitraries.frequencyOf(Tuple.of(3, containers()), Tuple.of(2, chains())));
  }

  private static Arbitrary<Document> documentsOf(Arbitrary<Node> roots) {
    return Combinators.combine(
            roots, Arbitraries.of(Layout.class), Arbitraries.longs().withoutEdgeCases())
        .as(Document::new);
  }

  private static Arbitrary<Node> containers() {
    return Arbitraries.oneOf(array(), object());
  }

  /**
   * Returns any value. Two in nine are containers, and a container has three children on average,
   * so the trees stay small and rarely nest more than a few levels: {@link #chains()} makes the
   * deep ones. (jqwik's {@code lazyOf} is keyed by its call site, so a recursion through it must
   * not carry a parameter such as the depth; hence no depth here and a separate chain generator.)
   */
  static Arbitrary<Node> value() {
    Supplier<Arbitrary<? extends Node>> literal = JsonDocuments::literals;
    Supplier<Arbitrary<? extends Node>> text = JsonDocuments::texts;
    Supplier<Arbitrary<? extends Node>> array = JsonDocuments::array;
    Supplier<Arbitrary<? extends Node>> object = JsonDocuments::object;
    return Arbitraries.lazyOf(literal, literal, literal, literal, text, text, text, array, object);
  }

  static Arbitrary<Node> leaf() {
    return Arbitraries.frequencyOf(Tuple.of(4, literals()), Tuple.of(3, texts()));
  }

  /** An array with 0 to 6 items. */
  static Arbitrary<Node> array() {
    return value().list().ofMaxSize(6).map(Array::new);
  }

  /** An object with 0 to 6 members; one in five repeats its first key at the end. */
  static Arbitrary<Node> object() {
    Arbitrary<Member> member = Combinators.combine(keys(), value()).as(Member::new);
    Arbitrary<List<Member>> members =
        member.list().ofMaxSize(6).uniqueElements(m -> m.key().value());
    Arbitrary<Node> again = Arbitraries.oneOf(leaf(), leaf().list().ofMaxSize(3).map(Array::new));
    return Combinators.combine(members, Arbitraries.integers().between(0, 4), again)
        .as(
            (list, dice, extra) -> {
              if (dice != 0 || list.isEmpty()) {
                return new Obj(list);
              }
              List<Member> repeated = new ArrayList<>(list);
              repeated.add(new Member(list.get(0).key(), extra));
              return new Obj(repeated);
            });
  }

  /**
   * Returns a chain of 1 to {@code MAX_DEPTH - 2} containers, each an array or an object holding
   * the next among up to four leaves, around any {@link #value()}.
   */
  static Arbitrary<Node> chains() {
    return Arbitraries.recursive(JsonDocuments::value, JsonDocuments::link, 1, MAX_DEPTH - 2);
  }

  private static Arbitrary<Node> link(Arbitrary<Node> inner) {
    Arbitrary<List<Node>> before = leaf().list().ofMaxSize(2);
    Arbitrary<List<Node>> after = leaf().list().ofMaxSize(2);
    Arbitrary<List<Text>> names = keys().list().ofSize(5).uniqueElements(Text::value);
    return Combinators.combine(before, inner, after, Arbitraries.of(true, false), names)
        .as(
            (b, c, a, isArray, keys) -> {
              List<Node> items = new ArrayList<>(b);
              items.add(c);
              items.addAll(a);
              if (isArray) {
                return new Array(items);
              }
              List<Member> members = new ArrayList<>();
              for (int i = 0; i < items.size(); i++) {
                members.add(new Member(keys.get(i), items.get(i)));
              }
              return new Obj(members);
            });
  }

  /** Numbers of every shape, {@code true}, {@code false} and {@code null}. */
  static Arbitrary<Node> literals() {
    return Arbitraries.frequencyOf(
            Tuple.of(8, numbers()),
            Tuple.of(1, Arbitraries.of("true", "false")),
            Tuple.of(1, Arbitraries.just("null")))
        .map(Literal::new);
  }

  static Arbitrary<String> numbers() {
    Arbitrary<String> ints = Arbitraries.integers().map(String::valueOf);
    Arbitrary<String> longs = Arbitraries.longs().map(String::valueOf);
    Arbitrary<String> big =
        Combinators.combine(
                Arbitraries.bigIntegers()
                    .between(BigInteger.TEN.pow(29), BigInteger.TEN.pow(45))
                    .withoutEdgeCases(),
                Arbitraries.of("", "-"))
            .as((n, sign) -> sign + n);
    Arbitrary<String> intPart =
        Arbitraries.frequencyOf(
            Tuple.of(1, Arbitraries.just("0")),
            Tuple.of(
                3,
                Arbitraries.strings()
                    .numeric()
                    .ofMinLength(1)
                    .ofMaxLength(18)
                    .map(s -> s.charAt(0) == '0' ? "1" + s : s)));
    Arbitrary<String> fraction =
        Arbitraries.oneOf(
            Arbitraries.just(""),
            Arbitraries.strings().numeric().ofMinLength(1).ofMaxLength(20).map(s -> "." + s));
    Arbitrary<String> exponent =
        Arbitraries.oneOf(
            Arbitraries.just(""),
            Combinators.combine(
                    Arbitraries.of("e", "E"),
                    Arbitraries.of("", "+", "-"),
                    Arbitraries.integers().between(0, 330))
                .as((e, sign, n) -> e + sign + n));
    Arbitrary<String> decimals =
        Combinators.combine(Arbitraries.of("", "-"), intPart, fraction, exponent)
            .as((sign, i, f, e) -> sign + i + f + e);
    Arbitrary<String> famous =
        Arbitraries.of(
            "0",
            "-0",
            "0.0",
            "-0.0",
            "1e-7",
            "2.5E+300",
            "-1.5e-300",
            "1E400",
            "1.0",
            "0.1",
            "1e0",
            "1E+2",
            "123456789012345678901234567890",
            "9223372036854775807",
            "9223372036854775808",
            "-9223372036854775809",
            "2147483648",
            "-2147483649",
            "3.141592653589793238462643383279502884197");
    return Arbitraries.frequencyOf(
        Tuple.of(4, ints),
        Tuple.of(1, longs),
        Tuple.of(1, big),
        Tuple.of(3, decimals),
        Tuple.of(2, famous));
  }

  /** String values: mostly short, sometimes thousands of chars, rarely more than 70,000. */
  static Arbitrary<Node> texts() {
    Arbitrary<Text> small = chunks().list().ofMaxSize(8).map(JsonDocuments::text);
    return Arbitraries.frequencyOf(
        Tuple.of(400, small),
        Tuple.of(20, longText(200, 6000)),
        Tuple.of(1, longText(70_000, 80_000)));
  }

  private static Arbitrary<Text> longText(int min, int max) {
    return Combinators.combine(
            chunks().list().ofMinSize(1).ofMaxSize(8),
            Arbitraries.integers().between(min, max).withoutEdgeCases())
        .as(
            (pattern, target) -> {
              List<Chunk> repeated = new ArrayList<>();
              int length = 0;
              while (length < target) {
                for (Chunk chunk : pattern) {
                  repeated.add(chunk);
                  length += chunk.value().length();
                }
              }
              return text(repeated);
            })
        .withoutEdgeCases();
  }

  /**
   * Object keys: common names (so repeats happen), odd names, escapes, non-ASCII, the empty key.
   */
  static Arbitrary<Text> keys() {
    Arbitrary<String> plain =
        Arbitraries.frequencyOf(
            Tuple.of(6, Arbitraries.of("id", "title", "a", "b", "tasks", "x_1", "Name", "é", "中文")),
            Tuple.of(
                6, Arbitraries.strings().withCharRange('a', 'z').ofMinLength(1).ofMaxLength(10)),
            Tuple.of(1, Arbitraries.just("")),
            Tuple.of(
                2,
                Arbitraries.of(
                    "2", "0", "10", "odd key", "it's", "a.b", "[0]", "$", "*", "@", "-", "1a",
                    "a-b", "'", "..", "$.x", "['a']")));
    return Arbitraries.frequencyOf(
        Tuple.of(3, plain.map(s -> new Text('"' + s + '"', s))),
        Tuple.of(2, chunks().list().ofMinSize(1).ofMaxSize(4).map(JsonDocuments::text)));
  }

  private static Text text(List<Chunk> chunks) {
    StringBuilder json = new StringBuilder("\"");
    StringBuilder value = new StringBuilder();
    for (Chunk chunk : chunks) {
      json.append(chunk.json());
      value.append(chunk.value());
    }
    return new Text(json.append('"').toString(), value.toString());
  }

  static Arbitrary<Chunk> chunks() {
    Arbitrary<Chunk> ascii =
        Arbitraries.strings()
            .withCharRange(' ', '~')
            .excludeChars('"', '\\')
            .ofMinLength(1)
            .ofMaxLength(12)
            .map(s -> new Chunk(s, s));
    Arbitrary<Chunk> shortEscapes =
        Arbitraries.of(
            new Chunk("\\n", "\n"),
            new Chunk("\\t", "\t"),
            new Chunk("\\\"", "\""),
            new Chunk("\\\\", "\\"),
            new Chunk("\\/", "/"),
            new Chunk("\\b", "\b"),
            new Chunk("\\f", "\f"),
            new Chunk("\\r", "\r"));
    Arbitrary<Chunk> unicodeEscapes =
        Combinators.combine(
                Arbitraries.chars()
                    .range('\u0000', '\uffff')
                    .filter(c -> !Character.isSurrogate(c)),
                Arbitraries.of(true, false))
            .as((c, upper) -> new Chunk(escape(c, upper), String.valueOf(c)));
    Arbitrary<Chunk> controlEscapes =
        Combinators.combine(
                Arbitraries.chars().range('\u0000', '\u001f'), Arbitraries.of(true, false))
            .as((c, upper) -> new Chunk(escape(c, upper), String.valueOf(c)));
    Arbitrary<Chunk> pairEscapes =
        Arbitraries.oneOf(
            Arbitraries.just(new Chunk("\\uD83D\\uDE00", "\uD83D\uDE00")),
            Combinators.combine(
                    Arbitraries.integers().between(0x10000, 0x10FFFF), Arbitraries.of(true, false))
                .as(
                    (cp, upper) -> {
                      String pair = new String(Character.toChars(cp));
                      return new Chunk(
                          escape(pair.charAt(0), upper) + escape(pair.charAt(1), upper), pair);
                    }));
    Arbitrary<Chunk> raw =
        Arbitraries.oneOf(
                Arbitraries.of("é", "ü", "ñ", "ß", "中", "文", "€", "…", "😀", "🎉", "👍🏽", "𝄞"),
                Arbitraries.integers().between(0x80, 0x7FF).map(JsonDocuments::codePoint),
                Arbitraries.integers()
                    .between(0x800, 0xFFFF)
                    .filter(cp -> !Character.isSurrogate((char) (int) cp))
                    .map(JsonDocuments::codePoint),
                Arbitraries.integers().between(0x10000, 0x10FFFF).map(JsonDocuments::codePoint))
            .map(s -> new Chunk(s, s));
    return Arbitraries.frequencyOf(
        Tuple.of(6, ascii),
        Tuple.of(3, shortEscapes),
        Tuple.of(2, unicodeEscapes),
        Tuple.of(1, controlEscapes),
        Tuple.of(2, pairEscapes),
        Tuple.of(3, raw));
  }

  private static String codePoint(int cp) {
    return new String(Character.toChars(cp));
  }

  private static String escape(char c, boolean upper) {
    return String.format(upper ? "\\u%04X" : "\\u%04x", (int) c);
  }

  /** A generated document: its tree, its text as laid out, and what can be said about it. */
  static final class Document {
    private final Node root;
    private final Layout layout;
    private final long seed;
    private final String text;
    private final byte[] bytes;
    private final Set<JsonPath> repeatedKeys = new HashSet<>();

    Document(Node root, Layout layout, long seed) {
      this.root = root;
      this.layout = layout;
      this.seed = seed;
      StringBuilder out = new StringBuilder();
      new Renderer(layout, new Random(seed), out).document(root);
      this.text = out.toString();
      this.bytes = text.getBytes(StandardCharsets.UTF_8);
      collectRepeatedKeys(root, JsonPath.root());
    }

    Node root() {
      return root;
    }

    Layout layout() {
      return layout;
    }

    String text() {
      return text;
    }

    byte[] bytes() {
      return bytes.clone();
    }

    int length() {
      return bytes.length;
    }

    /**
     * Returns the text with {@code breakage} at one of the places it can go (chosen by {@code
     * choice}), in the same layout, or null if the document has no such place.
     */
    @Nullable String broken(Breakage breakage, int choice) {
      Renderer counter = new Renderer(layout, new Random(seed), new StringBuilder(), breakage, -1);
      counter.document(root);
      if (counter.places == 0) {
        return null;
      }
      StringBuilder out = new StringBuilder();
      new Renderer(layout, new Random(seed), out, breakage, choice % counter.places).document(root);
      return out.toString();
    }

    /** The document as a model would write it, with prose and a Markdown fence around it. */
    String wrapped() {
      return PROSE_BEFORE + text + PROSE_AFTER;
    }

    boolean isContainer() {
      return root instanceof Array || root instanceof Obj;
    }

    /**
     * Returns whether the value at {@code path} may be replaced while its object is still open: it
     * is, or lies under, a key that occurs twice in its object (the last value wins).
     */
    boolean mayBeReplaced(JsonPath path) {
      if (repeatedKeys.isEmpty()) {
        return false;
      }
      for (JsonPath p = path; p != null; p = p.parent()) {
        if (repeatedKeys.contains(p)) {
          return true;
        }
      }
      return false;
    }

    boolean hasRepeatedKeys() {
      return !repeatedKeys.isEmpty();
    }

    private void collectRepeatedKeys(Node node, JsonPath path) {
      if (node instanceof Array a) {
        for (int i = 0; i < a.items().size(); i++) {
          collectRepeatedKeys(a.items().get(i), path.index(i));
        }
      } else if (node instanceof Obj o) {
        Set<String> seen = new HashSet<>();
        for (Member m : o.members()) {
          if (!seen.add(m.key().value())) {
            repeatedKeys.add(path.field(m.key().value()));
          }
          collectRepeatedKeys(m.value(), path.field(m.key().value()));
        }
      }
    }

    /**
     * Returns the events a parser must report for this document, with each string's deltas joined
     * into one (as {@link EventLog#merged()} does): what the tree says, not what a parser says.
     */
    List<JsonEvent> expectedEvents() {
      List<JsonEvent> out = new ArrayList<>();
      expect(root, JsonPath.root(), out);
      out.add(new JsonEvent(JsonEvent.Kind.DOCUMENT_END, JsonPath.root(), null));
      return out;
    }

    private static void expect(Node node, JsonPath path, List<JsonEvent> out) {
      if (node instanceof Literal l) {
        switch (l.json()) {
          case "true" -> out.add(new JsonEvent(JsonEvent.Kind.BOOLEAN, path, true));
          case "false" -> out.add(new JsonEvent(JsonEvent.Kind.BOOLEAN, path, false));
          case "null" -> out.add(new JsonEvent(JsonEvent.Kind.NULL, path, null));
          default -> out.add(new JsonEvent(JsonEvent.Kind.NUMBER, path, number(l.json())));
        }
      } else if (node instanceof Text t) {
        if (!t.value().isEmpty()) {
          out.add(new JsonEvent(JsonEvent.Kind.STRING_DELTA, path, t.value()));
        }
        out.add(new JsonEvent(JsonEvent.Kind.STRING, path, t.value()));
      } else if (node instanceof Array a) {
        out.add(new JsonEvent(JsonEvent.Kind.START_ARRAY, path, null));
        for (int i = 0; i < a.items().size(); i++) {
          expect(a.items().get(i), path.index(i), out);
        }
        out.add(new JsonEvent(JsonEvent.Kind.END_ARRAY, path, null));
      } else if (node instanceof Obj o) {
        out.add(new JsonEvent(JsonEvent.Kind.START_OBJECT, path, null));
        for (Member m : o.members()) {
          expect(m.value(), path.field(m.key().value()), out);
        }
        out.add(new JsonEvent(JsonEvent.Kind.END_OBJECT, path, null));
      }
    }

    /** Jackson's exact reading of one number literal on its own. */
    private static Object number(String literal) {
      try {
        return JacksonReference.parse(
            literal.getBytes(StandardCharsets.US_ASCII), ParserOptions.Syntax.STRICT);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    /** Returns how deeply containers nest: 0 for a scalar root, 1 for {@code [1]}. */
    int depth() {
      return depth(root);
    }

    private static int depth(Node node) {
      int max = 0;
      if (node instanceof Array a) {
        for (Node item : a.items()) {
          max = Math.max(max, depth(item));
        }
        return max + 1;
      }
      if (node instanceof Obj o) {
        for (Member m : o.members()) {
          max = Math.max(max, depth(m.value()));
        }
        return max + 1;
      }
      return 0;
    }

    /** Returns every string of the document, keys included, as written. */
    List<Text> texts() {
      List<Text> out = new ArrayList<>();
      texts(root, out);
      return out;
    }

    private static void texts(Node node, List<Text> out) {
      if (node instanceof Text t) {
        out.add(t);
      } else if (node instanceof Array a) {
        a.items().forEach(item -> texts(item, out));
      } else if (node instanceof Obj o) {
        for (Member m : o.members()) {
          out.add(m.key());
          texts(m.value(), out);
        }
      }
    }

    /** Shows the text, cut in the middle when long, so that a shrunk sample stays readable. */
    @Override
    public String toString() {
      String shown =
          text.length() <= 3000
              ? literal(text)
              : literal(text.substring(0, 1500))
                  + " + …["
                  + (text.length() - 3000)
                  + " chars]… + "
                  + literal(text.substring(text.length() - 1500));
      return layout + " (" + bytes.length + " bytes) " + shown;
    }

    /** Returns {@code s} as a Java string literal, so that a reported sample can be pasted. */
    static String literal(String s) {
      StringBuilder out = new StringBuilder("\"");
      for (int i = 0; i < s.length(); i++) {
        char c = s.charAt(i);
        switch (c) {
          case '"' -> out.append("\\\"");
          case '\\' -> out.append("\\\\");
          case '\n' -> out.append("\\n");
          case '\r' -> out.append("\\r");
          case '\t' -> out.append("\\t");
          default -> {
            if (c < 0x20 || c == 0x7F) {
              out.append(String.format("\\u%04x", (int) c));
            } else {
              out.append(c);
            }
          }
        }
      }
      return out.append('"').toString();
    }
  }

  /** A way to break a document's structure at one place, leaving every byte valid UTF-8. */
  enum Breakage {
    /** A member without its value: {@code {"a": }} or {@code {"a":,"b":1}}. */
    MISSING_VALUE,
    /** A member without its colon: {@code {"a" 1}}. */
    MISSING_COLON,
    /** Two items or members without the comma between them. */
    MISSING_COMMA,
    /** A comma after the last item or member. */
    TRAILING_COMMA,
    /** A container closed with the other kind of bracket: {@code [1}} or <code>{"a":1]</code>. */
    WRONG_CLOSER
  }

  /**
   * Writes a tree as JSON text, breaking it at the {@code target}-th place of one kind if asked.
   */
  private static final class Renderer {
    private final Layout layout;
    private final Random random;
    private final StringBuilder out;
    private final @Nullable Breakage breakage;
    private final int target;
    private int places; // places seen where the breakage could go

    Renderer(Layout layout, Random random, StringBuilder out) {
      this(layout, random, out, null, -1);
    }

    Renderer(
        Layout layout, Random random, StringBuilder out, @Nullable Breakage breakage, int target) {
      this.layout = layout;
      this.random = random;
      this.out = out;
      this.breakage = breakage;
      this.target = target;
    }

    /** Returns whether this is the place to break; counts the places of {@code kind}. */
    private boolean breakHere(Breakage kind) {
      return kind == breakage && places++ == target;
    }

    void document(Node root) {
      space();
      value(root, 0);
      space();
      if (layout == Layout.PRETTY) {
        out.append('\n');
      }
    }

    /** Insignificant whitespace of the SPACED layout: often none, else 1 to 3 of the four. */
    private void space() {
      if (layout != Layout.SPACED || random.nextBoolean()) {
        return;
      }
      for (int n = 1 + random.nextInt(3); n > 0; n--) {
        out.append(" \t\n\r".charAt(random.nextInt(4)));
      }
    }

    private void newline(int indent) {
      if (layout == Layout.PRETTY) {
        out.append('\n');
        out.append("  ".repeat(indent));
      } else {
        space();
      }
    }

    private void separator(int i, int size) {
      if (i < size - 1 ? !breakHere(Breakage.MISSING_COMMA) : breakHere(Breakage.TRAILING_COMMA)) {
        out.append(',');
      }
    }

    private void close(int size, int indent, char closer, char other) {
      if (size > 0) {
        newline(indent);
      } else {
        space();
      }
      out.append(breakHere(Breakage.WRONG_CLOSER) ? other : closer);
    }

    private void value(Node node, int indent) {
      if (node instanceof Literal l) {
        out.append(l.json());
      } else if (node instanceof Text t) {
        out.append(t.json());
      } else if (node instanceof Array a) {
        out.append('[');
        List<Node> items = a.items();
        for (int i = 0; i < items.size(); i++) {
          newline(indent + 1);
          value(items.get(i), indent + 1);
          space();
          separator(i, items.size());
        }
        close(items.size(), indent, ']', '}');
      } else if (node instanceof Obj o) {
        out.append('{');
        List<Member> members = o.members();
        for (int i = 0; i < members.size(); i++) {
          newline(indent + 1);
          out.append(members.get(i).key().json());
          space();
          if (!breakHere(Breakage.MISSING_COLON)) {
            out.append(layout == Layout.PRETTY ? ": " : ":");
          }
          space();
          if (!breakHere(Breakage.MISSING_VALUE)) {
            value(members.get(i).value(), indent + 1);
          }
          space();
          separator(i, members.size());
        }
        close(members.size(), indent, '}', ']');
      }
    }
  }
}
