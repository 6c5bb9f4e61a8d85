package dev.partialjson.patch;

import static dev.partialjson.patch.PatchOperation.add;
import static dev.partialjson.patch.PatchOperation.append;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The batcher fed operations directly, on a clock the test moves (nanoseconds). */
class PatchBatcherTest {
  private static final long MS = 1_000_000;
  private long now;
  private final List<String> seen = new ArrayList<>();
  private final PatchBatcher.Listener recorder =
      new PatchBatcher.Listener() {
        @Override
        public void batch(PatchBatch batch) {
          seen.add(batch.sequence() + " " + batch.toJson());
        }

        @Override
        public void end() {
          seen.add("end");
        }

        @Override
        public void error(Throwable error) {
          seen.add("error " + error.getMessage());
        }
      };

  private PatchBatcher.Builder builder() {
    return PatchBatcher.builder().clock(() -> now).interval(Duration.ofMillis(50));
  }

  @Test
  void releasesTheFirstBatchAtOnceThenAtMostOneBatchPerInterval() {
    PatchBatcher batcher = builder().build(recorder);
    batcher.accept(add("", Map.of()));
    batcher.flushIfDue();
    batcher.accept(add("/a", 1));
    now += 49 * MS;
    batcher.flushIfDue();
    batcher.accept(add("/b", 2));
    assertThat(seen).containsExactly("0 [{\"op\":\"add\",\"path\":\"\",\"value\":{}}]");

    now += MS;
    batcher.flushIfDue();
    batcher.flushIfDue(); // nothing pending: no empty batch

    assertThat(seen)
        .containsExactly(
            "0 [{\"op\":\"add\",\"path\":\"\",\"value\":{}}]",
            "1 [{\"op\":\"add\",\"path\":\"/a\",\"value\":1},{\"op\":\"add\",\"path\":\"/b\",\"value\":2}]");
  }

  @Test
  void releasesABatchWhenThePendingOperationsReachTheSizeWhateverTheTime() {
    PatchBatcher batcher = builder().maxOperations(3).build(recorder);
    batcher.accept(add("", List.of()));
    batcher.flushIfDue();
    batcher.accept(add("/0", 1));
    batcher.accept(add("/1", 2));
    assertThat(seen).hasSize(1);

    batcher.accept(add("/2", 3));

    assertThat(seen)
        .containsExactly(
            "0 [{\"op\":\"add\",\"path\":\"\",\"value\":[]}]",
            "1 [{\"op\":\"add\",\"path\":\"/0\",\"value\":1},{\"op\":\"add\",\"path\":\"/1\",\"value\":2},"
                + "{\"op\":\"add\",\"path\":\"/2\",\"value\":3}]");
  }

  @Test
  void mergesConsecutivePiecesOfAStringIntoOneOperationWithoutReordering() {
    PatchBatcher batcher = builder().build(recorder);
    batcher.accept(add("", Map.of()));
    batcher.accept(add("/t", "Hel"));
    batcher.accept(append("/t", "lo"));
    batcher.accept(append("/t", ", "));
    batcher.accept(add("/n", 1));
    batcher.accept(add("/u", "w"));
    batcher.accept(append("/u", "orld"));
    batcher.end();

    assertThat(seen)
        .containsExactly(
            "0 [{\"op\":\"add\",\"path\":\"\",\"value\":{}},"
                + "{\"op\":\"add\",\"path\":\"/t\",\"value\":\"Hello, \"},"
                + "{\"op\":\"add\",\"path\":\"/n\",\"value\":1},"
                + "{\"op\":\"add\",\"path\":\"/u\",\"value\":\"world\"}]",
            "end");
  }

  @Test
  void continuesAStringBegunInAnEarlierBatchWithOneAppendPerBatch() {
    PatchBatcher batcher = builder().build(recorder);
    batcher.accept(add("/t", "a"));
    batcher.flushIfDue();
    batcher.accept(append("/t", "b"));
    batcher.accept(append("/t", "c"));
    now += 50 * MS;
    batcher.flushIfDue();

    assertThat(seen)
        .containsExactly(
            "0 [{\"op\":\"add\",\"path\":\"/t\",\"value\":\"a\"}]",
            "1 [{\"op\":\"append\",\"path\":\"/t\",\"value\":\"bc\"}]");
  }

