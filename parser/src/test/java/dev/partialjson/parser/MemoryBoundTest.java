package dev.partialjson.parser;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.util.InternCache;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The heap a parser with snapshots retains stays within the bound {@link Limits} states, 512 KiB
 * plus 16 bytes per byte of input, on the inputs that cost the most per byte: fed up to a document
 * limit lowered to 1 MiB, in four-byte deltas with a snapshot taken and read after each, the
 * parser's retained size (with JOL's sizes, less what {@link IdleParserFootprintTest} counts as
 * shared; see {@link RetainedSize}) is at most the bound of that limit. And with the default limits
 * (8 MiB documents) each shape ends in {@code DOCUMENT_LENGTH}, not in an {@code OutOfMemoryError},
 * in a heap of 256 MiB: this class runs in a JVM of its own with that heap (the {@code memory}
 * execution in the parser's pom, which the test checks was applied).
 */
@Tag("memory")
class MemoryBoundTest {
  /** The bound's fixed part and its bytes per input byte, as the {@link Limits} Javadoc states. */
  static final long FIXED = 512 * 1024;

  static final long PER_BYTE = 16;

  private static final int SCALED_LIMIT = 1 << 20;
  private static final long HEAP = 256L * 1024 * 1024;

  /** The inputs that cost the most per byte: a root array of one element repeated, or a string. */
  enum Shape {
    /**
     * A one-element array costs an object and no array; ten of them nested cost 12 bytes a byte.
     */
    NESTED_ONE_ELEMENT_ARRAYS(n -> "[[[[[[[[[[0]]]]]]]]]],"),
    /** Objects of one member, each with a key of its own (and in Jackson's name table). */
    DISTINCT_KEYS(n -> "{\"" + n + "\":0},"),
    /** Two-element arrays: an object and an array of two. */
    TWO_ELEMENT_ARRAYS(n -> "[" + n + ",0],"),
    /** Decimals of three digits in turn, each a BigDecimal of 40 bytes (too many to repeat). */
    DISTINCT_DECIMALS(n -> BigDecimal.valueOf(n % 900 + 100, 2) + ","),
    /** Strings of two chars in turn, each a String of 48 bytes (too many to repeat). */
    DISTINCT_STRINGS(n -> "\"" + (char) ('a' + n % 26) + (char) ('a' + n / 26 % 26) + "\","),
    /** One-char strings past ASCII, each a String of 48 bytes for five bytes of input. */
    ONE_CHAR_STRINGS_PAST_ASCII(n -> "\"" + (char) (0xa0 + n % 0x60) + "\","),
    /** Comments: a repair each, of which the parser keeps the first 1,000. */
    COMMENTS(n -> "#\n"),
    /** One string that never ends, in UTF-16 (its first char is not Latin-1). */
    OPEN_STRING(n -> n == 0 ? "\"\u0100" : "abcdefghijklmnopqrstuvwxyz");

    final IntFunction<String> element;

    Shape(IntFunction<String> element) {
      this.element = element;
    }
  }

  @ParameterizedTest
  @EnumSource(Shape.class)
  void retainsAtMostTheBoundOfTheDocumentLimit(Shape shape, TestReporter reporter) {
    Limits limits = Limits.builder().maxDocumentLength(SCALED_LIMIT).build();
    IncrementalJsonParser parser = feedToTheLimit(shape, limits, 4);
    long retained = retained(parser);
    String report =
        String.format(
            "%s: %,d B retained after %,d bytes, %.2f B a byte",
            shape, retained, parser.bytesFed(), retained / (double) parser.bytesFed());
    reporter.publishEntry("retained", report);
    System.out.println("MemoryBoundTest " + report);
    assertThat(retained).isLessThanOrEqualTo(FIXED + PER_BYTE * SCALED_LIMIT);
  }

  @ParameterizedTest
  @EnumSource(Shape.class)
  void theDefaultLimitsStopEachShapeInAHeapOf256Megabytes(Shape shape) {
    assertThat(Runtime.getRuntime().maxMemory())
        .as("the heap bound of the memory execution (-Xmx256m)")
        .isLessThanOrEqualTo(HEAP);
    IncrementalJsonParser parser = feedToTheLimit(shape, Limits.defaults(), 64);
    assertThat(parser.bytesFed()).isEqualTo(Limits.defaults().maxDocumentLength());
  }

  /**
   * What the bound's fixed part is for: the open containers at the deepest nesting the default
   * limits allow, each with a member, and the 1,000 repairs the parser keeps, each with an excerpt
   * as long as a repair's excerpt gets, and an open string; with a snapshot read.
   */
  @Test
  void theFixedPartHoldsTheDeepestNestingAndTheRepairsKept(TestReporter reporter) {
    IncrementalJsonParser parser = IncrementalJsonParser.create(JsonListener.NONE);
    int depth = Limits.defaults().maxNestingDepth();
    parser.feed("[{\"key\": ".repeat(depth / 2 - 1) + "[[");
    String comment = "/*" + "\u00e9".repeat(100) + "*/";
    for (int i = 0; i < IncrementalJsonParser.KEPT_REPAIRS + 10; i++) {
      parser.feed(comment + "0,");
    }
    parser.feed("\"open");
    parser.snapshot().value();
    assertThat(parser.snapshot().openPaths()).hasSize(depth + 1);
    assertThat(parser.repairs()).hasSize(IncrementalJsonParser.KEPT_REPAIRS);
    long retained = retained(parser);
    String report = String.format("%,d B retained after %,d bytes", retained, parser.bytesFed());
    reporter.publishEntry("retained", report);
    System.out.println("MemoryBoundTest fixed part: " + report);
    assertThat(retained).isLessThanOrEqualTo(FIXED);
  }

  @Test
  void theBoundOfTheDefaultLimitsIsUnder256Megabytes() {
    assertThat(FIXED + PER_BYTE * Limits.defaults().maxDocumentLength()).isLessThan(HEAP);
  }

  /** Returns what {@code parser} retains, less what {@link IdleParserFootprintTest} shares. */
  private static long retained(IncrementalJsonParser parser) {
    return new RetainedSize()
        .of(
            parser,
            parser.options(),
            JsonListener.NONE,
            JsonPath.root(),
            InternCache.instance,
            JsonToken.values(),
            IdleParserFootprintTest.recycler(parser));
  }

  /**
   * Feeds {@code [} and then the shape's elements, {@code delta} bytes at a time with a snapshot
   * taken and read after each, until the document limit stops the parser; returns the parser. The
   * input is made as it is fed, a few kilobytes at a time.
   */
  private static IncrementalJsonParser feedToTheLimit(Shape shape, Limits limits, int delta) {
    IncrementalJsonParser parser =
        IncrementalJsonParser.create(
            ParserOptions.builder().limits(limits).build(), JsonListener.NONE);
    ByteArrayOutputStream input = new ByteArrayOutputStream();
    input.writeBytes("[".getBytes(StandardCharsets.UTF_8));
    for (int n = 0; ; ) {
      while (input.size() < 4096) {
        input.writeBytes(shape.element.apply(n++).getBytes(StandardCharsets.UTF_8));
      }
      byte[] bytes = input.toByteArray();
      int whole = bytes.length / delta * delta;
      for (int at = 0; at < whole; at += delta) {
        try {
          parser.feed(bytes, at, delta);
        } catch (LimitExceededException e) {
          assertThat(e.limit()).as("%s", shape).isEqualTo(Limits.Limit.DOCUMENT_LENGTH);
          return parser;
        }
        parser.snapshot().value();
      }
      input.reset();
      input.write(bytes, whole, bytes.length - whole);
    }
  }
}
