package dev.partialjson.binding;

import static org.assertj.core.api.Assertions.assertThat;

import dev.partialjson.binding.LlmOutputsBindingTest.Answer;
import dev.partialjson.binding.LlmOutputsBindingTest.Answers;
import dev.partialjson.parser.IncrementalJsonParser;
import dev.partialjson.parser.JsonPath;
import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;

/**
 * The retained size of an idle open binding session, measured with JOL as the parser's is (see
 * IdleParserFootprintTest in the parser's tests): everything reachable from the session, less what
 * all sessions of the binder share (the binder with its mapper, validator and parser options,
 * Jackson's buffer recycler and global intern cache, the root path) and what exists once per JVM
 * (classes, class loaders, threads, enum constants).
 *
 * <p>The session is for {@code Answers} (a list of {@code @Valid} items, so the session has its own
 * validation scope and records each item's tokens), with an item callback, waiting in the middle of
 * the second item's string after 84 bytes. The bound, 12 KB, is the parser's 8 KB budget plus half
 * as much again for what the session adds: the token recording of the open item, the validation
 * scope and the subscriptions. A million such sessions would then take 12 GB; the measured size is
 * reported.
 */
@Tag("footprint")
class SessionFootprintTest {
  private static final int BOUND = 12 * 1024;
  private static final String PREFIX =
      "{\"answers\":[{\"label\":\"Capital of the country\",\"answer\":\"Mexico City\"},"
          + "{\"label\":\"Weat";

  @Test
  void anIdleOpenSessionRetainsAtMost32Kilobytes(TestReporter reporter) {
    StreamingBinder<Answers> binder = StreamingBinder.of(Answers.class);
    List<Answer> items = new ArrayList<>();
    // lazily built shared state (type model, validator metadata, name tables) exists first
    BindingSession<Answers> warm = binder.open();
    warm.onItem("$.answers[*]", Answer.class, items::add);
    warm.feed(PREFIX);

    BindingSession<Answers> created = binder.open();
    long justCreated = retained(created, binder);
    BindingSession<Answers> idle = binder.open();
    idle.onItem("$.answers[*]", Answer.class, items::add);
    idle.feed(PREFIX);
    long afterPrefix = retained(idle, binder);

    String report =
        "Answers session: just created "
            + justCreated
            + " B, after a "
            + PREFIX.getBytes(StandardCharsets.UTF_8).length
            + "-byte prefix (one item bound, the next in a string) "
            + afterPrefix
            + " B";
    reporter.publishEntry("retained size", report);
    System.out.println("SessionFootprintTest " + report);
    assertThat(items).hasSize(2); // one from each session fed: both hold real state
    assertThat(idle.state("$.answers[1].label")).isEqualTo(FieldState.STREAMING);
    assertThat(justCreated).isPositive().isLessThan(afterPrefix);
    assertThat(afterPrefix).isLessThanOrEqualTo(BOUND);
  }

  /**
   * Returns the bytes reachable from {@code session} and not from the shared roots. JOL's {@code
   * GraphLayout} cannot be used as for the parser: a session holds {@code Class} objects (its item
   * types), and from a class loader the walk reaches the whole heap. {@link RetainedSize} walks the
   * graph itself and goes into no {@code Class}, class loader, thread or enum constant: those exist
   * once per JVM, not per session.
   */
  static long retained(BindingSession<?> session, StreamingBinder<?> binder) {
    return new RetainedSize()
        .of(session, binder, JsonPath.root(), internCache(session), recycler(session));
  }

  /**
   * Returns the Jackson buffer recycler of the session's parser (by reflection: not API). The
   * parser's Jackson is the one its jar carries, relocated, so its classes are found from the
   * parser's own Jackson parser object, not by Jackson's names.
   */
  private static Object recycler(BindingSession<?> session) {
    try {
      Object jackson = jacksonParser(session);
      Field context = declared(jackson.getClass(), "_ioContext");
      Object ioContext = context.get(jackson);
      return ioContext.getClass().getMethod("bufferRecycler").invoke(ioContext);
    } catch (ReflectiveOperationException e) {
      throw new AssertionError(e);
    }
  }

  /** Returns the intern cache of the parser's Jackson (shared by the JVM, like the recycler). */
  private static Object internCache(BindingSession<?> session) {
    try {
      String core = declared(jacksonParser(session).getClass(), "_ioContext").getType().getName();
      Class<?> cache =
          Class.forName(core.substring(0, core.lastIndexOf(".io.")) + ".util.InternCache");
      return cache.getField("instance").get(null);
    } catch (ReflectiveOperationException e) {
      throw new AssertionError(e);
    }
  }

  private static Object jacksonParser(BindingSession<?> session)
      throws ReflectiveOperationException {
    Field parser = BindingSession.class.getDeclaredField("parser");
    parser.setAccessible(true);
    Field reader = IncrementalJsonParser.class.getDeclaredField("reader");
    reader.setAccessible(true);
    Object documentReader = reader.get(parser.get(session));
    Field jackson = documentReader.getClass().getDeclaredField("jackson");
    jackson.setAccessible(true);
    return jackson.get(documentReader);
  }

  private static Field declared(Class<?> type, String name) throws NoSuchFieldException {
    for (Class<?> c = type; c != null; c = c.getSuperclass()) {
      try {
        Field field = c.getDeclaredField(name);
        field.setAccessible(true);
        return field;
      } catch (NoSuchFieldException e) {
        // look in the superclass
      }
    }
    throw new NoSuchFieldException(name + " in " + type);
  }
}
