package dev.partialjson.binding;

import static org.assertj.core.api.Assertions.assertThat;

import dev.partialjson.parser.LimitExceededException;
import dev.partialjson.parser.Limits;
import dev.partialjson.parser.ParserOptions;
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
 * The heap a binding session to {@code Object} retains while it is fed stays within the bound the
 * parser's {@code Limits} states for a session, 512 KiB plus 24 bytes per byte of input (its parser
 * with snapshots, and the token recording the final value is bound from), on the inputs that cost
 * the most per byte: fed up to a document limit lowered to 1 MiB, four bytes at a time, the
 * session's retained size (JOL's sizes, less what {@link SessionFootprintTest} counts as shared) is
 * at most the bound of that limit. With the default limits each input ends in {@code
 * DOCUMENT_LENGTH} in a heap of 256 MiB: this class runs in a JVM of its own with that heap (the
 * {@code memory} execution in the binding pom, which the test checks was applied).
 */
@Tag("memory")
class SessionMemoryBoundTest {
  static final long FIXED = 512 * 1024;
  static final long PER_BYTE = 24;

  private static final int SCALED_LIMIT = 1 << 20;
  private static final long HEAP = 256L * 1024 * 1024;

  /** The inputs that cost a session the most per byte: one element repeated in a root array. */
  enum Shape {
    /** Two tokens and a one-element list for every two bytes. */
    NESTED_ONE_ELEMENT_ARRAYS(n -> "[[[[[[[[[[0]]]]]]]]]],"),
    /** Two tokens for every three bytes. */
    EMPTY_OBJECTS(n -> "{},"),
    /** A String of 48 bytes each, recorded as the parser reported it. */
    DISTINCT_STRINGS(n -> "\"" + (char) ('a' + n % 26) + (char) ('a' + n / 26 % 26) + "\","),
    /** A BigDecimal of 40 bytes each, recorded as the parser reported it. */
    DISTINCT_DECIMALS(n -> BigDecimal.valueOf(n % 900 + 100, 2) + ","),
    /** Integers, which the recording boxes again (16 bytes each). */
    INTEGERS(n -> "1000,");

    final IntFunction<String> element;

    Shape(IntFunction<String> element) {
      this.element = element;
    }
  }

  @ParameterizedTest
  @EnumSource(Shape.class)
  void retainsAtMostTheBoundOfTheDocumentLimit(Shape shape, TestReporter reporter) {
    StreamingBinder<Object> binder =
        StreamingBinder.builder(Object.class)
            .parserOptions(
                ParserOptions.builder()
                    .limits(Limits.builder().maxDocumentLength(SCALED_LIMIT).build())
                    .build())
            .build();
    BindingSession<Object> session = feedToTheLimit(shape, binder, 4);
    long retained = SessionFootprintTest.retained(session, binder);
    String report =
        String.format(
            "%s: %,d B retained after %,d bytes, %.2f B a byte",
            shape, retained, SCALED_LIMIT, retained / (double) SCALED_LIMIT);
    reporter.publishEntry("retained", report);
    System.out.println("SessionMemoryBoundTest " + report);
    assertThat(retained).isLessThanOrEqualTo(FIXED + PER_BYTE * SCALED_LIMIT);
  }

  @ParameterizedTest
  @EnumSource(Shape.class)
  void theDefaultLimitsStopEachShapeInAHeapOf256Megabytes(Shape shape) {
    assertThat(Runtime.getRuntime().maxMemory())
        .as("the heap bound of the memory execution (-Xmx256m)")
        .isLessThanOrEqualTo(HEAP);
    feedToTheLimit(shape, StreamingBinder.of(Object.class), 64);
  }

  @Test
  void theBoundOfTheDefaultLimitsIsUnder256Megabytes() {
    assertThat(FIXED + PER_BYTE * Limits.defaults().maxDocumentLength()).isLessThan(HEAP);
  }

  /**
   * Opens a session and feeds it {@code [} and then the shape's elements, {@code delta} bytes at a
   * time, until the document limit stops it; returns the session. The input is made as it is fed.
   */
  private static BindingSession<Object> feedToTheLimit(
      Shape shape, StreamingBinder<Object> binder, int delta) {
    BindingSession<Object> session = binder.open();
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
          session.feed(bytes, at, delta);
        } catch (LimitExceededException e) {
          assertThat(e.limit()).as("%s", shape).isEqualTo(Limits.Limit.DOCUMENT_LENGTH);
          return session;
        }
      }
      input.reset();
      input.write(bytes, whole, bytes.length - whole);
    }
  }
}
