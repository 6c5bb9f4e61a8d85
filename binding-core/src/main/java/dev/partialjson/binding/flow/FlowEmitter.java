package dev.partialjson.binding.flow;

import java.util.Objects;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;

/**
 * A unicast, buffering {@link Flow.Publisher} core: the producer pushes items and one terminal
 * signal from its thread; the subscriber requests and cancels from any thread. Signals go out from
 * a drain loop that one thread at a time runs (whoever finds the work-in-progress counter at zero),
 * so they are serial, never exceed demand, and stop after a terminal signal or a cancel. A request
 * made inside {@code onNext} only bumps the counter, so recursion stays bounded (rule 3.3).
 *
 * <p>The buffer is unbounded: the producer is a session that is fed, not pulled, and keeps every
 * token of the document anyway, so the buffered items never outgrow the document.
 */
final class FlowEmitter<E> implements Flow.Publisher<E>, Flow.Subscription {
  private final Queue<E> queue = new ConcurrentLinkedQueue<>();
  private final AtomicLong requested = new AtomicLong();
  private final AtomicInteger wip = new AtomicInteger();
  private final AtomicBoolean claimed = new AtomicBoolean();
  private volatile Flow.@Nullable Subscriber<? super E> subscriber; // set after onSubscribe returns
  private volatile boolean done;
  private volatile @Nullable Throwable error;
  private volatile @Nullable Throwable badRequest;
  private volatile boolean cancelled;
  private boolean terminated; // read and written by the drain loop only

  @Override
  public void subscribe(Flow.Subscriber<? super E> s) {
    Objects.requireNonNull(s, "subscriber == null");
    if (!claimed.compareAndSet(false, true)) {
      s.onSubscribe(Cancelled.INSTANCE);
      s.onError(new IllegalStateException("this publisher allows only one subscriber"));
      return;
    }
    s.onSubscribe(this);
    // Published only now, so that no onNext can overtake onSubscribe (rule 1.3); requests made
    // inside onSubscribe are counted and served by this drain.
    subscriber = s;
    drain();
  }

  /** Buffers {@code item} and delivers it when there is demand; drops it after a cancel. */
  void push(E item) {
    Objects.requireNonNull(item, "item == null");
    if (cancelled || done) {
      return;
    }
    queue.offer(item);
    drain();
  }

  /** Completes after the buffered items; later terminal calls do nothing. */
  void complete() {
    if (!done) {
      done = true;
      drain();
    }
  }

  /** Signals {@code failure} after the buffered items; later terminal calls do nothing. */
  void fail(Throwable failure) {
    if (!done) {
      error = failure;
      done = true;
      drain();
    }
  }

  /** Returns how many items wait for demand (none once cancelled or terminated). */
  int buffered() {
    return queue.size();
  }

  @Override
  public void request(long n) {
    if (n <= 0) {
      if (badRequest == null) {
        badRequest = new IllegalArgumentException("non-positive request: " + n + " (rule 3.9)");
      }
    } else {
      requested.getAndAccumulate(n, (r, add) -> r + add < 0 ? Long.MAX_VALUE : r + add);
    }
    drain();
  }

  @Override
  public void cancel() {
    cancelled = true;
    drain(); // drops the buffer, on whichever thread owns the loop
  }

  private void drain() {
    if (wip.getAndIncrement() != 0) {
      return;
    }
    int missed = 1;
    do {
      Flow.Subscriber<? super E> s = subscriber;
      if (s != null && !terminated) {
        emit(s);
      } else if (cancelled || terminated) {
        queue.clear();
      }
      missed = wip.addAndGet(-missed);
    } while (missed != 0);
  }

  private void emit(Flow.Subscriber<? super E> s) {
    long demand = requested.get();
    long emitted = 0;
    while (true) {
      if (cancelled) {
        queue.clear();
        break;
      }
      Throwable bad = badRequest;
      if (bad != null) {
        cancelled = true;
        terminate(s, bad);
        break;
      }
      boolean finished = done;
      if (emitted == demand) {
        if (finished && queue.isEmpty()) {
          terminate(s, error);
        }
        break;
      }
      E item = queue.poll();
      if (item == null) {
        if (finished) {
          terminate(s, error);
        }
        break;
      }
      try {
        s.onNext(item);
      } catch (Throwable e) {
        // The subscriber broke rule 2.13: treat it as cancelled (rule 2.13 allows that) and let its
        // exception surface where the item came from. An Error too: else later items would pile
        // up for a subscriber that is gone, behind a drain loop that never runs again.
        cancelled = true;
        terminated = true;
        queue.clear();
        throw e;
      }
      emitted++;
    }
    if (emitted != 0 && demand != Long.MAX_VALUE) {
      requested.addAndGet(-emitted);
    }
  }

  private void terminate(Flow.Subscriber<? super E> s, @Nullable Throwable failure) {
    terminated = true;
    queue.clear();
    if (failure != null) {
      s.onError(failure);
    } else {
      s.onComplete();
    }
  }

  /** The subscription given to a refused second subscriber. */
  private enum Cancelled implements Flow.Subscription {
    INSTANCE;

    @Override
    public void request(long n) {}

    @Override
    public void cancel() {}
  }
}
