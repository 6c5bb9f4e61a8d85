package dev.partialjson.binding.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.partialjson.binding.BindingSession;
import dev.partialjson.binding.FailurePolicy;
import dev.partialjson.binding.Models;
import dev.partialjson.binding.Models.Plan;
import dev.partialjson.binding.Models.Priority;
import dev.partialjson.binding.Models.Task;
import dev.partialjson.binding.StreamingBinder;
import dev.partialjson.binding.ValidationException;
import dev.partialjson.parser.IncompleteJsonException;
import dev.partialjson.parser.JsonEvent;
import dev.partialjson.parser.MalformedJsonException;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class SessionPublisherTest {
  static final String PLAN =
      "{\"goal\":\"g\",\"tasks\":[{\"title\":\"a\",\"priority\":\"LOW\"},"
          + "{\"title\":\"b\",\"priority\":\"HIGH\"},{\"title\":\"c\",\"priority\":\"LOW\"}]}";
  static final Task A = new Task("a", Priority.LOW, null);
  static final Task B = new Task("b", Priority.HIGH, null);
  static final Task C = new Task("c", Priority.LOW, null);

  private static final StreamingBinder<Plan> BINDER = StreamingBinder.of(Plan.class);

  @Test
  void buffersItemsUntilRequestedAndNeverSendsMoreThanRequested() {
    BindingSession<Plan> session = BINDER.open();
    SessionPublisher<Task> tasks = SessionPublisher.items(session, "$.tasks[*]", Task.class);
    RuleCheckingSubscriber<Task> subscriber = new RuleCheckingSubscriber<>();
    tasks.subscribe(subscriber);
    session.feed(PLAN);
    assertThat(subscriber.items).isEmpty();
    subscriber.request(2);
    assertThat(subscriber.items).containsExactly(A, B);
    session.complete();
    assertThat(subscriber.completed).as("completes only after the buffered items").isFalse();
    subscriber.request(1);
    assertThat(subscriber.items).containsExactly(A, B, C);
    assertThat(subscriber.completed).isTrue();
    assertThat(subscriber.broken).isEmpty();
  }

  @Test
  void deliversItemsAsTheyCloseWhenThereIsDemand() {
    BindingSession<Plan> session = BINDER.open();
    SessionPublisher<Task> tasks = SessionPublisher.items(session, "$.tasks[*]", Task.class);
    RuleCheckingSubscriber<Task> subscriber = new RuleCheckingSubscriber<>();
    tasks.subscribe(subscriber);
    subscriber.request(Long.MAX_VALUE);
    subscriber.request(Long.MAX_VALUE); // demand saturates at Long.MAX_VALUE
    int second = PLAN.indexOf("},") + 2;
    session.feed(PLAN.substring(0, second));
    assertThat(subscriber.items).containsExactly(A);
    session.feed(PLAN.substring(second));
    assertThat(subscriber.items).containsExactly(A, B, C);
    assertThat(subscriber.completed).isFalse();
    session.complete();
    assertThat(subscriber.completed).isTrue();
    assertThat(subscriber.broken).isEmpty();
  }

  @Test
  void servesRequestsMadeInsideOnNextWithoutRecursion() {
    BindingSession<Plan> session = BINDER.open();
    RuleCheckingSubscriber<Task> subscriber = new RuleCheckingSubscriber<>();
    subscriber.requestInOnNext = 1;
    SessionPublisher.items(session, "$.tasks[*]", Task.class).subscribe(subscriber);
    session.feed(PLAN);
    session.complete();
    subscriber.request(1);
    assertThat(subscriber.items).containsExactly(A, B, C);
    assertThat(subscriber.completed).isTrue();
    assertThat(subscriber.broken).isEmpty();
  }

  @Test
  void subscribingAfterTheEndReplaysTheBufferThenCompletes() {
    BindingSession<Plan> session = BINDER.open();
    SessionPublisher<Task> tasks = SessionPublisher.items(session, "$.tasks[*]", Task.class);
    session.feed(PLAN);
    session.complete();
    RuleCheckingSubscriber<Task> subscriber = new RuleCheckingSubscriber<>();
    tasks.subscribe(subscriber);
    assertThat(subscriber.completed).isFalse();
    subscriber.request(5);
    assertThat(subscriber.items).containsExactly(A, B, C);
    assertThat(subscriber.completed).isTrue();
    assertThat(subscriber.broken).isEmpty();
  }

  @Test
  void nonPositiveRequestSignalsIllegalArgumentAndStops() {
    for (long n : new long[] {0, -1, Long.MIN_VALUE}) {
      BindingSession<Plan> session = BINDER.open();
      RuleCheckingSubscriber<Task> subscriber = new RuleCheckingSubscriber<>();
      SessionPublisher.items(session, "$.tasks[*]", Task.class).subscribe(subscriber);
      subscriber.request(n);
      assertThat(subscriber.error)
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("non-positive request: " + n + " (rule 3.9)");
      subscriber.request(10); // after a terminal signal: nothing (3.6)
      session.feed(PLAN);
      session.complete();
      assertThat(subscriber.items).isEmpty();
      assertThat(subscriber.broken).isEmpty();
    }
  }

  @Test
  void cancelStopsDeliveryAndIsIdempotent() {
    BindingSession<Plan> session = BINDER.open();
    RuleCheckingSubscriber<Task> subscriber = new RuleCheckingSubscriber<>();
    SessionPublisher.items(session, "$.tasks[*]", Task.class).subscribe(subscriber);
    subscriber.request(1);
    session.feed(PLAN);
    assertThat(subscriber.items).containsExactly(A);
    subscriber.cancel();
    subscriber.cancel();
    subscriber.request(5);
    session.complete();
    assertThat(subscriber.items).containsExactly(A);
    assertThat(subscriber.completed).isFalse();
    assertThat(subscriber.error).isNull();
    assertThat(subscriber.broken).isEmpty();
  }

  @Test
  void refusesASecondSubscriberWithAnError() {
    BindingSession<Plan> session = BINDER.open();
    SessionPublisher<Task> tasks = SessionPublisher.items(session, "$.tasks[*]", Task.class);
    RuleCheckingSubscriber<Task> first = new RuleCheckingSubscriber<>();
    RuleCheckingSubscriber<Task> second = new RuleCheckingSubscriber<>();
    tasks.subscribe(first);
    tasks.subscribe(second);
    assertThat(second.error)
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("this publisher allows only one subscriber");
    assertThat(second.broken).isEmpty();
    first.request(3);
    session.feed(PLAN);
    assertThat(first.items).containsExactly(A, B, C);
  }

  @Test
  void failsWithTheErrorThatStoppedTheSessionAfterTheItemsBeforeIt() {
    BindingSession<Plan> session = BINDER.open();
    RuleCheckingSubscriber<Task> subscriber = new RuleCheckingSubscriber<>();
    SessionPublisher.items(session, "$.tasks[*]", Task.class).subscribe(subscriber);
    subscriber.request(10);
    try {
      session.feed("{\"goal\":\"g\",\"tasks\":[{\"title\":\"a\",\"priority\":\"LOW\"}}");
    } catch (MalformedJsonException expected) {
      // the publisher reports it too
    }
    assertThat(subscriber.items).containsExactly(A);
    assertThat(subscriber.error).isInstanceOf(MalformedJsonException.class);
    assertThat(subscriber.broken).isEmpty();
  }

  @Test
  void failsFastWithTheFirstInvalidItem() {
    StreamingBinder<Plan> binder =
        StreamingBinder.builder(Plan.class).failurePolicy(FailurePolicy.FAIL_FAST).build();
    BindingSession<Plan> session = binder.open();
    RuleCheckingSubscriber<Task> subscriber = new RuleCheckingSubscriber<>();
    SessionPublisher.items(session, "$.tasks[*]", Task.class).subscribe(subscriber);
    subscriber.request(10);
    try {
      session.feed(Models.TWO_INVALID);
    } catch (ValidationException expected) {
      // the publisher reports it too
    }
    assertThat(subscriber.items).containsExactly(new Task("ok", Priority.LOW, null));
    assertThat(subscriber.error)
        .isInstanceOf(ValidationException.class)
        .hasMessage("1 constraint violation: $.tasks[1].title must not be blank");
  }

  @Test
  void endsWithTheViolationsThatCompleteWouldThrow() {
    BindingSession<Plan> session = BINDER.open();
    RuleCheckingSubscriber<Task> subscriber = new RuleCheckingSubscriber<>();
    SessionPublisher.items(session, "$.tasks[*]", Task.class).subscribe(subscriber);
    subscriber.request(10);
    session.feed(Models.TWO_INVALID);
    session.result();
    assertThat(subscriber.items).containsExactly(new Task("ok", Priority.LOW, null));
    assertThat(subscriber.error)
        .isInstanceOf(ValidationException.class)
        .hasMessage(
            "2 constraint violations: $.tasks[1].title must not be blank;"
                + " $.tasks[2].priority must not be null");
  }

  @Test
  void failsWhenTheSessionEndsIncompleteOrIsClosed() {
    BindingSession<Plan> cut = BINDER.open();
    RuleCheckingSubscriber<Task> incomplete = new RuleCheckingSubscriber<>();
    SessionPublisher.items(cut, "$.tasks[*]", Task.class).subscribe(incomplete);
    cut.feed(PLAN.substring(0, 40));
    cut.result();
    assertThat(incomplete.error).isInstanceOf(IncompleteJsonException.class);

    BindingSession<Plan> closed = BINDER.open();
    RuleCheckingSubscriber<Task> cancelled = new RuleCheckingSubscriber<>();
    SessionPublisher.items(closed, "$.tasks[*]", Task.class).subscribe(cancelled);
    closed.feed(PLAN.substring(0, 40));
    closed.close();
    assertThat(cancelled.error)
        .isInstanceOf(CancellationException.class)
        .hasMessage("the session was closed before it ended");
  }

  @Test
  void anErrorFromAnotherCallbackFailsThePublisher() {
    BindingSession<Plan> session = BINDER.open();
    AssertionError bug = new AssertionError("bug");
    session.onText(
        "$.tasks[1].title",
        (path, full, delta) -> {
          throw bug;
        });
    RuleCheckingSubscriber<Task> subscriber = new RuleCheckingSubscriber<>();
    SessionPublisher.items(session, "$.tasks[*]", Task.class).subscribe(subscriber);
    subscriber.request(10);
    assertThatThrownBy(() -> session.feed(PLAN)).isSameAs(bug);
    assertThat(subscriber.items).containsExactly(A);
    assertThat(subscriber.error).isSameAs(bug);
    assertThat(subscriber.broken).isEmpty();
    assertThatThrownBy(session::result)
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("the session failed: bug");
  }

  @Test
  void aSubscriberThatThrowsAnErrorIsTreatedAsCancelled() {
    FlowEmitter<String> emitter = new FlowEmitter<>();
    AssertionError bug = new AssertionError("subscriber bug");
    RuleCheckingSubscriber<String> subscriber =
        new RuleCheckingSubscriber<>() {
          @Override
          public void onNext(String item) {
            super.onNext(item);
            throw bug;
          }
        };
    emitter.subscribe(subscriber);
    subscriber.request(Long.MAX_VALUE);
    assertThatThrownBy(() -> emitter.push("a")).isSameAs(bug);
    emitter.push("b");
    emitter.push("c");
    assertThat(emitter.buffered()).as("dropped, not kept for a subscriber that is gone").isZero();
    emitter.complete();
    assertThat(subscriber.items).containsExactly("a");
    assertThat(subscriber.completed).isFalse();
    assertThat(subscriber.broken).isEmpty();
  }

  @Test
  void publishesEveryParserEventThenCompletes() {
    BindingSession<Plan> session = BINDER.open();
    RuleCheckingSubscriber<JsonEvent> subscriber = new RuleCheckingSubscriber<>();
    SessionPublisher.events(session).subscribe(subscriber);
    subscriber.request(3);
    session.feed("{\"goal\":\"go\",\"tasks\":[]}");
    assertThat(subscriber.items)
        .extracting(JsonEvent::toString)
        .containsExactly("START_OBJECT $", "STRING_DELTA $.goal \"go\"", "STRING $.goal \"go\"");
    subscriber.request(Long.MAX_VALUE);
    session.result(); // an invalid plan (no tasks): the events complete all the same
    assertThat(subscriber.items)
        .extracting(JsonEvent::toString)
        .containsExactly(
            "START_OBJECT $",
            "STRING_DELTA $.goal \"go\"",
            "STRING $.goal \"go\"",
            "START_ARRAY $.tasks",
            "END_ARRAY $.tasks",
            "END_OBJECT $",
            "DOCUMENT_END $");
    assertThat(subscriber.completed).isTrue();
    assertThat(subscriber.broken).isEmpty();
  }

  @Test
  void signalsStaySerialWhenFeedingAndRequestingRace() throws Exception {
    int tasks = 2_000;
    String document =
        "{\"goal\":\"g\",\"tasks\":["
            + java.util.stream.IntStream.range(0, tasks)
                .mapToObj(i -> "{\"title\":\"t" + i + "\",\"priority\":\"LOW\"}")
                .collect(Collectors.joining(","))
            + "]}";
    for (int round = 0; round < 5; round++) {
      BindingSession<Plan> session = BINDER.open();
      RuleCheckingSubscriber<Task> subscriber = new RuleCheckingSubscriber<>();
      SessionPublisher.items(session, "$.tasks[*]", Task.class).subscribe(subscriber);
      Thread feeder =
          new Thread(
              () -> {
                for (int i = 0; i < document.length(); i += 7) {
                  session.feed(document.substring(i, Math.min(document.length(), i + 7)));
                }
                session.complete();
              });
      Thread requester =
          new Thread(
              () -> {
                for (int i = 0; i < tasks; i++) {
                  subscriber.request(1);
                }
              });
      feeder.start();
      requester.start();
      feeder.join();
      requester.join();
      assertThat(subscriber.terminated.await(30, TimeUnit.SECONDS)).isTrue();
      assertThat(subscriber.broken).isEmpty();
      List<String> titles = subscriber.items.stream().map(Task::title).toList();
      assertThat(titles).hasSize(tasks).startsWith("t0", "t1").endsWith("t" + (tasks - 1));
      assertThat(subscriber.completed).isTrue();
    }
  }
}
