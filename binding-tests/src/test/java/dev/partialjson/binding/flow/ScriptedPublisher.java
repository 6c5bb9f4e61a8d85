package dev.partialjson.binding.flow;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Flow;

/**
 * A publisher of a fixed list of deltas that sends only what was requested (trampolined, so a
 * request from inside {@code onNext} does not recurse), then completes or fails; it records every
 * request and cancel and the rules its subscriber broke (non-positive requests, 3.9; calls after
 * cancel are allowed and ignored).
 */
final class ScriptedPublisher<D> implements Flow.Publisher<D> {
  private final List<D> deltas;
  private final Throwable failure;
  final List<Long> requests = new ArrayList<>();
  final List<String> broken = new ArrayList<>();
  int cancels;
  int sent;
  long outstanding;
  long maxOutstanding;
  private Flow.Subscriber<? super D> subscriber;
  private boolean emitting;
  private boolean terminated;

  ScriptedPublisher(List<D> deltas) {
    this(deltas, null);
  }

  /** Fails with {@code failure} (if not null) instead of completing. */
  ScriptedPublisher(List<D> deltas, Throwable failure) {
    this.deltas = deltas;
    this.failure = failure;
  }

  @Override
  public void subscribe(Flow.Subscriber<? super D> s) {
    subscriber = s;
    s.onSubscribe(
        new Flow.Subscription() {
          @Override
          public void request(long n) {
            requests.add(n);
            if (n <= 0) {
              broken.add("3.9: request(" + n + ")");
            }
            if (cancels > 0 || terminated) {
              return;
            }
            outstanding += n;
            maxOutstanding = Math.max(maxOutstanding, outstanding);
            emit();
          }

          @Override
          public void cancel() {
            cancels++;
          }
        });
  }

  private void emit() {
    if (emitting) {
      return;
    }
    emitting = true;
    while (cancels == 0 && !terminated && outstanding > 0 && sent < deltas.size()) {
      outstanding--;
      subscriber.onNext(deltas.get(sent++));
    }
    if (cancels == 0 && !terminated && sent == deltas.size()) {
      terminated = true;
      if (failure != null) {
        subscriber.onError(failure);
      } else {
        subscriber.onComplete();
      }
    }
    emitting = false;
  }
}
