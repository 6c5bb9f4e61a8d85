package dev.partialjson.parser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import dev.partialjson.parser.JsonDocuments.Document;
import dev.partialjson.parser.JsonDocuments.Literal;
import dev.partialjson.parser.JsonDocuments.Text;
import dev.partialjson.testkit.EventLog;
import dev.partialjson.testkit.Replay;
import dev.partialjson.testkit.Splits;
import dev.partialjson.testkit.Splits.Piece;
import dev.partialjson.testkit.Splits.Split;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.AbstractMap.SimpleImmutableEntry;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.statistics.Statistics;
import org.jspecify.annotations.Nullable;

/**
 * The parser's invariants (ARCHITECTURE.md, 1 to 4) and path round trips over generated documents
 * (see {@link JsonDocuments}), each document fed under the split sweep where that is affordable,
 * under generated cut points in its UTF-8 bytes, and under generated cut points in its text (which
 * may fall between the halves of a surrogate pair).
 */
class ParserProperties {

  /**
   * Documents up to this size go through the whole sweep in every property. A larger one (a long
   * string, mostly) goes through it only where no snapshot is taken, in {@link
   * #eventsAreTheSameUnderEverySplit} and the model-output events property: a snapshot after each
   * of 70,000 one-byte pieces copies the open string each time, and tokenizing 300 KB for the token
   * splits takes a second. Elsewhere it is fed whole and in 100-byte pieces. The generated cuts
   * always run.
   */
  private static final int SWEEP_LIMIT = 2048;

  private static final ParserOptions STRICT = ParserOptions.strict();
  private static final ParserOptions MODEL = ParserOptions.defaults();
  private static final Pattern ESCAPED_PAIR =
      Pattern.compile("\\\\u[dD][89abAB][0-9a-fA-F]{2}\\\\u[dD][c-fC-F][0-9a-fA-F]{2}");
  private static final Object MISSING = new Object();

  @Provide
  Arbitrary<Document> documents() {
    return JsonDocuments.documents();
  }

  @Provide
  Arbitrary<Document> containerDocuments() {
    return JsonDocuments.containerDocuments();
  }

  /** Cut points, reduced modulo the input's length; an empty list feeds the whole input. */
  @Provide
  Arbitrary<List<Integer>> cuts() {
    return Arbitraries.integers().between(0, Integer.MAX_VALUE).list().ofMaxSize(40);
  }

  // Invariant 1: split independence.

  @Property(tries = 150)
  void eventsAreTheSameUnderEverySplit(
      @ForAll("documents") Document doc,
      @ForAll("cuts") List<Integer> byteCuts,
      @ForAll("cuts") List<Integer> charCuts) {
    collectStatistics(doc);
    Statistics.label("a char cut between the halves of a surrogate pair")
        .collect(cutsSurrogatePair(doc.text(), charCuts));
    List<Split> splits = splits(doc.bytes(), doc.text(), byteCuts, charCuts, true);
    assertSameEvents(STRICT, splits);
  }

  // Invariant 2: monotone snapshots.

  @Property(tries = 60)
  void everySnapshotExtendsTheOneBefore(
      @ForAll("documents") Document doc,
      @ForAll("cuts") List<Integer> byteCuts,
      @ForAll("cuts") List<Integer> charCuts) {
    for (Split split : splits(doc.bytes(), doc.text(), byteCuts, charCuts, false)) {
      Replay.Outcome run = run(STRICT, split, true);
      assertThat(run.error()).as("error under %s", split).isNull();
      assertSnapshotsGrow(doc, split, run);
    }
  }

  // Invariant 3: no half scalars.

  @Property(tries = 60)
  void everySnapshotShowsOnlyWhatTheFinalValueHas(
      @ForAll("documents") Document doc,
      @ForAll("cuts") List<Integer> byteCuts,
      @ForAll("cuts") List<Integer> charCuts)
      throws IOException {
    Object expected = JacksonReference.parse(doc.bytes(), ParserOptions.Syntax.STRICT);
    for (Split split : splits(doc.bytes(), doc.text(), byteCuts, charCuts, false)) {
      Replay.Outcome run = run(STRICT, split, true);
      assertThat(run.error()).as("error under %s", split).isNull();
      List<Snapshot> snapshots = run.snapshots();
      // Snapshots share complete containers, so each needs checking only once.
      Set<Object> checked = Collections.newSetFromMap(new IdentityHashMap<>());
      for (int i = 0; i < snapshots.size(); i++) {
        Snapshot s = snapshots.get(i);
        if (s.hasValue()) {
          Where where = new Where(split, i, false);
          Set<JsonPath> open = Set.copyOf(s.openPaths());
          assertPartOf(s.value(), expected, JsonPath.root(), open, doc, checked, where);
        }
      }
    }
  }

  // Invariant 4: agreement with Jackson, on valid, mutated and broken documents.

