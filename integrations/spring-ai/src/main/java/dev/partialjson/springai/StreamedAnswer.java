package dev.partialjson.springai;

import dev.partialjson.binding.BindingResult;
import dev.partialjson.binding.BindingSession;
import dev.partialjson.binding.BoundItem;
import dev.partialjson.binding.FailurePolicy;
import dev.partialjson.binding.SessionStats;
import dev.partialjson.binding.StreamingBinder;
import dev.partialjson.binding.ValidationException;
import dev.partialjson.parser.JsonEvent;
import dev.partialjson.parser.PartialJsonException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.SynchronousSink;

/**
 * One streamed answer, bound as it arrives: views of it as a {@link Flux} of list items ({@link
 * #items}), of parser events ({@link #events}), and a {@link Mono} of the validated value ({@link
 * #value}, {@link #result}, {@link #outcome}). Made by {@link ChatClientBinding#bind}.
 *
 * <pre>{@code
 * StreamedAnswer<Plan> answer = plans.bind(chatClient.prompt(goal)
 *     .options(plans.openAiOptions()).stream().chatResponse());
 * Flux<Task> tasks = answer.items("$.tasks[*]", Task.class);   // each as its object closes
 * Mono<Plan> plan = answer.value();                            // validated, at the end
 * Flux.merge(tasks.doOnNext(ui::addTask), plan.doOnNext(ui::done)).subscribe();
 * }</pre>
 *
 * <p>All views share one pass over the stream, so one request: take every view first, then
 * subscribe to each of them once. The request starts when the last view taken is subscribed (as
 * with Reactor's {@code publish().refCount(n)}); a view that is never subscribed holds it back.
 * Each pass opens a new {@link BindingSession} of the binder; the session fails fast or collects
 * violations as the binder's {@link FailurePolicy} says.
 *
 * <ul>
 *   <li>Demand: deltas are read from the stream as the views ask for what they cause, a few ahead,
 *       so a slow subscriber slows the reading instead of filling a buffer.
 *   <li>Failing fast: when the session stops on its input (malformed JSON, an invalid item under
 *       {@link FailurePolicy#FAIL_FAST}), the stream is cancelled at once, which closes the HTTP
 *       response; the views end as documented on each.
 *   <li>Cancelling: when every view is cancelled, the stream is cancelled and the session closed.
 *   <li>Usage: the token usage of the provider's final chunk is reported to the session ({@link
 *       SessionStats#usage()}) before it ends.
 *   <li>Reasoning: the model's reasoning reaches the session's {@link BindingSession#onReasoning}
 *       listeners apart from the answer, as segments (start, deltas, end), each piece once: the
 *       provider's own field through {@link BindingSession#feedReasoning}, and a {@code <think>} or
 *       {@code <thinking>} block before the JSON in the text as the parser finds it. See {@link
 *       #reasoning()}.
 * </ul>
 *
 * <p>Views are taken from any thread (this object is thread-safe until its first subscription); the
 * session's callbacks and the views' signals run on the thread that delivers the stream's chunks.
 */
public final class StreamedAnswer<T> {

  /**
   * How a streamed answer ended.
   *
   * @param result the session's result: the value, its violations, or the error that left no value
   * @param stats the session's figures at the end, with the provider's token usage if it reported
   *     one
   * @param finishReason the provider's reason for the end as Spring AI names it ({@code STOP},
   *     {@code LENGTH} for an answer cut off at its token limit, ...), or null if none arrived (the
   *     stream was cut short, or the session stopped before the end)
   * @param refusal the model's refusal to answer (OpenAI's {@code refusal}, which comes instead of
   *     the JSON, so the result has no value), or null if it did not refuse
   */
  public record Outcome<T>(
      BindingResult<T> result,
      SessionStats stats,
      @Nullable String finishReason,
      @Nullable String refusal) {
    /** Checks that the result and the figures are present. */
    public Outcome {
      Objects.requireNonNull(result, "result == null");
      Objects.requireNonNull(stats, "stats == null");
    }
  }

  private final StreamingBinder<T> binder;
  private final Flux<Delta> deltas;
  private final List<AnswerPass.ItemView> items = new ArrayList<>(); // guarded by this
  private boolean events; // guarded by this
  private int views; // guarded by this
  private @Nullable Consumer<? super BindingSession<T>> setup; // guarded by this
  private @Nullable Flux<AnswerSignal> shared; // set at the first subscription, under this

  StreamedAnswer(StreamingBinder<T> binder, Flux<Delta> deltas) {
    this.binder = binder;
    this.deltas = deltas;
  }

