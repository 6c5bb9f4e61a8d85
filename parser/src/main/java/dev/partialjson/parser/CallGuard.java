package dev.partialjson.parser;

import org.jspecify.annotations.Nullable;

/**
 * The state of a parser's public calls: which thread is inside {@code feed} or {@code finish},
 * whether the parser has finished, and the first failure, after which it takes nothing more. Turns
 * the caller's mistakes into {@link IllegalStateException}s that say which mistake, before they can
 * touch the parser: a call after the end or after a failure, a call from inside one of the parser's
 * own listener callbacks (reentrant), a call from a second thread while one is inside (concurrent).
 *
 * <p>Why a plain field and not a lock or a compare-and-set: a model's delta costs the tokenizer
 * about 50 ns, and a locked instruction on every call would add a sizeable part of that to a check
 * for a mistake. Reentrancy is found every time (one thread, program order). Concurrent use is
 * found whenever the second call starts while the first is inside and the second thread sees the
 * first's write, which any synchronisation between the two threads ensures (the thread that hands
 * out deltas, a queue, a latch) and which a thread held inside a listener callback always shows in
 * practice; two calls that start at the same instant may both pass. It is a diagnostic of misuse,
 * not a way to share a parser between threads. Not thread-safe, by design.
 */
final class CallGuard {
  private @Nullable Thread inside; // the thread inside feed or finish, else null
  private @Nullable Throwable failure;
  private boolean failedInListener;
  private boolean finished;

  /**
   * Begins a call to {@code feed} or {@code finish}; pair it with {@link #leave()} in a {@code
   * finally}, and only once it has returned.
   *
   * @throws IllegalStateException on a reentrant or concurrent call, after a failure, or, unless
   *     {@code finishing}, after the end
   */
  void enter(boolean finishing) {
    Thread current = Thread.currentThread();
    checkNotInside(current);
    checkNotFailed();
    if (finished && !finishing) {
      throw new IllegalStateException("finished");
    }
    inside = current;
  }

  /** Ends the call {@link #enter} began. */
  void leave() {
    inside = null;
  }

  /**
   * Checks that no other thread is inside {@code feed} or {@code finish}, for a call that only
   * reads; one from inside a listener callback is allowed.
   */
  void checkNotConcurrent() {
    Thread in = inside;
    if (in != null && in != Thread.currentThread()) {
      throw concurrent(in);
    }
  }

  private void checkNotInside(Thread current) {
    Thread in = inside;
    if (in == null) {
      return;
    }
    if (in == current) {
      throw new IllegalStateException(
          "reentrant call from a listener: a JsonListener must not feed or finish the parser that"
              + " is calling it");
    }
    throw concurrent(in);
  }

  private static IllegalStateException concurrent(Thread in) {
    return new IllegalStateException(
        "concurrent use from another thread: thread \""
            + in.getName()
            + "\" is inside feed or finish; a parser must be fed from one thread at a time");
  }

  /** Throws if the parser has failed. */
  void checkNotFailed() {
    Throwable first = failure;
    if (first != null) {
      String what =
          failedInListener || first.getMessage() == null
              ? (failedInListener ? "the listener threw " : "") + first
              : first.getMessage();
      throw new IllegalStateException("the parser failed: " + what, first);
    }
  }

  /** Returns whether {@code finish} has run (it may have thrown). */
  boolean finished() {
    return finished;
  }

  /** Records that {@code finish} has begun its work: from now on the parser takes no input. */
  void finish() {
    finished = true;
  }

  /** Returns whether the parser has finished or failed. */
  boolean closed() {
    return finished || failure != null;
  }

  /**
   * Records {@code thrown}, which ended a call, as the failure that leaves the parser failed
   * (unless one is recorded already), and throws it on: what a listener threw, unwrapped from its
   * {@link GuardedListener.Thrown} and unchanged, a checked exception included; anything else as it
   * is. Declared to return an exception so that callers can write {@code throw failed(t)}.
   */
  RuntimeException failed(Throwable thrown) {
    boolean fromListener = thrown instanceof GuardedListener.Thrown;
    Throwable cause = fromListener ? thrown.getCause() : thrown;
    if (failure == null) {
      failure = cause;
      failedInListener = fromListener;
    }
    throw CallGuard.<RuntimeException>rethrow(cause);
  }

  /** Throws {@code t} without the compiler asking for it to be declared (a checked one too). */
  @SuppressWarnings("unchecked")
  private static <T extends Throwable> T rethrow(Throwable t) throws T {
    throw (T) t;
  }
}
