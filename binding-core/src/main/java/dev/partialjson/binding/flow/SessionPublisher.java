package dev.partialjson.binding.flow;

import dev.partialjson.binding.BindingResult;
import dev.partialjson.binding.BindingSession;
import dev.partialjson.binding.FailurePolicy;
import dev.partialjson.binding.SessionListener;
import dev.partialjson.binding.SessionStats;
import dev.partialjson.binding.ValidationException;
import dev.partialjson.parser.JsonEvent;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.Flow;

/**
 * A {@link Flow.Publisher} of what a {@link BindingSession} produces: its completed list items
 * ({@link #items}) or its parser events ({@link #events}), for Reactor, RxJava or Mutiny users to
 * adapt in one line ({@code JdkFlowAdapter.flowPublisherToFlux(publisher)}, {@code
 * FlowAdapters.toPublisher(publisher)}).
 *
 * <pre>{@code
 * BindingSession<Plan> session = binder.open();
 * Flow.Publisher<Task> tasks = SessionPublisher.items(session, "$.tasks[*]", Task.class);
 * tasks.subscribe(ui.taskSubscriber());
 * deltas.subscribe(DeltaSubscriber.text(session));          // or feed the session yourself
 * }</pre>
 *
 * <p>The publisher follows the Reactive Streams rules: one subscriber (a second one gets {@code
 * onError} with an {@link IllegalStateException}), never more {@code onNext} than requested, serial
 * signals, nothing after {@code onComplete}, {@code onError} or {@code cancel}, and {@code onError}
 * with an {@link IllegalArgumentException} for a request of zero or less. Items are pushed by the
 * session while it is fed, on the feeding thread; those that arrive before there is demand (or
 * before there is a subscriber) are buffered without bound, which costs no more than the document
 * the session keeps anyway; a request delivers them on the requesting thread. Cancelling drops the
 * buffer and stops delivery; the session goes on (cancel its input to stop it, for example with
 * {@link DeltaSubscriber#cancel()}).
 *
 * <p>Thread-safe: subscribe, request and cancel from any thread.
 */
public final class SessionPublisher<E> implements Flow.Publisher<E> {
  private final FlowEmitter<E> emitter = new FlowEmitter<>();

  private SessionPublisher() {}

  /**
   * Returns a publisher of the list items at paths matching {@code pattern}, each bound to {@code
   * type} and valid as it closes (as {@link BindingSession#onItem} delivers them). It completes
   * when the session completes without violations; it fails with the exception {@link
   * BindingSession#complete()} would throw (malformed or incomplete input, a {@link
   * ValidationException}, a {@link FailurePolicy#FAIL_FAST} failure as it happens), or with a
   * {@link CancellationException} if the session is closed first.
   *
   * @throws IllegalArgumentException if the pattern is not a list item pattern
   * @throws IllegalStateException if the session has been fed already
   */
  public static <E> SessionPublisher<E> items(
      BindingSession<?> session, String pattern, Class<E> type) {
    Objects.requireNonNull(session, "session == null");
    SessionPublisher<E> publisher = new SessionPublisher<>();
    FlowEmitter<E> emitter = publisher.emitter;
    session.onItem(pattern, type, emitter::push);
    session.addListener(
        new Ends(emitter) {
          @Override
          public void completed(BindingResult<?> result, SessionStats stats) {
            // Completed means bound: the result has no error, so only its violations throw.
            try {
              result.valueOrThrow();
            } catch (ValidationException e) {
              emitter.fail(e);
              return;
            }
            emitter.complete();
          }
        });
    return publisher;
  }

  /**
   * Returns a publisher of the session's parser events, each an immutable {@link JsonEvent}. It
   * completes when the session completes (whether or not the value is valid), fails with the error
   * that stopped the session, or with a {@link CancellationException} if the session is closed
   * first.
   *
   * @throws IllegalStateException if the session has been fed already
   */
  public static SessionPublisher<JsonEvent> events(BindingSession<?> session) {
    Objects.requireNonNull(session, "session == null");
    SessionPublisher<JsonEvent> publisher = new SessionPublisher<>();
    FlowEmitter<JsonEvent> emitter = publisher.emitter;
    session.addListener(
        new Ends(emitter) {
          @Override
          public void event(JsonEvent event) {
            emitter.push(event);
          }

          @Override
          public void completed(BindingResult<?> result, SessionStats stats) {
            emitter.complete();
          }
        });
    return publisher;
  }

  @Override
  public void subscribe(Flow.Subscriber<? super E> subscriber) {
    emitter.subscribe(subscriber);
  }

  /** Ends the publisher when the session fails or is cancelled. */
  private abstract static class Ends implements SessionListener {
    private final FlowEmitter<?> emitter;

    Ends(FlowEmitter<?> emitter) {
      this.emitter = emitter;
    }

    @Override
    public void failed(Throwable error, SessionStats stats) {
      emitter.fail(error);
    }

    @Override
    public void cancelled(SessionStats stats) {
      emitter.fail(new CancellationException("the session was closed before it ended"));
    }
  }
}