  /**
   * Calls {@code setup} with the session when the request starts, before the first delta: register
   * further callbacks there ({@code onText}, {@code onCheckedItem}, a {@code SessionListener}, and
   * {@link BindingSession#onReasoning} for the model's reasoning in every form; see {@link
   * #reasoning()}). Another call replaces the one before.
   *
   * @throws IllegalStateException if a view has been subscribed already
   */
  public synchronized StreamedAnswer<T> onSession(Consumer<? super BindingSession<T>> setup) {
    Objects.requireNonNull(setup, "setup == null");
    checkNotStarted();
    this.setup = setup;
    return this;
  }

  /**
   * Returns the list items at paths matching {@code pattern} ({@code $.tasks[*]}), each bound to
   * {@code type}, valid, and emitted as soon as it closes, in the delta that closes it. The flux
   * completes when the answer completes with a valid value; it fails with what {@link
   * BindingSession#complete()} would throw: the {@link PartialJsonException} that stopped the
   * session (an invalid item under {@link FailurePolicy#FAIL_FAST}, malformed or incomplete JSON),
   * or a {@link ValidationException} with every violation; and with the stream's own error.
   *
   * @throws IllegalArgumentException if the pattern is not a list item pattern of the binder's type
   *     or {@code type} cannot hold its items (see {@link BindingSession#onItem})
   * @throws IllegalStateException if a view has been subscribed already
   */
  public <E> Flux<E> items(String pattern, Class<E> type) {
    ItemView view = itemView(pattern, type, false);
    int index = view.index();
    return view.signals()
        .handle(
            (signal, sink) -> {
              if (signal instanceof AnswerSignal.Item item && item.view() == index) {
                @SuppressWarnings("unchecked") // bound to type by the session (a primitive boxed)
                E value = (E) item.value();
                sink.next(value);
              } else if (signal instanceof AnswerSignal.End end) {
                if (end.failure() != null) {
                  sink.error(end.failure());
                } else {
                  sink.complete();
                }
              }
            });
  }

  /**
   * Returns every list item at paths matching {@code pattern} as it closes, valid or not, with its
   * path and violations (as {@link BindingSession#onCheckedItem} delivers them): what a UI needs to
   * show each item in its place and mark the invalid ones. The flux completes when the session
   * completes, valid or not, and fails with the error that stopped the session (after the failed
   * item, under {@link FailurePolicy#FAIL_FAST}) or with the stream's own error.
   *
   * @throws IllegalArgumentException as {@link #items} does
   * @throws IllegalStateException if a view has been subscribed already
   */
  public <E> Flux<BoundItem<E>> checkedItems(String pattern, Class<E> type) {
    ItemView view = itemView(pattern, type, true);
    int index = view.index();
    return view.signals()
        .handle(
            (signal, sink) -> {
              if (signal instanceof AnswerSignal.Item item && item.view() == index) {
                @SuppressWarnings("unchecked") // bound to type by the session
                BoundItem<E> value = (BoundItem<E>) item.value();
                sink.next(value);
              } else if (signal instanceof AnswerSignal.End end) {
                endOnError(end, sink);
              }
            });
  }

  /** An item view's signals, and its index among the pass's item views. */
  private record ItemView(int index, Flux<AnswerSignal> signals) {}

  /** Checks and registers an item view. */
  private ItemView itemView(String pattern, Class<?> type, boolean checked) {
    Objects.requireNonNull(pattern, "pattern == null");
    Objects.requireNonNull(type, "type == null");
    try (BindingSession<T> probe = binder.open()) {
      probe.onItem(pattern, type, item -> {}); // the session's own checks, now rather than later
    }
    synchronized (this) {
      checkNotStarted();
      items.add(new AnswerPass.ItemView(pattern, type, checked));
      return new ItemView(items.size() - 1, view());
    }
  }

  /** Ends a view that completes whether or not the value is valid. */
  private static void endOnError(AnswerSignal.End end, SynchronousSink<?> sink) {
    PartialJsonException error = end.outcome().result().error();
    if (error != null) {
      sink.error(error);
    } else {
      sink.complete();
    }
  }

  /**
   * Returns the parser's events (a string growing, a value complete, a container opening or
   * closing), each with its JSON path: what a browser needs to render the answer as it streams; the
   * reasoning's start, deltas and end come too, in arrival order ({@code REASONING_*} kinds, at
   * path {@code $}). The flux completes when the session completes, valid or not, and fails with
   * the error that stopped the session or with the stream's own error.
   *
   * @throws IllegalStateException if a view has been subscribed already
   */
  public Flux<JsonEvent> events() {
    Flux<AnswerSignal> view;
    synchronized (this) {
      checkNotStarted();
      events = true;
      view = view();
    }
    return view.handle(
        (signal, sink) -> {
          if (signal instanceof AnswerSignal.Event event) {
            sink.next(event.event());
          } else if (signal instanceof AnswerSignal.End end) {
            endOnError(end, sink);
          }
        });
  }

