package dev.partialjson.parser;

import static org.assertj.core.api.Assertions.assertThat;

import dev.partialjson.parser.JsonDocuments.Document;
import dev.partialjson.testkit.EventLog;
import dev.partialjson.testkit.Splits;
import dev.partialjson.testkit.Splits.Piece;
import dev.partialjson.testkit.Splits.Split;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import org.jspecify.annotations.Nullable;

/**
 * Mutation fuzzing: valid documents (generated ones, and the llm-outputs corpus of real model
 * answers) are broken in the ways streamed input breaks (a flipped bit, bytes dropped, inserted or
 * duplicated, the input cut anywhere, invalid UTF-8, NUL bytes, broken escapes, unpaired surrogates
 * in text) and fed under several random splits, as bytes and as text, with each of the three kinds
 * of options. Whatever the input:
 *
 * <ol>
 *   <li>only the parser's own exceptions escape {@code feed} and {@code finish}: {@link
 *       MalformedJsonException}, {@link LimitExceededException}, {@link IncompleteJsonException};
 *   <li>the exception (class, message, offset, line, column, path) is the same under every split;
 *   <li>the events before it (each string's deltas joined) are the same under every split, a string
 *       the error lies in reported up to the bad byte, and the snapshot at the error is what a
 *       fresh parser shows after the input up to the error (for a limit, but for the open string: a
 *       string too long is reported at its opening quote);
 *   <li>a parser that failed refuses more input with {@link IllegalStateException}.
 * </ol>
 *
 * <p>The number of tries comes from {@code jqwik.tries.default} (in {@code
 * junit-platform.properties}), so that a longer run needs no edit: {@code ./mvnw -pl parser -am
 * verify -Dtest=FuzzProperties -Dsurefire.failIfNoSpecifiedTests=false
 * -Djqwik.tries.default=20000}.
 */
class FuzzProperties {

  /** The three kinds of options: strict JSON, lenient JSON, and model output (the default). */
  enum Mode {
    STRICT(ParserOptions.strict()),
    LENIENT(ParserOptions.builder().text(ParserOptions.Text.JSON).build()),
    MODEL(ParserOptions.defaults());

    final ParserOptions options;

    Mode(ParserOptions options) {
      this.options = options;
    }
  }

  /** One way a stream breaks; {@code position} and {@code value} are reduced to fit the input. */
  record Mutation(Kind kind, int position, int value) {
    enum Kind {
      FLIP_BIT,
      DROP,
      INSERT_BYTE,
      DUPLICATE,
      CUT,
      INVALID_UTF8,
      NUL,
      BROKEN_ESCAPE,
      ESCAPE_CUT,
      UNPAIRED_SURROGATE
    }

    /** Invalid UTF-8: lone continuations, overlong forms, surrogates, truncated, F5..FF. */
    static final int[][] INVALID = {
      {0x80},
      {0xBF},
      {0xC0, 0xAF},
      {0xC1, 0xBF},
      {0xE0, 0x80, 0xAF},
      {0xF0, 0x80, 0x80, 0xAF},
      {0xED, 0xA0, 0x80},
      {0xED, 0xBF, 0xBF},
      {0xED, 0xA0, 0xBD, 0xED, 0xB8, 0x80},
      {0xE2, 0x82},
      {0xF0, 0x9F, 0x98},
      {0xC3},
      {0xF4, 0x90, 0x80, 0x80},
      {0xF5},
      {0xF8, 0x88, 0x80, 0x80, 0x80},
      {0xFE},
      {0xFF},
      {0xE2, 0x82, 0x41}
    };

    /** Escapes that are broken, or valid ones that are easy to get wrong. */
    static final String[] ESCAPES = {
      "\\u12", "\\u", "\\uD800", "\\uDC00", "\\uD800\\u0041", "\\uD83D\\n", "\\x41", "\\",
      "\\u12G4", "\\U0041", "\\0", "\\uD83D\\uDE00", "\\uDBFF\\uDFFF", "\\/", "\\'", "\\u0000"
    };

