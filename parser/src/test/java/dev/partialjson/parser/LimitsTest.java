package dev.partialjson.parser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.partialjson.testkit.Splits;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * Each limit, exceeded: the exception names the limit, its maximum, the byte offset and how to
 * raise it, and is the same whatever the split; the snapshot keeps what had arrived. The hostile
 * sizes of the hardening issue (10,000-deep nesting, a 50 MB string, 10,000-digit numbers) end in a
 * limit with the default limits, not in a StackOverflowError or OutOfMemoryError, and the tests
 * that feed them stop at the exception, so they neither need the whole input in memory nor take
 * long.
 */
class LimitsTest {

  private static IncrementalJsonParser parser(Limits limits) {
    return IncrementalJsonParser.create(
        ParserOptions.strict().toBuilder().limits(limits).build(), JsonListener.NONE);
  }

  /**
   * Feeds {@code document} under every split of the sweep to a fresh strict parser with {@code
   * limits}, calling {@code finish()} after the last piece if {@code finish}; checks that every
   * split fails with the same LimitExceededException (message, offset, line, column, path) and the
   * same snapshot, passes each failed parser to {@code check}, and returns the exception.
   */
  private static LimitExceededException sameUnderEverySplit(
      Limits limits, String document, boolean finish, Consumer<IncrementalJsonParser> check) {
    LimitExceededException first = null;
    Object firstSnapshot = null;
    for (Splits.Split split : Splits.sweep(document)) {
      IncrementalJsonParser parser = parser(limits);
      LimitExceededException e =
          catchThrowableOfType(
              LimitExceededException.class,
              () -> {
                split.feed(parser);
                if (finish) {
                  parser.finish();
                }
              });
      assertThat(e).as("the limit under %s", split).isNotNull();
      Object snapshot = parser.snapshot().value();
      if (first == null) {
        first = e;
        firstSnapshot = snapshot;
      } else {
        assertThat(e.getMessage()).as("message under %s", split).isEqualTo(first.getMessage());
        assertThat(e.path()).as("path under %s", split).isEqualTo(first.path());
        assertThat(e.byteOffset()).as("offset under %s", split).isEqualTo(first.byteOffset());
        assertThat(new int[] {e.line(), e.column()})
            .as("line and column under %s", split)
            .containsExactly(first.line(), first.column());
        assertThat(snapshot).as("snapshot under %s", split).isEqualTo(firstSnapshot);
      }
      check.accept(parser);
      assertThatThrownBy(() -> parser.feed("1"))
          .as("feeding after the limit under %s", split)
          .isInstanceOf(IllegalStateException.class);
    }
    return first;
  }

  private static void assertLimit(
      LimitExceededException e, Limits.Limit limit, long maximum, long offset) {
    assertThat(e.limit()).isEqualTo(limit);
    assertThat(e.maximum()).isEqualTo(maximum);
    assertThat(e.byteOffset()).isEqualTo(offset);
  }

  /** Returns how many containers the value nests, following the first element or member. */
  private static int depthOf(Object value) {
    int depth = 0;
    while (true) {
      if (value instanceof List<?> list && !list.isEmpty()) {
        value = list.get(0);
      } else if (value instanceof Map<?, ?> map && !map.isEmpty()) {
        value = map.values().iterator().next();
      } else {
        return depth + (value instanceof List || value instanceof Map ? 1 : 0);
      }
      depth++;
    }
  }

  // Nesting depth: Jackson counts it and reports just past the bracket one too deep.

  @Test
  void endsTenThousandNestedArraysInALimitNotAStackOverflow() {
    LimitExceededException e =
        sameUnderEverySplit(
            Limits.defaults(),
            "[".repeat(10_000),
            false,
            parser -> assertThat(depthOf(parser.snapshot().value())).isEqualTo(1000));
    assertLimit(e, Limits.Limit.NESTING_DEPTH, 1000, 1001);
    assertThat(e.path().depth()).isEqualTo(999); // the innermost array that opened
    assertThat(e)
        .hasMessage(
            "Document nesting depth (1001) exceeds the maximum allowed (1000, from"
                + " `StreamReadConstraints.getMaxNestingDepth()`) at"
                + " $[0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0…(depth 999)…"
                + "][0][0][0][0][0][0][0][0][0][0][0][0][0] (offset 1001, line 1, column 1002);"
                + " raise it with Limits.builder().maxNestingDepth(…)");
  }

