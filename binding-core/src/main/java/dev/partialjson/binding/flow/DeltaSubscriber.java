package dev.partialjson.binding.flow;

import dev.partialjson.binding.BindingResult;
import dev.partialjson.binding.BindingSession;
import dev.partialjson.binding.FailurePolicy;
import dev.partialjson.binding.SessionListener;
import java.nio.ByteBuffer;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;
import java.util.function.BiConsumer;
import org.jspecify.annotations.Nullable;

/**
 * A {@link Flow.Subscriber} of deltas that feeds them to a {@link BindingSession}: text ({@link
 * #text}), UTF-8 byte arrays ({@link #bytes}) or buffers ({@link #buffers}). It requests a small
 * window at a time (the prefetch, 16 by default, topped up as three quarters of it are used), ends
 * the session on {@code onComplete} and hands the outcome to {@link #result()}.
 *
 * <pre>{@code
 * BindingSession<Plan> session = binder.open();
 * session.onItem("$.tasks[*]", Task.class, ui::addTask);
 * DeltaSubscriber<CharSequence, Plan> subscriber = DeltaSubscriber.text(session);
 * modelDeltas.subscribe(subscriber);                  // a Flow.Publisher<String>
 * subscriber.result().thenAccept(result -> ...);      // a BindingResult<Plan>
 * }</pre>
 *
 * <ul>
 *   <li>When the session stops on its input (malformed or over-limit input, an invalid item under
 *       {@link FailurePolicy#FAIL_FAST}) the subscriber cancels its subscription at once, so the
 *       upstream request can stop, and completes {@link #result()} with the failed {@link
 *       BindingResult}. Anything a callback or hook throws, an {@link Error} included, stops the
 *       session, cancels too and completes it exceptionally with what was thrown; it never reaches
 *       the publisher (rule 2.13).
 *   <li>{@code onComplete} completes {@link #result()} with {@link BindingSession#result()}.
 *   <li>{@code onError} closes the session and completes {@link #result()} exceptionally with the
 *       upstream's error.
 *   <li>{@link #cancel()}, or cancelling the future, cancels the subscription and closes the
 *       session.
 * </ul>
 *
 * <p>The session's callbacks run, and the future completes, on the thread that calls {@code onNext}
 * or {@code onComplete}. The signals are serial (the publisher's duty, rule 1.3); {@link #cancel()}
 * may come from any thread and waits for a delta being fed.
 */
public final class DeltaSubscriber<D, T> implements Flow.Subscriber<D> {
  /** The default number of deltas requested ahead. */
  public static final int DEFAULT_PREFETCH = 16;

  private final BindingSession<T> session;
  private final BiConsumer<BindingSession<T>, D> feeder;
  private final int prefetch;
  private final int limit;
  private final CompletableFuture<BindingResult<T>> result = new CompletableFuture<>();
  private final Object requests = new Object(); // makes calls on the subscription serial (2.7)
  private volatile Flow.@Nullable Subscription subscription; // set once, under this
  private boolean done; // guarded by this
  private int consumed; // confined to onNext

  private DeltaSubscriber(
      BindingSession<T> session, BiConsumer<BindingSession<T>, D> feeder, int prefetch) {
    this.session = Objects.requireNonNull(session, "session == null");
    if (prefetch <= 0) {
      throw new IllegalArgumentException("prefetch <= 0: " + prefetch);
    }
    this.feeder = feeder;
    this.prefetch = prefetch;
    this.limit = prefetch - (prefetch >> 2);
    result.whenComplete(
        (value, error) -> {
          if (error instanceof CancellationException) {
            cancel();
          }
        });
  }

  /** Returns a subscriber that feeds text deltas, with the default prefetch. */
  public static <T> DeltaSubscriber<CharSequence, T> text(BindingSession<T> session) {
    return text(session, DEFAULT_PREFETCH);
  }

  /**
   * Returns a subscriber that feeds text deltas, requesting {@code prefetch} ahead (1 requests one
   * delta at a time).
   *
   * @throws IllegalArgumentException if {@code prefetch} is not positive
   */
  public static <T> DeltaSubscriber<CharSequence, T> text(BindingSession<T> session, int prefetch) {
    return new DeltaSubscriber<>(session, BindingSession::feed, prefetch);
  }

  /** Returns a subscriber that feeds whole arrays of UTF-8; see {@link #text(BindingSession)}. */
  public static <T> DeltaSubscriber<byte[], T> bytes(BindingSession<T> session) {
    return bytes(session, DEFAULT_PREFETCH);
  }

  /**
   * Returns a subscriber that feeds whole arrays of UTF-8; see {@link #text(BindingSession, int)}.
   */
  public static <T> DeltaSubscriber<byte[], T> bytes(BindingSession<T> session, int prefetch) {
    return new DeltaSubscriber<>(session, (s, b) -> s.feed(b, 0, b.length), prefetch);
  }

