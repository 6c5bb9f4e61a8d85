package dev.partialjson.binding;

import dev.partialjson.parser.JsonEvent;

/**
 * Hooks into the life of a {@link BindingSession}, for logging, metrics or tracing (an
 * OpenTelemetry span per session, say) without the library depending on any of them. Every method
 * has an empty default. Exactly one of {@link #completed}, {@link #failed} and {@link #cancelled}
 * is called per session that started, once.
 *
 * <pre>{@code
 * StreamingBinder<Plan> binder = StreamingBinder.builder(Plan.class)
 *     .sessionListener(() -> new SessionListener() {
 *       @Override public void completed(BindingResult<?> result, SessionStats stats) {
 *         log.info("plan bound in {} ({} bytes)", stats.timeToEnd(), stats.bytes());
 *       }
 *     })
 *     .build();
 * }</pre>
 *
 * <p>Called synchronously on the thread that feeds the session, in order. A hook should not throw:
 * its exception propagates to the caller of the session method that caused it ({@code feed}, {@code
 * complete}, {@code result} or {@code close}), and one from {@link #event} stops the session as a
 * callback's does.
 */
public interface SessionListener {

  /** Called at the session's first input, before it reaches the parser. */
  default void started(SessionStats stats) {}

  /**
   * Called for each parser event, before the session's own callbacks see it. Only sessions with a
   * listener pay for the event objects.
   */
  default void event(JsonEvent event) {}

  /**
   * Called when the input ended and the value was bound, valid or not ({@code result.violations()}
   * says which), from {@link BindingSession#complete()} or {@link BindingSession#result()}.
   */
  default void completed(BindingResult<?> result, SessionStats stats) {}

  /**
   * Called when an error stopped the session: from the {@code feed} that met malformed or
   * over-limit input, an invalid item under {@link FailurePolicy#FAIL_FAST}, or a callback's
   * exception; or from the end, for incomplete input or a value that cannot be bound.
   */
  default void failed(Throwable error, SessionStats stats) {}

  /** Called when the session was closed before it ended (a cancelled stream). */
  default void cancelled(SessionStats stats) {}
}
