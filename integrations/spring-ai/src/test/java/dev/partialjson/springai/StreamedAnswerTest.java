package dev.partialjson.springai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.partialjson.binding.BindingResult;
import dev.partialjson.binding.StreamingBinder;
import dev.partialjson.parser.MalformedJsonException;
import dev.partialjson.springai.sample.Trip;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

/** The answer's views over a stream of text deltas made in the test, without a model. */
class StreamedAnswerTest {
  private static final Duration END = Duration.ofSeconds(10);
  private final ChatClientBinding<Trip> trips =
      ChatClientBinding.of(StreamingBinder.of(Trip.class));

  /** Returns a trip with {@code n} activities, one delta per activity and one each side. */
  private static List<String> tripDeltas(int n) {
    List<String> deltas = new ArrayList<>();
    deltas.add("{\"title\": \"Lisbon\", \"summary\": \"Trams\", \"activities\": [");
    for (int i = 0; i < n; i++) {
      deltas.add(
          (i > 0 ? "," : "") + "{\"name\": \"a" + i + "\", \"day\": \"SUNDAY\", \"hours\": 2}");
    }
    deltas.add("]}");
    return deltas;
  }

  @Test
  void readsTheStreamOnlyAsFarAsTheItemsAreDemanded() {
    AtomicLong read = new AtomicLong();
    // hide(): a network stream is no fuseable queue that could be drained at will
    Flux<String> deltas =
        Flux.fromIterable(tripDeltas(1_000)).hide().doOnNext(d -> read.incrementAndGet());

    StepVerifier.create(trips.bindContent(deltas).items("$.activities[*]", Trip.Activity.class), 3)
        .expectNextCount(3)
        .then(
            // Still subscribed, with no demand left: the pass has read a few deltas ahead (its
            // prefetch and the views' buffer), not the thousand that are there.
            () -> assertThat(read.get()).isGreaterThanOrEqualTo(4).isLessThan(40))
        .thenCancel()
        .verify(END);
  }

  @Test
  void cancelsTheStreamAndKeepsWhatArrivedWhenTheJsonIsMalformed() {
    AtomicBoolean cancelled = new AtomicBoolean();
    Flux<String> deltas =
        Flux.concat(
                Flux.fromIterable(tripDeltas(2).subList(0, 3)), // the opening and two activities
                Flux.just(", oops", "{\"name\": \"never fed\"}"))
            .doOnCancel(() -> cancelled.set(true));
    StreamedAnswer<Trip> answer = trips.bindContent(deltas);
    Flux<Trip.Activity> activities = answer.items("$.activities[*]", Trip.Activity.class);
    var result = answer.result();

    List<Object> seen =
        Flux.<Object>merge(activities.cast(Object.class).onErrorResume(Flux::just), result)
            .collectList()
            .block(END);

    assertThat(cancelled).isTrue();
    assertThat(seen).hasSize(4);
    assertThat(seen.subList(0, 2))
        .containsExactly(
            new Trip.Activity("a0", Trip.Day.SUNDAY, 2),
            new Trip.Activity("a1", Trip.Day.SUNDAY, 2));
    assertThat(seen.get(2)).isInstanceOf(MalformedJsonException.class);
    BindingResult<?> end = (BindingResult<?>) seen.get(3);
    assertThat(end.error()).isSameAs(seen.get(2));
  }

  @Test
  void failsEveryViewWithTheCallbacksOwnExceptionAndCancelsTheStream() {
    AtomicBoolean cancelled = new AtomicBoolean();
    IllegalStateException boom = new IllegalStateException("the UI is gone");
    StreamedAnswer<Trip> answer =
        trips
            .bindContent(Flux.fromIterable(tripDeltas(3)).doOnCancel(() -> cancelled.set(true)))
            .onSession(
                session ->
                    session.onText(
                        "$.title",
                        (path, full, delta) -> {
                          throw boom;
                        }));

    assertThatThrownBy(() -> answer.value().block(END)).isSameAs(boom);
    assertThat(cancelled).isTrue();
  }

  @Test
  void refusesAViewTakenAfterTheFirstSubscription() {
    StreamedAnswer<Trip> answer = trips.bindContent(Flux.fromIterable(tripDeltas(1)));
    answer.value().block(END);

    assertThatThrownBy(answer::result)
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("views and the session's setup must be taken before the first subscription");
  }

  @Test
  void refusesASecondSubscriptionToAView() {
    var value = trips.bindContent(Flux.fromIterable(tripDeltas(1))).value();
    value.block(END);

    assertThatThrownBy(() -> value.block(END))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("a view of a streamed answer is subscribed once: the answer is one request");
  }

  @Test
  void refusesAPatternThatMatchesNoListOfTheType() {
    StreamedAnswer<Trip> answer = trips.bindContent(Flux.empty());

    assertThatThrownBy(() -> answer.items("$.activity[*]", Trip.Activity.class))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("$.activity[*]");
  }

  @Test
  void sharesOneRequestBetweenTheViews() {
    AtomicLong subscriptions = new AtomicLong();
    StreamedAnswer<Trip> answer =
        trips.bindContent(
            Flux.fromIterable(tripDeltas(2)).doOnSubscribe(s -> subscriptions.incrementAndGet()));

    List<Object> seen =
        Flux.<Object>merge(
                answer.items("$.activities[*]", Trip.Activity.class),
                answer.events().count(),
                answer.value())
            .collectList()
            .block(END);

    assertThat(subscriptions).hasValue(1);
    assertThat(seen).hasSize(4);
    assertThat(seen.get(3)).isInstanceOf(Trip.class);
  }
}
