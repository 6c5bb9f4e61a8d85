package dev.partialjson.patch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.partialjson.binding.BindingResult;
import dev.partialjson.binding.BindingSession;
import dev.partialjson.binding.SessionListener;
import dev.partialjson.binding.SessionStats;
import dev.partialjson.binding.StreamingBinder;
import dev.partialjson.parser.IncrementalJsonParser;
import dev.partialjson.parser.JsonEvent;
import dev.partialjson.parser.JsonListener;
import dev.partialjson.parser.Snapshot;
import dev.partialjson.testkit.Splits;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/**
 * The patch stream fed by a binding session's listener, as the README shows: after each delta the
 * batches rebuild the parser's snapshot, but for a string whose opening quote has arrived and no
 * character yet (a session hands out no snapshot to sync with).
 */
class BindingSessionPatchTest {
  record Task(String name, int hours) {}

  record Plan(String title, List<Task> tasks) {}

  private static final String DOCUMENT =
      "{\"title\": \"Ship \\\"it\\\" \uD83D\uDE80\", \"tasks\": [{\"name\": \"write\", \"hours\": 3},"
          + " {\"name\": \"\", \"hours\": 1}]}";

  @Test
  void batchesFromTheSessionsEventsRebuildWhatArrivedAfterEachDelta() {
    JsonPatchApplier applied = new JsonPatchApplier();
    List<String> ends = new ArrayList<>();
    PatchBatcher batcher =
        PatchBatcher.builder()
            .clock(() -> 0)
            .interval(java.time.Duration.ZERO)
            .build(
                new PatchBatcher.Listener() {
                  @Override
                  public void batch(PatchBatch batch) {
                    applied.apply(batch.operations());
                  }

                  @Override
                  public void end() {
                    ends.add("end");
                  }
                });
    PatchStream patches = PatchStream.create(batcher);
    BindingSession<Plan> session = StreamingBinder.of(Plan.class).open();
    session.addListener(
        new SessionListener() {
          @Override
          public void event(JsonEvent event) {
            patches.accept(event);
          }

          @Override
          public void completed(BindingResult<?> result, SessionStats stats) {
            batcher.end();
          }

          @Override
          public void failed(Throwable error, SessionStats stats) {
            batcher.error(error);
          }
        });
    IncrementalJsonParser reference = IncrementalJsonParser.create(JsonListener.NONE);

    int compared = 0;
    for (String token : Splits.tokens(DOCUMENT)) {
      session.feed(token);
      reference.feed(token);
      batcher.flushIfDue();
      assertThat(Json.write(applied.value()))
          .as("after %s", token)
          .isEqualTo(Json.write(withoutEmptyOpenString(reference.snapshot())));
      compared++;
    }
    Plan plan = session.complete();

    assertThat(compared).isGreaterThan(10);
    assertThat(ends).containsExactly("end");
    assertThat(plan.tasks()).hasSize(2);
    assertThat(Json.write(applied.value()))
        .isEqualTo(
            "{\"title\":\"Ship \\\"it\\\" \uD83D\uDE80\",\"tasks\":[{\"name\":\"write\",\"hours\":3},"
                + "{\"name\":\"\",\"hours\":1}]}");
  }

  @Test
  void reasoningFromTheSessionsEventsGoesOutBeforeTheBatchesAndWhole() {
    List<String> seen = new ArrayList<>();
    StringBuilder thought = new StringBuilder();
    PatchBatcher batcher =
        PatchBatcher.builder()
            .clock(() -> 0)
            .interval(java.time.Duration.ZERO)
            .build(
                new PatchBatcher.Listener() {
                  @Override
                  public void batch(PatchBatch batch) {
                    seen.add("batch");
                  }

                  @Override
                  public void reasoningStart() {
                    seen.add("reasoning-start");
                  }

                  @Override
                  public void reasoning(String text) {
                    seen.add("reasoning");
                    thought.append(text);
                  }

                  @Override
                  public void reasoningEnd() {
                    seen.add("reasoning-end");
                  }
                });
    PatchStream patches = PatchStream.create(batcher);
    BindingSession<Plan> session = StreamingBinder.of(Plan.class).open();
    session.addListener(
        new SessionListener() {
          @Override
          public void event(JsonEvent event) {
            patches.accept(event);
          }
        });
    String reasoning = "Two tasks, \"write\" first \uD83E\uDD14.";

    for (String token : Splits.tokens("<think>" + reasoning + "</think>" + DOCUMENT)) {
      session.feed(token);
      batcher.flushIfDue();
    }
    session.complete();
    batcher.end();

    assertThat(thought).hasToString(reasoning);
    assertThat(seen.get(0)).isEqualTo("reasoning-start");
    assertThat(seen.lastIndexOf("reasoning-end")).isLessThan(seen.indexOf("batch"));
    assertThat(seen).contains("reasoning", "batch");
  }

  /** The snapshot's value less a string that is open with no character yet. */
  private static @Nullable Object withoutEmptyOpenString(Snapshot snapshot) {
    Object value = copy(snapshot.value());
    List<dev.partialjson.parser.JsonPath> open = snapshot.openPaths();
    if (open.isEmpty()) {
      return value;
    }
    dev.partialjson.parser.JsonPath last = open.get(open.size() - 1);
    Object parent = value;
    if (last.parent() == null) {
      return value;
    }
    for (Object segment : last.parent().segments()) {
      parent =
          segment instanceof Integer i
              ? ((List<?>) parent).get(i)
              : ((Map<?, ?>) parent).get(segment);
    }
    if (last.isIndex()
        && parent instanceof List<?> list
        && "".equals(list.get(last.arrayIndex()))) {
      list.remove(last.arrayIndex());
    } else if (last.isField()
        && parent instanceof Map<?, ?> map
        && "".equals(map.get(last.name()))) {
      map.remove(last.name());
    }
    return value;
  }

  private static @Nullable Object copy(@Nullable Object value) {
    if (value instanceof Map<?, ?> map) {
      Map<String, Object> out = new LinkedHashMap<>();
      map.forEach((k, v) -> out.put((String) k, copy(v)));
      return out;
    }
    if (value instanceof List<?> list) {
      List<Object> out = new ArrayList<>();
      list.forEach(v -> out.add(copy(v)));
      return out;
    }
    return value;
  }
}