  @Property(tries = 80)
  void finalValueEqualsJacksonsOwnParse(
      @ForAll("documents") Document doc,
      @ForAll("cuts") List<Integer> byteCuts,
      @ForAll("cuts") List<Integer> charCuts)
      throws IOException {
    Object expected = ordered(JacksonReference.parse(doc.bytes(), ParserOptions.Syntax.STRICT));
    for (Split split : splits(doc.bytes(), doc.text(), byteCuts, charCuts, false)) {
      Replay.Outcome run = run(STRICT, split, false);
      assertThat(ordered(run.value())).as("final value under %s", split).isEqualTo(expected);
      assertThat(run.parser().isComplete()).as("isComplete under %s", split).isTrue();
      assertThat(run.last()).isNotNull();
      assertThat(run.last().isComplete()).as("snapshot complete under %s", split).isTrue();
    }
  }

  /**
   * Deletes, inserts or replaces one byte, deletes a run of 1 to 8 bytes (the length from {@code
   * value}: enough to take out a whole short value, leaving {@code {"a":}}), or cuts the document
   * short.
   */
  record Mutation(Kind kind, int position, byte value) {
    enum Kind {
      DELETE,
      DELETE_RUN,
      INSERT,
      REPLACE,
      TRUNCATE
    }

    byte[] apply(byte[] doc) {
      int n = doc.length;
      switch (kind) {
        case DELETE:
          if (n == 0) {
            return doc;
          }
          int d = position % n;
          byte[] deleted = new byte[n - 1];
          System.arraycopy(doc, 0, deleted, 0, d);
          System.arraycopy(doc, d + 1, deleted, d, n - d - 1);
          return deleted;
        case DELETE_RUN:
          if (n == 0) {
            return doc;
          }
          int from = position % n;
          int to = Math.min(n, from + 1 + (value & 7));
          byte[] shorter = new byte[n - (to - from)];
          System.arraycopy(doc, 0, shorter, 0, from);
          System.arraycopy(doc, to, shorter, from, n - to);
          return shorter;
        case INSERT:
          int at = position % (n + 1);
          byte[] inserted = new byte[n + 1];
          System.arraycopy(doc, 0, inserted, 0, at);
          inserted[at] = value;
          System.arraycopy(doc, at, inserted, at + 1, n - at);
          return inserted;
        case REPLACE:
          if (n == 0) {
            return doc;
          }
          byte[] replaced = doc.clone();
          replaced[position % n] = value;
          return replaced;
        default:
          return Arrays.copyOf(doc, n == 0 ? 0 : position % n);
      }
    }

    @Override
    public String toString() {
      return kind
          + " at "
          + position
          + (kind == Kind.INSERT || kind == Kind.REPLACE
              ? String.format(" byte 0x%02X", value & 0xFF)
              : kind == Kind.DELETE_RUN ? " length " + (1 + (value & 7)) : "");
    }
  }

  @Provide
  Arbitrary<Mutation> mutations() {
    byte[] json = "{}[],:\"\\ \t\n\r0-.eE+tfnul/#'xa".getBytes(StandardCharsets.US_ASCII);
    List<Byte> interesting = new ArrayList<>();
    for (byte b : json) {
      interesting.add(b);
    }
    for (int b :
        new int[] {0x00, 0x1F, 0x7F, 0x80, 0xBF, 0xC0, 0xC3, 0xE4, 0xED, 0xF0, 0xF8, 0xFF}) {
      interesting.add((byte) b);
    }
    Arbitrary<Byte> bytes =
        Arbitraries.frequencyOf(
            Tuple.of(3, Arbitraries.of(interesting)), Tuple.of(1, Arbitraries.bytes()));
    return Combinators.combine(
            Arbitraries.of(Mutation.Kind.class),
            Arbitraries.integers().between(0, Integer.MAX_VALUE),
            bytes)
        .as(Mutation::new);
  }

  @Property(tries = 200)
  void mutatedDocumentsAreAcceptedOrRejectedAsJacksonDoesAtTheSameOffsetUnderEverySplit(
      @ForAll("documents") Document doc,
      @ForAll("mutations") Mutation mutation,
      @ForAll("cuts") List<Integer> byteCuts,
      @ForAll("cuts") List<Integer> charCuts) {
    byte[] bytes = mutation.apply(doc.bytes());
    boolean truncated = mutation.kind() == Mutation.Kind.TRUNCATE;
    assertAgreesWithJacksonUnderEverySplit(bytes, truncated, byteCuts, charCuts);
  }

  /**
   * A draw of the property above: a NUL byte inserted before a root number. Jackson's blocking byte
   * parser once read {@code 00 31} as UTF-16 and accepted it as 1; the reference reads such
   * documents as UTF-8, and the parser rejects them under every split.
   */
  @Example
  void aNulByteBeforeTheRootValueIsRejectedUnderEverySplitAsTheReferenceDoes() {
    for (byte[] bytes : List.of(new byte[] {0, '1'}, new byte[] {0, ' ', '1'})) {
      assertThatThrownBy(() -> JacksonReference.parse(bytes, ParserOptions.Syntax.STRICT))
          .as(show(bytes))
          .isInstanceOf(IOException.class)
          .hasMessageContaining("code 0");
      assertAgreesWithJacksonUnderEverySplit(bytes, false, List.of(), List.of());
    }
  }