  @Test
  void endsTenThousandNestedObjectsInALimit() {
    LimitExceededException e =
        sameUnderEverySplit(
            Limits.defaults(),
            "{\"a\":".repeat(10_000),
            false,
            parser -> assertThat(depthOf(parser.snapshot().value())).isEqualTo(1000));
    assertLimit(e, Limits.Limit.NESTING_DEPTH, 1000, 5001);
    assertThat(e.path()).isEqualTo(JsonPath.parse("$" + ".a".repeat(1000)));
    assertThat(e)
        .hasMessageStartingWith(
            "Document nesting depth (1001) exceeds the maximum allowed (1000, from"
                + " `StreamReadConstraints.getMaxNestingDepth()`) at $.a.a.a.a")
        .hasMessageEndingWith(
            "(offset 5001, line 1, column 5002); raise it with"
                + " Limits.builder().maxNestingDepth(…)");
  }

  @Test
  void endsTenThousandMixedNestingInALimit() {
    LimitExceededException e =
        sameUnderEverySplit(
            Limits.defaults(),
            "[{\"a\":".repeat(5_000),
            false,
            parser -> assertThat(depthOf(parser.snapshot().value())).isEqualTo(1000));
    assertLimit(e, Limits.Limit.NESTING_DEPTH, 1000, 3001);
    assertThat(e.path()).isEqualTo(JsonPath.parse("$" + "[0].a".repeat(500)));
    assertThat(e)
        .hasMessageEndingWith(
            "(offset 3001, line 1, column 3002); raise it with"
                + " Limits.builder().maxNestingDepth(…)");
  }

  // String length: checked by the parser after each slice, reported at the opening quote, with
  // exactly the chars up to the limit delivered.

  @Test
  void stopsAStreamingStringAtTheLimitWhateverTheSplit() {
    Limits limits = Limits.builder().maxStringLength(1_000).build();
    LimitExceededException e =
        sameUnderEverySplit(
            limits,
            "{\"s\": \"" + "x".repeat(5_000) + "\"}",
            false,
            parser ->
                assertThat(parser.snapshot().value()).isEqualTo(Map.of("s", "x".repeat(1000))));
    assertLimit(e, Limits.Limit.STRING_LENGTH, 1000, 6);
    assertThat(e)
        .hasMessage(
            "String value length (1001) exceeds the maximum allowed (1000) at $.s (offset 6, line 1,"
                + " column 7); raise it with Limits.builder().maxStringLength(…)");
  }

  @Test
  void neverSplitsASurrogatePairAtTheStringLimit() {
    // 1,000 chars end between the halves of the 500th emoji: only 499 whole ones are kept
    Limits limits = Limits.builder().maxStringLength(999).build();
    LimitExceededException e =
        sameUnderEverySplit(
            limits,
            "[1, \"" + "😀".repeat(800) + "\"]",
            false,
            parser ->
                assertThat(parser.snapshot().value()).isEqualTo(List.of(1, "😀".repeat(499))));
    assertLimit(e, Limits.Limit.STRING_LENGTH, 999, 4);
    assertThat(e).hasMessageStartingWith("String value length (1000) exceeds the maximum allowed");
  }

  /** 50 MB of 'x' inside a string, made as it is read: no test holds the whole input. */
  private static final class LongString implements CharSequence {
    static final String HEAD = "{\"s\": \"";
    final long length;

    LongString(long length) {
      this.length = length;
    }

    @Override
    public int length() {
      return (int) length;
    }

    @Override
    public char charAt(int index) {
      return index < HEAD.length() ? HEAD.charAt(index) : 'x';
    }

    @Override
    public CharSequence subSequence(int from, int to) {
      StringBuilder out = new StringBuilder(to - from);
      for (int i = from; i < to; i++) {
        out.append(charAt(i));
      }
      return out.toString();
    }

    @Override
    public String toString() {
      return subSequence(0, length()).toString();
    }
  }

  private static final int FIFTY_MB = 50_000_000;

