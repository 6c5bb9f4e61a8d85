package dev.partialjson.benchmarks;

import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import dev.partialjson.binding.BindingSession;
import dev.partialjson.binding.StreamingBinder;
import dev.partialjson.parser.IncrementalJsonParser;
import dev.partialjson.parser.JsonListener;
import dev.partialjson.parser.JsonPath;
import dev.partialjson.parser.Limits;
import dev.partialjson.parser.ParserOptions;
import java.io.IOException;
import java.lang.reflect.Field;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.IntFunction;
import org.jspecify.annotations.Nullable;

/**
 * Prints the heap each approach retains per input byte on documents made of one small value
 * repeated, the shapes that cost the most per byte: a parser with snapshots (the default options),
 * a snapshot taken and read after every delta; a binding session to {@code Object} (default
 * options, so with snapshots, and its token recording); and Jackson's own tree of the same bytes,
 * {@code ObjectMapper.readTree}. The parser and the session have been fed all but the closing
 * bracket (the stream still open, as when a runaway stream is cut off); Jackson parses the whole
 * document. Sizes are JOL's, of everything reachable and not shared with other parsers, sessions or
 * trees (see {@link Retained}), nor the input itself (Jackson's parser holds the array it was last
 * fed), divided by the input's length.
 *
 * <p>Run: {@code ./mvnw -q -pl benchmarks -am package -Dmaven.test.skip=true exec:exec@memory}
 * (options in {@code -Dmemory.args}: {@code --size BYTES} of each document, default 4 MiB; {@code
 * --deltas BYTES} fed at a time, default 4, about a token; then the {@link Shape}s to run, by name
 * ({@code decimals}, {@code nested-one-element-arrays}); all by default).
 */
public final class MemoryPerByte {
  /** The documents: a root array of one element repeated, {@code n} the element's number. */
  enum Shape {
    EMPTY_OBJECTS(n -> "{}"),
    EMPTY_ARRAYS(n -> "[]"),
    OBJECTS_OF_AN_EMPTY_ARRAY(n -> "{\"a\":[]}"),
    DECIMALS(n -> "1.5"),
    ONE_CHAR_STRINGS(n -> "\"a\""),
    NESTED_ONE_ELEMENT_ARRAYS(n -> "[[[[[[[[[[0]]]]]]]]]]"),
    DISTINCT_DECIMALS(n -> BigDecimal.valueOf(n % 900 + 100, 2).toString()),
    DISTINCT_STRINGS(n -> "\"" + (char) ('a' + n % 26) + (char) ('a' + n / 26 % 26) + "\""),
    COMMENTS(n -> "#\n");

    final IntFunction<String> element;

    Shape(IntFunction<String> element) {
      this.element = element;
    }

    /** Returns the document's first two elements, as the table shows it. */
    String shown() {
      String separator = this == COMMENTS ? "" : ",";
      return ("[" + element.apply(0) + separator + element.apply(1) + separator + "...")
          .replace("\n", "\\n");
    }
  }

  private MemoryPerByte() {}