  @Property(tries = 80)
  void brokenStructureIsRejectedAtTheSameOffsetUnderEverySplit(
      @ForAll("containerDocuments") Document doc,
      @ForAll JsonDocuments.Breakage breakage,
      @ForAll @IntRange(min = 0, max = 10_000) int choice,
      @ForAll("cuts") List<Integer> byteCuts,
      @ForAll("cuts") List<Integer> charCuts) {
    String broken = doc.broken(breakage, choice);
    Assume.that(broken != null);
    byte[] bytes = broken.getBytes(StandardCharsets.UTF_8);
    // Mostly rejected; but [1 2] without its comma and without spaces is [12], which is JSON.
    assertAgreesWithJacksonUnderEverySplit(bytes, false, byteCuts, charCuts);
  }

  /**
   * Invariant 4 for any input: if Jackson's blocking parser accepts {@code bytes}, every split ends
   * with its value; if it rejects them, every split ends with a PartialJsonException of the same
   * class, byte offset and message (an IncompleteJsonException if the input was {@code truncated}
   * inside a container or string); nothing else may escape.
   */
  private static void assertAgreesWithJacksonUnderEverySplit(
      byte[] bytes, boolean truncated, List<Integer> byteCuts, List<Integer> charCuts) {
    String text = utf8(bytes);
    Object expected;
    boolean accepted;
    try {
      expected = ordered(JacksonReference.parse(bytes, ParserOptions.Syntax.STRICT));
      accepted = true;
      if (text == null) {
        // JSON text is UTF-8. Jackson's blocking parser does not decode a name it has seen before,
        // and pads a name's last quad with 0xFF bytes: once its factory has read the name ['a'],
        // it reads the bytes ['a'<FF>] as that name without complaint (jackson-core 2.22.4).
        expected = "invalid UTF-8, though Jackson's blocking parser read " + expected;
        accepted = false;
      }
    } catch (IOException | NumberFormatException e) {
      // Jackson's getNumberValueExact() throws NumberFormatException for an exponent beyond the
      // int range (1e28407545163): a rejection too, which the parser reports as a limit.
      expected = e.toString();
      accepted = false;
    }
    Statistics.label("Jackson accepts it").collect(accepted);
    String shown = show(bytes);
    PartialJsonException first = null;
    Split firstSplit = null;
    for (Split split : splits(bytes, text, byteCuts, charCuts, false)) {
      Replay.Outcome run = run(STRICT, split, false);
      if (accepted) {
        assertThat(run.error())
            .as("Jackson accepts %s but the parser, under %s, does not", shown, split)
            .isNull();
        assertThat(ordered(run.value()))
            .as("value of %s under %s", shown, split)
            .isEqualTo(expected);
        continue;
      }
      assertThat(run.error())
          .as("Jackson rejects %s (%s) but the parser accepts it under %s", shown, expected, split)
          .isInstanceOf(PartialJsonException.class);
      PartialJsonException error = (PartialJsonException) run.error();
      if (truncated && opensContainerOrString(bytes)) {
        assertThat(error)
            .as("truncated %s under %s", shown, split)
            .isInstanceOf(IncompleteJsonException.class);
      }
      if (first == null) {
        first = error;
        firstSplit = split;
        Statistics.label("rejected as").collect(error.getClass().getSimpleName());
      } else {
        assertThat(error.byteOffset())
            .as("offset in %s under %s (%s) vs %s (%s)", shown, split, error, firstSplit, first)
            .isEqualTo(first.byteOffset());
        assertThat(error.getMessage())
            .as("message for %s under %s vs %s", shown, split, firstSplit)
            .isEqualTo(first.getMessage());
        assertThat(error.getClass()).as("exception under %s", split).isEqualTo(first.getClass());
      }
    }
  }

  /** Returns bytes as a Java string literal, invalid UTF-8 shown as {@code \\xNN}. */
  static String show(byte[] bytes) {
    String text = utf8(bytes);
    if (text != null) {
      return JsonDocuments.Document.literal(text);
    }
    StringBuilder out = new StringBuilder();
    for (byte b : bytes) {
      int c = b & 0xFF;
      out.append(
          c >= 0x20 && c < 0x7F && c != '"' && c != '\\'
              ? String.valueOf((char) c)
              : String.format("\\x%02X", c));
    }
    return "bytes \"" + out + "\"";
  }

  /** Whether the first significant byte opens a container or a string, or there is none. */
  private static boolean opensContainerOrString(byte[] bytes) {
    for (byte b : bytes) {
      if (b != ' ' && b != '\t' && b != '\n' && b != '\r') {
        return b == '{' || b == '[' || b == '"';
      }
    }
    return true;
  }

  // Paths: every event path renders, parses back, and leads to its value.

