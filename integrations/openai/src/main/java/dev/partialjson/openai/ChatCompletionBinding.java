package dev.partialjson.openai;

import com.openai.core.http.StreamResponse;
import com.openai.models.chat.completions.ChatCompletionChunk;
import dev.partialjson.binding.BindingSession;
import dev.partialjson.binding.FailurePolicy;
import dev.partialjson.binding.StreamingBinder;
import java.util.Objects;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * Reads openai-java's Chat Completions stream into binding sessions: each choice's {@code content}
 * into a session of the bound type, each tool call's {@code function.arguments} (by its {@code
 * index}, fragments of several calls interleaved, the {@code id} possibly late) into a session of
 * the type registered for its function; reasoning ({@code reasoning_content} or {@code reasoning},
 * as OpenAI-compatible servers send it) into the choice's session as reasoning ({@link
 * BindingSession#onReasoning}), never into its value; refusals to their own listener. Made by
 * {@link OpenAiStreams#chat(StreamingBinder)}.
 *
 * <pre>{@code
 * ChatResult<Plan> result = OpenAiStreams.chat(binder)
 *     .onSession(session -> session
 *         .onReasoning(new ReasoningListener() {
 *           @Override public void reasoningDelta(CharSequence delta) { ui.thinking(delta); }
 *         })
 *         .onItem("$.tasks[*]", Task.class, ui::addTask))
 *     .stream(client.chat().completions().createStreaming(params));
 * Plan plan = result.value();
 * }</pre>
 *
 * <p>The first reasoning delta of a choice opens its session (the hook sees it then); the choice's
 * first content ends the segment, as Chat Completions has no event for it. A choice whose reasoning
 * no content follows (the model only called tools, or was cut off while thinking) keeps a session
 * with no content, ended like the others, which {@link ChatResult.Choice} treats as none.
 *
 * <p>When a session fails fast (its {@code feed} throws: an invalid item under {@link
 * FailurePolicy#FAIL_FAST}, malformed JSON) the SDK's stream is closed at once, which closes the
 * HTTP response and so cancels the request; the other sessions are closed, and the result reports
 * the failure ({@link ChatResult#error()}). An exception of a callback of the caller's closes the
 * stream and the sessions the same way, then propagates from {@code stream}.
 *
 * <p>Configure it from one thread, then call {@code stream} any number of times, from one thread at
 * a time per call: each call has its own sessions.
 */
public final class ChatCompletionBinding<T> {
  private final Registrations<T> registered;

  ChatCompletionBinding(@Nullable StreamingBinder<T> binder) {
    this.registered = new Registrations<>(binder);
  }

  /**
   * Calls {@code onSession} with each choice's session before its first delta of content or
   * reasoning: the place to register its callbacks ({@link BindingSession#onItem}, {@link
   * BindingSession#onReasoning} and the like). Replaces an earlier one.
   */
  public ChatCompletionBinding<T> onSession(Consumer<? super BindingSession<T>> onSession) {
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
  public <A> ChatCompletionBinding<T> tool(
      String name, StreamingBinder<A> arguments, Consumer<? super BindingSession<A>> onSession) {
    registered.tool(name, arguments, onSession);
    return this;
  }

  /**
   * Sends the reasoning some OpenAI-compatible servers stream before the answer ({@code
   * reasoning_content}, {@code reasoning}) to {@code listener} as it arrives, by choice: the raw
   * view, and the only one for a binding without a binder. With a binder the same text also reaches
   * the choice's session as start, deltas and end; register a {@link BindingSession#onReasoning}
   * listener in {@link #onSession} for that, the one model of reasoning across providers (a {@code
   * <think>} block in the content reaches it too, and never this listener).
   */
  public ChatCompletionBinding<T> onReasoning(DeltaListener listener) {
    registered.reasoning(listener);
    return this;
  }

  /** Sends each choice's {@code refusal} text to {@code listener} as it streams. */
  public ChatCompletionBinding<T> onRefusal(DeltaListener listener) {
    registered.refusal(listener);
    return this;
  }

  /**
   * Sends the content to {@code listener} as it streams, each piece just before it is fed to its
   * session: the raw answer, to log or keep. With no binder ({@link OpenAiStreams#chat()}) it is
   * prose, and this is where it goes.
   */
  public ChatCompletionBinding<T> onText(DeltaListener listener) {
    registered.text(listener);
    return this;
  }

  /**
   * Reads {@code response} to its end (or until a session fails fast), closes it, ends every
   * session (usage reported to each first), and returns what arrived.
   *
   * @throws RuntimeException what a callback of the caller's threw, after closing the stream
   */
  public ChatResult<T> stream(StreamResponse<ChatCompletionChunk> response) {
    Objects.requireNonNull(response, "response == null");
    ChatReader<T> reader = new ChatReader<>(registered);
    try (response) {
      return reader.read(response.stream().iterator(), response);
    }
  }
}