    /** Applies this mutation to bytes; an UNPAIRED_SURROGATE applies to text instead. */
    byte[] apply(byte[] doc) {
      int n = doc.length;
      int at = position % (n + 1);
      switch (kind) {
        case FLIP_BIT:
          if (n == 0) {
            return doc;
          }
          byte[] flipped = doc.clone();
          flipped[position % n] ^= (byte) (1 << (value & 7));
          return flipped;
        case DROP:
          return splice(doc, at, Math.min(n, at + 1 + (value & 7)), new byte[0]);
        case INSERT_BYTE:
          return splice(doc, at, at, new byte[] {(byte) value});
        case DUPLICATE:
          int to = Math.min(n, at + 1 + (value & 15));
          return splice(doc, to, to, Arrays.copyOfRange(doc, at, to));
        case CUT:
          return Arrays.copyOf(doc, at);
        case INVALID_UTF8:
          int[] sequence = INVALID[value % INVALID.length];
          byte[] bad = new byte[sequence.length];
          for (int i = 0; i < bad.length; i++) {
            bad[i] = (byte) sequence[i];
          }
          int where = (value & 0x100) == 0 ? insideString(doc) : at;
          return splice(doc, where, where, bad);
        case NUL:
          int nul = (value & 1) == 0 ? insideString(doc) : at;
          return splice(doc, nul, nul, new byte[] {0});
        case BROKEN_ESCAPE:
          int in = insideString(doc);
          return splice(
              doc, in, in, ESCAPES[value % ESCAPES.length].getBytes(StandardCharsets.UTF_8));
        case ESCAPE_CUT:
          int escape = nth(doc, (byte) '\\', position);
          if (escape < 0) {
            return doc;
          }
          return splice(doc, escape + 1, Math.min(n, escape + 2 + (value & 3)), new byte[0]);
        default:
          return doc;
      }
    }

    /** Inserts a lone surrogate into text, or swaps the halves of a pair if there is one here. */
    String apply(String text) {
      int at = position % (text.length() + 1);
      if (at + 1 < text.length()
          && Character.isHighSurrogate(text.charAt(at))
          && Character.isLowSurrogate(text.charAt(at + 1))
          && (value & 1) == 0) {
        return text.substring(0, at)
            + text.charAt(at + 1)
            + text.charAt(at)
            + text.substring(at + 2);
      }
      char surrogate =
          (char)
              ((value & 2) == 0 ? 0xD800 + (value >>> 2) % 0x400 : 0xDC00 + (value >>> 2) % 0x400);
      return text.substring(0, at) + surrogate + text.substring(at);
    }

    /** Returns an offset just inside a string: after the n-th double quote, else the position. */
    private int insideString(byte[] doc) {
      int quote = nth(doc, (byte) '"', position);
      return quote < 0 ? position % (doc.length + 1) : quote + 1;
    }

    private static int nth(byte[] doc, byte b, int choice) {
      int count = 0;
      for (byte x : doc) {
        count += x == b ? 1 : 0;
      }
      if (count == 0) {
        return -1;
      }
      int wanted = choice % count;
      for (int i = 0; i < doc.length; i++) {
        if (doc[i] == b && wanted-- == 0) {
          return i;
        }
      }
      return -1;
    }

    private static byte[] splice(byte[] doc, int from, int to, byte[] insert) {
      ByteArrayOutputStream out = new ByteArrayOutputStream(doc.length + insert.length);
      out.write(doc, 0, from);
      out.write(insert, 0, insert.length);
      out.write(doc, to, doc.length - to);
      return out.toByteArray();
    }
  }

  /**
   * A broken input: bytes, and as text where it has one (text only, with an unpaired surrogate).
   */
  record Input(byte @Nullable [] bytes, @Nullable String text) {
    String show() {
      return bytes != null
          ? ParserProperties.show(bytes)
          : JsonDocuments.Document.literal(Objects.requireNonNull(text));
    }
  }

  @Provide
  Arbitrary<Document> documents() {
    return JsonDocuments.documents();
  }

  @Provide
  Arbitrary<byte[]> answers() {
    List<String> files = new ArrayList<>(Corpus.files("llm-outputs"));
    files.remove("index.jsonl");
    return Arbitraries.of(files).map(name -> Corpus.bytes("llm-outputs", name));
  }

  @Provide
  Arbitrary<List<Mutation>> mutations() {
    Arbitrary<Mutation> one =
        Combinators.combine(
                Arbitraries.of(Mutation.Kind.class),
                Arbitraries.integers().between(0, Integer.MAX_VALUE),
                Arbitraries.integers().between(0, Integer.MAX_VALUE))
            .as(Mutation::new);
    return one.list().ofMinSize(1).ofMaxSize(3);
  }

  @Provide
  Arbitrary<List<Integer>> cuts() {
    return Arbitraries.integers().between(0, Integer.MAX_VALUE).list().ofMaxSize(30);
  }