  @Property(tries = 150)
  void everyEventPathRoundTripsAndLeadsToItsValue(
      @ForAll("documents") Document doc, @ForAll("cuts") List<Integer> charCuts)
      throws IOException {
    Object expected = JacksonReference.parse(doc.bytes(), ParserOptions.Syntax.STRICT);
    Split split = charCuts(doc.text(), charCuts);
    Replay.Outcome run = run(STRICT, split, false);
    assertThat(run.error()).as("error under %s", split).isNull();
    for (JsonEvent event : run.log().events()) {
      JsonPath path = event.path();
      String rendered = path.toString();
      JsonPath parsed = JsonPath.parse(rendered);
      assertThat(parsed).as("JsonPath.parse(%s)", rendered).isEqualTo(path);
      assertThat(parsed.hashCode()).as("hash of %s", rendered).isEqualTo(path.hashCode());
      assertThat(parsed.toString()).isEqualTo(rendered);
      String pointer = path.toJsonPointer();
      assertThat(JsonPath.parseJsonPointer(pointer).toJsonPointer())
          .as("pointer %s", pointer)
          .isEqualTo(pointer);
      if (!doc.mayBeReplaced(path)) {
        assertLeadsToValue(event, expected);
      }
    }
    assertThat(merged(run.log()))
        .as("events under %s, against the generated tree", split)
        .isEqualTo(doc.expectedEvents());
  }

  private static void assertLeadsToValue(JsonEvent event, @Nullable Object root) {
    Object found = resolve(root, event.path());
    String what = event + " resolves in the final value to " + found;
    assertThat(found).as(what).isNotSameAs(MISSING);
    switch (event.kind()) {
      case START_OBJECT, END_OBJECT -> assertThat(found).as(what).isInstanceOf(Map.class);
      case START_ARRAY, END_ARRAY -> assertThat(found).as(what).isInstanceOf(List.class);
      case STRING -> assertThat(found).as(what).isEqualTo(event.value());
      case STRING_DELTA ->
          assertThat((String) found)
              .as(what)
              .contains((String) Objects.requireNonNull(event.value()));
      case NUMBER, BOOLEAN -> assertThat(found).as(what).isEqualTo(event.value());
      case NULL -> assertThat(found).as(what).isNull();
      default -> assertThat(event.path().isRoot()).as(what).isTrue();
    }
  }

  // Model output (ParserOptions.defaults()): prose and fences around the document.

  @Property(tries = 80)
  void proseAroundModelOutputIsSkippedAndReportedUnderEverySplit(
      @ForAll("containerDocuments") Document doc,
      @ForAll("cuts") List<Integer> byteCuts,
      @ForAll("cuts") List<Integer> charCuts)
      throws IOException {
    String wrapped = doc.wrapped();
    byte[] bytes = wrapped.getBytes(StandardCharsets.UTF_8);
    List<Split> splits = splits(bytes, wrapped, byteCuts, charCuts, true);
    List<JsonEvent> events = assertSameEvents(MODEL, splits);

    long rootStart = JsonDocuments.PROSE_BEFORE.length() + leadingSpace(doc.text());
    long suffixLength = JsonDocuments.PROSE_AFTER.strip().length();
    List<String> expectedRepairs =
        List.of(
            "SKIPPED_PREFIX at 0 length " + rootStart,
            "SKIPPED_SUFFIX at " + (bytes.length - suffixLength) + " length " + suffixLength);
    List<String> repairs = new ArrayList<>();
    List<JsonEvent> rest = new ArrayList<>();
    for (JsonEvent event : events) {
      if (event.kind() == JsonEvent.Kind.REPAIR) {
        Repair r = (Repair) Objects.requireNonNull(event.value());
        repairs.add(r.kind() + " at " + r.byteOffset() + " length " + r.length());
        assertThat(r.path()).as("path of %s", r).isEqualTo(JsonPath.root());
        assertThat(r.excerpt())
            .as("excerpt of %s", r)
            .startsWith(r.kind() == Repair.Kind.SKIPPED_PREFIX ? "Here it is:" : "```");
      } else {
        rest.add(event);
      }
    }
    assertThat(repairs).isEqualTo(expectedRepairs);
    assertThat(rest).isEqualTo(doc.expectedEvents());

    Object expected = ordered(JacksonReference.parse(doc.bytes(), ParserOptions.Syntax.STRICT));
    Replay.Outcome whole = run(MODEL, splits.get(0), false);
    assertThat(ordered(whole.value())).isEqualTo(expected);
    assertThat(whole.parser().repairs()).hasSize(2);
  }

  @Property(tries = 50)
  void snapshotsOfModelOutputGrowAndEndAsJacksonsParse(
      @ForAll("containerDocuments") Document doc,
      @ForAll("cuts") List<Integer> byteCuts,
      @ForAll("cuts") List<Integer> charCuts)
      throws IOException {
    String wrapped = doc.wrapped();
    byte[] bytes = wrapped.getBytes(StandardCharsets.UTF_8);
    Object expected = ordered(JacksonReference.parse(doc.bytes(), ParserOptions.Syntax.STRICT));
    for (Split split : splits(bytes, wrapped, byteCuts, charCuts, false)) {
      Replay.Outcome run = run(MODEL, split, true);
      assertThat(run.error()).as("error under %s", split).isNull();
      assertSnapshotsGrow(doc, split, run);
      assertThat(ordered(run.value())).as("final value under %s", split).isEqualTo(expected);
    }
  }

