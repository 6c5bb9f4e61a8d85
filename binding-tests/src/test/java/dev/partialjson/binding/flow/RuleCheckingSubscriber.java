package dev.partialjson.binding.flow;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A subscriber that records what it receives and the Reactive Streams rules it sees broken: more
 * {@code onNext} than requested (1.1), overlapping signals (1.3), a signal before {@code
 * onSubscribe} or a second {@code onSubscribe} (1.9), anything after a terminal signal (1.7), a
 * null (2.13). It requests nothing by itself; the test drives {@link #request} and {@link #cancel}.
 */
class RuleCheckingSubscriber<T> implements Flow.Subscriber<T> {
  final List<T> items = Collections.synchronizedList(new ArrayList<>());
  final List<String> broken = Collections.synchronizedList(new ArrayList<>());
  final CountDownLatch terminated = new CountDownLatch(1);
  private final AtomicBoolean inSignal = new AtomicBoolean();
  private volatile Flow.Subscription subscription;
  private volatile long demand;
  private volatile boolean done;
  volatile Throwable error;
  volatile boolean completed;

  /** Requested from inside each onNext, to check that re-entrant requests are served. */
  volatile long requestInOnNext;

  @Override
  public void onSubscribe(Flow.Subscription s) {
    enter("onSubscribe", s);
    if (subscription != null) {
      broken.add("1.9: a second onSubscribe");
    }
    subscription = s;
    leave();
  }

  @Override
  public void onNext(T item) {
    enter("onNext", item);
    synchronized (this) {
      if (demand == 0) {
        broken.add("1.1: onNext beyond demand: " + item);
      } else {
        demand--;
      }
    }
    items.add(item);
    long n = requestInOnNext;
    if (n > 0) {
      request(n); // inside the signal: a nested onNext would show as overlapping (3.3)
    }
    leave();
  }

  @Override
  public void onError(Throwable t) {
    enter("onError", t);
    error = t;
    done = true;
    leave();
    terminated.countDown();
  }

  @Override
  public void onComplete() {
    enter("onComplete", "");
    completed = true;
    done = true;
    leave();
    terminated.countDown();
  }

  private void enter(String signal, Object argument) {
    if (argument == null) {
      broken.add("2.13: null in " + signal);
    }
    if (!inSignal.compareAndSet(false, true)) {
      broken.add("1.3: overlapping " + signal);
    }
    if (done) {
      broken.add("1.7: " + signal + " after a terminal signal");
    }
    if (subscription == null && !signal.equals("onSubscribe")) {
      broken.add("1.9: " + signal + " before onSubscribe");
    }
  }

  private void leave() {
    inSignal.set(false);
  }

  void request(long n) {
    synchronized (this) {
      if (n > 0) {
        demand += n;
      }
    }
    subscription.request(n);
  }

  void cancel() {
    subscription.cancel();
  }
}