  public static void main(String[] args) throws IOException {
    int size = 4 << 20;
    int delta = 4;
    List<Shape> shapes = new ArrayList<>();
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--size" -> size = Integer.parseInt(args[++i]);
        case "--deltas" -> delta = Integer.parseInt(args[++i]);
        default -> shapes.add(Shape.valueOf(args[i].toUpperCase(Locale.ROOT).replace('-', '_')));
      }
    }
    if (shapes.isEmpty()) {
      shapes.addAll(List.of(Shape.values()));
    }
    System.out.printf(
        "| document (%,d bytes, fed %d bytes at a time) | parser with snapshots | binding session"
            + " to Object | Jackson readTree |%n",
        size, delta);
    System.out.println("| --- | ---: | ---: | ---: |");
    for (Shape shape : shapes) {
      byte[] open = document(shape, size);
      byte[] closed = Arrays.copyOf(open, open.length + 1);
      closed[open.length] = ']';
      System.out.printf(
          "| `%s` | %.1f | %.1f | %.1f |%n",
          shape.shown(),
          parser(open, delta) / (double) open.length,
          session(open, delta) / (double) open.length,
          jackson(closed) / (double) closed.length);
    }
  }

  /** Returns {@code [element,element,...} of at most {@code size} bytes, left open. */
  static byte[] document(Shape shape, int size) {
    String separator = shape == Shape.COMMENTS ? "" : ","; // comments need no comma
    StringBuilder text = new StringBuilder(size).append('[').append(shape.element.apply(0));
    for (int n = 1; ; n++) {
      String next = shape.element.apply(n);
      if (text.length() + separator.length() + next.length() > size) {
        return text.toString().getBytes(StandardCharsets.UTF_8);
      }
      text.append(separator).append(next);
    }
  }

  /** The default options, with the document limit raised to {@code length} if it is lower. */
  private static ParserOptions options(int length) {
    long limit = Math.max(Limits.defaults().maxDocumentLength(), length);
    return ParserOptions.builder()
        .limits(Limits.builder().maxDocumentLength(limit).build())
        .build();
  }

  private static long parser(byte[] input, int delta) {
    JsonListener listener = new JsonListener() {};
    ParserOptions options = options(input.length);
    IncrementalJsonParser parser = IncrementalJsonParser.create(options, listener);
    for (int i = 0; i < input.length; i += delta) {
      parser.feed(input, i, Math.min(delta, input.length - i));
      parser.snapshot().value();
    }
    return new Retained()
        .size(
            parser,
            options,
            listener,
            JsonPath.root(),
            bundled("util.InternCache", "instance"),
            bundled("JsonToken", null),
            recycler(parser),
            input); // the caller's: Jackson's parser holds the array last fed until the next feed
  }

  private static long session(byte[] input, int delta) {
    StreamingBinder<Object> binder =
        StreamingBinder.builder(Object.class).parserOptions(options(input.length)).build();
    BindingSession<Object> session = binder.open();
    for (int i = 0; i < input.length; i += delta) {
      session.feed(input, i, Math.min(delta, input.length - i));
    }
    IncrementalJsonParser parser = (IncrementalJsonParser) field(session, "parser");
    return new Retained()
        .size(
            session,
            binder,
            JsonPath.root(),
            bundled("util.InternCache", "instance"),
            recycler(parser),
            input);
  }

  private static long jackson(byte[] input) throws IOException {
    // the relaxed syntax the parser accepts by default, so that Jackson reads the same documents
    ObjectMapper mapper =
        JsonMapper.builder()
            .enable(
                JsonReadFeature.ALLOW_JAVA_COMMENTS,
                JsonReadFeature.ALLOW_YAML_COMMENTS,
                JsonReadFeature.ALLOW_TRAILING_COMMA)
            .build();
    JsonNode tree = mapper.readTree(input);
    List<Object> shared = new ArrayList<>();
    shared.add(JsonNodeFactory.instance);
    shared.add(NullNode.getInstance());
    shared.add(BooleanNode.TRUE);
    shared.add(BooleanNode.FALSE);
    for (int i = -1; i <= 10; i++) {
      shared.add(IntNode.valueOf(i)); // Jackson's canonical small ints
    }
    return new Retained().size(tree, shared.toArray());
  }

  /**
   * Returns Jackson's buffer recycler of {@code parser}, which belongs to its pool. The parser's
   * Jackson is the one its jar carries, relocated: its classes are found from the parser's own
   * Jackson parser, not by Jackson's names.
   */
  private static Object recycler(IncrementalJsonParser parser) {
    Object jackson = field(field(parser, "reader"), "jackson");
    try {
      for (Class<?> c = jackson.getClass(); c != null; c = c.getSuperclass()) {
        for (Field f : c.getDeclaredFields()) {
          if (f.getName().equals("_ioContext")) {
            f.setAccessible(true);
            Object context = f.get(jackson);
            return context.getClass().getMethod("bufferRecycler").invoke(context);
          }
        }
      }
      throw new IllegalStateException("no _ioContext in " + jackson.getClass());
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Returns what the parser's bundled, relocated jackson-core shares across parsers: the static
   * field {@code name} of class {@code type} in its package, or the class's enum constants.
   */
  private static Object bundled(String type, @Nullable String name) {
    try {
      Class<?> c = Class.forName("dev.partialjson.parser.internal.jackson.core." + type);
      return name == null ? c.getEnumConstants() : c.getField(name).get(null);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Object field(Object owner, String name) {
    try {
      Field field = owner.getClass().getDeclaredField(name);
      field.setAccessible(true);
      return field.get(owner);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
  }
}