  private static int leadingSpace(String text) {
    int i = 0;
    while (i < text.length() && " \t\n\r".indexOf(text.charAt(i)) >= 0) {
      i++;
    }
    return i;
  }

  // Runs and splits.

  /** Runs one split; anything but a PartialJsonException escaping the parser fails, naming it. */
  private static Replay.Outcome run(ParserOptions options, Split split, boolean snapshots) {
    try {
      return Replay.run(options, split, snapshots);
    } catch (RuntimeException | AssertionError | StackOverflowError e) {
      throw new AssertionError("under " + split + ": " + e, e);
    }
  }

  /** Runs every split and checks that the merged events are the same; returns them. */
  private static List<JsonEvent> assertSameEvents(ParserOptions options, List<Split> splits) {
    List<JsonEvent> reference = null;
    Split first = null;
    for (Split split : splits) {
      Replay.Outcome run = run(options, split, false);
      assertThat(run.error()).as("error under %s", split).isNull();
      List<JsonEvent> merged = merged(run.log());
      if (reference == null) {
        reference = merged;
        first = split;
      } else {
        assertThat(merged).as("events under %s vs %s", split, first).isEqualTo(reference);
      }
    }
    return Objects.requireNonNull(reference);
  }

  /**
   * Returns what {@link EventLog#merged()} returns, in linear time: that one joins a string's
   * deltas by repeated concatenation, which is quadratic when a 70,000-char string arrives a byte
   * at a time.
   */
  private static List<JsonEvent> merged(EventLog log) {
    List<JsonEvent> out = new ArrayList<>();
    StringBuilder text = new StringBuilder();
    JsonPath textPath = null;
    for (JsonEvent event : log.events()) {
      if (event.kind() == JsonEvent.Kind.STRING_DELTA) {
        if (textPath != null && !textPath.equals(event.path())) {
          out.add(new JsonEvent(JsonEvent.Kind.STRING_DELTA, textPath, text.toString()));
          text.setLength(0);
        }
        textPath = event.path();
        text.append((String) event.value());
        continue;
      }
      if (textPath != null) {
        out.add(new JsonEvent(JsonEvent.Kind.STRING_DELTA, textPath, text.toString()));
        text.setLength(0);
        textPath = null;
      }
      out.add(event);
    }
    if (textPath != null) {
      out.add(new JsonEvent(JsonEvent.Kind.STRING_DELTA, textPath, text.toString()));
    }
    return out;
  }

  /**
   * The sweep (for a large document only if {@code fullSweep}, else the whole input and 100-byte
   * pieces), then the generated byte cuts and, for valid UTF-8, the generated char cuts.
   */
  private static List<Split> splits(
      byte[] bytes,
      @Nullable String text,
      List<Integer> byteCuts,
      List<Integer> charCuts,
      boolean fullSweep) {
    List<Split> out = new ArrayList<>();
    if (fullSweep || bytes.length <= SWEEP_LIMIT) {
      out.addAll(Splits.sweep(bytes));
    } else {
      out.add(new Split("whole", List.of(parser -> parser.feed(bytes))));
      List<Piece> pieces = new ArrayList<>();
      for (int i = 0; i < bytes.length; i += 100) {
        int from = i;
        pieces.add(parser -> parser.feed(bytes, from, Math.min(100, bytes.length - from)));
      }
      out.add(new Split("100-byte chunks", pieces));
    }
    out.add(byteCuts(bytes, byteCuts));
    if (text != null) {
      out.add(charCuts(text, charCuts));
      if (bytes.length <= SWEEP_LIMIT) {
        List<Piece> chars = new ArrayList<>();
        for (String c : Splits.everyChar(text)) {
          chars.add(parser -> parser.feed(c));
        }
        out.add(new Split("every char as text (surrogate pairs split)", chars));
      }
    }
    return out;
  }

  private static boolean cutsSurrogatePair(String text, List<Integer> cuts) {
    for (int at : positions(cuts, text.length())) {
      if (at > 0
          && at < text.length()
          && Character.isHighSurrogate(text.charAt(at - 1))
          && Character.isLowSurrogate(text.charAt(at))) {
        return true;
      }
    }
    return false;
  }

  private static int[] positions(List<Integer> cuts, int length) {
    TreeSet<Integer> at = new TreeSet<>();
    for (int cut : cuts) {
      at.add(cut % (length + 1));
    }
    at.add(0);
    at.add(length);
    return at.stream().mapToInt(Integer::intValue).toArray();
  }

  /** Feeds {@code bytes} in pieces cut at {@code cuts}, each piece its own array. */
  static Split byteCuts(byte[] bytes, List<Integer> cuts) {
    int[] at = positions(cuts, bytes.length);
    List<Piece> pieces = new ArrayList<>();
    for (int i = 1; i < at.length; i++) {
      byte[] piece = Arrays.copyOfRange(bytes, at[i - 1], at[i]);
      pieces.add(parser -> parser.feed(piece));
    }
    return new Split("bytes cut at " + inner(at), pieces);
  }

