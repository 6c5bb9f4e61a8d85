package dev.partialjson.openai;

import com.openai.errors.OpenAIException;
import dev.partialjson.binding.BindingSession;
import dev.partialjson.binding.TokenUsage;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * What a Chat Completions stream gave: each choice with its bound content, refusal, tool calls and
 * {@code finish_reason}, the token usage, and what stopped the stream early, if anything. Returned
 * by {@link ChatCompletionBinding#stream}; every session in it has ended (completed, or closed
 * after the stream stopped early), and each keeps what arrived ({@link BindingSession#partial()}).
 *
 * <pre>{@code
 * ChatResult<Plan> result = OpenAiStreams.chat(binder).stream(response);
 * if (result.choice(0).finishReason().equals(Optional.of("length"))) { ... } // cut off
 * Plan plan = result.value();                      // choice 0, bound and valid, or throws
 * }</pre>
 *
 * <p>Immutable once returned; safe to read from any thread after {@code stream} returned.
 */
public final class ChatResult<T> {
  private final List<Choice<T>> choices;
  private final @Nullable TokenUsage usage;
  private final @Nullable RuntimeException error;
  private final @Nullable String errorSource;

  ChatResult(
      Map<Integer, Choice<T>> choices,
      @Nullable TokenUsage usage,
      @Nullable RuntimeException error,
      @Nullable String errorSource) {
    this.choices = List.copyOf(new TreeMap<>(choices).values());
    this.usage = usage;
    this.error = error;
    this.errorSource = errorSource;
  }

  /** Returns the choices that streamed anything, by index. */
  public List<Choice<T>> choices() {
    return choices;
  }

  /**
   * Returns the choice with {@code index}.
   *
   * @throws IllegalArgumentException if the stream had no such choice
   */
  public Choice<T> choice(int index) {
    for (Choice<T> choice : choices) {
      if (choice.index == index) {
        return choice;
      }
    }
    throw new IllegalArgumentException("no choice " + index + " in the stream");
  }

  /** Returns the tokens the request used, from the final chunk's {@code usage}, if sent. */
  public Optional<TokenUsage> usage() {
    return Optional.ofNullable(usage);
  }

  /**
   * Returns what stopped the stream before its end: the exception of a session that failed fast (an
   * invalid list item under {@code FAIL_FAST}, malformed JSON), or the SDK's own exception when the
   * stream broke (an error the provider sent in the stream, a lost connection). Empty when the
   * stream was read to its end.
   */
  public Optional<RuntimeException> error() {
    return Optional.ofNullable(error);
  }

  /**
   * Returns where {@link #error()} came from: {@code choice 0}, {@code tool call 1 (get_weather,
   * call_abc) of choice 0}, or {@code the stream}.
   */
  public Optional<String> errorSource() {
    return Optional.ofNullable(errorSource);
  }

  /**
   * Returns choice 0's content, bound and validated; see {@link Choice#value()}. When the SDK's
   * stream broke, throws the SDK's exception first, as the content cannot be whole.
   */
  public @Nullable T value() {
    if (error != null && !(error instanceof dev.partialjson.parser.PartialJsonException)) {
      throw error;
    }
    return choice(0).value();
  }

  /** One choice of the stream. Immutable once the stream was read. */
  public static final class Choice<T> {
    private final int index;
    final Map<Integer, ToolCall> toolCalls = new TreeMap<>();
    @Nullable BindingSession<T> session;
    @Nullable StringBuilder text;
    @Nullable StringBuilder refusal;
    @Nullable String finishReason;

    Choice(int index) {
      this.index = index;
    }

    /** Returns the choice's {@code index}. */
    public int index() {
      return index;
    }

    /**
     * Returns the {@code finish_reason} as the provider wrote it ({@code stop}, {@code length} when
     * the answer was cut off at the token limit, {@code tool_calls}, {@code content_filter}); empty
     * if the stream ended without one.
     */
    public Optional<String> finishReason() {
      return Optional.ofNullable(finishReason);
    }

    /** Returns the refusal the model wrote instead of an answer, if it refused. */
    public Optional<String> refusal() {
      return refusal == null ? Optional.empty() : Optional.of(refusal.toString());
    }

    /**
     * Returns the session the content was bound in; empty if no content arrived. A session the
     * choice's reasoning opened (so that the session hook saw it) but no content followed, as when
     * the model only called tools, counts as none: its {@code stats().bytes()} is 0.
     */
    public Optional<BindingSession<T>> session() {
      return Optional.ofNullable(bound());
    }

    private @Nullable BindingSession<T> bound() {
      return session != null && session.stats().bytes() > 0 ? session : null;
    }

    /**
     * Returns the content as it arrived, for a binding made without a binder ({@link
     * OpenAiStreams#chat()}); empty otherwise.
     */
    public Optional<String> text() {
      return text == null ? Optional.empty() : Optional.of(text.toString());
    }

    /** Returns the choice's tool calls, by index. */
    public List<ToolCall> toolCalls() {
      return List.copyOf(toolCalls.values());
    }

    /**
     * Returns the content bound and validated.
     *
     * @throws dev.partialjson.parser.PartialJsonException as {@link BindingSession#complete()}
     *     does: {@code IncompleteJsonException} for content cut off ({@link #finishReason()} says
     *     {@code length}), the {@code ValidationException} that failed the session fast, and so on
     * @throws OpenAIException if the model refused, with its refusal
     * @throws IllegalStateException if no content arrived (the model called tools instead, only
     *     reasoning came, or the binding has no binder)
     */
    public @Nullable T value() {
      BindingSession<T> bound = bound();
      if (bound != null) {
        return bound.complete();
      }
      if (refusal != null) {
        throw new OpenAIException("choice " + index + " refused: " + refusal);
      }
      throw new IllegalStateException(
          "choice "
              + index
              + " has no bound content (finish_reason "
              + (finishReason != null ? finishReason : "none")
              + (toolCalls.isEmpty() ? "" : ", " + toolCalls.size() + " tool call(s)")
              + ")");
    }

    @Override
    public String toString() {
      return "Choice " + index + " (finish_reason " + finishReason + ")";
    }
  }
}