  @Property
  void mutatedGeneratedDocumentsFailAlikeUnderEverySplit(
      @ForAll("documents") Document doc,
      @ForAll("mutations") List<Mutation> mutations,
      @ForAll Mode mode,
      @ForAll("cuts") List<Integer> cutsA,
      @ForAll("cuts") List<Integer> cutsB,
      @ForAll("cuts") List<Integer> cutsC) {
    check(mutate(doc.bytes(), mutations), mutations, mode, cutsA, cutsB, cutsC);
  }

  @Property
  void mutatedModelAnswersFailAlikeUnderEverySplit(
      @ForAll("answers") byte[] answer,
      @ForAll("mutations") List<Mutation> mutations,
      @ForAll Mode mode,
      @ForAll("cuts") List<Integer> cutsA,
      @ForAll("cuts") List<Integer> cutsB,
      @ForAll("cuts") List<Integer> cutsC) {
    check(mutate(answer, mutations), mutations, mode, cutsA, cutsB, cutsC);
  }

  /** Applies the byte mutations in order, then an UNPAIRED_SURROGATE to the text if asked. */
  static Input mutate(byte[] bytes, List<Mutation> mutations) {
    Mutation surrogate = null;
    for (Mutation m : mutations) {
      if (m.kind() == Mutation.Kind.UNPAIRED_SURROGATE) {
        surrogate = m;
      } else {
        bytes = m.apply(bytes);
      }
    }
    String text = utf8(bytes);
    if (surrogate != null && text != null) {
      return new Input(null, surrogate.apply(text));
    }
    return new Input(bytes, text);
  }

  /** The outcome of one split. */
  private record Run(
      Split split,
      IncrementalJsonParser parser,
      EventLog log,
      @Nullable PartialJsonException error) {}

  static void check(
      Input input,
      List<Mutation> mutations,
      Mode mode,
      List<Integer> cutsA,
      List<Integer> cutsB,
      List<Integer> cutsC) {
    for (Mutation m : mutations) {
      Statistics.label("mutation").collect(m.kind());
    }
    Statistics.label("options").collect(mode);
    String shown = input.show();
    List<Run> runs = new ArrayList<>();
    for (Split split : splits(input, cutsA, cutsB, cutsC)) {
      runs.add(run(mode, split, shown));
    }
    Run first = runs.get(0);
    PartialJsonException error = first.error();
    Statistics.label("outcome")
        .collect(error == null ? "accepted" : error.getClass().getSimpleName());
    for (Run run : runs.subList(1, runs.size())) {
      String where = shown + " (" + mode + ") under " + run.split() + " vs " + first.split();
      if (error == null) {
        assertThat(run.error()).as("error in %s", where).isNull();
        assertThat(run.log().merged()).as("events in %s", where).isEqualTo(first.log().merged());
        assertThat(run.parser().snapshot().value())
            .as("snapshot in %s", where)
            .isEqualTo(first.parser().snapshot().value());
        continue;
      }
      PartialJsonException other = run.error();
      assertThat(other).as("error in %s", where).isNotNull();
      assertThat(other.getClass()).as("class in %s", where).isEqualTo(error.getClass());
      assertThat(other.getMessage()).as("message in %s", where).isEqualTo(error.getMessage());
      assertThat(other.byteOffset()).as("offset in %s", where).isEqualTo(error.byteOffset());
      assertThat(new int[] {other.line(), other.column()})
          .as("line and column in %s", where)
          .containsExactly(error.line(), error.column());
      assertThat(other.path()).as("path in %s", where).isEqualTo(error.path());
      assertThat(run.log().merged()).as("events in %s", where).isEqualTo(first.log().merged());
    }
    if (error != null) {
      // through the byte at the offset: a number or literal ended by the byte that is wrong is
      // complete, and is shown; and through a whole literal that a wrong token began with
      // ("truex", placed after its first letter): the literal was complete at its last letter
      long through = error.byteOffset() + 1;
      Matcher word = WRONG_WORD.matcher(error.reason());
      if (word.lookingAt()) {
        through = Math.max(through, error.byteOffset() - 1 + word.group(1).length());
      }
      byte[] prefix = prefix(input, through);
      for (Run run : runs) {
        assertSnapshotIsTheFreshParseOfThePrefix(mode, run, prefix, shown);
      }
    }
  }

  /** Jackson's words for a token that began with a whole literal and went on. */
  private static final Pattern WRONG_WORD =
      Pattern.compile("Unrecognized token '(true|false|null)");