  @Test
  void holdsBackAHighSurrogateAtABatchEdgeUntilItsLowHalfArrives() {
    PatchBatcher batcher = builder().build(recorder);
    batcher.accept(add("/t", "a\uD83D"));
    batcher.flushIfDue();
    batcher.accept(append("/t", "\uDE00b"));
    now += 50 * MS;
    batcher.flushIfDue();

    assertThat(seen)
        .containsExactly(
            "0 [{\"op\":\"add\",\"path\":\"/t\",\"value\":\"a\"}]",
            "1 [{\"op\":\"append\",\"path\":\"/t\",\"value\":\"\uD83D\uDE00b\"}]");
  }

  @Test
  void releasesAHeldHighSurrogateAloneBeforeTheNextValueAndAtTheEnd() {
    PatchBatcher batcher = builder().build(recorder);
    batcher.accept(add("/t", "\uD83D"));
    batcher.flushIfDue(); // the add goes out empty: the string is there
    batcher.accept(add("/n", null));
    batcher.accept(add("/u", "x\uD800"));
    now += 50 * MS;
    batcher.flushIfDue();
    batcher.end();

    assertThat(seen)
        .containsExactly(
            "0 [{\"op\":\"add\",\"path\":\"/t\",\"value\":\"\"}]",
            "1 [{\"op\":\"append\",\"path\":\"/t\",\"value\":\"\\ud83d\"},"
                + "{\"op\":\"add\",\"path\":\"/n\",\"value\":null},"
                + "{\"op\":\"add\",\"path\":\"/u\",\"value\":\"x\"}]",
            "2 [{\"op\":\"append\",\"path\":\"/u\",\"value\":\"\\ud800\"}]",
            "end");
  }

  @Test
  void releasesWhatIsPendingAtAnErrorThenReportsTheErrorOnce() {
    PatchBatcher batcher = builder().build(recorder);
    batcher.accept(add("", List.of()));
    batcher.flushIfDue();
    batcher.accept(add("/0", "par"));
    batcher.error(new IllegalStateException("the model stopped"));
    batcher.error(new IllegalStateException("again"));
    batcher.end();

    assertThat(seen)
        .containsExactly(
            "0 [{\"op\":\"add\",\"path\":\"\",\"value\":[]}]",
            "1 [{\"op\":\"add\",\"path\":\"/0\",\"value\":\"par\"}]",
            "error the model stopped");
  }

  @Test
  void sendsAGrowingStringWholeAsOneReplacePerBatchWithReplaceStrings() {
    PatchBatcher batcher = builder().strings(PatchBatcher.Strings.REPLACE).build(recorder);
    batcher.accept(add("/t", "Hel"));
    batcher.accept(append("/t", "l"));
    batcher.flushIfDue();
    batcher.accept(append("/t", "o"));
    batcher.accept(append("/t", "!"));
    batcher.accept(add("/n", 2));
    batcher.end();

    assertThat(seen)
        .containsExactly(
            "0 [{\"op\":\"add\",\"path\":\"/t\",\"value\":\"Hell\"}]",
            "1 [{\"op\":\"replace\",\"path\":\"/t\",\"value\":\"Hello!\"},"
                + "{\"op\":\"add\",\"path\":\"/n\",\"value\":2}]",
            "end");
  }

  @Test
  void refusesAnAppendToAStringItHasNotSeenWithReplaceStrings() {
    PatchBatcher batcher = builder().strings(PatchBatcher.Strings.REPLACE).build(recorder);
    batcher.accept(add("/t", "a"));

    assertThatThrownBy(() -> batcher.accept(append("/u", "b")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "append to \"/u\", but the string growing is \"/t\": with Strings.REPLACE the whole"
                + " string must have come through this batcher");
  }

  @Test
  void refusesOperationsAfterTheEnd() {
    PatchBatcher batcher = builder().build(recorder);
    batcher.end();

    assertThatThrownBy(() -> batcher.accept(add("", 1)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("the batcher has ended; no more operations");
    assertThatThrownBy(batcher::flushIfDue)
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("the batcher has ended");
    assertThat(seen).containsExactly("end");
  }

  @Test
  void refusesABadIntervalOrSize() {
    assertThatThrownBy(() -> PatchBatcher.builder().interval(Duration.ofMillis(-1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("interval < 0: PT-0.001S");
    assertThatThrownBy(() -> PatchBatcher.builder().maxOperations(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("maxOperations < 1: 0");
  }

  @Test
  void refusesAnOperationThatIsNoPatch() {
    assertThatThrownBy(() -> add("a", 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Not a JSON Pointer: \"a\" (it must be empty or start with '/')");
    assertThatThrownBy(() -> new PatchOperation(PatchOperation.Op.APPEND, "/a", 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("append needs a string value, not class java.lang.Integer");
  }
}
