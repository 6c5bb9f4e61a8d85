package dev.partialjson.langchain4j;

import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.CompleteToolCall;
import dev.langchain4j.model.chat.response.PartialResponse;
import dev.langchain4j.model.chat.response.PartialResponseContext;
import dev.langchain4j.model.chat.response.PartialThinking;
import dev.langchain4j.model.chat.response.PartialThinkingContext;
import dev.langchain4j.model.chat.response.PartialToolCall;
import dev.langchain4j.model.chat.response.PartialToolCallContext;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import dev.langchain4j.model.chat.response.StreamingHandle;
import dev.langchain4j.model.output.FinishReason;
import dev.langchain4j.service.TokenStream;
import dev.partialjson.binding.BindingResult;
import dev.partialjson.binding.BindingSession;
import dev.partialjson.binding.StreamingBinder;
import dev.partialjson.binding.TokenUsage;
import dev.partialjson.parser.PartialJsonException;
import dev.partialjson.parser.ReasoningListener;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * A LangChain4j {@link StreamingChatResponseHandler} that feeds the streamed answer into a {@link
 * BindingSession}, and each streamed tool call into a session of its own, bound to the type
 * registered for the tool; for AI Services, {@link #attachTo(TokenStream)} wires it to a {@code
 * TokenStream}.
 *
 * <pre>{@code
 * StreamingBinder<Plan> binder = StreamingBinder.of(Plan.class);
 * BindingHandler<Plan> handler = BindingHandler.of(binder.open()
 *     .onItem("$.tasks[*]", Task.class, ui::addTask));         // bound and valid, as it closes
 * model.chat(ChatRequest.builder().messages(UserMessage.from("Plan my week"))
 *     .responseFormat(LangChain4jSchemas.responseFormat(binder)).build(), handler);
 * BindingResult<Plan> result = handler.result().join();
 * }</pre>
 *
 * <p>What it does with each callback:
 *
 * <ul>
 *   <li>the answer's text goes to the session as it came; a {@code <think>} block before the JSON
 *       is the session's own reasoning, which its parser streams apart from the value (with the
 *       default {@code ParserOptions.Text.MODEL_OUTPUT}; under {@code Text.JSON} the text must be
 *       the JSON alone);
 *   <li>the provider's thinking ({@code onPartialThinking}) goes to the session as its reasoning
 *       ({@link BindingSession#feedReasoning}), which the answer's first text ends; so {@code
 *       session.onReasoning(...)} gets both forms, each piece once, as start, deltas and end before
 *       the answer's first event; a tool call ends a segment too, so the thinking of each round of
 *       AI Services is a segment of its own. {@link #onThinking} gets both raw, each piece once;
 *   <li>the fragments of a tool call's arguments go, by the call's index, to a session opened from
 *       the binder given to {@link #onToolCall} for the tool's name; calls of other tools are left
 *       to LangChain4j; a call that arrives whole is fed whole;
 *   <li>the complete response reports its {@code TokenUsage} to every session ({@link
 *       dev.partialjson.binding.SessionStats#usage()}), keeps its {@link #finishReason()},
 *       completes the tool calls still open and the answer's session, and completes {@link
 *       #result()};
 *   <li>when a session stops at malformed input or (under fail-fast) at an invalid item, the stream
 *       is cancelled through LangChain4j's {@code StreamingHandle} and {@link #result()} completes
 *       with what had arrived and why it stopped; the callbacks that still come are ignored;
 *   <li>an error of the stream closes the sessions and fails {@link #result()} with LangChain4j's
 *       exception, which says what the provider said; so does a session callback's own exception
 *       (the stream is cancelled then too).
 * </ul>
 *
 * <p>Configure it ({@link #onThinking}, {@link #onToolCall}) before the request starts, and give
 * one handler to one request. LangChain4j calls a handler's methods one at a time, from its own
 * thread; {@link #result()} may be waited for on any thread, and once it is done {@link
 * #toolCalls()}, {@link #finishReason()} and {@link #response()} are final.
 *
 * @param <T> what the answer's session binds
 */
public final class BindingHandler<T> implements StreamingChatResponseHandler {
  private final BindingSession<T> session;
  private final ToolCallSessions toolCalls = new ToolCallSessions();
  private final CompletableFuture<BindingResult<T>> result = new CompletableFuture<>();
  private Consumer<String> thinking = thought -> {};
  private @Nullable StreamingHandle handle;
  private volatile @Nullable ChatResponse response;
  private volatile boolean cancelled;
  private boolean started;
  // While the provider's thinking is fed: onThinking has had it raw, so the echo is skipped.
  private boolean feedingThinking;

  private BindingHandler(BindingSession<T> session) {
    this.session = session;
    try {
      session.onReasoning(new ThinkBlockListener());
    } catch (IllegalStateException e) {
      throw new IllegalStateException(
          "the session has been fed: give the handler a session before its first feed", e);
    }
  }

  /**
   * Returns a handler that feeds {@code session}, whose callbacks are registered already (more may
   * be registered until the stream starts). The handler registers a reasoning listener of its own
   * on it, for {@link #onThinking}.
   *
   * @throws IllegalStateException if the session has been fed already
   */
  public static <T> BindingHandler<T> of(BindingSession<T> session) {
    return new BindingHandler<>(Objects.requireNonNull(session, "session == null"));
  }

  /**
   * Calls {@code consumer} with each piece of the model's thinking, the raw view: the provider's
   * reasoning as it arrived ({@code onPartialThinking}; for OpenAI-compatible servers build the
   * model with {@code returnThinking(true)}) and the text of a {@code <think>} block before the
   * answer's JSON, without its tags. The same thinking reaches the session as its reasoning, with
   * where each segment starts and ends, which is the one model across providers: register {@code
   * session.onReasoning(...)} where you register {@code onItem}.
   *
   * @throws IllegalStateException if the stream has started
   */
  public BindingHandler<T> onThinking(Consumer<String> consumer) {
    Objects.requireNonNull(consumer, "consumer == null");
    checkNotStarted();
    this.thinking = consumer;
    return this;
  }

  /**
   * Binds the arguments of every call of the tool named {@code toolName}: each call gets a session
   * of {@code arguments}, handed to {@code callbacks} to register on before its first fragment, and
   * ends as a {@link BoundToolCall} in {@link #toolCalls()}. Registering a name again replaces it.
   *
   * @throws IllegalStateException if the stream has started
   */
  public <A> BindingHandler<T> onToolCall(
      String toolName,
      StreamingBinder<A> arguments,
      Consumer<? super BindingSession<A>> callbacks) {
    Objects.requireNonNull(toolName, "toolName == null");
    Objects.requireNonNull(arguments, "arguments == null");
    Objects.requireNonNull(callbacks, "callbacks == null");
    checkNotStarted();
    toolCalls.register(toolName, arguments, callbacks);
    return this;
  }

  /**
   * Registers this handler's callbacks on an AI Services {@code stream} (every partial, thinking,
   * tool call, intermediate and complete response, and error callback, which a {@code TokenStream}
   * takes once each) and returns it, for {@code start()} and callbacks of other kinds such as
   * {@code onToolExecuted}. The tool calls of each round complete with the round's response.
   *
   * @throws IllegalStateException if the stream has started
   */
  public TokenStream attachTo(TokenStream stream) {
    Objects.requireNonNull(stream, "stream == null");
    checkNotStarted();
    return TokenStreamWiring.attach(stream, this);
  }

  /** Returns the answer's session. */
  public BindingSession<T> session() {
    return session;
  }

  /**
   * Returns the answer's outcome, completed when the response completes or the stream is cancelled
   * because a session stopped; completed exceptionally with the stream's error or a callback's own
   * exception. A response of tool calls only has no answer: its outcome is the session's error for
   * input that never came, also when the provider's thinking reached the session as reasoning
   * ({@code session().stats().bytes() == 0} tells such a response).
   */
  public CompletableFuture<BindingResult<T>> result() {
    return result;
  }

  /**
   * Returns the completed response, or null before it and when the stream failed or was cancelled.
   */
  public @Nullable ChatResponse response() {
    return response;
  }

  /**
   * Returns why the model stopped ({@code STOP}, {@code LENGTH} when it hit its token limit, {@code
   * TOOL_EXECUTION}, ...), or null before the response completed or if the provider did not say.
   */
  public @Nullable FinishReason finishReason() {
    ChatResponse complete = response;
    return complete == null ? null : complete.finishReason();
  }

  /** Returns whether this handler cancelled the stream because a session stopped. */
  public boolean isCancelled() {
    return cancelled;
  }

  /**
   * Returns the tool calls of registered tools that have completed, in the order they completed;
   * once {@link #result()} is done, every one of the response.
   */
  public List<BoundToolCall> toolCalls() {
    synchronized (toolCalls) {
      return toolCalls.completed();
    }
  }

  /** Feeds the answer's text; see the class documentation. */
  @Override
  public void onPartialResponse(String partialResponse) {
    started = true;
    if (!result.isDone()) {
      run(() -> session.feed(partialResponse));
    }
  }

  /** Feeds the answer's text, keeping the handle to cancel the stream through. */
  @Override
  public void onPartialResponse(PartialResponse partialResponse, PartialResponseContext context) {
    handle = context.streamingHandle();
    onPartialResponse(partialResponse.text());
  }

  /**
   * Passes the provider's thinking to {@link #onThinking} and feeds it as the session's reasoning.
   */
  @Override
  public void onPartialThinking(PartialThinking partialThinking) {
    started = true;
    if (!result.isDone()) {
      run(
          () -> {
            String thought = partialThinking.text();
            thinking.accept(thought);
            feedingThinking = true;
            try {
              session.feedReasoning(thought);
            } finally {
              feedingThinking = false;
            }
          });
    }
  }

  /** Passes and feeds the provider's thinking, keeping the handle. */
  @Override
  public void onPartialThinking(PartialThinking partialThinking, PartialThinkingContext context) {
    handle = context.streamingHandle();
    onPartialThinking(partialThinking);
  }

  /** Feeds a fragment of a tool call's arguments to the call's session. */
  @Override
  public void onPartialToolCall(PartialToolCall call) {
    started = true;
    if (!result.isDone()) {
      run(
          () -> {
            session.endReasoning(); // the model stopped thinking to call a tool
            synchronized (toolCalls) {
              toolCalls.feed(call.index(), call.id(), call.name(), call.partialArguments());
            }
          });
    }
  }

  /** Feeds a fragment of a tool call's arguments, keeping the handle. */
  @Override
  public void onPartialToolCall(PartialToolCall call, PartialToolCallContext context) {
    handle = context.streamingHandle();
    onPartialToolCall(call);
  }

  /** Completes the tool call's session. */
  @Override
  public void onCompleteToolCall(CompleteToolCall call) {
    started = true;
    if (!result.isDone()) {
      run(() -> completeToolCall(call.index(), call.toolExecutionRequest()));
    }
  }

  /**
   * Reports the usage, keeps the finish reason, completes the sessions and {@link #result()}; see
   * the class documentation.
   */
  @Override
  public void onCompleteResponse(ChatResponse completeResponse) {
    started = true;
    if (result.isDone()) {
      return;
    }
    response = completeResponse;
    run(
        () -> {
          dev.langchain4j.model.output.TokenUsage usage = completeResponse.tokenUsage();
          if (usage != null) {
            TokenUsage tokens =
                new TokenUsage(count(usage.inputTokenCount()), count(usage.outputTokenCount()));
            session.reportUsage(tokens);
            synchronized (toolCalls) {
              toolCalls.reportUsage(tokens);
            }
          }
          // Through a TokenStream, AI Services pass a round's response with tool calls to
          // onIntermediateResponse first, which completed its calls (completeRound); completing
          // them again from this response would bind them twice.
          synchronized (toolCalls) {
            toolCalls.completeAll();
          }
          result.complete(session.result());
        });
  }

  /** Closes the sessions and fails {@link #result()} with {@code error}. */
  @Override
  public void onError(Throwable error) {
    started = true;
    if (result.isDone()) {
      return;
    }
    session.close();
    synchronized (toolCalls) {
      toolCalls.closeAll();
    }
    result.completeExceptionally(error);
  }

  /**
   * Completes the tool calls of a round of AI Services with the round's response, which lists them
   * in index order; a call that did not stream is fed whole.
   */
  void completeRound(ChatResponse round) {
    if (result.isDone()) {
      return;
    }
    run(
        () -> {
          if (round.aiMessage() != null && round.aiMessage().hasToolExecutionRequests()) {
            List<ToolExecutionRequest> requests = round.aiMessage().toolExecutionRequests();
            for (int index = 0; index < requests.size(); index++) {
              completeToolCall(index, requests.get(index));
            }
          }
          synchronized (toolCalls) {
            toolCalls.completeAll();
          }
        });
  }

  private void completeToolCall(int index, ToolExecutionRequest request) {
    session.endReasoning(); // a call that did not stream ends the thinking before it too
    synchronized (toolCalls) {
      toolCalls.complete(index, request.id(), request.name(), request.arguments());
    }
  }

  /**
   * Runs a step of the stream. A session that stops at what the model sent ends the stream here:
   * LangChain4j passes a handler's exception to {@link #onError} and streams on, so throwing would
   * neither stop the request nor keep the outcome.
   */
  private void run(Runnable step) {
    try {
      step.run();
    } catch (PartialJsonException e) {
      cancel();
      completeFromSession();
    } catch (RuntimeException | Error e) {
      cancel();
      session.close();
      synchronized (toolCalls) {
        toolCalls.closeAll();
      }
      result.completeExceptionally(e);
    }
  }

  private void completeFromSession() {
    try {
      synchronized (toolCalls) {
        toolCalls.completeAll();
      }
      result.complete(session.result());
    } catch (RuntimeException e) {
      result.completeExceptionally(e);
    }
  }

  private void cancel() {
    StreamingHandle current = handle;
    // After the complete response there is no stream left to cancel.
    if (current == null || current.isCancelled() || response != null) {
      return;
    }
    try {
      current.cancel();
      cancelled = true;
    } catch (RuntimeException e) {
      // A provider without cancellation (UnsupportedFeatureException): the stream runs to its end,
      // and this handler ignores what still comes.
    }
  }

  private void checkNotStarted() {
    if (started) {
      throw new IllegalStateException("the stream has started: configure the handler before it");
    }
  }

  private static long count(@Nullable Integer tokens) {
    return tokens == null ? 0 : tokens;
  }

  /**
   * Passes the session's reasoning to {@link #onThinking} unless it is the provider's thinking,
   * which {@link #onPartialThinking} passed already: what is left is a {@code <think>} block of the
   * text, which only the session's parser sees.
   */
  private final class ThinkBlockListener implements ReasoningListener {
    // Segments never overlap, so the open one is the provider's if it opened while its thinking
    // was fed; its end may still hand over a held char, from the answer's feed or the finish.
    private boolean fromProvider;

    @Override
    public void reasoningStart() {
      fromProvider = feedingThinking;
    }

    @Override
    public void reasoningDelta(CharSequence delta) {
      if (!fromProvider) {
        thinking.accept(delta.toString());
      }
    }
  }
}
