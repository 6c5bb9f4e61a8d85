package dev.partialjson.binding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.partialjson.binding.Models.Plan;
import dev.partialjson.binding.Models.Task;
import dev.partialjson.parser.PartialJsonException;
import dev.partialjson.parser.ReasoningListener;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** A session's callbacks are frozen at its first feed, whichever way it was first fed or ended. */
class RegistrationsTest {
  private static final StreamingBinder<Plan> BINDER = StreamingBinder.of(Plan.class);
  private static final String CALLBACKS = "callbacks must be registered before the first feed";
  private static final String LISTENERS = "listeners must be added before the first feed";

  @Test
  void everyRegistrationIsRefusedAfterTheFirstFeedSayingWhich() {
    List<Consumer<BindingSession<Plan>>> starts =
        List.of(
            s -> s.feed("{"),
            s -> s.feed(new byte[] {'{'}, 0, 1),
            s -> s.feed(java.nio.ByteBuffer.wrap(new byte[] {'{'})),
            s -> s.feedReasoning("thinking"),
            BindingSession::endReasoning,
            BindingSession::result);
    for (Consumer<BindingSession<Plan>> start : starts) {
      BindingSession<Plan> session = BINDER.open();
      start.accept(session);
      assertRefusesEveryRegistration(session);
    }
  }

  @Test
  void aFirstFeedThatFailedFreezesTheCallbacksToo() {
    BindingSession<Plan> malformed = BINDER.open();
    assertThatThrownBy(() -> malformed.feed("{]")).isInstanceOf(PartialJsonException.class);
    assertRefusesEveryRegistration(malformed);

    BindingSession<Plan> badSlice = BINDER.open();
    assertThatThrownBy(() -> badSlice.feed(new byte[1], 0, 2))
        .isInstanceOf(IllegalArgumentException.class);
    assertRefusesEveryRegistration(badSlice);
  }

  @Test
  void aRefusedRegistrationChangesNothingAndEarlierOnesStillCount() {
    BindingSession<Plan> session = BINDER.open();
    List<String> early = new ArrayList<>();
    List<String> late = new ArrayList<>();
    session.onItem("$.tasks[*]", Task.class, t -> early.add(t.title()));
    session.feed("{\"goal\":\"g\",\"tasks\":[{\"title\":\"a\",\"priority\":\"LOW\"},");
    assertThatThrownBy(() -> session.onItem("$.tasks[*]", Task.class, t -> late.add(t.title())))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage(CALLBACKS);
    assertThatThrownBy(() -> session.onValue("$.goal", String.class, late::add))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage(CALLBACKS);
    session.feed("{\"title\":\"b\",\"priority\":\"HIGH\"}]}");
    assertThat(session.complete().tasks()).extracting(Task::title).containsExactly("a", "b");
    assertThat(early).containsExactly("a", "b");
    assertThat(late).isEmpty();
  }

  @Test
  void registrationsBeforeTheFirstFeedAreAllTaken() {
    BindingSession<Plan> session = BINDER.open();
    List<String> calls = new ArrayList<>();
    session
        .onText("$.goal", (path, full, delta) -> calls.add("text " + full))
        .onValue("$.goal", String.class, g -> calls.add("value " + g))
        .onItem("$.tasks[*]", Task.class, t -> calls.add("item " + t.title()))
        .onCheckedItem("$.tasks[*]", Task.class, t -> calls.add("checked " + t.value().title()))
        .onReasoning(
            new ReasoningListener() {
              @Override
              public void reasoningDelta(CharSequence delta) {
                calls.add("reasoning " + delta);
              }
            })
        .addListener(
            new SessionListener() {
              @Override
              public void completed(BindingResult<?> result, SessionStats stats) {
                calls.add("completed");
              }
            });
    session.feedReasoning("hm");
    session.feed("{\"goal\":\"g\",\"tasks\":[{\"title\":\"a\",\"priority\":\"LOW\"}]}");
    session.complete();
    assertThat(calls)
        .containsExactly("reasoning hm", "text g", "value g", "checked a", "item a", "completed");
  }

  private static void assertRefusesEveryRegistration(BindingSession<Plan> session) {
    assertThatThrownBy(() -> session.onText("$.goal", (path, full, delta) -> {}))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage(CALLBACKS);
    assertThatThrownBy(() -> session.onValue("$.goal", String.class, g -> {}))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage(CALLBACKS);
    assertThatThrownBy(() -> session.onItem("$.tasks[*]", Task.class, t -> {}))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage(CALLBACKS);
    assertThatThrownBy(() -> session.onCheckedItem("$.tasks[*]", Task.class, t -> {}))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage(CALLBACKS);
    assertThatThrownBy(() -> session.onReasoning(new ReasoningListener() {}))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage(CALLBACKS);
    assertThatThrownBy(() -> session.addListener(new SessionListener() {}))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage(LISTENERS);
  }
}
