package dev.partialjson.binding.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.partialjson.binding.BindingResult;
import dev.partialjson.binding.BindingSession;
import dev.partialjson.binding.FailurePolicy;
import dev.partialjson.binding.Models;
import dev.partialjson.binding.Models.Plan;
import dev.partialjson.binding.SessionListener;
import dev.partialjson.binding.SessionStats;
import dev.partialjson.binding.StreamingBinder;
import dev.partialjson.binding.ValidationException;
import dev.partialjson.parser.JsonPath;
import dev.partialjson.parser.MalformedJsonException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Flow;
import java.util.concurrent.SubmissionPublisher;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class DeltaSubscriberTest {
  private static final StreamingBinder<Plan> BINDER = StreamingBinder.of(Plan.class);
  private static final String PLAN = SessionPublisherTest.PLAN;
  private static final Plan PLAN_VALUE =
      new Plan(
          "g", List.of(SessionPublisherTest.A, SessionPublisherTest.B, SessionPublisherTest.C));

  static List<String> pieces(String text, int size) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < text.length(); i += size) {
      out.add(text.substring(i, Math.min(text.length(), i + size)));
    }
    return out;
  }

  @Test
  void feedsEveryDeltaAndCompletesWithTheResult() {
    ScriptedPublisher<String> deltas = new ScriptedPublisher<>(pieces(PLAN, 3));
    DeltaSubscriber<CharSequence, Plan> subscriber = DeltaSubscriber.text(BINDER.open());
    deltas.subscribe(subscriber);
    assertThat(subscriber.result()).isCompleted();
    BindingResult<Plan> result = subscriber.result().join();
    assertThat(result.isValid()).isTrue();
    assertThat(result.value()).isEqualTo(PLAN_VALUE);
    assertThat(subscriber.value().join()).isEqualTo(PLAN_VALUE);
    assertThat(deltas.broken).isEmpty();
    assertThat(deltas.cancels).isZero();
  }

  @Test
  void requestsAWindowAndTopsItUpWithoutExceedingIt() {
    List<String> pieces = pieces(PLAN, 2);
    ScriptedPublisher<String> deltas = new ScriptedPublisher<>(pieces);
    deltas.subscribe(DeltaSubscriber.text(BINDER.open(), 8));
    assertThat(deltas.requests.get(0)).isEqualTo(8);
    assertThat(deltas.requests.subList(1, deltas.requests.size())).containsOnly(6L);
    assertThat(deltas.maxOutstanding).isEqualTo(8);
    assertThat(deltas.sent).isEqualTo(pieces.size());
  }

  @Test
  void aPrefetchOfOneRequestsOneDeltaAtATime() {
    List<String> pieces = pieces(PLAN, 5);
    ScriptedPublisher<String> deltas = new ScriptedPublisher<>(pieces);
    DeltaSubscriber<CharSequence, Plan> subscriber = DeltaSubscriber.text(BINDER.open(), 1);
    deltas.subscribe(subscriber);
    assertThat(deltas.requests).hasSize(pieces.size() + 1).containsOnly(1L);
    assertThat(deltas.maxOutstanding).isEqualTo(1);
    assertThat(subscriber.value().join()).isEqualTo(PLAN_VALUE);
  }

  @Test
  void rejectsANonPositivePrefetch() {
    assertThatThrownBy(() -> DeltaSubscriber.text(BINDER.open(), 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("prefetch <= 0: 0");
  }

  @Test
  void cancelsTheSubscriptionWhenTheSessionFailsFast() {
    StreamingBinder<Plan> binder =
        StreamingBinder.builder(Plan.class).failurePolicy(FailurePolicy.FAIL_FAST).build();
    List<String> pieces = pieces(Models.TWO_INVALID, 4);
    ScriptedPublisher<String> deltas = new ScriptedPublisher<>(pieces);
    DeltaSubscriber<CharSequence, Plan> subscriber = DeltaSubscriber.text(binder.open(), 1);
    deltas.subscribe(subscriber);
    assertThat(deltas.cancels).isEqualTo(1);
    assertThat(deltas.sent).isLessThan(pieces.size());
    BindingResult<Plan> result = subscriber.result().join();
    assertThat(result.error())
        .isInstanceOf(ValidationException.class)
        .hasMessage("1 constraint violation: $.tasks[1].title must not be blank");
    assertThatThrownBy(() -> subscriber.value().join())
        .isInstanceOf(CompletionException.class)
        .hasCauseInstanceOf(ValidationException.class);
  }

  @Test
  void cancelsTheSubscriptionOnMalformedInput() {
    ScriptedPublisher<String> deltas =
        new ScriptedPublisher<>(List.of("{\"goal\":", "]", "\"never\"}"));
    DeltaSubscriber<CharSequence, Plan> subscriber = DeltaSubscriber.text(BINDER.open(), 1);
    deltas.subscribe(subscriber);
    assertThat(deltas.cancels).isEqualTo(1);
    assertThat(deltas.sent).isEqualTo(2);
    assertThat(subscriber.result().join().error()).isInstanceOf(MalformedJsonException.class);
  }

  @Test
  void aCallbacksExceptionCancelsAndFailsTheFuture() {
    BindingSession<Plan> session = BINDER.open();
    IllegalStateException bug = new IllegalStateException("bug");
    session.onText(
        "$.goal",
        (path, full, delta) -> {
          throw bug;
        });
    ScriptedPublisher<String> deltas = new ScriptedPublisher<>(pieces(PLAN, 4));
    DeltaSubscriber<CharSequence, Plan> subscriber = DeltaSubscriber.text(session);
    deltas.subscribe(subscriber);
    assertThat(deltas.cancels).isEqualTo(1);
    assertThatThrownBy(() -> subscriber.result().join()).hasCause(bug);
  }

  @Test
  void anErrorFromACallbackCancelsTheUpstreamFailsTheSessionAndTheFuture() {
    BindingSession<Plan> session = BINDER.open();
    AssertionError bug = new AssertionError("bug");
    List<Models.Task> seen = new ArrayList<>();
    session.onItem(
        "$.tasks[*]",
        Models.Task.class,
        task -> {
          seen.add(task);
          throw bug;
        });
    List<String> pieces = pieces(PLAN, 4);
    ScriptedPublisher<String> deltas = new ScriptedPublisher<>(pieces);
    DeltaSubscriber<CharSequence, Plan> subscriber = DeltaSubscriber.text(session, 1);
    deltas.subscribe(subscriber); // the error does not escape to the publisher (rule 2.13)
    assertThat(seen).hasSize(1);
    assertThat(deltas.cancels).isEqualTo(1);
    assertThat(deltas.sent).isLessThan(pieces.size());
    assertThat(subscriber.result()).isCompletedExceptionally();
    assertThatThrownBy(() -> subscriber.result().join()).hasCause(bug);
    assertThat(session.stats().phase()).isEqualTo(SessionStats.Phase.FAILED);
    assertThatThrownBy(() -> session.feed("]}"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("the session failed: bug")
        .hasCause(bug);
  }

  @Test
  void anErrorFromAHookAtTheEndStillCompletesTheFuture() {
    BindingSession<Plan> session = BINDER.open();
    AssertionError bug = new AssertionError("hook");
    session.addListener(
        new SessionListener() {
          @Override
          public void completed(BindingResult<?> result, SessionStats stats) {
            throw bug;
          }
        });
    ScriptedPublisher<String> deltas = new ScriptedPublisher<>(pieces(PLAN, 5));
    DeltaSubscriber<CharSequence, Plan> subscriber = DeltaSubscriber.text(session);
    deltas.subscribe(subscriber);
    assertThat(subscriber.result()).isCompletedExceptionally();
    assertThatThrownBy(() -> subscriber.result().join()).hasCause(bug);
  }

  @Test
  void anErrorFromAHookOnCloseStillCancelsAndFailsTheFuture() {
    BindingSession<Plan> session = BINDER.open();
    AssertionError bug = new AssertionError("cancelled hook");
    session.addListener(
        new SessionListener() {
          @Override
          public void cancelled(SessionStats stats) {
            throw bug;
          }
        });
    IOException reset = new IOException("connection reset");
    ScriptedPublisher<String> deltas = new ScriptedPublisher<>(List.of("{\"goal\":\"g"), reset);
    DeltaSubscriber<CharSequence, Plan> subscriber = DeltaSubscriber.text(session);
    deltas.subscribe(subscriber);
    assertThatThrownBy(() -> subscriber.result().join())
        .hasCause(reset)
        .satisfies(e -> assertThat(e.getCause().getSuppressed()).containsExactly(bug));

    BindingSession<Plan> other = BINDER.open();
    other.addListener(
        new SessionListener() {
          @Override
          public void cancelled(SessionStats stats) {
            throw bug;
          }
        });
    DeltaSubscriber<CharSequence, Plan> cancelled = DeltaSubscriber.text(other);
    List<String> log = new ArrayList<>();
    cancelled.onSubscribe(subscription(log, "s"));
    cancelled.onNext("{\"goal\":");
    assertThatThrownBy(cancelled::cancel).isSameAs(bug);
    assertThat(log).containsExactly("s request 16", "s cancel");
    assertThat(cancelled.result()).isCancelled();
  }

  @Test
  void anUpstreamErrorClosesTheSessionAndFailsTheFuture() {
    IOException reset = new IOException("connection reset");
    BindingSession<Plan> session = BINDER.open();
    ScriptedPublisher<String> deltas = new ScriptedPublisher<>(List.of("{\"goal\":\"g"), reset);
    DeltaSubscriber<CharSequence, Plan> subscriber = DeltaSubscriber.text(session);
    deltas.subscribe(subscriber);
    assertThatThrownBy(() -> subscriber.result().join()).hasCause(reset);
    assertThat(session.stats().phase()).isEqualTo(SessionStats.Phase.CANCELLED);
    assertThat(session.partial().goal()).isEqualTo("g");
  }

  @Test
  void cancelCancelsTheSubscriptionTheSessionAndTheFutureOnce() {
    BindingSession<Plan> session = BINDER.open();
    DeltaSubscriber<CharSequence, Plan> subscriber = DeltaSubscriber.text(session, 2);
    List<String> log = new ArrayList<>();
    subscriber.onSubscribe(subscription(log, "s"));
    subscriber.onNext("{\"goal\":");
    subscriber.cancel();
    subscriber.cancel();
    subscriber.onNext("\"late\"}"); // on its way before the cancel arrived: ignored (2.8)
    subscriber.onComplete();
    assertThat(log).containsExactly("s request 2", "s cancel");
    assertThat(subscriber.result()).isCancelled();
    assertThat(session.stats().phase()).isEqualTo(SessionStats.Phase.CANCELLED);
    assertThat(session.stats().deltas()).isEqualTo(1);
  }

  @Test
  void cancellingTheFutureCancelsTheSubscription() {
    BindingSession<Plan> session = BINDER.open();
    DeltaSubscriber<CharSequence, Plan> subscriber = DeltaSubscriber.text(session);
    List<String> log = new ArrayList<>();
    subscriber.onSubscribe(subscription(log, "s"));
    subscriber.result().cancel(false);
    assertThat(log).containsExactly("s request 16", "s cancel");
    assertThat(session.stats().phase()).isEqualTo(SessionStats.Phase.NOT_STARTED);
    assertThatThrownBy(() -> session.feed("{")).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void cancelsASecondSubscription() {
    DeltaSubscriber<CharSequence, Plan> subscriber = DeltaSubscriber.text(BINDER.open());
    List<String> log = new ArrayList<>();
    subscriber.onSubscribe(subscription(log, "first"));
    subscriber.onSubscribe(subscription(log, "second"));
    assertThat(log).containsExactly("first request 16", "second cancel");
  }

  @Test
  void throwsNullPointerExceptionForNullSignals() {
    DeltaSubscriber<CharSequence, Plan> subscriber = DeltaSubscriber.text(BINDER.open());
    assertThatThrownBy(() -> subscriber.onSubscribe(null)).isInstanceOf(NullPointerException.class);
    subscriber.onSubscribe(subscription(new ArrayList<>(), "s"));
    assertThatThrownBy(() -> subscriber.onNext(null)).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> subscriber.onError(null)).isInstanceOf(NullPointerException.class);
  }

  @Test
  void feedsBytesAndBuffers() {
    byte[] utf8 = PLAN.getBytes(StandardCharsets.UTF_8);
    List<byte[]> arrays = new ArrayList<>();
    List<ByteBuffer> buffers = new ArrayList<>();
    for (int i = 0; i < utf8.length; i += 3) {
      byte[] piece = java.util.Arrays.copyOfRange(utf8, i, Math.min(utf8.length, i + 3));
      arrays.add(piece);
      buffers.add(ByteBuffer.wrap(piece.clone()));
    }
    DeltaSubscriber<byte[], Plan> bytes = DeltaSubscriber.bytes(BINDER.open());
    new ScriptedPublisher<>(arrays).subscribe(bytes);
    DeltaSubscriber<ByteBuffer, Plan> buffered = DeltaSubscriber.buffers(BINDER.open(), 4);
    new ScriptedPublisher<>(buffers).subscribe(buffered);
    assertThat(bytes.value().join()).isEqualTo(PLAN_VALUE);
    assertThat(buffered.value().join()).isEqualTo(PLAN_VALUE);
  }

  @Test
  void worksWithTheJdksSubmissionPublisherAcrossThreads() throws Exception {
    ExecutorService executor = Executors.newSingleThreadExecutor();
    try (SubmissionPublisher<String> publisher = new SubmissionPublisher<>(executor, 4)) {
      BindingSession<Plan> session = BINDER.open();
      List<String> titles = new ArrayList<>();
      session.onItem("$.tasks[*]", Models.Task.class, task -> titles.add(task.title()));
      DeltaSubscriber<CharSequence, Plan> subscriber = DeltaSubscriber.text(session, 2);
      publisher.subscribe(subscriber);
      for (String piece : pieces(PLAN, 3)) {
        publisher.submit(piece);
      }
      publisher.close();
      assertThat(subscriber.value().get(30, TimeUnit.SECONDS)).isEqualTo(PLAN_VALUE);
      assertThat(titles).containsExactly("a", "b", "c");
    } finally {
      executor.shutdown();
    }
  }

  @Test
  void valueFailsWithTheViolationsCompleteWouldThrow() {
    DeltaSubscriber<CharSequence, Plan> subscriber = DeltaSubscriber.text(BINDER.open());
    new ScriptedPublisher<>(List.of(Models.TWO_INVALID)).subscribe(subscriber);
    assertThat(subscriber.result().join().violations()).hasSize(2);
    assertThatThrownBy(() -> subscriber.value().join())
        .hasCauseInstanceOf(ValidationException.class)
        .cause()
        .satisfies(e -> assertThat(((ValidationException) e).path()).isEqualTo(JsonPath.root()));
  }

  @Test
  void anEarlyCancelCancelsTheSubscriptionWhenItComes() {
    DeltaSubscriber<CharSequence, Plan> subscriber = DeltaSubscriber.text(BINDER.open());
    subscriber.cancel();
    List<String> log = new ArrayList<>();
    subscriber.onSubscribe(subscription(log, "late"));
    assertThat(log).containsExactly("late cancel");
    assertThat(subscriber.result()).isCancelled();
    assertThatThrownBy(() -> subscriber.result().join()).isInstanceOf(CancellationException.class);
  }

  private static Flow.Subscription subscription(List<String> log, String name) {
    return new Flow.Subscription() {
      @Override
      public void request(long n) {
        log.add(name + " request " + n);
      }

      @Override
      public void cancel() {
        log.add(name + " cancel");
      }
    };
  }
}