  /**
   * Feeds {@code text} in pieces cut at char indexes {@code cuts} (between the halves of a
   * surrogate pair too), as Strings, StringBuilders and CharBuffers in turn.
   */
  static Split charCuts(String text, List<Integer> cuts) {
    int[] at = positions(cuts, text.length());
    List<Piece> pieces = new ArrayList<>();
    for (int i = 1; i < at.length; i++) {
      int from = at[i - 1];
      int to = at[i];
      switch (i % 3) {
        case 0 -> pieces.add(parser -> parser.feed(text.substring(from, to)));
        case 1 -> pieces.add(parser -> parser.feed(new StringBuilder(text.substring(from, to))));
        default -> pieces.add(parser -> parser.feed(CharBuffer.wrap(text, from, to)));
      }
    }
    return new Split("chars cut at " + inner(at), pieces);
  }

  private static String inner(int[] at) {
    return Arrays.toString(Arrays.copyOfRange(at, 1, Math.max(1, at.length - 1)));
  }

  private static @Nullable String utf8(byte[] bytes) {
    try {
      return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
    } catch (CharacterCodingException e) {
      return null;
    }
  }

  // Snapshot checks.
  //
  // These run over every snapshot of every split (thousands per document), so they test with
  // plain conditions and build a message only when one fails: AssertJ's descriptions, built
  // eagerly, cost more than the parser.

  /** Where a snapshot was taken, for messages. */
  private record Where(Split split, int piece, boolean last) {
    @Override
    public String toString() {
      return split + (last ? ", final snapshot" : ", snapshot after piece " + piece);
    }
  }

  private static void check(boolean ok, Supplier<String> message) {
    if (!ok) {
      throw new AssertionError(message.get());
    }
  }

  /** Invariant 2 over one run: open paths are consistent, each snapshot extends the one before. */
  private static void assertSnapshotsGrow(Document doc, Split split, Replay.Outcome run) {
    List<Snapshot> snapshots = new ArrayList<>(run.snapshots());
    snapshots.add(Objects.requireNonNull(run.last()));
    Snapshot before = null;
    for (int i = 0; i < snapshots.size(); i++) {
      Snapshot after = snapshots.get(i);
      Snapshot previous = before;
      Where where = new Where(split, i, i == snapshots.size() - 1);
      assertOpenPathsConsistent(after, where);
      if (previous != null) {
        check(
            after.byteOffset() >= previous.byteOffset(),
            () -> "byteOffset went back from " + previous.byteOffset() + ", " + where);
        if (previous.hasValue()) {
          check(after.hasValue(), () -> "the value disappeared, " + where);
          Set<JsonPath> open = Set.copyOf(previous.openPaths());
          assertExtends(previous.value(), after.value(), JsonPath.root(), open, doc, where);
        }
      }
      before = after;
    }
    Snapshot last = snapshots.get(snapshots.size() - 1);
    assertThat(last.isComplete()).as("final snapshot complete under %s: %s", split, last).isTrue();
    assertThat(last.openPaths()).isEmpty();
  }

  /**
   * Checks that the open paths run from the root down, each one child of the one before, each there
   * but not complete, every one a container but the last (which may be the open string), and that
   * every value outside them is complete.
   */
  private static void assertOpenPathsConsistent(Snapshot s, Where where) {
    List<JsonPath> open = s.openPaths();
    if (!s.hasValue()) {
      check(
          open.isEmpty() && s.value() == null && !s.isComplete(),
          () -> "before the root began: open " + open + ", value " + s.value() + ", " + where);
      return;
    }
    for (int i = 0; i < open.size(); i++) {
      JsonPath path = open.get(i);
      Supplier<String> what = () -> "open path " + path + " of " + open + " in " + s + ", " + where;
      check(i == 0 ? path.isRoot() : open.get(i - 1).equals(path.parent()), what);
      check(s.contains(path), () -> "contains: " + what.get());
      check(!s.isComplete(path), () -> "isComplete: " + what.get());
      Object value = resolve(s.value(), path);
      boolean container = value instanceof Map || value instanceof List;
      check(container || (i == open.size() - 1 && value instanceof String), what);
    }
    check(s.isComplete() == open.isEmpty(), () -> "isComplete() of " + s + ", " + where);
    assertCompleteOutsideOpenPaths(s, s.value(), JsonPath.root(), Set.copyOf(open), where);
  }

  private static void assertCompleteOutsideOpenPaths(
      Snapshot s, @Nullable Object value, JsonPath path, Set<JsonPath> open, Where where) {
    if (!open.contains(path)) {
      check(s.isComplete(path), () -> "isComplete(" + path + ") of " + s + ", " + where);
      return; // below a complete value everything is complete
    }
    if (value instanceof Map<?, ?> map) {
      for (Map.Entry<?, ?> e : map.entrySet()) {
        assertCompleteOutsideOpenPaths(
            s, e.getValue(), path.field((String) e.getKey()), open, where);
      }
    } else if (value instanceof List<?> list) {
      for (int i = 0; i < list.size(); i++) {
        assertCompleteOutsideOpenPaths(s, list.get(i), path.index(i), open, where);
      }
    }
  }