  /** Feeds one split to a fresh parser and finishes it; anything but the parser's own fails. */
  private static Run run(Mode mode, Split split, String shown) {
    EventLog log = new EventLog();
    IncrementalJsonParser parser = IncrementalJsonParser.create(mode.options, log);
    PartialJsonException error = null;
    try {
      split.feed(parser);
      parser.finish();
    } catch (MalformedJsonException | LimitExceededException | IncompleteJsonException e) {
      error = e;
    } catch (RuntimeException | StackOverflowError e) {
      throw new AssertionError(
          "not the parser's own exception for " + shown + " (" + mode + ") under " + split, e);
    }
    if (error != null) {
      try {
        parser.feed(new byte[] {'1'});
        throw new AssertionError("a failed parser took more input: " + shown + " under " + split);
      } catch (IllegalStateException expected) {
        // (d)
      }
    }
    return new Run(split, parser, log, error);
  }

  /**
   * The snapshot at the error is the snapshot of a fresh parser fed the input up to and including
   * the byte at the error's offset (without {@code finish}), which must take it without complaint
   * or fail with the very same error, and both are the same; but for a limit, where a string open
   * in either may have come further in one than in the other, or not be there at all. The end
   * completes a number whose digits all arrived; a literal that a wrong token began with is whole
   * (see the caller).
   */
  private static void assertSnapshotIsTheFreshParseOfThePrefix(
      Mode mode, Run run, byte[] prefix, String shown) {
    IncrementalJsonParser fresh = IncrementalJsonParser.create(mode.options, JsonListener.NONE);
    PartialJsonException freshError = null;
    try {
      fresh.feed(prefix);
    } catch (PartialJsonException e) {
      freshError = e;
    }
    Snapshot atError = run.parser().snapshot();
    Snapshot expected = fresh.snapshot();
    String where = shown + " (" + mode + ") under " + run.split() + ", error " + run.error();
    if (freshError != null) {
      // the byte at the offset (or, where Jackson places the error just past an unexpected
      // character, the one before it) fails the input alike by itself
      assertThat(freshError.getMessage())
          .as("the input up to the error fails otherwise, in %s", where)
          .isEqualTo(run.error().getMessage());
    }
    if (run.error() instanceof IncompleteJsonException) {
      if (prefix.length > 0
          && prefix[prefix.length - 1] >= '0'
          && prefix[prefix.length - 1] <= '9'
          && openString(expected) == null) {
        // the end completes a number whose digits all arrived, as the byte after it would (a
        // digit outside a string value ends a number, or a key, a comment or skipped text, to
        // which a space adds nothing, or a key's escape, which a space makes malformed)
        try {
          fresh.feed(" ");
          expected = fresh.snapshot();
        } catch (MalformedJsonException e) {
          // no number
        }
      }
      assertThat(atError.hasValue()).as("snapshot in %s", where).isEqualTo(expected.hasValue());
      assertThat(atError.value()).as("snapshot in %s", where).isEqualTo(expected.value());
      return;
    }
    if (run.error() instanceof MalformedJsonException) {
      // a string the error lies in holds its text up to the bad byte, whatever the split
      assertThat(atError.hasValue()).as("snapshot in %s", where).isEqualTo(expected.hasValue());
      assertThat(atError.value()).as("snapshot in %s", where).isEqualTo(expected.value());
      return;
    }
    // a string too long is reported at its opening quote, with the chars up to the limit
    Set<JsonPath> strings = new java.util.HashSet<>();
    for (Snapshot s : List.of(atError, expected)) {
      JsonPath string = openString(s);
      if (string != null) {
        strings.add(string);
      }
    }
    assertThat(withoutOpenStrings(atError, strings))
        .as("snapshot (but for an open string) in %s", where)
        .isEqualTo(withoutOpenStrings(expected, strings));
  }

  private static final Object NOTHING = "(no value)";

  /**
   * Returns the snapshot's value without what stands at the paths of {@code strings} (the strings
   * open in it or in the snapshot it is compared with): a string one run has opened and the other
   * not, or a value a repeated key's open string is about to replace.
   */
  private static @Nullable Object withoutOpenStrings(Snapshot snapshot, Set<JsonPath> strings) {
    if (!snapshot.hasValue() || strings.contains(JsonPath.root())) {
      return NOTHING;
    }
    return without(snapshot.value(), JsonPath.root(), strings);
  }

