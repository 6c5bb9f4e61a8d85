package dev.partialjson.parser;

import static dev.partialjson.testkit.Monotone.inDocumentOrder;
import static org.assertj.core.api.Assertions.assertThat;

import dev.partialjson.testkit.PrefixCloser;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.TestReporter;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Truncation everywhere: every prefix of every document of the corpora, fed to a fresh parser and
 * finished, either is a complete document or raises {@link IncompleteJsonException} whose snapshot
 * is exactly what one parser fed the whole document byte by byte showed at that byte (so a cut
 * stream loses nothing that had arrived, and the snapshot does not depend on where the input
 * stopped).
 *
 * <p>The documents: the {@code y_} files of JSONTestSuite and the {@code i_} files that Jackson
 * accepts, the transform files, the llm-outputs and the two documents the recorded Anthropic
 * streams assemble (one of them is itself cut off). The {@code n_} files are out of scope: they are
 * not valid documents, so their prefixes have no "complete" answer to check (and one of them is
 * 100,000 opening brackets, whose prefixes alone would be 5 * 10^9 bytes to feed);
 * JsonTestSuiteTest checks how they are rejected. A document the parser rejects as a whole under an
 * option set (invalid UTF-8, a root scalar in model output, a lone surrogate, strict syntax) has no
 * prefixes to check under it; each is counted and named in the report, never skipped silently.
 *
 * <p>Each prefix is checked under all three option sets (strict JSON, lenient JSON, model output),
 * fed as bytes (every byte length) and as a {@code String} (every code point boundary: a cut inside
 * a surrogate pair leaves an unpaired surrogate, which the parser reports as malformed text by
 * contract). A prefix is a <em>complete</em> document exactly when Jackson's blocking parser
 * accepts it as a whole JSON text with the same syntax (for model output: and its root is an object
 * or an array): a root number cut short ({@code 12} of {@code 123}), a root value followed by part
 * of the trailing whitespace. Such a prefix must finish normally with Jackson's value. Every other
 * prefix must raise {@link IncompleteJsonException} at its own length with the byte-by-byte
 * snapshot. For the llm-outputs and stream documents (standard JSON), the snapshot is also compared
 * with an oracle that shares no code with the parser, {@link PrefixCloser} (test kit): the prefix
 * cut back to its last complete value, closed, and parsed by Jackson.
 *
 * <p>Cost: the prefixes of a document of n bytes are n²/2 bytes; over the corpora that is about 10
 * million bytes per option set and feeding mode.
 */
class TruncationTest {

  /** The option sets, by name for the report. */
  enum Options {
    STRICT(ParserOptions.strict()),
    LENIENT(ParserOptions.builder().text(ParserOptions.Text.JSON).build()),
    MODEL_OUTPUT(ParserOptions.defaults());

    final ParserOptions options;

    Options(ParserOptions options) {
      this.options = options;
    }
  }

  /** One document of the corpora. */
  private record Document(String name, byte[] bytes, boolean standardJson) {}

  /** What the checks counted, for the report. */
  private static final class Counts {
    int documents;
    int bytePrefixes;
    int stringPrefixes;
    int complete;
    int incomplete;
    int oracle;
    final Map<String, List<String>> skipped = new TreeMap<>();
  }

  @ParameterizedTest
  @EnumSource(Options.class)
  void everyPrefixFinishesCompleteOrIncompleteWithTheSnapshotOfThatByte(
      Options which, TestReporter reporter) {
    Counts counts = new Counts();
    List<String> failures = new ArrayList<>();
    for (Document document : documents()) {
      try {
        check(which.options, document, counts);
      } catch (AssertionError e) {
        failures.add(document.name() + ": " + e.getMessage());
      }
    }
    String report =
        counts.documents
            + " documents, "
            + counts.bytePrefixes
            + " byte prefixes, "
            + counts.stringPrefixes
            + " String prefixes ("
            + counts.complete
            + " complete, "
            + counts.incomplete
            + " incomplete), "
            + counts.oracle
            + " compared with the closed-prefix oracle; not applicable: "
            + counts.skipped;
    // the report entry for IDEs and JUnit's console; the line for Surefire's report files
    reporter.publishEntry(which + " truncation", report);
    System.out.println("TruncationTest " + which + ": " + report);
    assertThat(failures).as("documents whose prefixes broke the contract").isEmpty();
    assertThat(counts.documents).isGreaterThan(300);
  }

