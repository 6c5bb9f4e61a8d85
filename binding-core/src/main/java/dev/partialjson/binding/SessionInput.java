package dev.partialjson.binding;

import dev.partialjson.parser.IncrementalJsonParser;
import dev.partialjson.parser.PartialJsonException;
import java.nio.ByteBuffer;
import org.jspecify.annotations.Nullable;

/**
 * What a {@link BindingSession} does with its input, and the state that decides whether it takes
 * more: feeds the parser (freezing the callbacks at the first feed), stops the session at the first
 * failure, ends the input once and keeps the outcome, and ends the session when it is closed, each
 * told to the {@link SessionMeter}. Confined to its session.
 *
 * <p>A feed is refused, in this order, once the session failed (with the failure as the cause),
 * completed, or was closed. Whatever leaves the parser closed stops the session, and so does an
 * {@link Error} or a checked exception from a callback; a {@link RuntimeException} that leaves the
 * parser open was the caller's bad argument, and the session stays open.
 */
final class SessionInput<T> {
  private final StreamingBinder<T> binder;
  private final IncrementalJsonParser parser;
  private final Recorder recorder;
  private final ClosingItems items;
  private final SessionMeter meter;
  private final Registrations callbacks;
  private boolean closed;
  private @Nullable Throwable failure;
  private @Nullable BindingResult<T> outcome;

  SessionInput(
      StreamingBinder<T> binder,
      IncrementalJsonParser parser,
      Recorder recorder,
      ClosingItems items,
      SessionMeter meter,
      Registrations callbacks) {
    this.binder = binder;
    this.parser = parser;
    this.recorder = recorder;
    this.items = items;
    this.meter = meter;
    this.callbacks = callbacks;
  }

  void feed(CharSequence text) {
    beginFeed();
    try {
      parser.feed(text);
    } catch (Throwable e) { // a callback's Error too: the parser does not stop on one
      failed(e);
      throw e;
    }
  }

  void feed(byte[] bytes, int offset, int length) {
    beginFeed();
    try {
      parser.feed(bytes, offset, length);
    } catch (Throwable e) { // a callback's Error too: the parser does not stop on one
      failed(e);
      throw e;
    }
  }

  void feed(ByteBuffer buffer) {
    beginFeed();
    try {
      parser.feed(buffer);
    } catch (Throwable e) { // a callback's Error too: the parser does not stop on one
      failed(e);
      throw e;
    }
  }

  void feedReasoning(CharSequence text) {
    checkFeedable();
    meter.start();
    try {
      parser.feedReasoning(text);
    } catch (Throwable e) { // a listener's exception stops the session as a callback's does
      failed(e);
      throw e;
    }
  }

  void endReasoning() {
    checkFeedable();
    try {
      parser.endReasoning();
    } catch (Throwable e) {
      failed(e);
      throw e;
    }
  }

  /** Refuses a feed the session no longer takes, and counts one that it does. */
  private void beginFeed() {
    checkFeedable();
    meter.start();
    meter.fed();
  }

  private void checkFeedable() {
    callbacks.freeze(recorder);
    if (failure != null) {
      throw new IllegalStateException("the session failed: " + failure.getMessage(), failure);
    }
    if (outcome != null) {
      throw new IllegalStateException("complete");
    }
    if (closed) {
      throw new IllegalStateException("closed");
    }
  }

  private void failed(Throwable e) {
    // A RuntimeException that left the parser open was a bad argument; anything else stops it.
    if ((parser.isClosed() || !(e instanceof RuntimeException)) && failure == null) {
      failure = e;
      meter.failed(e);
    }
  }

  /** Returns the exception that stopped the session; see {@link BindingSession#failure()}. */
  @Nullable Throwable failure() {
    return failure;
  }

  /** Ends the input once and returns the outcome; see {@link BindingSession#result()}. */
  BindingResult<T> result() {
    if (outcome != null) {
      return outcome;
    }
    callbacks.freeze(recorder);
    if (failure == null && !closed) {
      meter.start();
      try {
        parser.finish();
      } catch (Throwable e) {
        failure = e;
        meter.failed(e);
      }
    }
    if (failure != null && !(failure instanceof PartialJsonException)) {
      throw new IllegalStateException("the session failed: " + failure.getMessage(), failure);
    }
    if (failure == null && closed) {
      throw new IllegalStateException("closed");
    }
    boolean ended = failure != null; // the meter was told already
    @SuppressWarnings("unchecked") // bound to the binder's type
    BindingResult<T> result =
        (BindingResult<T>)
            (BindingResult<?>)
                items.result(binder.dataType(), recorder.whole(), (PartialJsonException) failure);
    outcome = result;
    PartialJsonException error = result.error();
    if (ended) {
      return result;
    }
    if (error == null) {
      meter.completed(result);
    } else {
      meter.failed(error);
    }
    return result;
  }

  /** Ends the session without completing it; see {@link BindingSession#close()}. */
  void close() {
    boolean cancelling = !closed && outcome == null && failure == null;
    closed = true;
    if (cancelling) {
      meter.cancelled();
    }
  }
}