  /** Returns the path of the string open in {@code snapshot}, or null. */
  private static @Nullable JsonPath openString(Snapshot snapshot) {
    List<JsonPath> open = snapshot.openPaths();
    if (open.isEmpty() || !snapshot.hasValue()) {
      return null;
    }
    JsonPath innermost = open.get(open.size() - 1);
    Object value = snapshot.value();
    // the innermost open path is a string's when the value there is a String
    return valueAt(value, JsonPath.root(), innermost) instanceof String ? innermost : null;
  }

  private static @Nullable Object valueAt(@Nullable Object value, JsonPath path, JsonPath target) {
    if (path.equals(target)) {
      return value;
    }
    if (value instanceof Map<?, ?> map) {
      for (Map.Entry<?, ?> e : map.entrySet()) {
        JsonPath child = path.field((String) e.getKey());
        if (target.toString().startsWith(child.toString())) {
          Object found = valueAt(e.getValue(), child, target);
          if (found != null) {
            return found;
          }
        }
      }
    } else if (value instanceof List<?> list && !list.isEmpty()) {
      return valueAt(list.get(list.size() - 1), path.index(list.size() - 1), target);
    }
    return null;
  }

  private static @Nullable Object without(
      @Nullable Object value, JsonPath path, Set<JsonPath> strings) {
    if (value instanceof Map<?, ?> map) {
      Map<Object, Object> out = new java.util.LinkedHashMap<>();
      for (Map.Entry<?, ?> e : map.entrySet()) {
        JsonPath child = path.field((String) e.getKey());
        if (!strings.contains(child)) {
          out.put(e.getKey(), without(e.getValue(), child, strings));
        }
      }
      return out;
    }
    if (value instanceof List<?> list) {
      List<Object> out = new ArrayList<>();
      for (int i = 0; i < list.size(); i++) {
        JsonPath child = path.index(i);
        if (!strings.contains(child)) {
          out.add(without(list.get(i), child, strings));
        }
      }
      return out;
    }
    return value;
  }

  /** Returns the UTF-8 bytes of the input before {@code offset}. */
  private static byte[] prefix(Input input, long offset) {
    byte[] bytes = input.bytes();
    if (bytes == null) {
      // text with an unpaired surrogate: its bytes are those of the text before it
      String text = Objects.requireNonNull(input.text());
      int end = 0;
      while (end < text.length()) {
        char c = text.charAt(end);
        if (Character.isHighSurrogate(c)
            && end + 1 < text.length()
            && Character.isLowSurrogate(text.charAt(end + 1))) {
          end += 2;
        } else if (Character.isSurrogate(c)) {
          break;
        } else {
          end++;
        }
      }
      bytes = text.substring(0, end).getBytes(StandardCharsets.UTF_8);
    }
    assertThat(offset).as("error offset within %s", input.show()).isBetween(1L, bytes.length + 1L);
    return Arrays.copyOf(bytes, (int) Math.min(offset, bytes.length));
  }

  /**
   * Returns the splits: the whole input and two random cuts as bytes, every byte for a short input,
   * and as text the whole and one random cut (between surrogate halves too).
   */
  private static List<Split> splits(
      Input input, List<Integer> cutsA, List<Integer> cutsB, List<Integer> cutsC) {
    List<Split> out = new ArrayList<>();
    byte[] bytes = input.bytes();
    String text = input.text();
    if (bytes != null) {
      out.add(new Split("whole", List.<Piece>of(parser -> parser.feed(bytes))));
      out.add(ParserProperties.byteCuts(bytes, cutsA));
      out.add(ParserProperties.byteCuts(bytes, cutsB));
      if (bytes.length <= 4096) {
        List<Piece> each = new ArrayList<>();
        for (int i = 0; i < bytes.length; i++) {
          int at = i;
          each.add(parser -> parser.feed(bytes, at, 1));
        }
        out.add(new Split("every byte", each));
      }
    }
    if (text != null) {
      out.add(new Split("whole text", List.<Piece>of(parser -> parser.feed(text))));
      out.add(ParserProperties.charCuts(text, cutsC));
      if (bytes == null) {
        out.add(ParserProperties.charCuts(text, cutsA));
        out.add(new Split("every char", everyChar(text)));
      }
    }
    return out;
  }

  private static List<Piece> everyChar(String text) {
    List<Piece> out = new ArrayList<>();
    for (String c : Splits.everyChar(text)) {
      out.add(parser -> parser.feed(c));
    }
    return out;
  }

  private static @Nullable String utf8(byte[] bytes) {
    try {
      return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
    } catch (CharacterCodingException e) {
      return null;
    }
  }
}
