package dev.partialjson.parser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;

/**
 * 100,000 idle open parsers fit in a heap of 2 GB, the 16 KB-per-parser target times 100,000 plus
 * the rest of the test JVM: each is fed a different 70-byte prefix (so each holds an open string,
 * an open object in an open array, and a key of its own) and kept reachable; then each is fed the
 * rest and must give its own value, so none lost its state. Runs in its own JVM with the heap set
 * by {@code footprint.argLine} in the parser's pom, which this test checks was applied. The used
 * heap is reported, not asserted: it depends on when the collector ran.
 */
@Tag("footprint")
class ManyParsersFootprintTest {
  private static final int PARSERS = 100_000;
  private static final long HEAP = 2L * 1024 * 1024 * 1024;

  @Test
  void oneHundredThousandIdleParsersFitInTwoGigabytes(TestReporter reporter) {
    assertThat(Runtime.getRuntime().maxMemory())
        .as("the heap bound from footprint.argLine (-Xmx2g)")
        .isLessThanOrEqualTo(HEAP);
    long before = usedHeap();
    IncrementalJsonParser[] parsers = new IncrementalJsonParser[PARSERS];
    for (int i = 0; i < PARSERS; i++) {
      parsers[i] = IncrementalJsonParser.create(JsonListener.NONE);
      parsers[i].feed(prefix(i));
    }
    long used = usedHeap() - before;
    String report =
        PARSERS
            + " idle parsers: "
            + used / (1024 * 1024)
            + " MB of heap after a GC, "
            + used / PARSERS
            + " B each, in a heap of at most "
            + Runtime.getRuntime().maxMemory() / (1024 * 1024)
            + " MB";
    reporter.publishEntry("footprint", report);
    System.out.println("ManyParsersFootprintTest " + report);

    byte[] rest = "ta\"}]}".getBytes(StandardCharsets.UTF_8);
    for (int i = 0; i < PARSERS; i++) {
      parsers[i].feed(rest);
      parsers[i].finish();
      assertThat(parsers[i].snapshot().value())
          .as("parser %s", i)
          .isEqualTo(
              Map.of(
                  "title",
                  "Plan " + i,
                  "tasks",
                  List.of(Map.of("id", i, "name" + i, "Migrate the data"))));
    }
  }

  /** Returns a 70-byte-or-so prefix that stops inside a string, different for each {@code i}. */
  private static byte[] prefix(int i) {
    return ("{\"title\": \"Plan "
            + i
            + "\", \"tasks\": [{\"id\": "
            + i
            + ", \"name"
            + i
            + "\": \"Migrate the da")
        .getBytes(StandardCharsets.UTF_8);
  }

  /**
   * Returns the heap in use after asking for a collection (a hint; the figure is only reported).
   */
  private static long usedHeap() {
    Runtime runtime = Runtime.getRuntime();
    System.gc();
    return runtime.totalMemory() - runtime.freeMemory();
  }
}
