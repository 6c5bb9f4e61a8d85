package dev.partialjson.binding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.partialjson.binding.Models.Plan;
import dev.partialjson.parser.IncompleteJsonException;
import dev.partialjson.parser.JsonEvent;
import dev.partialjson.parser.MalformedJsonException;
import dev.partialjson.testkit.Splits;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SessionStatsTest {
  /** A clock that moves only when the test says so. */
  static final class FakeClock {
    long now;

    long now() {
      return now;
    }
  }

  /** Records every hook as a line. */
  static final class Log implements SessionListener {
    final List<String> lines = new ArrayList<>();
    final List<SessionStats> ends = new ArrayList<>();

    @Override
    public void started(SessionStats stats) {
      lines.add("started " + stats.phase() + " " + stats.deltas());
    }

    @Override
    public void event(JsonEvent event) {
      lines.add(event.toString());
    }

    @Override
    public void completed(BindingResult<?> result, SessionStats stats) {
      lines.add("completed valid=" + result.isValid());
      ends.add(stats);
    }

    @Override
    public void failed(Throwable error, SessionStats stats) {
      lines.add("failed " + error.getClass().getSimpleName());
      ends.add(stats);
    }

    @Override
    public void cancelled(SessionStats stats) {
      lines.add("cancelled");
      ends.add(stats);
    }
  }

  private final FakeClock clock = new FakeClock();
  private final StreamingBinder<Plan> binder =
      StreamingBinder.builder(Plan.class).nanoTime(clock::now).build();

  private static Duration nanos(long n) {
    return Duration.ofNanos(n);
  }

  @Test
  void measuresFromTheFirstInputWithTheInjectedClock() {
    clock.now = 100;
    BindingSession<Plan> session = binder.open();
    assertThat(session.stats())
        .isEqualTo(
            new SessionStats(
                SessionStats.Phase.NOT_STARTED,
                0,
                0,
                0,
                0,
                null,
                null,
                null,
                null,
                Duration.ZERO,
                null));

    clock.now = 1_000;
    session.feed("Sure: ");
    clock.now = 1_200;
    assertThat(session.stats())
        .isEqualTo(
            new SessionStats(
                SessionStats.Phase.STREAMING,
                6,
                0,
                1,
                0,
                null,
                null,
                null,
                null,
                nanos(200),
                null));

    clock.now = 1_500;
    session.feed("{\"goal\":\"g");
    assertThat(session.stats())
        .isEqualTo(
            new SessionStats(
                SessionStats.Phase.STREAMING,
                16,
                0,
                2,
                3,
                nanos(500),
                null,
                null,
                null,
                nanos(500),
                null));

    clock.now = 2_500;
    session.feed("o\",\"tasks\":[]}");
    clock.now = 4_000;
    session.result(); // valid JSON, invalid plan (no tasks): completed all the same
    SessionStats end =
        new SessionStats(
            SessionStats.Phase.COMPLETED,
            30,
            0,
            3,
            9,
            nanos(500),
            null,
            nanos(1_500),
            nanos(3_000),
            nanos(3_000),
            null);
    assertThat(session.stats()).isEqualTo(end);
    clock.now = 9_000;
    assertThat(session.stats()).as("frozen at the end").isEqualTo(end);
  }

  @Test
  void reportedUsageReachesTheStatsAndTheCompletedHookAndTheLastReportWins() {
    List<SessionStats> completed = new ArrayList<>();
    BindingSession<Plan> session =
        binder
            .open()
            .addListener(
                new SessionListener() {
                  @Override
                  public void completed(BindingResult<?> result, SessionStats stats) {
                    completed.add(stats);
                  }
                });
    assertThat(session.stats().usage()).isNull();
    session.feed("{\"goal\":\"go\",\"tasks\":[]}");
    session.reportUsage(new TokenUsage(12, 3));
    session.reportUsage(new TokenUsage(12, 7));
    session.result();
    assertThat(completed)
        .singleElement()
        .extracting(SessionStats::usage)
        .isEqualTo(new TokenUsage(12, 7));
    session.reportUsage(new TokenUsage(12, 9));
    assertThat(session.stats().usage()).as("after the end").isEqualTo(new TokenUsage(12, 9));
    assertThat(session.stats().usage().totalTokens()).isEqualTo(21);
  }

  @Test
  void usageRefusesNullAndNegativeCounts() {
    BindingSession<Plan> session = binder.open();
    assertThatThrownBy(() -> session.reportUsage(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("usage == null");
    assertThatThrownBy(() -> new TokenUsage(-1, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("inputTokens < 0: -1");
    assertThatThrownBy(() -> new TokenUsage(0, -2))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("outputTokens < 0: -2");
  }

  @Test
  void callsTheHooksInOrderWithOneEnd() {
    Log log = new Log();
    clock.now = 10;
    BindingSession<Plan> session = binder.open().addListener(log);
    session.feed("{\"goal\":\"go\",");
    clock.now = 50;
    session.feed("\"tasks\":[]}");
    session.result();
    session.result();
    session.close();
    assertThat(log.lines)
        .containsExactly(
            "started STREAMING 0",
            "START_OBJECT $",
            "STRING_DELTA $.goal \"go\"",
            "STRING $.goal \"go\"",
            "START_ARRAY $.tasks",
            "END_ARRAY $.tasks",
            "END_OBJECT $",
            "DOCUMENT_END $",
            "completed valid=false");
    assertThat(log.ends).containsExactly(session.stats());
    assertThat(log.ends.get(0).timeToEnd()).isEqualTo(nanos(40));
  }

  @Test
  void reportsAFailureOnceWhereItHappens() {
    Log log = new Log();
    BindingSession<Plan> session = binder.open().addListener(log);
    clock.now = 7;
    session.feed("{\"goal\":");
    clock.now = 19;
    assertThatThrownBy(() -> session.feed("]")).isInstanceOf(MalformedJsonException.class);
    clock.now = 30;
    assertThat(session.result().error()).isInstanceOf(MalformedJsonException.class);
    session.close();
    assertThat(log.lines)
        .containsExactly("started STREAMING 0", "START_OBJECT $", "failed MalformedJsonException");
    SessionStats stats = session.stats();
    assertThat(stats.phase()).isEqualTo(SessionStats.Phase.FAILED);
    assertThat(stats.timeToEnd()).isEqualTo(nanos(12));
    assertThat(stats.deltas()).isEqualTo(2);
  }

  @Test
  void reportsIncompleteInputAsAFailureAtTheEnd() {
    Log log = new Log();
    BindingSession<Plan> session = binder.open().addListener(log);
    session.feed("{\"goal\":\"g");
    assertThat(session.result().error()).isInstanceOf(IncompleteJsonException.class);
    assertThat(log.lines).last().isEqualTo("failed IncompleteJsonException");
  }

  @Test
  void reportsAValueWithViolationsAsCompleted() {
    Log log = new Log();
    BindingSession<Plan> session = binder.open().addListener(log);
    session.feed(FailurePolicyTest.TWO_INVALID);
    assertThatThrownBy(session::complete).isInstanceOf(ValidationException.class);
    assertThat(log.lines).last().isEqualTo("completed valid=false");
  }

  @Test
  void reportsACloseBeforeTheEndAsCancelledAndAnUnusedSessionNotAtAll() {
    Log log = new Log();
    BindingSession<Plan> session = binder.open().addListener(log);
    clock.now = 3;
    session.feed("{");
    clock.now = 8;
    session.close();
    session.close();
    assertThat(log.lines).containsExactly("started STREAMING 0", "START_OBJECT $", "cancelled");
    assertThat(session.stats().phase()).isEqualTo(SessionStats.Phase.CANCELLED);
    assertThat(session.stats().timeToEnd()).isEqualTo(nanos(5));

    Log unused = new Log();
    BindingSession<Plan> idle = binder.open().addListener(unused);
    idle.close();
    assertThat(unused.lines).isEmpty();
    assertThat(idle.stats().phase()).isEqualTo(SessionStats.Phase.NOT_STARTED);
  }

  @Test
  void binderListenersAreMadeOncePerSession() {
    List<Log> made = new ArrayList<>();
    StreamingBinder<Plan> listened =
        StreamingBinder.builder(Plan.class)
            .nanoTime(clock::now)
            .sessionListener(
                () -> {
                  Log log = new Log();
                  made.add(log);
                  return log;
                })
            .build();
    BindingSession<Plan> first = listened.open();
    BindingSession<Plan> second = listened.open();
    first.feed("{\"goal\":\"a\",\"tasks\":[]}");
    first.result();
    second.close();
    assertThat(made).hasSize(2);
    assertThat(made.get(0).lines).last().isEqualTo("completed valid=false");
    assertThat(made.get(1).lines).isEmpty();
  }

  @Test
  void listenersMustBeAddedBeforeTheFirstFeed() {
    BindingSession<Plan> session = binder.open();
    session.feed("{");
    assertThatThrownBy(() -> session.addListener(new Log()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("listeners must be added before the first feed");
  }

  @Test
  void anEventHookExceptionStopsTheSessionLikeACallbacks() {
    BindingSession<Plan> session =
        binder
            .open()
            .addListener(
                new SessionListener() {
                  @Override
                  public void event(JsonEvent event) {
                    throw new IllegalStateException("hook");
                  }
                });
    assertThatThrownBy(() -> session.feed("{")).hasMessage("hook");
    assertThat(session.stats().phase()).isEqualTo(SessionStats.Phase.FAILED);
  }

  @Test
  void countsTheSameBytesAndEventsWhateverTheSplit() {
    String document = BindingSessionTest.PLAN;
    long bytes = document.getBytes(StandardCharsets.UTF_8).length;
    Long otherEvents = null;
    for (Splits.Split split : Sweep.of(document)) {
      BindingSession<Plan> session = binder.open();
      long[] deltas = {0};
      session.addListener(
          new SessionListener() {
            @Override
            public void event(JsonEvent event) {
              if (event.kind() == JsonEvent.Kind.STRING_DELTA) {
                deltas[0]++;
              }
            }
          });
      Sweep.feed(split, session);
      session.complete();
      SessionStats stats = session.stats();
      assertThat(stats.bytes()).as(split.name()).isEqualTo(bytes);
      long others = stats.events() - deltas[0];
      if (otherEvents == null) {
        otherEvents = others;
      }
      assertThat(others).as(split.name()).isEqualTo(otherEvents);
      assertThat(stats.timeToFirstEvent()).isEqualTo(Duration.ZERO);
    }
  }
}
