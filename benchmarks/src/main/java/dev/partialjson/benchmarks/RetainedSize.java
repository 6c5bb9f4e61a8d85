package dev.partialjson.benchmarks;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.async.ByteArrayFeeder;
import com.fasterxml.jackson.core.util.InternCache;
import dev.partialjson.parser.IncrementalJsonParser;
import dev.partialjson.parser.JsonListener;
import dev.partialjson.parser.ParserOptions;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.openjdk.jol.info.GraphLayout;

/**
 * Prints the retained size of an idle open parser, measured with JOL: everything reachable from the
 * parser minus what all parsers share (the options with their Jackson factory and its root name
 * tables, the listener). Jackson's own non-blocking parser is measured the same way beside it. Two
 * moments: just created, and waiting in the middle of a string after a short prefix.
 *
 * <p>Run: {@code ./mvnw -q -pl benchmarks -am package -Dmaven.test.skip=true exec:exec@retained}
 */
public final class RetainedSize {
  private static final byte[] PREFIX =
      "{\"title\": \"Quarterly plan\", \"tasks\": [{\"id\": 1, \"name\": \"Migrate the da"
          .getBytes(StandardCharsets.UTF_8);

  private RetainedSize() {}

  public static void main(String[] args) throws IOException, ReflectiveOperationException {
    JsonListener listener = new JsonListener() {};
    JsonFactory factory = new JsonFactory();
    // Parse something once first, so that lazily built shared state exists before measuring.
    warm(factory, listener);

    System.out.println("| parser | just created | idle after a 70-byte prefix |");
    System.out.println("| --- | ---: | ---: |");
    for (ParserOptions options :
        new ParserOptions[] {
          ParserOptions.defaults(),
          ParserOptions.strict(),
          ParserOptions.strict().toBuilder().snapshots(ParserOptions.Snapshots.DISABLED).build()
        }) {
      GraphLayout shared = shared(options, listener);
      IncrementalJsonParser fresh = IncrementalJsonParser.create(options, listener);
      long created = GraphLayout.parseInstance(fresh).subtract(shared).totalSize();
      IncrementalJsonParser fed = IncrementalJsonParser.create(options, listener);
      fed.feed(PREFIX);
      GraphLayout idle = GraphLayout.parseInstance(fed).subtract(shared);
      System.out.printf(
          "| partialjson, %s | %,d B | %,d B |%n", describe(options), created, idle.totalSize());
      if (args.length > 0) {
        System.out.println(idle.toFootprint());
      }
    }
    GraphLayout shared = shared(factory);
    JsonParser fresh = factory.createNonBlockingByteArrayParser();
    long created = GraphLayout.parseInstance(fresh).subtract(shared).totalSize();
    JsonParser fed = factory.createNonBlockingByteArrayParser();
    ((ByteArrayFeeder) fed.getNonBlockingInputFeeder()).feedInput(PREFIX, 0, PREFIX.length);
    while (fed.nextToken() != JsonToken.NOT_AVAILABLE) {
      // pull every token of the prefix
    }
    GraphLayout idle = GraphLayout.parseInstance(fed).subtract(shared);
    System.out.printf(
        "| Jackson NonBlockingJsonParser (LIMIT) | %,d B | %,d B |%n", created, idle.totalSize());
    if (args.length > 0) {
      System.out.println(idle.toFootprint());
    }
  }

  /**
   * Returns what every parser shares: Jackson's global name intern cache, enum constants, and
   * {@code roots}; both for the Jackson of LIMIT and for the one the parser's jar carries,
   * relocated.
   */
  private static GraphLayout shared(Object... roots) throws ReflectiveOperationException {
    Object[] all = Arrays.copyOf(roots, roots.length + 4);
    all[roots.length] = InternCache.instance;
    all[roots.length + 1] = JsonToken.values();
    all[roots.length + 2] = bundled("util.InternCache").getField("instance").get(null);
    all[roots.length + 3] = bundled("JsonToken").getMethod("values").invoke(null);
    return GraphLayout.parseInstance(all);
  }

  /** Returns the class of the parser's bundled jackson-core named {@code name} in its package. */
  private static Class<?> bundled(String name) throws ClassNotFoundException {
    return Class.forName("dev.partialjson.parser.internal.jackson.core." + name);
  }

  private static String describe(ParserOptions options) {
    return options.text()
        + " "
        + options.syntax()
        + (options.snapshots() == ParserOptions.Snapshots.ENABLED ? "" : ", snapshots disabled");
  }

  private static void warm(JsonFactory factory, JsonListener listener) throws IOException {
    IncrementalJsonParser parser = IncrementalJsonParser.create(listener);
    parser.feed(PREFIX);
    JsonParser jackson = factory.createNonBlockingByteArrayParser();
    ((ByteArrayFeeder) jackson.getNonBlockingInputFeeder()).feedInput(PREFIX, 0, PREFIX.length);
    while (jackson.nextToken() != JsonToken.NOT_AVAILABLE) {
      // pull every token of the prefix
    }
  }
}