  private static void assertStoppedAtTheDefaultStringLimit(
      IncrementalJsonParser parser, LimitExceededException e) {
    assertThat(e).isNotNull();
    assertLimit(e, Limits.Limit.STRING_LENGTH, 20_000_000, 6);
    assertThat(e)
        .hasMessage(
            "String value length (20000001) exceeds the maximum allowed (20000000) at $.s (offset"
                + " 6, line 1, column 7); raise it with Limits.builder().maxStringLength(…)");
    // the failure came within a slice of the limit: far less than the 50 MB was taken
    // (the slice that passed it is not counted as fed)
    assertThat(parser.bytesFed()).isBetween(20_000_007L - IncrementalJsonParser.SLICE, 20_000_007L);
    Object s = ((Map<?, ?>) parser.snapshot().value()).get("s");
    assertThat(((String) s).length()).isEqualTo(20_000_000);
    assertThat(((String) s).chars().allMatch(c -> c == 'x')).isTrue();
  }

  /** The string limit, with the document unbounded: by default the document's 8 MiB come first. */
  private static final ParserOptions UNBOUNDED_DOCUMENT =
      ParserOptions.builder().limits(Limits.builder().maxDocumentLength(-1).build()).build();

  @Test
  void refusesAFiftyMegabyteStringFedInModelSizedDeltasAtTheDefaultStringLimit() {
    IncrementalJsonParser parser =
        IncrementalJsonParser.create(UNBOUNDED_DOCUMENT, JsonListener.NONE);
    LongString input = new LongString(FIFTY_MB);
    LimitExceededException e = null;
    int fedDeltas = 0;
    for (int at = 0; at < input.length() && e == null; at += 16, fedDeltas++) {
      String delta = input.subSequence(at, Math.min(input.length(), at + 16)).toString();
      e = catchThrowableOfType(LimitExceededException.class, () -> parser.feed(delta));
    }
    assertStoppedAtTheDefaultStringLimit(parser, e);
    assertThat(fedDeltas).isLessThan(FIFTY_MB / 16 / 2); // stopped at the exception
  }

  @Test
  void refusesAFiftyMegabyteStringFedInOnePieceAtTheDefaultStringLimit() {
    IncrementalJsonParser parser =
        IncrementalJsonParser.create(UNBOUNDED_DOCUMENT, JsonListener.NONE);
    LimitExceededException e =
        catchThrowableOfType(
            LimitExceededException.class, () -> parser.feed(new LongString(FIFTY_MB)));
    assertStoppedAtTheDefaultStringLimit(parser, e);
  }

  @Test
  void refusesAFiftyMegabyteStringAtTheDefaultDocumentLimit() {
    IncrementalJsonParser parser =
        IncrementalJsonParser.create(ParserOptions.defaults(), JsonListener.NONE);
    LimitExceededException e =
        catchThrowableOfType(
            LimitExceededException.class, () -> parser.feed(new LongString(FIFTY_MB)));
    assertLimit(e, Limits.Limit.DOCUMENT_LENGTH, 8L << 20, 8L << 20);
    assertThat(e)
        .hasMessage(
            "Document length exceeds the maximum allowed (8388608 bytes) at $.s (offset 8388608,"
                + " line 1, column 8388609); raise it with Limits.builder().maxDocumentLength(…)");
    Object s = ((Map<?, ?>) parser.snapshot().value()).get("s");
    assertThat(((String) s).length()).isEqualTo((8 << 20) - LongString.HEAD.length());
  }

  // Number length: counted in digits, checked by Jackson when a part of the number ends and by the
  // parser when a slice ends inside a number already too long; reported at the number's first
  // byte either way.

  private static final String DIGITS = "1".repeat(10_000);

  private static void assertNumberTooLong(String document, boolean finish, long offset) {
    LimitExceededException e =
        sameUnderEverySplit(
            Limits.defaults(),
            document,
            finish,
            parser -> {
              Object value = parser.snapshot().value();
              assertThat(value).isIn(null, List.of()); // nothing of the number shows
            });
    assertLimit(e, Limits.Limit.NUMBER_LENGTH, 1000, offset);
    assertThat(e)
        .hasMessage(
            "Number value length exceeds the maximum allowed (1000 digits) at $ (offset "
                + offset
                + ", line 1, column "
                + (offset + 1)
                + "); raise it with Limits.builder().maxNumberLength(…)");
  }

