package dev.partialjson.samples;

import dev.partialjson.binding.BindingSession;
import dev.partialjson.binding.SessionStats;
import dev.partialjson.binding.StreamingBinder;
import dev.partialjson.binding.flow.DeltaSubscriber;
import dev.partialjson.binding.flow.SessionPublisher;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.io.PrintStream;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;
import reactor.adapter.JdkFlowAdapter;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * A {@code Flux<String>} of deltas, as Spring AI's and LangChain4j's reactive APIs hand them out,
 * bound to a record through the library's {@code Flow} adapters: {@link DeltaSubscriber} feeds the
 * session, and {@link SessionPublisher} hands out the list items as a {@code Flux<Day>}, each one
 * as soon as its <code>&#125;</code> arrives, while the rest of the answer is still streaming.
 * Reactor converts in one line each way ({@link JdkFlowAdapter}). The deltas are a recorded answer;
 * with a real model they would come from its client's {@code Flux<String>}. Runs offline:
 *
 * <pre>
 * ./mvnw -q -pl samples -am package -Dmaven.test.skip=true exec:java \
 *     -Ddemo.mainClass=dev.partialjson.samples.ReactorDemo
 * </pre>
 */
public final class ReactorDemo {

  /** The answer: where, the weather now, and the days ahead. */
  public record Forecast(
      @NotBlank String location, Conditions weather, @Size(min = 1) List<@Valid Day> forecast) {}

  /** The weather now, as the model worded it. */
  public record Conditions(
      String temperature,
      String condition,
      String humidity,
      String windSpeed,
      String windDirection) {}

  /** One day of the forecast: a list item, published as it closes. */
  public record Day(@NotBlank String day, String high, String low, String condition) {}

  private ReactorDemo() {}

  /** Runs the demo on standard output. */
  public static void main(String[] args) {
    PrintStream out = SampleConsole.stdout();
    run(out);
    out.flush();
  }

  /** Streams the recorded forecast through Reactor and the session, printing to {@code out}. */
  public static void run(PrintStream out) {
    Objects.requireNonNull(out, "out == null");
    Recording recording = Recording.OPENAI_FORECAST;
    out.println("== " + recording.description());
    List<String> recorded = recording.deltas().stream().map(ModelDeltas.Delta::text).toList();
    AtomicInteger fed = new AtomicInteger();
    Flux<String> deltas = Flux.fromIterable(recorded).doOnNext(delta -> fed.incrementAndGet());

    BindingSession<Forecast> session = StreamingBinder.of(Forecast.class).open();
    Flux<Day> days =
        JdkFlowAdapter.flowPublisherToFlux(
            SessionPublisher.items(session, "$.forecast[*]", Day.class));
    days.map(
            day ->
                "Flux<Day> onNext after delta " + fed.get() + " of " + recorded.size() + ": " + day)
        .doOnComplete(() -> out.println("Flux<Day> onComplete after delta " + fed.get()))
        .subscribe(out::println, error -> out.println("Flux<Day> onError: " + error));

    DeltaSubscriber<CharSequence, Forecast> input = DeltaSubscriber.text(session);
    JdkFlowAdapter.publisherToFlowPublisher(deltas).subscribe(input);

    // Flux.fromIterable emits on the subscribing thread, so the value is there already; a network
    // Flux would complete later, and block() (or a further operator) would wait for it.
    Forecast forecast = Mono.fromFuture(input.value()).block();
    out.println("value: " + forecast);
    SessionStats stats = session.stats();
    out.println(
        "session: "
            + stats.phase()
            + ", "
            + stats.deltas()
            + " deltas, "
            + stats.bytes()
            + " bytes, "
            + stats.events()
            + " events");
  }
}