  private static void check(ParserOptions options, Document document, Counts counts) {
    byte[] bytes = document.bytes();
    Snapshot[] reference = new Snapshot[bytes.length + 1];
    IncrementalJsonParser whole = IncrementalJsonParser.create(options, new JsonListener() {});
    reference[0] = whole.snapshot();
    try {
      for (int k = 0; k < bytes.length; k++) {
        whole.feed(bytes, k, 1);
        reference[k + 1] = whole.snapshot();
      }
    } catch (PartialJsonException e) {
      skip(counts, "rejected while fed: " + e.getClass().getSimpleName(), document);
      return;
    }
    try {
      whole.finish();
    } catch (IncompleteJsonException e) {
      // a document that was itself cut off: every prefix, the whole included, is incomplete
    } catch (PartialJsonException e) {
      skip(counts, "rejected at the end: " + e.getClass().getSimpleName(), document);
      return;
    }
    if (options.text() == ParserOptions.Text.MODEL_OUTPUT && !rootIsContainer(bytes)) {
      skip(counts, "root is not an object or array", document);
      return;
    }
    counts.documents++;
    // Jackson's answer for each byte length, shared by the byte and the String prefixes
    Object[] complete = new Object[bytes.length + 1];
    for (int k = 0; k <= bytes.length; k++) {
      byte[] prefix = Arrays.copyOf(bytes, k);
      complete[k] = completeValue(options, prefix);
      IncrementalJsonParser parser = IncrementalJsonParser.create(options, new JsonListener() {});
      parser.feed(prefix);
      assertFinishes(
          parser,
          prefix,
          complete[k],
          atTheEnd(options, prefix, reference[k]),
          "bytes [0, " + k + ")",
          counts);
      counts.bytePrefixes++;
    }
    String text = decode(bytes);
    if (text == null) {
      counts.skipped.computeIfAbsent("String feeding: not UTF-8", x -> new ArrayList<>());
      counts.skipped.get("String feeding: not UTF-8").add(document.name());
      return;
    }
    PrefixCloser oracle = new PrefixCloser();
    for (int c = 0;
        c <= text.length();
        c = c < text.length() ? text.offsetByCodePoints(c, 1) : c + 1) {
      String prefix = text.substring(0, c);
      byte[] encoded = prefix.getBytes(StandardCharsets.UTF_8);
      Snapshot expected = reference[encoded.length];
      IncrementalJsonParser parser = IncrementalJsonParser.create(options, new JsonListener() {});
      parser.feed(prefix);
      assertFinishes(
          parser,
          encoded,
          complete[encoded.length],
          atTheEnd(options, encoded, expected),
          "chars [0, " + c + ")",
          counts);
      counts.stringPrefixes++;
      if (document.standardJson()) {
        assertOracleAgrees(oracle.close(prefix), expected, c);
        counts.oracle++;
      }
    }
  }

  /**
   * Finishes {@code parser}, fed {@code prefix}, and checks the outcome: Jackson's value if {@code
   * jackson} is not {@link #NOT_COMPLETE}, else an incomplete document with the reference snapshot.
   */
  private static void assertFinishes(
      IncrementalJsonParser parser,
      byte[] prefix,
      @Nullable Object jackson,
      Snapshot reference,
      String what,
      Counts counts) {
    if (jackson != NOT_COMPLETE) {
      try {
        parser.finish();
      } catch (PartialJsonException e) {
        throw new AssertionError(what + " is a complete document, but finish() threw " + e, e);
      }
      assertThat(inDocumentOrder(parser.snapshot().value()))
          .as("%s: the value of a complete prefix", what)
          .isEqualTo(inDocumentOrder(jackson));
      assertThat(parser.snapshot().isComplete()).as("%s: complete", what).isTrue();
      counts.complete++;
      return;
    }
    IncompleteJsonException incomplete;
    try {
      parser.finish();
      throw new AssertionError(
          what + " is not a complete document, but finish() returned " + parser.snapshot());
    } catch (IncompleteJsonException e) {
      incomplete = e;
    } catch (PartialJsonException e) {
      throw new AssertionError(
          what + " is cut off, but finish() threw " + e.getClass().getSimpleName() + ": " + e, e);
    }
    assertThat(incomplete.byteOffset()).as("%s: offset", what).isEqualTo(prefix.length);
    Snapshot snapshot = Objects.requireNonNull(incomplete.snapshot(), "snapshot");
    assertThat(snapshot.hasValue()).as("%s: hasValue", what).isEqualTo(reference.hasValue());
    assertThat(inDocumentOrder(snapshot.value()))
        .as("%s: the snapshot against the byte-by-byte parse", what)
        .isEqualTo(inDocumentOrder(reference.value()));
    assertThat(snapshot.openPaths()).as("%s: open paths", what).isEqualTo(reference.openPaths());
    assertThat(incomplete.openPaths())
        .as("%s: exception's open paths", what)
        .isEqualTo(reference.openPaths());
    assertThat(snapshot.byteOffset()).as("%s: snapshot offset", what).isEqualTo(prefix.length);
    counts.incomplete++;
  }