  /**
   * Checks that {@code after} extends {@code before} at {@code path}: a value that was complete is
   * unchanged (a complete container is the very same object: snapshots share it), the open string
   * only grows by appending, and an open container keeps its keys or items in order, each extending
   * its earlier self. A repeated key is the one place a value may be replaced.
   */
  private static void assertExtends(
      @Nullable Object before,
      @Nullable Object after,
      JsonPath path,
      Set<JsonPath> openBefore,
      Document doc,
      Where where) {
    if (doc.mayBeReplaced(path)) {
      return;
    }
    Supplier<String> what = () -> path + " was " + before + ", is " + after + ", " + where;
    if (!openBefore.contains(path)) {
      if (before instanceof Map || before instanceof List) {
        check(after == before, () -> "complete container not shared: " + what.get());
      } else {
        check(Objects.equals(after, before), () -> "complete value changed: " + what.get());
      }
      return;
    }
    if (before instanceof String s) {
      check(after instanceof String a && a.startsWith(s), () -> "open string: " + what.get());
    } else if (before instanceof Map<?, ?> b) {
      check(after instanceof Map, () -> "open object: " + what.get());
      Map<?, ?> a = (Map<?, ?>) after;
      Iterator<?> afterKeys = a.keySet().iterator();
      for (Object key : b.keySet()) {
        check(
            afterKeys.hasNext() && key.equals(afterKeys.next()),
            () -> "keys lost or reordered: " + what.get());
        assertExtends(b.get(key), a.get(key), path.field((String) key), openBefore, doc, where);
      }
    } else if (before instanceof List<?> b) {
      check(after instanceof List<?> a && a.size() >= b.size(), () -> "open array: " + what.get());
      List<?> a = (List<?>) after;
      for (int i = 0; i < b.size(); i++) {
        assertExtends(b.get(i), a.get(i), path.index(i), openBefore, doc, where);
      }
    } else {
      fail("an open path holds a scalar: " + what.get());
    }
  }

  /**
   * Invariant 3: everything in a snapshot is in the final value at the same path; what is complete
   * is equal to it, the open string is a prefix of it, and an open container's keys (in order) or
   * items are the first of the final one's.
   */
  private static void assertPartOf(
      @Nullable Object partial,
      @Nullable Object whole,
      JsonPath path,
      Set<JsonPath> open,
      Document doc,
      Set<Object> checked,
      Where where) {
    if (doc.mayBeReplaced(path)) {
      return;
    }
    Supplier<String> what = () -> path + " is " + partial + ", finally " + whole + ", " + where;
    if (!open.contains(path)) {
      boolean container = partial instanceof Map || partial instanceof List;
      if (container && checked.contains(partial)) {
        return;
      }
      if (!sameValue(partial, whole)) {
        assertThat(ordered(partial))
            .as("complete value at %s, %s", path, where)
            .isEqualTo(ordered(whole));
      }
      if (container) {
        checked.add(partial);
      }
      return;
    }
    if (partial instanceof String s) {
      check(whole instanceof String w && w.startsWith(s), () -> "open string: " + what.get());
    } else if (partial instanceof Map<?, ?> p) {
      check(whole instanceof Map, () -> "open object: " + what.get());
      Map<?, ?> w = (Map<?, ?>) whole;
      Iterator<?> wholeKeys = w.keySet().iterator();
      for (Object key : p.keySet()) {
        check(
            wholeKeys.hasNext() && key.equals(wholeKeys.next()),
            () -> "a key the final value lacks, or out of order: " + what.get());
        assertPartOf(p.get(key), w.get(key), path.field((String) key), open, doc, checked, where);
      }
    } else if (partial instanceof List<?> p) {
      check(whole instanceof List<?> w && p.size() <= w.size(), () -> "open array: " + what.get());
      List<?> w = (List<?>) whole;
      for (int i = 0; i < p.size(); i++) {
        assertPartOf(p.get(i), w.get(i), path.index(i), open, doc, checked, where);
      }
    } else {
      fail("an open path holds a scalar: " + what.get());
    }
  }

  // Values.

  /** An object as its entries in order, so that equality also checks the order of keys. */
  record OrderedObject(List<Map.Entry<String, Object>> entries) {}

  /** Returns {@code value} with every map as an {@link OrderedObject}. */
  static @Nullable Object ordered(@Nullable Object value) {
    if (value instanceof Map<?, ?> map) {
      List<Map.Entry<String, Object>> entries = new ArrayList<>(map.size());
      for (Map.Entry<?, ?> e : map.entrySet()) {
        entries.add(new SimpleImmutableEntry<>((String) e.getKey(), ordered(e.getValue())));
      }
      return new OrderedObject(entries);
    }
    if (value instanceof List<?> list) {
      List<Object> items = new ArrayList<>(list.size());
      for (Object item : list) {
        items.add(ordered(item));
      }
      return items;
    }
    return value;
  }