  @Test
  void refusesTenThousandDigitRootNumbersEndedByFinish() {
    assertNumberTooLong(DIGITS, true, 0);
    assertNumberTooLong("-1." + DIGITS, true, 0);
    assertNumberTooLong("1e" + DIGITS, true, 0);
    assertNumberTooLong("  1.5E-" + DIGITS, true, 2);
  }

  @Test
  void refusesTenThousandDigitRootNumbersEndedByTheNextByte() {
    assertNumberTooLong(DIGITS + " ", false, 0);
    assertNumberTooLong("-1." + DIGITS + "\n", false, 0);
    assertNumberTooLong("1e" + DIGITS + " ", false, 0);
  }

  @Test
  void refusesTenThousandDigitNumbersInAnArray() {
    assertNumberTooLong("[" + DIGITS + "]", false, 1);
    assertNumberTooLong("[" + DIGITS + ",", false, 1);
    assertNumberTooLong("[-0." + DIGITS + "]", false, 1);
    assertNumberTooLong("[2e+" + DIGITS + "]", false, 1);
    // ended by finish(): the number is refused before the open array makes the input incomplete
    assertNumberTooLong("[" + DIGITS, true, 1);
    assertNumberTooLong("[1." + DIGITS, true, 1);
  }

  /**
   * Found by the mutation fuzzing: a lone '-' at the end of a feed, after a string longer than the
   * number limit, was taken for a number that long (Jackson's buffer still held the string).
   */
  @Test
  void doesNotTakeTheStringBeforeASignForANumber() {
    String document = "[\"" + "s".repeat(1_500) + "\", -114555E5, -1.5]";
    for (Splits.Split split : Splits.sweep(document)) {
      IncrementalJsonParser parser = parser(Limits.defaults());
      split.feed(parser);
      parser.finish();
      assertThat(parser.snapshot().value())
          .as("under %s", split)
          .isEqualTo(
              List.of(
                  "s".repeat(1_500),
                  new java.math.BigDecimal("-114555E5"),
                  new java.math.BigDecimal("-1.5")));
    }
  }

  @Test
  void namesTheNumberLengthLimit() {
    IncrementalJsonParser parser = parser(Limits.builder().maxNumberLength(10).build());
    assertThatThrownBy(() -> parser.feed("[1, 12345678901234567890]"))
        .isInstanceOfSatisfying(
            LimitExceededException.class, e -> assertLimit(e, Limits.Limit.NUMBER_LENGTH, 10, 4))
        .hasMessage(
            "Number value length exceeds the maximum allowed (10 digits) at $ (offset 4, line 1,"
                + " column 5); raise it with Limits.builder().maxNumberLength(…)");
    assertThat(parser.snapshot().value()).isEqualTo(List.of(1));
    // ten digits and the chars that are not digits pass
    IncrementalJsonParser within = parser(Limits.builder().maxNumberLength(10).build());
    within.feed("[-1234567890, -1.23456789e+5]");
    within.finish();
  }

  @Test
  void namesTheNameLengthLimit() {
    IncrementalJsonParser parser = parser(Limits.builder().maxNameLength(5).build());
    assertThatThrownBy(() -> parser.feed("{\"abcdefgh\": 1}"))
        .isInstanceOfSatisfying(
            LimitExceededException.class,
            e -> {
              assertThat(e.limit()).isEqualTo(Limits.Limit.NAME_LENGTH);
              assertThat(e.maximum()).isEqualTo(5);
            })
        .hasMessageEndingWith("raise it with Limits.builder().maxNameLength(…)");
  }

  // Document length: counted by the parser, skipped text included; reported at the first byte
  // past the limit, which is never taken.

