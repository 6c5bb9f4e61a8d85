package dev.partialjson.parser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.partialjson.testkit.Splits;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * Calling {@code feed} or {@code finish} from inside one of the parser's own listener callbacks, or
 * from a second thread while another is inside {@code feed}, is the caller's mistake: it throws
 * {@link IllegalStateException} saying which, and touches nothing, so that the call in progress
 * goes on as if it had not happened.
 */
class CallerMistakesTest {
  private static final String DOCUMENT = "{\"a\": [1, true], \"b\": \"text\"}";
  private static final Map<String, Object> VALUE = Map.of("a", List.of(1, true), "b", "text");

  private static final String REENTRANT =
      "reentrant call from a listener: a JsonListener must not feed or finish the parser that is"
          + " calling it";

  /** A listener that hands the parser to {@code action} on the first number event. */
  private static final class OnNumber implements JsonListener {
    IncrementalJsonParser parser;
    final Consumer<IncrementalJsonParser> action;
    final List<Throwable> thrown = new ArrayList<>();

    OnNumber(Consumer<IncrementalJsonParser> action) {
      this.action = action;
    }

    @Override
    public void numberValue(JsonPath path, Number value) {
      try {
        action.accept(parser);
      } catch (RuntimeException e) {
        thrown.add(e); // caught by the listener: the parser goes on
      }
    }
  }

  private static void assertReentrantCallRefused(Consumer<IncrementalJsonParser> call) {
    for (Splits.Split split : Splits.sweep(DOCUMENT)) {
      OnNumber listener = new OnNumber(call);
      IncrementalJsonParser parser = IncrementalJsonParser.create(ParserOptions.strict(), listener);
      listener.parser = parser;
      split.feed(parser);
      parser.finish();
      assertThat(listener.thrown).as(split.name()).hasSize(1);
      assertThat(listener.thrown.get(0))
          .as(split.name())
          .isInstanceOf(IllegalStateException.class)
          .hasMessage(REENTRANT);
      assertThat(parser.snapshot().value()).as(split.name()).isEqualTo(VALUE);
      assertThat(parser.bytesFed()).as(split.name()).isEqualTo(DOCUMENT.length());
    }
  }

  @Test
  void feedFromInsideAListenerIsRefusedAsAReentrantCall() {
    assertReentrantCallRefused(parser -> parser.feed("]"));
    assertReentrantCallRefused(parser -> parser.feed(new byte[] {']'}));
    assertReentrantCallRefused(parser -> parser.feed(java.nio.ByteBuffer.wrap(new byte[] {']'})));
  }

  @Test
  void finishFromInsideAListenerIsRefusedAsAReentrantCall() {
    assertReentrantCallRefused(IncrementalJsonParser::finish);
    assertReentrantCallRefused(IncrementalJsonParser::close);
  }

  @Test
  void aReentrantCallTheListenerDoesNotCatchFailsTheParser() {
    JsonListener[] self = new JsonListener[1];
    IncrementalJsonParser[] parser = new IncrementalJsonParser[1];
    self[0] =
        new JsonListener() {
          @Override
          public void startArray(JsonPath path) {
            parser[0].feed("1");
          }
        };
    parser[0] = IncrementalJsonParser.create(ParserOptions.strict(), self[0]);
    assertThatThrownBy(() -> parser[0].feed("[1]"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage(REENTRANT);
    assertThatThrownBy(() -> parser[0].feed("]"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage(
            "the parser failed: the listener threw java.lang.IllegalStateException: " + REENTRANT);
  }

  /**
   * Thread A is inside {@code feed}, held in a listener callback until thread B has made its calls;
   * B's calls are refused, and A's document is read as if they had not been made. The latches order
   * the two threads; nothing depends on timing (the timeouts only end a test that hangs).
   */
  @Test
  void callsFromAnotherThreadDuringFeedAreRefusedAsConcurrentUse() throws Exception {
    CountDownLatch inside = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    JsonListener holding =
        new JsonListener() {
          @Override
          public void startArray(JsonPath path) {
            inside.countDown();
            try {
              assertThat(release.await(1, TimeUnit.MINUTES)).isTrue();
            } catch (InterruptedException e) {
              throw new AssertionError(e);
            }
          }
        };
    IncrementalJsonParser parser = IncrementalJsonParser.create(ParserOptions.strict(), holding);
    ExecutorService threadA =
        Executors.newSingleThreadExecutor(r -> new Thread(r, "feeding thread"));
    try {
      Future<?> feeding =
          threadA.submit(
              () -> {
                parser.feed(DOCUMENT);
                parser.finish();
              });
      assertThat(inside.await(1, TimeUnit.MINUTES)).isTrue();
      String concurrent =
          "concurrent use from another thread: thread \"feeding thread\" is inside feed or"
              + " finish; a parser must be fed from one thread at a time";
      assertThatThrownBy(() -> parser.feed("1"))
          .isInstanceOf(IllegalStateException.class)
          .hasMessage(concurrent);
      assertThatThrownBy(() -> parser.feed(new byte[] {'1'}, 0, 1))
          .isInstanceOf(IllegalStateException.class)
          .hasMessage(concurrent);
      assertThatThrownBy(parser::finish)
          .isInstanceOf(IllegalStateException.class)
          .hasMessage(concurrent);
      assertThatThrownBy(parser::snapshot)
          .isInstanceOf(IllegalStateException.class)
          .hasMessage(concurrent);
      release.countDown();
      feeding.get(1, TimeUnit.MINUTES); // A's own calls succeed
    } finally {
      release.countDown();
      threadA.shutdownNow();
    }
    assertThat(parser.snapshot().value()).isEqualTo(VALUE);
    assertThat(parser.isComplete()).isTrue();
  }

  @Test
  void aSnapshotMayBeTakenFromInsideAListener() {
    for (Splits.Split split : Splits.sweep(DOCUMENT)) {
      List<Object> seen = new ArrayList<>();
      IncrementalJsonParser[] parser = new IncrementalJsonParser[1];
      parser[0] =
          IncrementalJsonParser.create(
              ParserOptions.strict(),
              new JsonListener() {
                @Override
                public void stringValue(JsonPath path, String value) {
                  seen.add(parser[0].snapshot().value());
                }
              });
      split.feed(parser[0]);
      parser[0].finish();
      // the snapshot shows what the events before this one built
      assertThat(seen).as(split.name()).containsExactly(Map.of("a", List.of(1, true), "b", "text"));
    }
  }
}
