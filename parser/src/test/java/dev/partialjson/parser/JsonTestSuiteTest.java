package dev.partialjson.parser;

import static dev.partialjson.testkit.Monotone.inDocumentOrder;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import dev.partialjson.testkit.EventLog;
import dev.partialjson.testkit.Replay;
import dev.partialjson.testkit.Splits;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * JSONTestSuite (see the README in the test resources), read with {@link ParserOptions#strict()}
 * under every split of {@link Splits#sweep}: every {@code y_} file is accepted with the value
 * Jackson's blocking parser reads, every {@code n_} file is rejected with the same exception at the
 * same offset whatever the split, and each {@code i_} and transform file comes out as the tables
 * below decide, the same under every split.
 */
class JsonTestSuiteTest {
  private static final String SUITE = "jsontestsuite";
  private static final String TRANSFORM = "jsontestsuite-transform";
  private static final ParserOptions STRICT = ParserOptions.strict();

  /** How a file must come out, and why. */
  private record Decision(
      @Nullable Class<? extends PartialJsonException> rejectedWith,
      @Nullable Object value, // when accepted: the value, where the table spells it out
      String reason) {

    static Decision accepted(String reason) {
      return new Decision(null, null, reason);
    }

    static Decision acceptedAs(Object value, String reason) {
      return new Decision(null, value, reason);
    }

    static Decision rejected(Class<? extends PartialJsonException> type, String reason) {
      return new Decision(type, null, reason);
    }
  }

  /** The outcome of each {@code i_} file; an accepted one must have Jackson's value. */
  private static final Map<String, Decision> I_FILES = new TreeMap<>();

  static {
    add(
        I_FILES,
        Decision.accepted(
            "numbers are read exactly (BigInteger, BigDecimal): none overflows or underflows"),
        "i_number_double_huge_neg_exp.json",
        "i_number_neg_int_huge_exp.json",
        "i_number_pos_double_huge_exp.json",
        "i_number_real_neg_overflow.json",
        "i_number_real_pos_overflow.json",
        "i_number_real_underflow.json",
        "i_number_too_big_neg_int.json",
        "i_number_too_big_pos_int.json",
        "i_number_very_big_negative_int.json");
    add(
        I_FILES,
        Decision.rejected(
            LimitExceededException.class,
            "valid JSON, but an exponent beyond the int range has no BigDecimal: a limit"),
        "i_number_huge_exp.json");
    add(
        I_FILES,
        Decision.accepted(
            "Jackson decodes a \\u escape of an unpaired surrogate as that char, and a Java"
                + " String holds it"),
        "i_string_1st_surrogate_but_2nd_missing.json",
        "i_string_1st_valid_surrogate_2nd_invalid.json",
        "i_string_incomplete_surrogate_and_escape_valid.json",
        "i_string_incomplete_surrogate_pair.json",
        "i_string_incomplete_surrogates_escape_valid.json",
        "i_string_invalid_lonely_surrogate.json",
        "i_string_invalid_surrogate.json",
        "i_string_inverted_surrogates_U+1D11E.json",
        "i_string_lone_second_surrogate.json");
    add(
        I_FILES,
        Decision.rejected(
            MalformedJsonException.class,
            "Jackson rejects a lone low surrogate escape in a field name (not in a value)"),
        "i_object_key_lone_2nd_surrogate.json");
    add(
        I_FILES,
        Decision.rejected(MalformedJsonException.class, "invalid UTF-8 is malformed input"),
        "i_string_UTF-8_invalid_sequence.json",
        "i_string_UTF8_surrogate_U+D800.json",
        "i_string_invalid_utf-8.json",
        "i_string_iso_latin_1.json",
        "i_string_lone_utf8_continuation_byte.json",
        "i_string_overlong_sequence_6_bytes.json",
        "i_string_overlong_sequence_6_bytes_null.json",
        "i_string_truncated-utf-8.json");
    add(
        I_FILES,
        Decision.rejected(
            MalformedJsonException.class,
            "invalid UTF-8 is malformed input: Jackson's decoder lets an overlong form and a code"
                + " point above U+10FFFF through in a string value (not in a key), so here we"
                + " differ from Jackson on purpose (see Utf8Check)"),
        "i_string_not_in_unicode_range.json",
        "i_string_overlong_sequence_2_bytes.json");
    add(
        I_FILES,
        Decision.rejected(
            MalformedJsonException.class,
            "the input is UTF-8 only: Jackson's blocking parser detects UTF-16, its non-blocking"
                + " tokenizer does not, so here we differ from Jackson on purpose"),
        "i_string_UTF-16LE_with_BOM.json",
        "i_string_utf16BE_no_BOM.json",
        "i_string_utf16LE_no_BOM.json");
    add(
        I_FILES,
        Decision.accepted("500 levels are within the default nesting limit of 1000"),
        "i_structure_500_nested_arrays.json");
    add(
        I_FILES,
        Decision.accepted("a UTF-8 byte order mark before the value is skipped, as Jackson does"),
        "i_structure_UTF-8_BOM_empty_object.json");
  }

  /** The outcome of each transform file; an accepted one must also have Jackson's value. */
  private static final Map<String, Decision> TRANSFORM_FILES = new TreeMap<>();

  static {
    String numbers =
        "integers come as the smallest of Integer, Long and BigInteger, other numbers as an exact"
            + " BigDecimal: no digit is lost and nothing is rounded to a double";
    put(TRANSFORM_FILES, "number_-9223372036854775808.json", List.of(Long.MIN_VALUE), numbers);
    put(
        TRANSFORM_FILES,
        "number_-9223372036854775809.json",
        List.of(new BigInteger("-9223372036854775809")),
        numbers);
    put(TRANSFORM_FILES, "number_1.0.json", List.of(new BigDecimal("1.0")), numbers);
    put(
        TRANSFORM_FILES,
        "number_1.000000000000000005.json",
        List.of(new BigDecimal("1.000000000000000005")),
        numbers);
    put(TRANSFORM_FILES, "number_1000000000000000.json", List.of(1_000_000_000_000_000L), numbers);
    put(
        TRANSFORM_FILES,
        "number_10000000000000000999.json",
        List.of(new BigInteger("10000000000000000999")),
        numbers);
    put(TRANSFORM_FILES, "number_1e-999.json", List.of(new BigDecimal("1E-999")), numbers);
    put(TRANSFORM_FILES, "number_1e6.json", List.of(new BigDecimal("1E+6")), numbers);
    put(TRANSFORM_FILES, "number_9223372036854775807.json", List.of(Long.MAX_VALUE), numbers);
    put(
        TRANSFORM_FILES,
        "number_9223372036854775808.json",
        List.of(new BigInteger("9223372036854775808")),
        numbers);

    String normalisation =
        "keys are not Unicode-normalised: the NFC and NFD spellings are two keys";
    put(
        TRANSFORM_FILES,
        "object_key_nfc_nfd.json",
        object("\u00e9", "NFC", "e\u0301", "NFD"),
        normalisation);
    put(
        TRANSFORM_FILES,
        "object_key_nfd_nfc.json",
        object("e\u0301", "NFD", "\u00e9", "NFC"),
        normalisation);

    String duplicates =
        "a duplicate key keeps its first position and its last value, as LinkedHashMap.put and"
            + " Jackson's own tree do; the events report every occurrence";
    put(TRANSFORM_FILES, "object_same_key_different_values.json", object("a", 2), duplicates);
    put(TRANSFORM_FILES, "object_same_key_same_value.json", object("a", 1), duplicates);
    put(
        TRANSFORM_FILES,
        "object_same_key_unclear_values.json",
        object("a", 0),
        duplicates + "; -0 is an integer, read as 0");

    String escaped = "an escaped lone surrogate is kept as that char, as Jackson decodes it";
    put(TRANSFORM_FILES, "string_1_escaped_invalid_codepoint.json", List.of("\ud800"), escaped);
    put(
        TRANSFORM_FILES,
        "string_2_escaped_invalid_codepoints.json",
        List.of("\ud800\ud800"),
        escaped);
    put(
        TRANSFORM_FILES,
        "string_3_escaped_invalid_codepoints.json",
        List.of("\ud800\ud800\ud800"),
        escaped);
    add(
        TRANSFORM_FILES,
        Decision.rejected(
            MalformedJsonException.class,
            "a surrogate encoded as three bytes of UTF-8 is invalid UTF-8, and rejected"),
        "string_1_invalid_codepoint.json",
        "string_2_invalid_codepoints.json",
        "string_3_invalid_codepoints.json");
    put(
        TRANSFORM_FILES,
        "string_with_escaped_NULL.json",
        List.of("A\u0000B"),
        "an escaped NUL is an ordinary char");
  }

  @Test
  void corpusHoldsTheFilesItsReadmeCounts() {
    List<String> suite = Corpus.files(SUITE);
    assertThat(suite).hasSize(318);
    assertThat(suite).filteredOn(name -> name.startsWith("y_")).hasSize(95);
    assertThat(suite).filteredOn(name -> name.startsWith("n_")).hasSize(188);
    assertThat(suite).filteredOn(name -> name.startsWith("i_")).hasSize(35);
    assertThat(Corpus.files(TRANSFORM)).hasSize(22);
  }

  @Test
  void indexListsEveryFileOfTheFolders() {
    for (String folder : List.of(SUITE, TRANSFORM)) {
      List<String> listing = Corpus.directoryListing(folder);
      if (listing != null) {
        assertThat(Corpus.files(folder)).as(folder).isEqualTo(listing);
      }
    }
  }

  @TestFactory
  Stream<DynamicTest> acceptsEveryYFileWithJacksonsValueUnderEverySplit() {
    return files("y_").map(name -> dynamicTest(name, () -> assertAccepted(SUITE, name, null)));
  }

  @TestFactory
  Stream<DynamicTest> rejectsEveryNFileTheSameWayUnderEverySplit() {
    return files("n_")
        .map(name -> dynamicTest(name, () -> assertRejected(name, Corpus.bytes(SUITE, name))));
  }

  @Test
  void decidesEveryIFile() {
    assertThat(I_FILES.keySet()).containsExactlyInAnyOrderElementsOf(files("i_").toList());
  }

  @TestFactory
  Stream<DynamicTest> readsEveryIFileAsItsDecisionSays() {
    return files("i_").map(name -> dynamicTest(name, () -> assertDecided(SUITE, name, I_FILES)));
  }

  @Test
  void decidesEveryTransformFile() {
    assertThat(TRANSFORM_FILES.keySet())
        .containsExactlyInAnyOrderElementsOf(Corpus.files(TRANSFORM));
  }

  @TestFactory
  Stream<DynamicTest> readsEveryTransformFileAsItsDecisionSays() {
    return Corpus.files(TRANSFORM).stream()
        .map(name -> dynamicTest(name, () -> assertDecided(TRANSFORM, name, TRANSFORM_FILES)));
  }

  /** The transform files have one key twice; this shows where the key stays. */
  @Test
  void duplicateKeyKeepsItsFirstPositionAndLastValueAndEveryEvent() throws Exception {
    byte[] document = "{\"a\":1,\"b\":2,\"a\":3}".getBytes(StandardCharsets.UTF_8);
    List<JsonEvent> events = assertAcceptedAlike("inline", document, object("a", 3, "b", 2));
    JsonPath root = JsonPath.root();
    assertThat(events)
        .containsExactly(
            new JsonEvent(JsonEvent.Kind.START_OBJECT, root, null),
            new JsonEvent(JsonEvent.Kind.NUMBER, root.field("a"), 1),
            new JsonEvent(JsonEvent.Kind.NUMBER, root.field("b"), 2),
            new JsonEvent(JsonEvent.Kind.NUMBER, root.field("a"), 3),
            new JsonEvent(JsonEvent.Kind.END_OBJECT, root, null),
            new JsonEvent(JsonEvent.Kind.DOCUMENT_END, root, null));
  }

  private static Stream<String> files(String prefix) {
    return Corpus.files(SUITE).stream().filter(name -> name.startsWith(prefix));
  }

  private static void assertDecided(String folder, String name, Map<String, Decision> table)
      throws Exception {
    Decision decision = table.get(name);
    assertThat(decision).as("the decision for %s", name).isNotNull();
    if (decision.rejectedWith() != null) {
      PartialJsonException e = assertRejected(name, Corpus.bytes(folder, name));
      assertThat(e)
          .as("%s: %s", name, decision.reason())
          .isExactlyInstanceOf(decision.rejectedWith());
    } else {
      assertAccepted(folder, name, decision.value());
    }
  }

  /** Asserts Jackson's value (and {@code expected}, if given) under every split. */
  private static void assertAccepted(String folder, String name, @Nullable Object expected)
      throws Exception {
    byte[] document = Corpus.bytes(folder, name);
    Object jackson = JacksonReference.parse(document, ParserOptions.Syntax.STRICT);
    if (expected != null) {
      assertThat(inDocumentOrder(jackson))
          .as("%s: Jackson's value", name)
          .isEqualTo(inDocumentOrder(expected));
    }
    assertAcceptedAlike(name, document, jackson);
  }

  /**
   * Asserts that every split gives {@code expected} and the same merged events (the deltas of each
   * string are checked by {@link EventLog}); returns those events.
   */
  private static List<JsonEvent> assertAcceptedAlike(
      String name, byte[] document, @Nullable Object expected) {
    List<JsonEvent> first = null;
    String firstSplit = null;
    for (Splits.Split split : Splits.sweep(document)) {
      Replay.Outcome outcome = run(name, split);
      assertThat(outcome.error()).as("%s: error under split '%s'", name, split).isNull();
      assertThat(inDocumentOrder(outcome.value()))
          .as("%s: value under split '%s'", name, split)
          .isEqualTo(inDocumentOrder(expected));
      List<JsonEvent> merged = outcome.log().merged();
      if (first == null) {
        first = merged;
        firstSplit = split.name();
      } else {
        assertThat(merged)
            .as("%s: events under split '%s' against '%s'", name, split, firstSplit)
            .isEqualTo(first);
      }
    }
    return first;
  }

  /**
   * Asserts that every split rejects {@code document} with the same exception class, offset and
   * message; returns the exception of the first split.
   */
  private static PartialJsonException assertRejected(String name, byte[] document) {
    Map<String, String> outcomes = new LinkedHashMap<>();
    PartialJsonException first = null;
    for (Splits.Split split : Splits.sweep(document)) {
      Replay.Outcome outcome = run(name, split);
      if (outcome.error() instanceof PartialJsonException e) {
        outcomes.put(split.name(), describe(e));
        first = first == null ? e : first;
      } else {
        outcomes.put(split.name(), "accepted as " + outcome.value());
      }
    }
    String expected = outcomes.values().iterator().next();
    assertThat(outcomes)
        .as("%s: outcome of every split", name)
        .allSatisfy((split, outcome) -> assertThat(outcome).doesNotStartWith("accepted"))
        .allSatisfy((split, outcome) -> assertThat(outcome).as(split).isEqualTo(expected));
    return first;
  }

  private static String describe(PartialJsonException e) {
    return e.getClass().getSimpleName() + " at offset " + e.byteOffset() + ": " + e.getMessage();
  }

  /** Runs one split; anything but a {@link PartialJsonException} fails, naming the split. */
  private static Replay.Outcome run(String name, Splits.Split split) {
    try {
      return Replay.run(STRICT, split, false);
    } catch (RuntimeException | Error e) {
      throw new AssertionError(name + " under split '" + split + "': " + e, e);
    }
  }

  private static void add(Map<String, Decision> table, Decision decision, String... files) {
    for (String file : files) {
      assertThat(table.put(file, decision)).as("decided twice: %s", file).isNull();
    }
  }

  private static void put(Map<String, Decision> table, String file, Object value, String reason) {
    add(table, Decision.acceptedAs(value, reason), file);
  }

  private static Map<String, Object> object(Object... keysAndValues) {
    Map<String, Object> map = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      map.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return map;
  }
}