  @Test
  void endsALongDocumentAtTheFirstByteTooMany() {
    StringBuilder document = new StringBuilder("[");
    for (int i = 0; i < 2_000; i++) {
      document.append(i).append(", ");
    }
    LimitExceededException e =
        sameUnderEverySplit(
            Limits.builder().maxDocumentLength(3_000).build(),
            document.toString(),
            false,
            parser -> {
              assertThat(parser.bytesFed()).isEqualTo(3_000);
              // the numbers that their comma ends within the first 3,000 bytes
              List<Integer> expected = new ArrayList<>();
              String taken = document.substring(1, 3_000);
              for (String number : taken.substring(0, taken.lastIndexOf(',')).split(", ")) {
                expected.add(Integer.parseInt(number));
              }
              assertThat(expected).hasSizeGreaterThan(600);
              assertThat(parser.snapshot().value()).isEqualTo(expected);
            });
    assertLimit(e, Limits.Limit.DOCUMENT_LENGTH, 3_000, 3_000);
    assertThat(e)
        .hasMessage(
            "Document length exceeds the maximum allowed (3000 bytes) at $ (offset 3000, line 1,"
                + " column 3001); raise it with Limits.builder().maxDocumentLength(…)");
  }

  @Test
  void countsSkippedTextTowardsTheDocumentLength() {
    IncrementalJsonParser parser =
        IncrementalJsonParser.create(
            ParserOptions.builder().limits(Limits.builder().maxDocumentLength(20).build()).build(),
            JsonListener.NONE);
    parser.feed("Answer: {\"a\": 1, ");
    assertThatThrownBy(() -> parser.feed("\"b\": 2}"))
        .isInstanceOfSatisfying(
            LimitExceededException.class, e -> assertLimit(e, Limits.Limit.DOCUMENT_LENGTH, 20, 20))
        .hasMessage(
            "Document length exceeds the maximum allowed (20 bytes) at $.b (offset 20, line 1,"
                + " column 21); raise it with Limits.builder().maxDocumentLength(…)");
    assertThat(parser.bytesFed()).isEqualTo(20);
    assertThat(parser.snapshot().value()).isEqualTo(Map.of("a", 1));
  }

  @Test
  void placesTheDocumentLimitInSkippedTextBeforeAndAfterTheRoot() {
    ParserOptions model =
        ParserOptions.builder().limits(Limits.builder().maxDocumentLength(30).build()).build();
    IncrementalJsonParser before = IncrementalJsonParser.create(model, JsonListener.NONE);
    assertThatThrownBy(() -> before.feed("Some prose,\nand more of it, line two {}"))
        .isInstanceOfSatisfying(
            LimitExceededException.class,
            e -> {
              assertLimit(e, Limits.Limit.DOCUMENT_LENGTH, 30, 30);
              assertThat(new int[] {e.line(), e.column()}).containsExactly(2, 19);
            });
    assertThat(before.snapshot().hasValue()).isFalse();
    IncrementalJsonParser after = IncrementalJsonParser.create(model, JsonListener.NONE);
    assertThatThrownBy(() -> after.feed("{\"a\": 1}\n\nThat was the answer, I hope."))
        .isInstanceOfSatisfying(
            LimitExceededException.class,
            e -> {
              assertLimit(e, Limits.Limit.DOCUMENT_LENGTH, 30, 30);
              assertThat(new int[] {e.line(), e.column()}).containsExactly(3, 21);
            });
    assertThat(after.snapshot().value()).isEqualTo(Map.of("a", 1));
  }

  @Test
  void boundsTheDocumentLengthByDefault() {
    assertThat(Limits.defaults().maxDocumentLength()).isEqualTo(8L << 20);
    assertThat(Limits.defaults().maxStringLength()).isLessThan(50_000_000);
    assertThat(Limits.defaults().maxObjectMembers()).isEqualTo(10_000);
  }

  // Members of one object: counted by the parser, repeated keys too; reported at the key one too
  // many, naming the object.

  private static String object(int members, String key) {
    StringBuilder out = new StringBuilder("{\"inner\": {");
    for (int i = 0; i < members; i++) {
      out.append(i == 0 ? "" : ", ").append('"').append(key.isEmpty() ? "k" + i : key);
      out.append("\": ").append(i);
    }
    return out.append("}}").toString();
  }

