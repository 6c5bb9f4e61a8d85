package dev.partialjson.parser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.partialjson.testkit.EventLog;
import dev.partialjson.testkit.Monotone;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Coverage-guided fuzzing of the parser's contract with Jazzer. The fuzzer's bytes choose the
 * options (text, syntax, limits), how the input is fed (byte arrays, buffers or text) and where it
 * is cut; the rest of them is the input. Whatever the input:
 *
 * <ul>
 *   <li>only {@link MalformedJsonException}, {@link LimitExceededException} and {@link
 *       IncompleteJsonException} escape, and they come with the same class, offset and message
 *       whether the input is fed whole or cut;
 *   <li>a run gives the same events (string deltas joined) however it is cut, up to an error too; a
 *       complete run the same value and repairs, and each snapshot extends the one before;
 *   <li>after an error the snapshot is readable and equals that of a fresh parser fed the input up
 *       to the error's byte offset, and feeding or finishing again throws {@link
 *       IllegalStateException};
 *   <li>where the input is one JSON value and the limits are the defaults, the parser accepts what
 *       Jackson's blocking parser accepts (in the same syntax), with the same value, and rejects
 *       what it rejects.
 * </ul>
 *
 * <p>A normal build replays the kept inputs under {@code ParserFuzzTestInputs} in the test
 * resources; {@code JAZZER_FUZZ=1} fuzzes (see the README, "Fuzzing").
 */
class ParserFuzzTest {
  /** Jackson's words for a token that began with a whole literal and went on. */
  private static final Pattern WRONG_WORD =
      Pattern.compile("Unrecognized token '(true|false|null)");

  @FuzzTest(maxDuration = "5m")
  void keepsItsContractOnAnyInput(FuzzedDataProvider data) {
    FuzzCase c = FuzzCase.from(data);
    Run whole = c.run(List.of(c.wholePiece()));
    Run split = c.run(c.pieces());

    if (c.text != null && c.validUtf8) {
      // Text and bytes of the same document are the same input.
      Run bytes = c.run(List.of(FuzzCase.bytePiece(c.input, 0, c.input.length, 0)));
      assertSameEnd(c, bytes, whole);
    }
    assertSameEnd(c, whole, split);
    // up to an error too: a string the error lies in is reported up to the bad byte
    assertThat(split.merged).as("events of %s", c).isEqualTo(whole.merged);
    if (split.error == null) {
      assertThat(split.value).as("value of %s", c).isEqualTo(whole.value);
      assertThat(split.repairs).as("repairs of %s", c).isEqualTo(whole.repairs);
    } else {
      assertStoppedCleanly(c, split);
    }
    assertAgreesWithJackson(c, split);
  }

  /** Both runs end alike: no error, or an error of one class, offset and message. */
  private static void assertSameEnd(FuzzCase c, Run expected, Run actual) {
    assertThat(describe(actual.error))
        .as("how %s ends, against the input fed whole", c)
        .isEqualTo(describe(expected.error));
  }

  private static String describe(@Nullable PartialJsonException e) {
    return e == null
        ? "no error"
        : e.getClass().getSimpleName() + " at offset " + e.byteOffset() + ": " + e.getMessage();
  }

