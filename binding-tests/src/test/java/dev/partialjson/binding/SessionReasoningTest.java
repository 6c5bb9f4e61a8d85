package dev.partialjson.binding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.partialjson.binding.Models.Plan;
import dev.partialjson.binding.Models.Task;
import dev.partialjson.parser.JsonEvent;
import dev.partialjson.parser.ReasoningListener;
import dev.partialjson.testkit.Splits;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SessionReasoningTest {
  private static final String PLAN =
      "{\"goal\":\"Ship\",\"tasks\":[{\"title\":\"Build\",\"priority\":\"HIGH\",\"notes\":\"n\"}]}";

  /** Records reasoning and closing items in one order. */
  static final class Channels implements ReasoningListener {
    final List<String> order = new ArrayList<>();
    final StringBuilder thought = new StringBuilder();

    @Override
    public void reasoningStart() {
      order.add("start");
    }

    @Override
    public void reasoningDelta(CharSequence delta) {
      thought.append(delta);
      if (!order.get(order.size() - 1).equals("thought")) {
        order.add("thought");
      }
    }

    @Override
    public void reasoningEnd() {
      order.add("end");
    }
  }

  @Test
  void keepsAThinkBlockApartFromTheBoundValueUnderEverySplit() {
    String thought = "Two {tasks}? One [task] will do \u2014 caf\u00e9 \ud83d\ude80.";
    String answer = "<think>" + thought + "</think>\n" + PLAN;
    StreamingBinder<Plan> binder = StreamingBinder.of(Plan.class);
    for (Splits.Split split : Splits.sweep(answer)) {
      Channels channels = new Channels();
      BindingSession<Plan> session = binder.open();
      session.onReasoning(channels);
      session.onItem("$.tasks[*]", Task.class, task -> channels.order.add("item " + task.title()));
      split.feed(Sweep.feeder(session));
      Plan plan = session.complete();
      assertThat(plan.goal()).as(split.name()).isEqualTo("Ship");
      assertThat(channels.thought.toString()).as(split.name()).isEqualTo(thought);
      assertThat(channels.order)
          .as(split.name())
          .containsExactly("start", "thought", "end", "item Build");
      assertThat(session.stats().reasoningChars()).isEqualTo(thought.length());
    }
  }

  @Test
  void takesTheProvidersReasoningFedApartAndCountsBothChannels() {
    long[] now = {0};
    StreamingBinder<Plan> binder =
        StreamingBinder.builder(Plan.class).nanoTime(() -> now[0]).build();
    Channels channels = new Channels();
    List<JsonEvent.Kind> seen = new ArrayList<>();
    BindingSession<Plan> session = binder.open();
    session.onReasoning(channels);
    session.addListener(
        new SessionListener() {
          @Override
          public void event(JsonEvent event) {
            seen.add(event.kind());
          }
        });
    now[0] = 10;
    session.feedReasoning("");
    now[0] = 30;
    session.feedReasoning("Plan first");
    session.feedReasoning(", then answer.");
    session.endReasoning();
    session.feed(PLAN);
    session.feedReasoning("Checked.");
    Plan plan = session.complete();

    assertThat(plan.tasks()).hasSize(1);
    assertThat(channels.thought.toString()).isEqualTo("Plan first, then answer.Checked.");
    assertThat(channels.order)
        .containsExactly("start", "thought", "end", "start", "thought", "end");
    SessionStats stats = session.stats();
    assertThat(stats.reasoningChars()).isEqualTo(channels.thought.length());
    assertThat(stats.bytes()).isEqualTo(PLAN.length());
    assertThat(stats.deltas()).as("answer deltas only").isEqualTo(1);
    assertThat(stats.timeToFirstReasoning()).isEqualTo(Duration.ofNanos(20));
    assertThat(stats.events()).isEqualTo(seen.size());
    assertThat(seen.subList(0, 4))
        .containsExactly(
            JsonEvent.Kind.REASONING_START,
            JsonEvent.Kind.REASONING_DELTA,
            JsonEvent.Kind.REASONING_DELTA,
            JsonEvent.Kind.REASONING_END);
  }

  @Test
  void refusesReasoningListenersAfterTheFirstFeedAndReasoningAfterTheEnd() {
    BindingSession<Plan> session = StreamingBinder.of(Plan.class).open();
    session.feedReasoning("early");
    assertThatThrownBy(() -> session.onReasoning(new Channels()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("callbacks must be registered before the first feed");
    session.feed(PLAN);
    session.complete();
    assertThatThrownBy(() -> session.feedReasoning("late"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("complete");
    assertThatThrownBy(session::endReasoning)
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("complete");
  }

  @Test
  void stopsTheSessionWhenAReasoningListenerThrows() {
    IllegalStateException thrown = new IllegalStateException("no thinking aloud");
    BindingSession<Plan> session = StreamingBinder.of(Plan.class).open();
    session.onReasoning(
        new ReasoningListener() {
          @Override
          public void reasoningDelta(CharSequence delta) {
            throw thrown;
          }
        });
    assertThatThrownBy(() -> session.feedReasoning("hm")).isSameAs(thrown);
    assertThatThrownBy(() -> session.feed(PLAN))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("the session failed: no thinking aloud");
    assertThat(session.stats().phase()).isEqualTo(SessionStats.Phase.FAILED);
  }
}