  @Test
  void endsAnObjectWithTooManyMembers() {
    String document = object(10_001, "");
    LimitExceededException e =
        sameUnderEverySplit(
            Limits.defaults(),
            document,
            false,
            parser -> {
              @SuppressWarnings("unchecked")
              Map<String, Object> inner =
                  (Map<String, Object>) ((Map<?, ?>) parser.snapshot().value()).get("inner");
              assertThat(inner).hasSize(10_000).containsEntry("k9999", (Object) 9_999);
            });
    long offset = document.indexOf("\"k10000\"");
    assertLimit(e, Limits.Limit.OBJECT_MEMBERS, 10_000, offset);
    assertThat(e.path()).isEqualTo(JsonPath.parse("$.inner"));
    assertThat(e)
        .hasMessage(
            "Object member count (10001) exceeds the maximum allowed (10000) at $.inner (offset "
                + offset
                + ", line 1, column "
                + (offset + 1)
                + "); raise it with Limits.builder().maxObjectMembers(…)");
  }

  @Test
  void countsRepeatedKeysAndEachObjectApart() {
    Limits limits = Limits.builder().maxObjectMembers(3).build();
    IncrementalJsonParser parser = parser(limits);
    String first = "[{\"a\": 1, \"b\": 2, \"c\": 3}, {\"a\": 1, \"b\": 2, \"c\": [{\"d\": 4}]}, ";
    String second = "{\"a\": 1, \"a\": 2, \"a\": 3, \"a\": 4}]";
    long offset = first.length() + second.indexOf("\"a\": 4");
    parser.feed(first);
    assertThatThrownBy(() -> parser.feed(second))
        .isInstanceOfSatisfying(
            LimitExceededException.class,
            e -> {
              assertLimit(e, Limits.Limit.OBJECT_MEMBERS, 3, offset);
              assertThat(e.path()).isEqualTo(JsonPath.parse("$[2]"));
            });
  }

  // Hash flooding: keys built to collide in Jackson's symbol table.

  @Test
  void refusesKeysThatCollideInJacksonsSymbolTable() {
    List<String> names = CollidingNames.generate(2_000);
    StringBuilder document = new StringBuilder("[");
    for (int i = 0; i < names.size(); i++) {
      // one key per object: the member limit does not come into it
      document.append(i == 0 ? "" : ",").append("{\"").append(names.get(i)).append("\":").append(i);
      document.append('}');
    }
    document.append(']');
    LimitExceededException e =
        sameUnderEverySplit(
            Limits.defaults(),
            document.toString(),
            false,
            parser -> assertThat((List<?>) parser.snapshot().value()).hasSizeBetween(500, 600));
    assertThat(e.limit()).isEqualTo(Limits.Limit.NAME_COLLISIONS);
    assertThat(e.maximum()).isEqualTo(-1);
    assertThat(e.reason())
        .startsWith("Spill-over slots in symbol table with ")
        .endsWith("suspect a DoS attack based on hash collisions.");
    assertThat(e).hasMessageEndingWith("; this limit is fixed by Jackson and cannot be raised");
    assertThat(e.getCause()).isNotNull();
  }

  @Test
  void readsManyDistinctKeysWithinTheLimits() {
    // 200,000 distinct names (Jackson's table is full at 65,536 and starts again): read, and not
    // refused as a flood
    StringBuilder document = new StringBuilder("[");
    for (int i = 0; i < 200_000; i++) {
      document.append(i == 0 ? "{" : "}, {").append("\"key").append(i).append("\": ").append(i);
    }
    document.append("}]");
    IncrementalJsonParser parser =
        IncrementalJsonParser.create(
            ParserOptions.strict().toBuilder().snapshots(ParserOptions.Snapshots.DISABLED).build(),
            JsonListener.NONE);
    parser.feed(document.toString().getBytes(StandardCharsets.UTF_8));
    parser.finish();
    assertThat(parser.isComplete()).isTrue();
  }

  @Test
  void rejectsNonsenseLimits() {
    assertThatThrownBy(() -> Limits.builder().maxNestingDepth(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("depth < 1: 0");
    assertThatThrownBy(() -> Limits.builder().maxDocumentLength(0)).hasMessage("length < 1: 0");
    assertThatThrownBy(() -> Limits.builder().maxObjectMembers(0)).hasMessage("members < 1: 0");
  }
}