  /**
   * After an error: the snapshot holds exactly what a fresh parser shows for the input up to the
   * error, and the parser takes nothing more.
   */
  private static void assertStoppedCleanly(FuzzCase c, Run run) {
    PartialJsonException error = run.error;
    IncrementalJsonParser parser = run.parser;
    assertThatThrownBy(() -> parser.feed(new byte[] {'1'}))
        .as("feed after %s", error)
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> parser.feed("1"))
        .as("feed after %s", error)
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(parser::finish)
        .as("finish after %s", error)
        .isInstanceOf(IllegalStateException.class);
    if (c.text != null && !c.validUtf8) {
      return; // the text holds unpaired surrogates, which have no UTF-8 prefix to compare with
    }
    long offset = error.byteOffset();
    assertThat(offset).as("offset of %s in %s", error, c).isBetween(0L, (long) c.input.length);
    Object failed = Monotone.inDocumentOrder(parser.snapshot().value());
    IncrementalJsonParser upTo = fresh(c, (int) offset, false);
    if (Objects.equals(failed, Monotone.inDocumentOrder(upTo.snapshot().value()))) {
      return;
    }
    String where = "snapshot after " + error + ", against the input up to " + offset + ", in " + c;
    Matcher word = WRONG_WORD.matcher(error.reason());
    if (word.lookingAt()) {
      // A token that began with a whole literal ([truex): the literal was complete at its last
      // letter, and Jackson places the error after the token's first letter.
      int through = (int) offset - 1 + word.group(1).length();
      assertThat(failed)
          .as(where + ", through the literal")
          .isEqualTo(Monotone.inDocumentOrder(fresh(c, through, false).snapshot().value()));
      return;
    }
    if (!upTo.isClosed() && !insideString(upTo.snapshot())) {
      // The byte at the offset ended a number before it turned out wrong ([12x): Jackson completes
      // the number first, as a space there would.
      assertThat(failed)
          .as(where + ", with a space at the offset")
          .isEqualTo(Monotone.inDocumentOrder(fresh(c, (int) offset, true).snapshot().value()));
      return;
    }
    if (error instanceof MalformedJsonException) {
      // a string the error lies in holds its text up to the bad byte, whatever the split
      throw new AssertionError(
          where + ": " + failed + " against " + Monotone.inDocumentOrder(upTo.snapshot().value()));
    }
    // A limit: a string too long is reported at its opening quote with the chars up to the limit,
    // which the fresh parser, fed up to that quote, has not; and it can hit the fresh parser too,
    // when the bytes before the offset already break a limit. What differs must stay confined to
    // that string, so one snapshot extends the other.
    try {
      Monotone.assertExtends(parser.snapshot(), upTo.snapshot());
    } catch (AssertionError e) {
      try {
        Monotone.assertExtends(upTo.snapshot(), parser.snapshot());
      } catch (AssertionError f) {
        if (!FuzzCase.hasDuplicateKey(run.merged)
            && !FuzzCase.reopened(upTo.snapshot(), parser.snapshot())
            && !FuzzCase.reopened(parser.snapshot(), upTo.snapshot())) {
          throw new AssertionError(where + ": " + e.getMessage(), e);
        }
      }
    }
  }

  /**
   * Returns a fresh parser fed the input up to {@code offset} (and a space, if asked), without
   * {@code finish()}; if it meets an error (a limit broken by the bytes before the offset), its
   * snapshot stays as it was then.
   */
  private static IncrementalJsonParser fresh(FuzzCase c, int offset, boolean space) {
    IncrementalJsonParser fresh = IncrementalJsonParser.create(c.options, new JsonListener() {});
    try {
      fresh.feed(c.input, 0, offset);
      if (space) {
        fresh.feed(" ");
      }
    } catch (PartialJsonException e) {
      // see above
    }
    return fresh;
  }

  /** Returns whether the innermost open value of {@code snapshot} is a string. */
  private static boolean insideString(Snapshot snapshot) {
    List<JsonPath> open = snapshot.openPaths();
    return !open.isEmpty()
        && valueAt(snapshot.value(), open.get(open.size() - 1)) instanceof String;
  }

  private static @Nullable Object valueAt(@Nullable Object root, JsonPath path) {
    if (path.isRoot()) {
      return root;
    }
    Object parent = valueAt(root, Objects.requireNonNull(path.parent()));
    if (parent instanceof java.util.Map<?, ?> map) {
      return map.get(path.name());
    }
    return ((List<?>) Objects.requireNonNull(parent)).get(path.arrayIndex());
  }

  /**
   * Agreement with Jackson's blocking parser, where the input is one JSON value of valid UTF-8 and
   * the limits are Jackson's own defaults.
   */
  private static void assertAgreesWithJackson(FuzzCase c, Run run) {
    if (c.options.text() != ParserOptions.Text.JSON
        || !c.options.limits().equals(Limits.defaults())
        || !c.validUtf8
        || detectedAsUtf16Or32(c.input)) {
      return;
    }
    Object expected;
    try {
      expected = JacksonReference.parse(c.input, c.options.syntax());
    } catch (IOException | NumberFormatException e) {
      assertThat(run.error)
          .as("Jackson rejects %s (%s), the parser must too", c, e.getMessage())
          .isNotNull();
      return;
    }
    assertThat(run.error).as("Jackson accepts %s", c).isNull();
    assertThat(run.value).as("value of %s", c).isEqualTo(Monotone.inDocumentOrder(expected));
  }

  /**
   * Returns whether Jackson's blocking parser would read {@code bytes} as UTF-16 or UTF-32: it
   * guesses the encoding from NUL bytes among the first four (found by the fuzzer: {@code 0<00><00>
   * <00>} is the number 0 in UTF-32LE to Jackson, and malformed UTF-8 JSON to the parser, rightly).
   */
  private static boolean detectedAsUtf16Or32(byte[] bytes) {
    for (int i = 0; i < Math.min(4, bytes.length); i++) {
      if (bytes[i] == 0) {
        return true;
      }
    }
    return false;
  }

  /** What one run of the parser produced. */
  private record Run(
      IncrementalJsonParser parser,
      @Nullable PartialJsonException error,
      @Nullable Object value,
      List<JsonEvent> merged,
      List<Repair> repairs) {}

  /** One fuzz input: options, input, and how to feed it. */
  static final class FuzzCase {
    private static final Limits TIGHT =
        Limits.builder()
            .maxNestingDepth(3)
            // No tight string limit while the rest of finding 3 of RELIABILITY.md stands: a string
            // over its limit and a later error in the same feed (bad UTF-8 further in the string)
            // come in one order fed whole and in the other when cut; and the snapshot at a string
            // limit holds the chars up to the limit, past the error's offset (the opening quote).
            .maxNameLength(4)
            .maxNumberLength(5)
            .maxDocumentLength(48)
            .build();

    enum Feed {
      BYTES,
      BUFFERS,
      TEXT,
      MIXED
    }

    final ParserOptions options;
    final Feed feed;
    final int[] cuts;
    final byte[] input;
    final boolean validUtf8;
    final @Nullable String text; // the input as text (invalid UTF-8 as unpaired surrogates)

    private FuzzCase(ParserOptions options, Feed feed, int[] cuts, byte[] input) {
      this.options = options;
      this.feed = feed;
      this.input = input;
      this.validUtf8 = FuzzText.isValidUtf8(input);
      this.text = feed == Feed.TEXT ? FuzzText.decodeEscapingInvalid(input) : null;
      int length = text != null ? text.length() : input.length;
      int[] at = new int[cuts.length];
      for (int i = 0; i < cuts.length; i++) {
        at[i] = cuts[i] % (length + 1);
      }
      Arrays.sort(at);
      this.cuts = at;
    }

    /**
     * Reads a case from the fuzzer's bytes: one byte of options, one of feed and cut count, two per
     * cut (all from the end of the data), and the input (the rest, from the start).
     */
    static FuzzCase from(FuzzedDataProvider data) {
      int flags = data.consumeByte() & 0xff;
      int plan = data.consumeByte() & 0xff;
      int[] cuts = new int[plan >>> 4];
      for (int i = 0; i < cuts.length; i++) {
        cuts[i] = data.consumeChar();
      }
      ParserOptions options =
          ParserOptions.builder()
              .text((flags & 1) == 0 ? ParserOptions.Text.MODEL_OUTPUT : ParserOptions.Text.JSON)
              .syntax((flags & 2) == 0 ? ParserOptions.Syntax.LENIENT : ParserOptions.Syntax.STRICT)
              .limits((flags & 12) == 12 ? TIGHT : Limits.defaults())
              .build();
      Feed feed = Feed.values()[plan & 3];
      return new FuzzCase(options, feed, cuts, data.consumeRemainingAsBytes());
    }

    /** Feeds the whole input in one call, as this case's feed method does. */
    Piece wholePiece() {
      String t = text;
      return t != null ? parser -> parser.feed(t) : bytePiece(input, 0, input.length, 0);
    }

    /** The input cut at this case's cuts, fed as the case says. */
    List<Piece> pieces() {
      List<Piece> pieces = new ArrayList<>(cuts.length + 1);
      int from = 0;
      for (int i = 0; i <= cuts.length; i++) {
        int to = i < cuts.length ? cuts[i] : (text != null ? text.length() : input.length);
        pieces.add(piece(from, to, i));
        from = to;
      }
      return pieces;
    }

    private Piece piece(int from, int to, int index) {
      String t = text;
      if (t != null) {
        switch (index % 3) {
          case 0:
            return parser -> parser.feed(t.substring(from, to));
          case 1:
            return parser -> parser.feed(new StringBuilder(t.substring(from, to)));
          default:
            return parser -> parser.feed(CharBuffer.wrap(t, from, to));
        }
      }
      return switch (feed) {
        case BYTES -> bytePiece(input, from, to, 0);
        case BUFFERS -> bufferPiece(input, from, to, index % 2 == 0);
        default ->
            index % 2 == 0 ? bytePiece(input, from, to, 3) : bufferPiece(input, from, to, true);
      };
    }

    /** Feeds {@code input[from, to)} from an array with {@code pad} garbage bytes each side. */
    static Piece bytePiece(byte[] input, int from, int to, int pad) {
      byte[] array = new byte[to - from + 2 * pad];
      Arrays.fill(array, (byte) '{');
      System.arraycopy(input, from, array, pad, to - from);
      return parser -> parser.feed(array, pad, to - from);
    }

    private static Piece bufferPiece(byte[] input, int from, int to, boolean direct) {
      return parser -> {
        ByteBuffer buffer =
            direct ? ByteBuffer.allocateDirect(to - from) : ByteBuffer.allocate(to - from);
        buffer.put(input, from, to - from).flip();
        parser.feed(buffer);
        assertThat(buffer.hasRemaining()).as("buffer left unread").isFalse();
      };
    }

    /**
     * Runs the pieces and {@code finish()}, taking a snapshot after each piece and checking that it
     * extends the one before. Any exception but the parser's own fails the fuzz test.
     */
    Run run(List<Piece> pieces) {
      EventLog log = new EventLog();
      IncrementalJsonParser parser = IncrementalJsonParser.create(options, log);
      Snapshot before = parser.snapshot();
      PartialJsonException error = null;
      try {
        for (Piece piece : pieces) {
          piece.feed(parser);
          Snapshot after = parser.snapshot();
          assertExtends(before, after, log);
          before = after;
        }
        parser.finish();
      } catch (PartialJsonException e) {
        error = e;
      }
      Snapshot last = parser.snapshot();
      assertExtends(before, last, log);
      return new Run(
          parser, error, Monotone.inDocumentOrder(last.value()), log.merged(), parser.repairs());
    }

    /**
     * Checks that {@code later} extends {@code earlier}, except where a duplicate key has replaced
     * a value: the snapshot keeps the last value, as Jackson and {@code LinkedHashMap} do, so a
     * complete value can change then (see RELIABILITY.md).
     */
    private static void assertExtends(Snapshot earlier, Snapshot later, EventLog log) {
      try {
        Monotone.assertExtends(earlier, later);
      } catch (AssertionError e) {
        if (!hasDuplicateKey(log.events())
            && !reopened(earlier, later)
            && !reopenedSince(later, log.events())) {
          throw e;
        }
      }
    }

    /**
     * Returns whether a path complete in {@code earlier} is open in {@code later}: a repeated key
     * whose new value has begun but caused no event yet ({@code "a": [1], "a": "}).
     */
    private static boolean reopened(Snapshot earlier, Snapshot later) {
      for (JsonPath path : later.openPaths()) {
        if (earlier.contains(path) && earlier.isComplete(path)) {
          return true;
        }
      }
      return false;
    }

    /**
     * Returns whether a path that some event completed is open in {@code later}: a repeated key
     * whose value was still open in the earlier snapshot, then completed and began again within one
     * delta ({@code "a": [1} then {@code , 3], 'a': '}), with no event at the new value yet.
     */
    private static boolean reopenedSince(Snapshot later, List<JsonEvent> events) {
      Set<JsonPath> open = new HashSet<>(later.openPaths());
      for (JsonEvent event : events) {
        switch (event.kind()) {
          case END_OBJECT, END_ARRAY, STRING, NUMBER, BOOLEAN, NULL -> {
            if (open.contains(event.path())) {
              return true;
            }
          }
          default -> {}
        }
      }
      return false;
    }

    /** Returns whether an event came at a path after the value there was complete. */
    private static boolean hasDuplicateKey(List<JsonEvent> events) {
      Set<JsonPath> complete = new HashSet<>();
      for (JsonEvent event : events) {
        switch (event.kind()) {
          case DOCUMENT_END, REPAIR, REASONING_START, REASONING_DELTA, REASONING_END -> {}
          default -> {
            if (complete.contains(event.path())) {
              return true;
            }
            switch (event.kind()) {
              case END_OBJECT, END_ARRAY, STRING, NUMBER, BOOLEAN, NULL ->
                  complete.add(event.path());
              default -> {}
            }
          }
        }
      }
      return false;
    }

    @Override
    public String toString() {
      return options
          + ", "
          + feed
          + " cut at "
          + Arrays.toString(cuts)
          + ": "
          + FuzzText.show(input);
    }
  }

  /** One call that feeds part of the input. */
  @FunctionalInterface
  interface Piece {
    void feed(IncrementalJsonParser parser);
  }
}
