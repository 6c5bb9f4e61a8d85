package dev.partialjson.patch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.partialjson.testkit.Splits;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The reasoning through a whole feed: an inline think block, and reasoning fed apart. */
class PatchFeedReasoningTest {
  private static final String THOUGHT =
      "First the \"title\", then the tasks: caf\u00e9 \uD83D\uDE80, <b> is no tag, and\nmore. "
          .repeat(3);
  private static final String ANSWER = "{\"title\": \"Plan \uD83D\uDE00\", \"tasks\": [1, 2, 3]}";

  private long now;
  private final List<String> seen = new ArrayList<>();
  private JsonPatchApplier applied = new JsonPatchApplier();

  private PatchFeed feed() {
    return PatchFeed.create(
        PatchBatcher.builder()
            .clock(() -> now)
            .interval(Duration.ofNanos(3))
            .build(
                new PatchBatcher.Listener() {
                  @Override
                  public void batch(PatchBatch batch) {
                    seen.add("batch");
                    applied.apply(batch.operations());
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
                }));
  }

  private String reasoning() {
    StringBuilder text = new StringBuilder();
    seen.stream()
        .filter(s -> s.startsWith("reasoning "))
        .forEach(s -> text.append(s, "reasoning ".length(), s.length()));
    return text.toString();
  }

  @Test
  void sendsAThinkBlocksTextWholeAndBeforeTheFirstBatchUnderEverySplit() {
    String document = "<think>" + THOUGHT + "</think>\n" + ANSWER;
    for (Splits.Split split : Splits.sweep(document)) {
      seen.clear();
      applied = new JsonPatchApplier();
      PatchFeed feed = feed();
      split.feed(
          new Splits.Feeder() {
            @Override
            public void feed(CharSequence text) {
              now++;
              feed.feed(text);
            }

            @Override
            public void feed(byte[] bytes, int offset, int length) {
              now++;
              feed.feed(bytes, offset, length);
            }

            @Override
            public void feed(ByteBuffer buffer) {
              now++;
              feed.feed(buffer);
            }
          });
      feed.finish();

      assertThat(reasoning()).as(split.name()).isEqualTo(THOUGHT);
      assertThat(seen.get(0)).as(split.name()).isEqualTo("reasoning-start");
      assertThat(seen.indexOf("reasoning-end"))
          .as(split.name() + ": the end of the reasoning before the first batch")
          .isLessThan(seen.indexOf("batch"))
          .isEqualTo(seen.lastIndexOf("reasoning-end"));
      assertThat(seen).as(split.name() + ": no empty release").doesNotContain("reasoning ");
      assertThat(seen.get(seen.size() - 1)).isEqualTo("end");
      assertThat(Json.write(applied.value())).isEqualTo(Json.write(feed.snapshot().value()));
    }
  }

  @Test
  void passesReasoningFedApartToTheBatcherAndEndsItWhenAsked() {
    PatchFeed feed = feed();
    feed.feedReasoning("Thin");
    feed.feedReasoning("king \uD83D");
    now += 3;
    feed.feedReasoning("\uDE80.");
    feed.endReasoning();
    feed.feed("{\"a\": 1}");
    feed.feedReasoning("Again");
    feed.finish();

    assertThat(seen)
        .containsExactly(
            "reasoning-start",
            "reasoning Thin",
            "reasoning king \uD83D\uDE80.",
            "reasoning-end",
            "batch",
            "reasoning-start",
            "reasoning Again",
            "reasoning-end",
            "end");
  }
}