  /** Returns whether two values are equal, keys in the same order; allocates nothing. */
  static boolean sameValue(@Nullable Object a, @Nullable Object b) {
    if (a == b) {
      return true;
    }
    if (a instanceof Map<?, ?> x) {
      if (!(b instanceof Map<?, ?> y) || x.size() != y.size()) {
        return false;
      }
      Iterator<? extends Map.Entry<?, ?>> i = x.entrySet().iterator();
      Iterator<? extends Map.Entry<?, ?>> j = y.entrySet().iterator();
      while (i.hasNext()) {
        Map.Entry<?, ?> e = i.next();
        Map.Entry<?, ?> f = j.next();
        if (!e.getKey().equals(f.getKey()) || !sameValue(e.getValue(), f.getValue())) {
          return false;
        }
      }
      return true;
    }
    if (a instanceof List<?> x) {
      if (!(b instanceof List<?> y) || x.size() != y.size()) {
        return false;
      }
      for (int k = 0; k < x.size(); k++) {
        if (!sameValue(x.get(k), y.get(k))) {
          return false;
        }
      }
      return true;
    }
    return Objects.equals(a, b);
  }

  /** Returns the value at {@code path} in {@code root}, or {@link #MISSING}. */
  private static @Nullable Object resolve(@Nullable Object root, JsonPath path) {
    List<JsonPath> chain = new ArrayList<>();
    for (JsonPath p = path; !p.isRoot(); p = Objects.requireNonNull(p.parent())) {
      chain.add(0, p);
    }
    Object current = root;
    for (JsonPath step : chain) {
      if (step.isIndex()) {
        if (!(current instanceof List<?> list) || step.arrayIndex() >= list.size()) {
          return MISSING;
        }
        current = list.get(step.arrayIndex());
      } else {
        if (!(current instanceof Map<?, ?> map) || !map.containsKey(step.name())) {
          return MISSING;
        }
        current = map.get(step.name());
      }
    }
    return current;
  }

  // Statistics.

  private static void collectStatistics(Document doc) {
    int depth = doc.depth();
    Statistics.label("max depth")
        .collect(
            depth == 0
                ? "0 (scalar root)"
                : depth < 4 ? "1-3" : depth < 10 ? "4-9" : depth < 20 ? "10-19" : "20-30");
    List<Text> texts = doc.texts();
    boolean escapes = texts.stream().anyMatch(t -> t.json().indexOf('\\') >= 0);
    boolean unicodeEscapes = texts.stream().anyMatch(t -> t.json().contains("\\u"));
    boolean pairs = texts.stream().anyMatch(t -> ESCAPED_PAIR.matcher(t.json()).find());
    int longest = texts.stream().mapToInt(t -> t.value().length()).max().orElse(0);
    Statistics.label("escapes").collect(escapes);
    Statistics.label("\\u escapes").collect(unicodeEscapes);
    Statistics.label("escaped surrogate pair").collect(pairs);
    Statistics.label("raw UTF-8 widths").collect(rawWidths(doc.text()));
    Statistics.label("longest string")
        .collect(longest <= 200 ? "<= 200" : longest <= 65_536 ? "201 .. 64K" : "> 64K");
    Statistics.label("repeated key").collect(doc.hasRepeatedKeys());
    Statistics.label("layout").collect(doc.layout());
    Statistics.label("numbers").collect(numberShapes(doc.root()));
    int n = doc.length();
    Statistics.label("size")
        .collect(n < 100 ? "< 100 B" : n < 2048 ? "< 2 KB" : n < 65_536 ? "< 64 KB" : ">= 64 KB");

    Statistics.label("deep (>= 10)").collect(depth >= 10);
    Statistics.label("deep (>= 10)").coverage(c -> c.check(true).percentage(p -> p >= 10));
    Statistics.label("escaped surrogate pair")
        .coverage(c -> c.check(true).percentage(p -> p >= 10));
    Statistics.label("escapes").coverage(c -> c.check(true).percentage(p -> p >= 30));
    Statistics.label("longest string").coverage(c -> c.check("201 .. 64K").percentage(p -> p >= 3));
  }

  private static String rawWidths(String text) {
    boolean two = false;
    boolean three = false;
    boolean four = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c >= 0x80 && c < 0x800) {
        two = true;
      } else if (Character.isSurrogate(c)) {
        four = true;
      } else if (c >= 0x800) {
        three = true;
      }
    }
    String widths = (two ? "2 " : "") + (three ? "3 " : "") + (four ? "4 " : "");
    return widths.isEmpty() ? "ASCII only" : widths.strip() + " bytes";
  }

  private static String numberShapes(JsonDocuments.Node root) {
    Set<String> shapes = new TreeSet<>();
    numberShapes(root, shapes);
    return shapes.isEmpty() ? "none" : String.join(", ", shapes);
  }

  private static void numberShapes(JsonDocuments.Node node, Set<String> shapes) {
    if (node instanceof Literal l) {
      String json = l.json();
      if (json.indexOf('e') >= 0 || json.indexOf('E') >= 0) {
        shapes.add("exponent");
      } else if (json.indexOf('.') >= 0) {
        shapes.add("fraction");
      } else if (json.length() >= 30) {
        shapes.add("30+ digits");
      }
    } else if (node instanceof JsonDocuments.Array a) {
      a.items().forEach(item -> numberShapes(item, shapes));
    } else if (node instanceof JsonDocuments.Obj o) {
      o.members().forEach(m -> numberShapes(m.value(), shapes));
    }
  }
}
