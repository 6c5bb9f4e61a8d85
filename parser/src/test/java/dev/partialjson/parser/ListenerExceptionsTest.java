package dev.partialjson.parser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.partialjson.testkit.Splits;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Whatever a listener throws (a runtime exception, an {@link Error}, a checked exception thrown
 * sneakily, as Kotlin and Lombok's {@code @SneakyThrows} do) comes out of the call that caused it
 * unchanged, and leaves the parser failed: every later {@code feed} or {@code finish} throws {@link
 * IllegalStateException} naming that first failure, under every split.
 */
class ListenerExceptionsTest {
  private static final String DOCUMENT = "{\"a\": [1, 2], \"b\": \"text\"}";

  /** Throws {@code thrown} from the first number event. */
  private static JsonListener throwingOnNumbers(Throwable thrown) {
    return new JsonListener() {
      @Override
      public void numberValue(JsonPath path, Number value) {
        throw ListenerExceptionsTest.<RuntimeException>sneaky(thrown);
      }
    };
  }

  @SuppressWarnings("unchecked")
  private static <T extends Throwable> T sneaky(Throwable t) throws T {
    throw (T) t;
  }

  /**
   * Feeds the split piece by piece; asserts that the piece that brings the first number throws
   * exactly {@code thrown}, and that the parser is failed from then on.
   */
  private static void assertPropagatesAndFails(Throwable thrown, String named) {
    for (Splits.Split split : Splits.sweep(DOCUMENT)) {
      IncrementalJsonParser parser =
          IncrementalJsonParser.create(ParserOptions.strict(), throwingOnNumbers(thrown));
      Throwable caught = null;
      for (Splits.Piece piece : split.pieces()) {
        try {
          piece.feed(parser);
        } catch (Throwable t) {
          caught = t;
          break;
        }
      }
      assertThat(caught).as(split.name()).isSameAs(thrown);
      assertThat(parser.isClosed()).as(split.name()).isTrue();
      assertThat(parser.snapshot().value()).as(split.name()).isEqualTo(Map.of("a", List.of()));
      String message = "the parser failed: the listener threw " + named;
      assertThatThrownBy(() -> parser.feed("]"))
          .as(split.name())
          .isInstanceOf(IllegalStateException.class)
          .hasMessage(message)
          .hasCause(thrown);
      assertThatThrownBy(() -> parser.feed(new byte[] {' '}))
          .as(split.name())
          .isInstanceOf(IllegalStateException.class)
          .hasMessage(message);
      assertThatThrownBy(parser::finish)
          .as(split.name())
          .isInstanceOf(IllegalStateException.class)
          .hasMessage(message);
      parser.close(); // quiet, for try-with-resources
    }
  }

  @Test
  void anErrorFromAListenerPropagatesUnchangedAndFailsTheParser() {
    AssertionError thrown = new AssertionError("no numbers here");
    assertPropagatesAndFails(thrown, "java.lang.AssertionError: no numbers here");
  }

  @Test
  void aCheckedExceptionFromAListenerPropagatesUnchangedAndFailsTheParser() {
    IOException thrown = new IOException("disk full");
    assertPropagatesAndFails(thrown, "java.io.IOException: disk full");
  }

  @Test
  void aRuntimeExceptionFromAListenerPropagatesUnchangedAndFailsTheParser() {
    IllegalArgumentException thrown = new IllegalArgumentException("no numbers here");
    assertPropagatesAndFails(thrown, "java.lang.IllegalArgumentException: no numbers here");
  }

  @Test
  void anExceptionWithoutAMessageIsNamedByItsClass() {
    assertPropagatesAndFails(new StackOverflowError(), "java.lang.StackOverflowError");
  }

  @Test
  void aListenerThatThrowsInsideFinishFailsTheParser() {
    // a root number completes only at the end: its event comes from finish()
    for (Splits.Split split : Splits.sweep("123")) {
      Error thrown = new OutOfMemoryError("listener");
      IncrementalJsonParser parser =
          IncrementalJsonParser.create(ParserOptions.strict(), throwingOnNumbers(thrown));
      split.feed(parser);
      assertThatThrownBy(parser::finish).as(split.name()).isSameAs(thrown);
      assertThatThrownBy(parser::finish)
          .as(split.name())
          .isInstanceOf(IllegalStateException.class)
          .hasMessage("the parser failed: the listener threw java.lang.OutOfMemoryError: listener");
    }
  }
}