  /**
   * Returns the reasoning the provider streamed apart from the answer (a {@code reasoning_content}
   * or {@code reasoning} field, as DeepSeek, vLLM, Ollama, OpenRouter and other OpenAI-compatible
   * servers send it), piece by piece as it arrived: the raw view of that one form. Each piece also
   * goes to the session through {@link BindingSession#feedReasoning}, never into the value.
   *
   * <p>The one model of reasoning in every form is the session's: register {@link
   * BindingSession#onReasoning} in {@link #onSession} to get start, deltas and end of the
   * provider's field and of a {@code <think>} or {@code <thinking>} block in the text alike, which
   * this view does not hold (it is the answer's text, which the parser splits; {@link
   * SessionStats#reasoningChars()} counts both). When the chat client's tool loop streams one
   * completion after another, the reasoning of each is its own segment of the session.
   *
   * <p>Empty where the provider sends none, and from {@link ChatClientBinding#bindContent}.
   * Completes when the session ends, whatever its outcome; fails only with the stream's own error
   * or a callback's exception.
   *
   * @throws IllegalStateException if a view has been subscribed already
   */
  public Flux<String> reasoning() {
    Flux<AnswerSignal> view;
    synchronized (this) {
      checkNotStarted();
      view = view();
    }
    return view.takeUntil(signal -> signal instanceof AnswerSignal.End)
        .ofType(AnswerSignal.Reasoning.class)
        .map(AnswerSignal.Reasoning::delta);
  }

  /**
   * Returns how the answer ended, without failing for what the answer did wrong: the {@link
   * Outcome} with the session's result, figures and the provider's finish reason. Fails only with
   * the stream's own error or a callback's exception.
   *
   * <p>An answer with no text (the model only called a tool, perhaps after reasoning) has a result
   * with no value and the error of an empty input, whether or not reasoning came first: its
   * statistics tell it apart, with {@code bytes() == 0} and the reasoning in {@code
   * reasoningChars()}.
   *
   * @throws IllegalStateException if a view has been subscribed already
   */
  public Mono<Outcome<T>> outcome() {
    return end()
        .map(
            end -> {
              @SuppressWarnings("unchecked") // every pass of this answer binds to T
              Outcome<T> outcome = (Outcome<T>) end.outcome();
              return outcome;
            });
  }

  /**
   * Returns the session's result: the value, its violations, or the error that left no value; see
   * {@link #outcome()}.
   *
   * @throws IllegalStateException if a view has been subscribed already
   */
  public Mono<BindingResult<T>> result() {
    return outcome().map(Outcome::result);
  }

  /**
   * Returns the final value, bound and validated, as {@link BindingSession#complete()} returns it:
   * empty for a JSON {@code null}; failing with the {@link PartialJsonException} that stopped the
   * session or left no value, or a {@link ValidationException} with every violation.
   *
   * @throws IllegalStateException if a view has been subscribed already
   */
  public Mono<T> value() {
    return end()
        .handle(
            (end, sink) -> {
              @SuppressWarnings("unchecked") // every pass of this answer binds to T
              T value = (T) end.outcome().result().value();
              if (end.failure() != null) {
                sink.error(end.failure());
              } else if (value != null) {
                sink.next(value);
              }
            });
  }

  private Mono<AnswerSignal.End> end() {
    Flux<AnswerSignal> view;
    synchronized (this) {
      checkNotStarted();
      view = view();
    }
    return view.ofType(AnswerSignal.End.class).next();
  }

  /** Returns a new view: the shared pass, subscribable once. Called under this. */
  private Flux<AnswerSignal> view() {
    views++;
    AtomicBoolean subscribed = new AtomicBoolean();
    return Flux.defer(
        () ->
            subscribed.compareAndSet(false, true)
                ? connect()
                : Flux.error(
                    new IllegalStateException(
                        "a view of a streamed answer is subscribed once: the answer is one"
                            + " request")));
  }

  private synchronized Flux<AnswerSignal> connect() {
    if (shared == null) {
      shared =
          new AnswerPass<>(binder, deltas, items, events, setup)
              .flux()
              .publish(AnswerPass.PREFETCH)
              // Not autoConnect: only refCount cancels the pass when every view has cancelled.
              .refCount(views);
    }
    return shared;
  }

  private void checkNotStarted() {
    if (shared != null) {
      throw new IllegalStateException(
          "views and the session's setup must be taken before the first subscription");
    }
  }
}
