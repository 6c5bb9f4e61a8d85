package dev.partialjson.openai;

import com.openai.core.http.StreamResponse;
import com.openai.models.responses.ResponseStreamEvent;
import dev.partialjson.binding.BindingSession;
import dev.partialjson.binding.FailurePolicy;
import dev.partialjson.binding.StreamingBinder;
import java.util.Objects;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * Reads openai-java's Responses stream into binding sessions: each message item's {@code
 * response.output_text.delta} (keyed by {@code output_index}) into a session of the bound type,
 * each function call's {@code response.function_call_arguments.delta} into a session of the type
 * registered for its function; reasoning ({@code response.reasoning_summary_text.delta} and {@code
 * response.reasoning_text.delta}) into the session of the message that follows it, as reasoning
 * ({@link BindingSession#onReasoning}), never into its value; refusals to their own listener. The
 * stream ends at its terminal event ({@code response.completed}, {@code response.incomplete} or
 * {@code response.failed}): events after it are not read. Made by {@link
 * OpenAiStreams#responses(StreamingBinder)}.
 *
 * <pre>{@code
 * ResponseResult<Plan> result = OpenAiStreams.responses(binder)
 *     .onSession(session -> session
 *         .onReasoning(new ReasoningListener() {
 *           @Override public void reasoningDelta(CharSequence delta) { ui.thinking(delta); }
 *         })
 *         .onItem("$.tasks[*]", Task.class, ui::addTask))
 *     .stream(client.responses().createStreaming(params));
 * }</pre>
 *
 * <p>Reasoning is an output item of its own, before the message it leads to: its first delta opens
 * the session (the hook sees it then) that the next message item adopts. Each summary part is one
 * segment, ended by {@code response.reasoning_summary_part.done} ({@code
 * response.reasoning_text.done} and the reasoning item's {@code response.output_item.done} end one
 * too). When no message follows (the model only called functions, or was cut off while thinking),
 * that session ends with the others but belongs to no message: {@link ResponseResult#messages()}
 * and {@link ResponseResult#value()} answer as they would without the reasoning.
 *
 * <p>When a session fails fast (an invalid item under {@link FailurePolicy#FAIL_FAST}, malformed
 * JSON) the SDK's stream is closed at once, cancelling the request; the other sessions are closed,
 * and the result reports the failure ({@link ResponseResult#error()}). An exception of a callback
 * of the caller's closes the stream and the sessions the same way, then propagates.
 *
 * <p>Configure it from one thread, then call {@code stream} any number of times, from one thread at
 * a time per call: each call has its own sessions.
 */
public final class ResponseBinding<T> {
  private final Registrations<T> registered;

  ResponseBinding(@Nullable StreamingBinder<T> binder) {
    this.registered = new Registrations<>(binder);
  }

  /**
   * Calls {@code onSession} with each message's session before its first delta, or before the first
   * delta of the reasoning that precedes the message: the place to register its callbacks ({@link
   * BindingSession#onReasoning} included). Replaces an earlier one.
   */
  public ResponseBinding<T> onSession(Consumer<? super BindingSession<T>> onSession) {
    registered.onSession(onSession);
    return this;
  }

  /**
   * Binds the arguments of each call of the function {@code name} in a session of {@code
   * arguments}, passed to {@code onSession} before its first fragment. Calls of functions
   * registered with none are bound to a {@code JsonNode}.
   *
   * @throws IllegalArgumentException if {@code name} is not a valid function name or is registered
   *     already
   */
  public <A> ResponseBinding<T> tool(
      String name, StreamingBinder<A> arguments, Consumer<? super BindingSession<A>> onSession) {
    registered.tool(name, arguments, onSession);
    return this;
  }

  /**
   * Sends reasoning ({@code response.reasoning_summary_text.delta}, {@code
   * response.reasoning_text.delta}) to {@code listener} as it arrives, by the reasoning item's
   * {@code output_index}: the raw view, and the only one for a binding without a binder. With a
   * binder the same text also reaches the message's session as start, deltas and end; register a
   * {@link BindingSession#onReasoning} listener in {@link #onSession} for that, the one model of
   * reasoning across providers (a {@code <think>} block in the output text reaches it too, and
   * never this listener).
   */
  public ResponseBinding<T> onReasoning(DeltaListener listener) {
    registered.reasoning(listener);
    return this;
  }

  /** Sends {@code response.refusal.delta} text to {@code listener} as it streams. */
  public ResponseBinding<T> onRefusal(DeltaListener listener) {
    registered.refusal(listener);
    return this;
  }

  /**
   * Sends the output text to {@code listener} as it streams, each piece just before it is fed to
   * its session: the raw answer, to log or keep. With no binder ({@link OpenAiStreams#responses()})
   * it is prose, and this is where it goes.
   */
  public ResponseBinding<T> onText(DeltaListener listener) {
    registered.text(listener);
    return this;
  }

  /**
   * Reads {@code response} to its terminal event (or until a session fails fast), closes it, ends
   * every session (usage reported to each first), and returns what arrived.
   *
   * @throws RuntimeException what a callback of the caller's threw, after closing the stream
   */
  public ResponseResult<T> stream(StreamResponse<ResponseStreamEvent> response) {
    Objects.requireNonNull(response, "response == null");
    ResponseReader<T> reader = new ResponseReader<>(registered);
    try (response) {
      return reader.read(response.stream().iterator(), response);
    }
  }
}