  /**
   * Returns a subscriber that feeds the remaining bytes of each buffer as UTF-8 (advancing its
   * position); see {@link #text(BindingSession)}.
   */
  public static <T> DeltaSubscriber<ByteBuffer, T> buffers(BindingSession<T> session) {
    return buffers(session, DEFAULT_PREFETCH);
  }

  /** Returns a subscriber that feeds buffers; see {@link #text(BindingSession, int)}. */
  public static <T> DeltaSubscriber<ByteBuffer, T> buffers(
      BindingSession<T> session, int prefetch) {
    return new DeltaSubscriber<>(session, BindingSession::feed, prefetch);
  }

  /**
   * Returns the session's outcome: completed with {@link BindingSession#result()} at the end of the
   * input or when the session fails on it; completed exceptionally with the upstream's error, a
   * callback's exception, or a {@link CancellationException} after {@link #cancel()}.
   */
  public CompletableFuture<BindingResult<T>> result() {
    return result;
  }

  /**
   * Returns the final value as {@link BindingSession#complete()} would: the future fails with its
   * exception (wrapped in a {@link java.util.concurrent.CompletionException}) where the result has
   * an error or violations.
   */
  public CompletableFuture<@Nullable T> value() {
    return result.thenApply(BindingResult::valueOrThrow);
  }

  @Override
  public void onSubscribe(Flow.Subscription s) {
    Objects.requireNonNull(s, "subscription == null");
    synchronized (this) {
      if (subscription != null || done) {
        s.cancel(); // rule 2.5: one subscription at a time; or cancelled before it came
        return;
      }
      subscription = s;
    }
    request(prefetch);
  }

  @Override
  public void onNext(D delta) {
    Objects.requireNonNull(delta, "delta == null");
    Throwable failure = null;
    synchronized (this) {
      if (done) {
        return; // after a cancel, deltas may still be on their way (rule 2.8)
      }
      try {
        feeder.accept(session, delta);
      } catch (Throwable e) { // an Error of a callback too: else the future would never complete
        done = true;
        failure = e;
      }
    }
    // Outside the lock, which cancel() takes before the subscription's: no lock-order inversion.
    if (failure != null) {
      cancelSubscription();
      settle(failure);
      return;
    }
    if (++consumed == limit) {
      consumed = 0;
      request(limit);
    }
  }

  @Override
  public void onError(Throwable error) {
    Objects.requireNonNull(error, "error == null");
    synchronized (this) {
      if (done) {
        return;
      }
      done = true;
      closeSession(error);
    }
    result.completeExceptionally(error);
  }

  @Override
  public void onComplete() {
    synchronized (this) {
      if (done) {
        return;
      }
      done = true;
    }
    settle(null); // done is set: nothing else touches the session now
  }

  /**
   * Cancels the subscription, closes the session and cancels {@link #result()}; does nothing once
   * the input has ended. Safe from any thread. If a {@link SessionListener#cancelled} hook throws,
   * the subscription and the future are cancelled all the same, then its exception is rethrown.
   */
  public void cancel() {
    Throwable hook = null;
    synchronized (this) {
      if (done) {
        return;
      }
      done = true;
      try {
        session.close();
      } catch (RuntimeException | Error e) {
        hook = e; // a hook of the caller's threw: the rest is done all the same, then it surfaces
      }
    }
    cancelSubscription();
    result.cancel(false);
    if (hook instanceof RuntimeException e) {
      throw e;
    }
    if (hook instanceof Error e) {
      throw e;
    }
  }

  /**
   * Completes the future with the session's result, or exceptionally with {@code cause}, or with
   * what stopped the session when it has no result.
   */
  private void settle(@Nullable Throwable cause) {
    BindingResult<T> outcome;
    try {
      outcome = session.result();
    } catch (Throwable e) {
      // a callback's or hook's exception stopped the session, or something closed it: no result
      Throwable why = cause != null ? cause : session.failure();
      if (why == null) {
        why = e;
      }
      closeSession(why);
      result.completeExceptionally(why);
      return;
    }
    result.complete(outcome);
  }

  /** Closes the session; what a hook throws there is added to {@code reason}, not lost. */
  private void closeSession(Throwable reason) {
    try {
      session.close();
    } catch (Throwable e) {
      if (e != reason) {
        reason.addSuppressed(e);
      }
    }
  }

  private void cancelSubscription() {
    synchronized (requests) {
      if (subscription != null) {
        subscription.cancel();
      }
    }
  }

  private void request(long n) {
    synchronized (requests) {
      if (subscription != null) {
        subscription.request(n);
      }
    }
  }
}
