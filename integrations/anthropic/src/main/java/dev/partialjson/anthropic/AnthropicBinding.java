package dev.partialjson.anthropic;

import com.anthropic.core.http.StreamResponse;
import com.anthropic.models.messages.MessageCreateParams;
import com.anthropic.models.messages.RawMessageStreamEvent;
import dev.partialjson.binding.BindingSession;
import dev.partialjson.binding.StreamingBinder;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * Streams a typed answer, and typed tool calls, out of anthropic-java's Messages stream: {@link
 * #applyTo} sets the request's schema from the bound type, {@link #read} feeds the SDK's own {@code
 * StreamResponse<RawMessageStreamEvent>} into binding sessions as the events arrive.
 *
 * <pre>{@code
 * AnthropicBinding<Plan> binding = AnthropicBinding.builder(StreamingBinder.of(Plan.class)).build();
 * MessageCreateParams params = binding.applyTo(MessageCreateParams.builder()
 *     .model("claude-sonnet-4-5").maxTokens(2048).addUserMessage("Plan my week")).build();
 * try (var events = client.messages().createStreaming(params)) {
 *   Plan plan = binding.read(events, s -> s.onItem("$.tasks[*]", Task.class, ui::add)).complete();
 * }
 * }</pre>
 *
 * <p>What goes where, by content block index:
 *
 * <ul>
 *   <li>the answer: the {@code text_delta}s of text blocks, written under structured outputs
 *       ({@code output_config.format}, {@link Answer#STRUCTURED_OUTPUT}); or the {@code
 *       input_json_delta}s of a tool the model is forced to call ({@link Answer#FORCED_TOOL}), the
 *       way to typed JSON on models without structured outputs;
 *   <li>each call of a tool registered with {@link Builder#tool}: its own session, bound to that
 *       tool's type, opened at the block's start and handed to the tool's {@link ToolHandler}
 *       before its first delta, however the calls' blocks follow each other;
 *   <li>thinking ({@code thinking_delta}): to the answer's session as its reasoning ({@link
 *       BindingSession#onReasoning}: start, deltas, end; never into the value or its bytes), each
 *       thinking block a segment that the block's {@code content_block_stop} ends, interleaved
 *       thinking between tool uses too; and, raw and with the block's index, to {@link
 *       Builder#onThinking}, the only place it goes without a typed answer. The answer is the one
 *       session: the text block's, or the forced tool's input with {@link Answer#FORCED_TOOL}; a
 *       registered tool's session gets none. Redacted thinking has no text and gives nothing;
 *   <li>text that is not the answer (prose before a tool call): to {@link Builder#onText}.
 * </ul>
 *
 * <p>Fine-grained tool streaming ({@link Builder#eagerInputStreaming}) sends a tool's input without
 * the server buffering it into valid JSON, and the provider warns that it may be invalid or
 * partial: such input fails the tool's session at the byte where it goes wrong, and {@link
 * ContentBlockException} names the block, the tool, and the parser's reason and offset, with the
 * session (and what arrived) kept. A message that stops at {@code max_tokens} inside a value is
 * reported by {@link StreamedMessage#complete()} with that {@code stop_reason}.
 *
 * <p>Immutable and thread-safe once built (the listeners it holds are called from the thread that
 * reads); one binding serves any number of requests.
 *
 * @param <T> the answer's type ({@code Void} when there is no typed answer)
 */
public final class AnthropicBinding<T> {

  /**
   * How the model is asked for the answer's JSON. Structured outputs are the default because the
   * provider then constrains decoding to the schema; the forced tool is how typed JSON is had from
   * Claude models that predate them, and its schema keeps the bounds structured outputs refuse.
   */
  public enum Answer {
    /**
     * Structured outputs: {@code output_config.format} carries the schema, and the model writes the
     * JSON as the text of its answer. Needs a model that supports structured outputs. The bounds
     * they refuse (numeric ones, list sizes above one) are written into the descriptions instead,
     * and checked by Jakarta Validation as the items close.
     */
    STRUCTURED_OUTPUT,
    /**
     * A tool whose {@code input_schema} is the answer's schema, and {@code tool_choice} forcing the
     * model to call it: its input is the answer. Works with every model that calls tools.
     */
    FORCED_TOOL,
    /** No typed answer: text goes to {@link Builder#onText}; only tool calls are bound. */
    NONE
  }

  /** Receives a piece of a block's thinking or prose, with the block's index. */
  @FunctionalInterface
  public interface BlockListener {
    /** Called with each delta of the block at {@code index}, in order. */
    void onDelta(long index, String delta);
  }

  /**
   * Receives each call of a tool as it starts, with the session its input will be fed to, so that
   * callbacks can be registered on it before its first delta.
   *
   * @param <A> the type the tool's input is bound to
   */
  @FunctionalInterface
  public interface ToolHandler<A> {
    /** Called at the call's {@code content_block_start}; {@code call.session()} is not fed yet. */
    void onCall(ToolUse<A> call);
  }

  record BoundTool<A>(
      String name, String description, StreamingBinder<A> binder, ToolHandler<A> handler) {}

  private final @Nullable StreamingBinder<T> answer;
  private final Answer mode;
  private final String answerTool;
  private final Map<String, BoundTool<?>> tools;
  private final boolean eager;
  private final BlockListener thinking;
  private final BlockListener text;

  private AnthropicBinding(Builder<T> builder) {
    this.answer = builder.answer;
    this.mode = builder.mode;
    this.answerTool = builder.answerTool;
    this.tools = Map.copyOf(builder.tools);
    this.eager = builder.eager;
    this.thinking = builder.thinking;
    this.text = builder.text;
  }

  /** Returns a builder for an answer bound by {@code answer}, asked for by structured outputs. */
  public static <T> Builder<T> builder(StreamingBinder<T> answer) {
    return new Builder<>(
        Objects.requireNonNull(answer, "answer == null"), Answer.STRUCTURED_OUTPUT);
  }

  /** Returns a builder without a typed answer: only the calls of registered tools are bound. */
  public static Builder<Void> builder() {
    return new Builder<>(null, Answer.NONE);
  }

  /**
   * Sets on {@code params} what the model needs to write the bound types: the answer's schema as
   * {@code output_config} (replacing an {@code output_config} set before) or as a forced tool with
   * its {@code tool_choice}, and each registered tool with its {@code input_schema}. Returns the
   * same builder.
   *
   * @throws IllegalArgumentException if a type cannot be described as the Messages API needs (a
   *     tool's input must be an object)
   */
  public MessageCreateParams.Builder applyTo(MessageCreateParams.Builder params) {
    Objects.requireNonNull(params, "params == null");
    RequestSchemas.apply(this, params);
    return params;
  }

  /**
   * Reads {@code events} to their end, feeding the answer's session and the tool calls' sessions as
   * the events arrive, and returns the message with every session ended. {@code setup} gets the
   * answer's session before the first delta, to register callbacks on it ({@code onItem}, {@code
   * onReasoning} for the thinking).
   *
   * <p>When a session fails (malformed JSON, or an invalid list item under fail-fast), the stream
   * is closed at once, which cancels the request, and the failure is thrown.
   *
   * @throws ContentBlockException if a block's JSON went wrong; the stream is closed
   * @throws RuntimeException what the SDK throws while reading, or a callback's own exception; the
   *     stream is closed and the sessions with it
   */
  public StreamedMessage<T> read(
      StreamResponse<RawMessageStreamEvent> events, Consumer<? super BindingSession<T>> setup) {
    Objects.requireNonNull(events, "events == null");
    Objects.requireNonNull(setup, "setup == null");
    return new MessageReader<>(this, events, setup).read();
  }

  /** Reads {@code events} with no callbacks on the answer's session; see {@link #read}. */
  public StreamedMessage<T> read(StreamResponse<RawMessageStreamEvent> events) {
    return read(events, session -> {});
  }

  @Nullable StreamingBinder<T> answer() {
    return answer;
  }

  Answer mode() {
    return mode;
  }

  String answerTool() {
    return answerTool;
  }

  Map<String, BoundTool<?>> tools() {
    return tools;
  }

  boolean eager() {
    return eager;
  }

  BlockListener thinking() {
    return thinking;
  }

  BlockListener text() {
    return text;
  }

  /**
   * Configures an {@link AnthropicBinding}. Not thread-safe.
   *
   * @param <T> the answer's type
   */
  public static final class Builder<T> {
    private final @Nullable StreamingBinder<T> answer;
    private Answer mode;
    private String answerTool = "answer";
    private final Map<String, BoundTool<?>> tools = new LinkedHashMap<>();
    private boolean eager;
    private BlockListener thinking = (index, delta) -> {};
    private BlockListener text = (index, delta) -> {};

    private Builder(@Nullable StreamingBinder<T> answer, Answer mode) {
      this.answer = answer;
      this.mode = mode;
    }

    /**
     * Asks for the answer as the input of a tool named {@code name} that the model is forced to
     * call, instead of structured outputs: for models without structured outputs.
     *
     * @throws IllegalStateException if this builder has no typed answer
     * @throws IllegalArgumentException if a tool of that name is registered
     */
    public Builder<T> answerAsTool(String name) {
      Objects.requireNonNull(name, "name == null");
      if (answer == null) {
        throw new IllegalStateException("no typed answer: use AnthropicBinding.builder(binder)");
      }
      if (tools.containsKey(name)) {
        throw new IllegalArgumentException("a tool named \"" + name + "\" is registered already");
      }
      this.mode = Answer.FORCED_TOOL;
      this.answerTool = name;
      return this;
    }

    /**
     * Registers a tool the model may call: its {@code input_schema} is {@code binder}'s type's, and
     * each call gets a session of its own, handed to {@code handler} as the call starts.
     *
     * @throws IllegalArgumentException if a tool of that name is registered, or is the answer's
     */
    public <A> Builder<T> tool(
        String name, String description, StreamingBinder<A> binder, ToolHandler<A> handler) {
      Objects.requireNonNull(name, "name == null");
      Objects.requireNonNull(description, "description == null");
      Objects.requireNonNull(binder, "binder == null");
      Objects.requireNonNull(handler, "handler == null");
      if (tools.containsKey(name) || (mode == Answer.FORCED_TOOL && answerTool.equals(name))) {
        throw new IllegalArgumentException("a tool named \"" + name + "\" is registered already");
      }
      tools.put(name, new BoundTool<>(name, description, binder, handler));
      return this;
    }

    /**
     * Asks for fine-grained tool streaming ({@code "eager_input_streaming": true} on every tool
     * this binding sets, the answer's forced tool included): input pieces arrive sooner, and may be
     * invalid JSON, which the tool's session then reports precisely.
     */
    public Builder<T> eagerInputStreaming(boolean eager) {
      this.eager = eager;
      return this;
    }

    /**
     * Sets the listener of thinking deltas ({@code thinking_delta}), the raw view: each as it
     * arrived, with its block's index, with or without a typed answer. With a typed answer the same
     * thinking also reaches the answer's session as reasoning, start, deltas and end, which is the
     * one model across providers: register {@code session.onReasoning(...)} in {@link #read}'s
     * {@code setup}.
     */
    public Builder<T> onThinking(BlockListener listener) {
      this.thinking = Objects.requireNonNull(listener, "listener == null");
      return this;
    }

    /** Sets the listener of text that is not the answer (prose around tool calls). */
    public Builder<T> onText(BlockListener listener) {
      this.text = Objects.requireNonNull(listener, "listener == null");
      return this;
    }

    /** Returns the binding. */
    public AnthropicBinding<T> build() {
      return new AnthropicBinding<>(this);
    }
  }
}
