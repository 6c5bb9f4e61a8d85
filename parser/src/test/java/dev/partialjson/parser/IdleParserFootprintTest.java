package dev.partialjson.parser;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.base.ParserBase;
import com.fasterxml.jackson.core.io.IOContext;
import com.fasterxml.jackson.core.util.BufferRecycler;
import com.fasterxml.jackson.core.util.InternCache;
import java.lang.ref.WeakReference;
import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.TestReporter;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.openjdk.jol.info.GraphLayout;

/**
 * The retained size of an idle open parser, measured with JOL: at most 8 KB with snapshots, 7 KB
 * with events only, so that an SDK can keep one per open stream (a million fit in 8 GB). Measured just created, after {@code "{"}, and waiting in the middle of a
 * string after a 70-byte prefix (the state that holds the most: an open string in Jackson's text
 * buffer and in the snapshot), under each option set.
 *
 * <p>What is counted: everything reachable from the parser, less what every parser made with the
 * same options shares and would be there with no parser at all: the {@link ParserOptions} (with
 * its Jackson factory, the factory's root name tables and its buffer recycler pool), the listener,
 * the root {@link JsonPath}, Jackson's global name intern cache and enum constants. Jackson's
 * {@link BufferRecycler} is excluded too: it belongs to a pool (per thread, by default), holds only
 * buffers that no open parser is using, and is shared by the parsers of that pool; the buffers the
 * parser took from it are its own and are counted. What remains is deterministic for a given JVM
 * and object layout (this runs in a fresh JVM of its own; see the parser's pom).
 */
@Tag("footprint")
class IdleParserFootprintTest {
  private static final byte[] PREFIX =
      "{\"title\": \"Quarterly plan\", \"tasks\": [{\"id\": 1, \"name\": \"Migrate the da"
          .getBytes(StandardCharsets.UTF_8);
  private static final JsonListener LISTENER = new JsonListener() {};

  /** The option sets measured. */
  enum Options {
    MODEL_OUTPUT_LENIENT(ParserOptions.defaults(), 8 * 1024),
    JSON_STRICT(ParserOptions.strict(), 8 * 1024),
    JSON_STRICT_NO_SNAPSHOTS(
        ParserOptions.strict().toBuilder().snapshots(ParserOptions.Snapshots.DISABLED).build(),
        7 * 1024);

    final ParserOptions options;
    final int budget; // bytes

    Options(ParserOptions options, int budget) {
      this.options = options;
      this.budget = budget;
    }
  }

  @ParameterizedTest
  @EnumSource(Options.class)
  void anIdleOpenParserRetainsAtMostItsBudget(Options which, TestReporter reporter) {
    ParserOptions options = which.options;
    // lazily built shared state (the factory's tables, the recycler) exists before measuring
    IncrementalJsonParser warm = IncrementalJsonParser.create(options, LISTENER);
    warm.feed(PREFIX);

    long created = retained(IncrementalJsonParser.create(options, LISTENER), options);
    IncrementalJsonParser brace = IncrementalJsonParser.create(options, LISTENER);
    brace.feed("{");
    long afterBrace = retained(brace, options);
    IncrementalJsonParser idle = IncrementalJsonParser.create(options, LISTENER);
    idle.feed(PREFIX);
    long afterPrefix = retained(idle, options);

    String report =
        which
            + ": just created "
            + created
            + " B, after \"{\" "
            + afterBrace
            + " B, after a 70-byte prefix (in a string) "
            + afterPrefix
            + " B";
    reporter.publishEntry("retained size", report);
    System.out.println("IdleParserFootprintTest " + report);
    assertThat(idle.isClosed()).isFalse();
    assertThat(idle.bytesFed()).isEqualTo(PREFIX.length);
    assertThat(idle.isComplete()).isFalse();
    // Each state within the budget. Not that a parser grows from "just created" to "after {":
    // what Jackson holds before the first input depends on its version (with jackson-core 2.21.8,
    // strict JSON without snapshots measured 6,168 B just created and 2,352 B after "{").
    assertThat(created).isPositive().isLessThanOrEqualTo(which.budget);
    assertThat(afterBrace).isLessThanOrEqualTo(which.budget);
    assertThat(afterPrefix).isLessThanOrEqualTo(which.budget);
  }

  /** Returns the bytes reachable from {@code parser} and not shared; see the class comment. */
  static long retained(IncrementalJsonParser parser, ParserOptions options) {
    Object[] shared = {
      options,
      LISTENER,
      JsonPath.root(),
      InternCache.instance,
      JsonToken.values(),
      DocumentReader.class.getDeclaredClasses(), // the Stage enum and its constants
      recycler(parser)
    };
    // GraphLayout.subtract matches objects by address: measure again if a GC ran in between (it
    // clears the canary, which only the weak reference holds, and moves objects)
    for (; ; ) {
      WeakReference<Object> canary = new WeakReference<>(new Object());
      GraphLayout all = GraphLayout.parseInstance(parser);
      GraphLayout common = GraphLayout.parseInstance(shared);
      if (canary.get() != null) {
        return all.subtract(common).totalSize();
      }
    }
  }

  /**
   * Returns the Jackson buffer recycler the parser took its buffers from. Reflection, because
   * neither the parser nor Jackson's parser hand it out, and the test must not widen either's API.
   */
  static BufferRecycler recycler(IncrementalJsonParser parser) {
    try {
      Field reader = IncrementalJsonParser.class.getDeclaredField("reader");
      reader.setAccessible(true);
      Field jackson = DocumentReader.class.getDeclaredField("jackson");
      jackson.setAccessible(true);
      Field context = ParserBase.class.getDeclaredField("_ioContext");
      context.setAccessible(true);
      return ((IOContext) context.get(jackson.get(reader.get(parser)))).bufferRecycler();
    } catch (ReflectiveOperationException e) {
      throw new AssertionError(e);
    }
  }
}