  /**
   * Returns what the snapshot of a stream cut after {@code prefix} must be, given {@code
   * reference}, the byte-by-byte parse's at that byte: the same, but that the end completes a
   * number whose digits all arrived, as the byte after it would, so then the snapshot of {@code
   * prefix} and a space. (A prefix that ends in a digit outside a string value ends in a number, or
   * in a key, a comment or skipped text, to which a space adds nothing, or in a key's escape, which
   * a space makes malformed.)
   */
  private static Snapshot atTheEnd(ParserOptions options, byte[] prefix, Snapshot reference) {
    if (prefix.length == 0
        || prefix[prefix.length - 1] < '0'
        || prefix[prefix.length - 1] > '9'
        || insideString(reference)) {
      return reference;
    }
    IncrementalJsonParser spaced = IncrementalJsonParser.create(options, new JsonListener() {});
    spaced.feed(prefix);
    try {
      spaced.feed(" ");
    } catch (MalformedJsonException e) {
      return reference; // an escape, in a key: no number
    }
    return spaced.snapshot();
  }

  /** Returns whether the innermost value open in {@code snapshot} is a string. */
  private static boolean insideString(Snapshot snapshot) {
    List<JsonPath> open = snapshot.openPaths();
    if (open.isEmpty()) {
      return false;
    }
    Object value = snapshot.value();
    for (Object step : open.get(open.size() - 1).segments()) {
      value = step instanceof Integer i ? ((List<?>) value).get(i) : ((Map<?, ?>) value).get(step);
    }
    return value instanceof String;
  }

  private static void assertOracleAgrees(@Nullable String closed, Snapshot reference, int chars) {
    if (closed == null) {
      assertThat(reference.hasValue()).as("chars [0, %s): no value yet", chars).isFalse();
      return;
    }
    Object expected;
    try {
      expected =
          JacksonReference.parse(
              closed.getBytes(StandardCharsets.UTF_8), ParserOptions.Syntax.STRICT);
    } catch (Exception e) {
      throw new AssertionError(
          "the oracle made invalid JSON of chars [0, " + chars + "): " + closed, e);
    }
    assertThat(inDocumentOrder(reference.value()))
        .as("chars [0, %s): the snapshot against the closed prefix %s", chars, closed)
        .isEqualTo(inDocumentOrder(expected));
  }

  private static final Object NOT_COMPLETE = new Object();

  /** Returns Jackson's value of {@code prefix} as a whole document, or {@link #NOT_COMPLETE}. */
  private static @Nullable Object completeValue(ParserOptions options, byte[] prefix) {
    if (options.text() == ParserOptions.Text.MODEL_OUTPUT && !rootIsContainer(prefix)) {
      return NOT_COMPLETE;
    }
    try {
      return JacksonReference.parse(prefix, options.syntax());
    } catch (Exception e) {
      return NOT_COMPLETE;
    }
  }

  /** Returns whether the first byte after whitespace (and a byte order mark) is { or [. */
  private static boolean rootIsContainer(byte[] bytes) {
    boolean bom =
        bytes.length >= 3
            && bytes[0] == (byte) 0xEF
            && bytes[1] == (byte) 0xBB
            && bytes[2] == (byte) 0xBF;
    for (int i = bom ? 3 : 0; i < bytes.length; i++) {
      byte b = bytes[i];
      if (b != ' ' && b != '\n' && b != '\r' && b != '\t') {
        return b == '{' || b == '[';
      }
    }
    return false;
  }

  private static @Nullable String decode(byte[] bytes) {
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes))
          .toString();
    } catch (CharacterCodingException e) {
      return null;
    }
  }

  private static void skip(Counts counts, String reason, Document document) {
    counts.skipped.computeIfAbsent(reason, x -> new ArrayList<>()).add(document.name());
  }

  private static List<Document> documents() {
    List<Document> documents = new ArrayList<>();
    for (String name : Corpus.files("jsontestsuite")) {
      if (name.startsWith("y_") || name.startsWith("i_") && jacksonAccepts(name)) {
        documents.add(new Document(name, Corpus.bytes("jsontestsuite", name), false));
      }
    }
    for (String name : Corpus.files("jsontestsuite-transform")) {
      documents.add(new Document(name, Corpus.bytes("jsontestsuite-transform", name), false));
    }
    for (String name : Corpus.files("llm-outputs")) {
      if (name.endsWith(".json")) {
        documents.add(new Document(name, Corpus.bytes("llm-outputs", name), true));
      }
    }
    for (String name : Corpus.files("sse-documents")) {
      documents.add(new Document(name, Corpus.bytes("sse-documents", name), true));
    }
    return documents;
  }

  private static boolean jacksonAccepts(String name) {
    try {
      JacksonReference.parse(Corpus.bytes("jsontestsuite", name), ParserOptions.Syntax.LENIENT);
      return true;
    } catch (Exception e) {
      return false;
    }
  }
}
