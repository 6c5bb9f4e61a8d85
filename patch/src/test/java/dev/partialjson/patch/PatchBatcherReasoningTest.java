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

/** The batcher given reasoning beside the operations, on a clock the test moves (nanoseconds). */
class PatchBatcherReasoningTest {
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
        public void reasoningStart() {
          seen.add("reasoning-start");
        }

        @Override
        public void reasoning(String text) {
          seen.add("reasoning " + text);
        }

        @Override
        public void reasoningEnd() {
          seen.add("reasoning-end");
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
  void coalescesReasoningUnderTheIntervalOfTheBatchesAndReleasesItAtItsEnd() {
    PatchBatcher batcher = builder().build(recorder);
    batcher.reasoningStart();
    batcher.reasoningDelta("Think");
    batcher.flushIfDue(); // the first release is due at once
    batcher.reasoningDelta("ing ");
    now += 49 * MS;
    batcher.flushIfDue();
    batcher.reasoningDelta("about ");
    assertThat(seen).containsExactly("reasoning-start", "reasoning Think");

    now += MS;
    batcher.flushIfDue();
    batcher.reasoningDelta("it.");
    batcher.reasoningEnd(); // whatever the time
    batcher.accept(add("", Map.of()));
    batcher.flushIfDue(); // the end of the reasoning was a release: the batch waits its interval
    assertThat(seen)
        .containsExactly(
            "reasoning-start",
            "reasoning Think",
            "reasoning ing about ",
            "reasoning it.",
            "reasoning-end");

    now += 50 * MS;
    batcher.flushIfDue();
    assertThat(seen).endsWith("0 [{\"op\":\"add\",\"path\":\"\",\"value\":{}}]");
  }

  @Test
  void sendsTheOperationsPendingWhenReasoningStartsOrGrowsBeforeIt() {
    PatchBatcher batcher = builder().build(recorder);
    batcher.accept(add("", Map.of()));
    batcher.flushIfDue();
    batcher.accept(add("/a", 1));

    batcher.reasoningStart();
    batcher.accept(add("/b", 2)); // an operation while a segment is open: sent before what follows
    batcher.reasoningDelta("x");
    now += 50 * MS;
    batcher.flushIfDue();

    assertThat(seen)
        .containsExactly(
            "0 [{\"op\":\"add\",\"path\":\"\",\"value\":{}}]",
            "1 [{\"op\":\"add\",\"path\":\"/a\",\"value\":1}]",
            "reasoning-start",
            "2 [{\"op\":\"add\",\"path\":\"/b\",\"value\":2}]",
            "reasoning x");
  }

  @Test
  void sendsTheReasoningPendingWhenAnOperationComesBeforeIt() {
    PatchBatcher batcher = builder().build(recorder);
    batcher.reasoningStart();
    batcher.reasoningDelta("a");
    batcher.flushIfDue();
    batcher.reasoningDelta("b");

    batcher.accept(add("", List.of()));
    batcher.accept(add("/0", "t"));
    batcher.accept(append("/0", "u"));
    batcher.reasoningEnd();
    batcher.end();

    assertThat(seen)
        .containsExactly(
            "reasoning-start",
            "reasoning a",
            "reasoning b",
            "0 [{\"op\":\"add\",\"path\":\"\",\"value\":[]},{\"op\":\"add\",\"path\":\"/0\",\"value\":\"tu\"}]",
            "reasoning-end",
            "end");
  }

  @Test
  void holdsBackAHighSurrogateAtTheEdgeOfAReleaseUntilItsLowHalfArrives() {
    PatchBatcher batcher = builder().build(recorder);
    batcher.reasoningStart();
    batcher.reasoningDelta("a\uD83D");
    batcher.flushIfDue();
    batcher.reasoningDelta("\uDE80b\uD83D");
    now += 50 * MS;
    batcher.flushIfDue();
    batcher.reasoningDelta("\uDE00");
    now += 50 * MS;
    batcher.flushIfDue();
    batcher.reasoningDelta("\uD800"); // a lone one: goes out at the end of the segment
    batcher.reasoningEnd();

    assertThat(seen)
        .containsExactly(
            "reasoning-start",
            "reasoning a",
            "reasoning \uD83D\uDE80b",
            "reasoning \uD83D\uDE00",
            "reasoning \uD800",
            "reasoning-end");
  }

  @Test
  void releasesAPieceAtOnceWhenThePendingReachTheSize() {
    PatchBatcher batcher = builder().maxOperations(1).build(recorder);
    batcher.reasoningStart();
    batcher.reasoningDelta("a");
    batcher.reasoningDelta("b");

    assertThat(seen).containsExactly("reasoning-start", "reasoning a", "reasoning b");
  }

  @Test
  void endsAnOpenSegmentWithWhatIsPendingBeforeTheEnd() {
    PatchBatcher batcher = builder().build(recorder);
    batcher.reasoningStart();
    batcher.reasoningDelta("cut \uD83D");

    batcher.end();
    batcher.end();

    assertThat(seen)
        .containsExactly("reasoning-start", "reasoning cut \uD83D", "reasoning-end", "end");
  }

  @Test
  void endsAnOpenSegmentWithWhatIsPendingBeforeTheError() {
    PatchBatcher batcher = builder().build(recorder);
    batcher.reasoningStart();
    batcher.reasoningDelta("a");
    batcher.flushIfDue();
    batcher.reasoningDelta("b");

    batcher.error(new IllegalStateException("cut off"));

    assertThat(seen)
        .containsExactly(
            "reasoning-start", "reasoning a", "reasoning b", "reasoning-end", "error cut off");
  }

  @Test
  void sendsSeveralSegmentsEachWithItsStartAndEnd() {
    PatchBatcher batcher = builder().interval(Duration.ZERO).build(recorder);
    batcher.reasoningStart();
    batcher.reasoningDelta("one");
    batcher.reasoningEnd();
    batcher.accept(add("", Map.of()));
    batcher.flushIfDue();
    batcher.reasoningStart();
    batcher.reasoningDelta("two");
    batcher.flushIfDue();
    batcher.reasoningEnd();
    batcher.end();

    assertThat(seen)
        .containsExactly(
            "reasoning-start",
            "reasoning one",
            "reasoning-end",
            "0 [{\"op\":\"add\",\"path\":\"\",\"value\":{}}]",
            "reasoning-start",
            "reasoning two",
            "reasoning-end",
            "end");
  }

  @Test
  void refusesReasoningOutOfItsOrderOrAfterTheEnd() {
    PatchBatcher batcher = builder().build(recorder);

    assertThatThrownBy(() -> batcher.reasoningDelta("x"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("reasoningDelta before reasoningStart: no segment of reasoning is open");
    assertThatThrownBy(batcher::reasoningEnd)
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("reasoningEnd before reasoningStart: no segment of reasoning is open");
    batcher.reasoningStart();
    assertThatThrownBy(batcher::reasoningStart)
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("reasoningStart while a segment of reasoning is open: end it first");
    batcher.end();
    assertThatThrownBy(batcher::reasoningStart)
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("the batcher has ended; no more reasoning");
    assertThat(seen).containsExactly("reasoning-start", "reasoning-end", "end");
  }
}
