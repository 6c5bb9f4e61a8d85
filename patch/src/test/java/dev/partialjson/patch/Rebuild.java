package dev.partialjson.patch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.partialjson.parser.ParserOptions;
import dev.partialjson.parser.PartialJsonException;
import dev.partialjson.parser.Snapshot;
import dev.partialjson.testkit.Splits;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Replays a document through a {@link PatchFeed} under one split, applies every batch as it is
 * released to a {@link JsonPatchApplier}, and checks that after a piece the applied document is the
 * parser's snapshot: after every piece, or (for long documents, where comparing whole values after
 * each of thousands of pieces would cost the square of the length) after about 200 evenly spaced
 * ones, and always at the end or after the error.
 */
final class Rebuild {
  private static final int LONG = 4096;

  /** What the replay saw. */
  record Outcome(List<PatchBatch> batches, List<String> ends, int comparisons) {}

  private Rebuild() {}

  static Outcome check(byte[] document, Splits.Split split, PatchBatcher.Strings strings) {
    JsonPatchApplier applied = new JsonPatchApplier();
    List<PatchBatch> batches = new ArrayList<>();
    List<String> ends = new ArrayList<>();
    PatchBatcher batcher =
        PatchBatcher.builder()
            .interval(Duration.ZERO)
            .clock(() -> 0)
            .strings(strings)
            .build(
                new PatchBatcher.Listener() {
                  @Override
                  public void batch(PatchBatch batch) {
                    assertThat(ends).as("a batch after the end").isEmpty();
                    batches.add(batch);
                    applied.apply(batch.operations());
                  }

                  @Override
                  public void end() {
                    ends.add("end");
                  }

                  @Override
                  public void error(Throwable error) {
                    ends.add("error: " + error.getMessage());
                  }
                });
    PatchFeed feed = PatchFeed.create(ParserOptions.defaults(), batcher);
    int pieces = split.pieces().size();
    int every = document.length <= LONG ? 1 : Math.max(1, pieces / 200);
    int[] fed = {0, 0};
    Runnable after =
        () -> {
          if (++fed[0] % every == 0) {
            compare(applied, feed.snapshot(), split + ", after piece " + fed[0]);
            fed[1]++;
          }
        };
    Splits.Feeder feeder =
        new Splits.Feeder() {
          @Override
          public void feed(CharSequence text) {
            feed.feed(text);
            after.run();
          }

          @Override
          public void feed(byte[] bytes, int offset, int length) {
            feed.feed(bytes, offset, length);
            after.run();
          }

          @Override
          public void feed(ByteBuffer buffer) {
            feed.feed(buffer);
            after.run();
          }
        };
    String outcome;
    try {
      split.feed(feeder);
      feed.finish();
      outcome = "end";
    } catch (PartialJsonException e) {
      outcome = "error: " + e.getMessage();
    }
    assertThat(ends)
        .as(split + ": the end, reported once after the last batch")
        .containsExactly(outcome);
    compare(applied, feed.snapshot(), split + ", at the " + outcome);
    return new Outcome(batches, ends, fed[1] + 1);
  }

  static void compare(JsonPatchApplier applied, Snapshot snapshot, String where) {
    assertThat(applied.hasValue()).as(where + ": has a value").isEqualTo(snapshot.hasValue());
    if (snapshot.hasValue()) {
      // Rendered, so that member order and number forms count too, then as values.
      assertThat(Json.write(applied.value())).as(where).isEqualTo(Json.write(snapshot.value()));
      assertThat(applied.value()).as(where).isEqualTo(snapshot.value());
    }
  }
}
