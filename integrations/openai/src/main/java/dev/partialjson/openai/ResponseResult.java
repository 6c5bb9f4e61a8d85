package dev.partialjson.openai;

import com.openai.errors.OpenAIException;
import dev.partialjson.binding.BindingSession;
import dev.partialjson.binding.TokenUsage;
import dev.partialjson.parser.PartialJsonException;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * What a Responses stream gave: its message outputs with their bound text, its function calls, how
 * it ended ({@code response.completed}, {@code response.incomplete} with its reason, {@code
 * response.failed} with the provider's error), the token usage, and what stopped it early, if
 * anything. Returned by {@link ResponseBinding#stream}; every session in it has ended.
 *
 * <p>Immutable once returned; safe to read from any thread after {@code stream} returned.
 */
public final class ResponseResult<T> {
  private final List<Message<T>> messages;
  private final List<ToolCall> toolCalls;
  private final @Nullable String status;
  private final @Nullable String incompleteReason;
  private final @Nullable String providerError;
  private final @Nullable TokenUsage usage;
  private final @Nullable RuntimeException error;
  private final @Nullable String errorSource;

  ResponseResult(
      ResponseReader<T> reader, @Nullable RuntimeException error, @Nullable String source) {
    this.messages = List.copyOf(new TreeMap<>(reader.messages).values());
    this.toolCalls = List.copyOf(new TreeMap<>(reader.calls).values());
    this.status = reader.status;
    this.incompleteReason = reader.incompleteReason;
    this.providerError = reader.providerError;
    this.usage = reader.usage;
    this.error = error;
    this.errorSource = source;
  }

  /** Returns the message output items that streamed text or a refusal, by {@code output_index}. */
  public List<Message<T>> messages() {
    return messages;
  }

  /** Returns the function calls, by {@code output_index}. */
  public List<ToolCall> toolCalls() {
    return toolCalls;
  }

  /**
   * Returns how the response ended: {@code completed}, {@code incomplete} or {@code failed}, from
   * its terminal event; empty if the stream ended (or stopped) without one.
   */
  public Optional<String> status() {
    return Optional.ofNullable(status);
  }

  /** Returns why the response is {@code incomplete} ({@code max_output_tokens}, ...), if it is. */
  public Optional<String> incompleteReason() {
    return Optional.ofNullable(incompleteReason);
  }

  /**
   * Returns what the provider said went wrong, as {@code code: message}: the error of a {@code
   * response.failed}, or of an {@code error} event.
   */
  public Optional<String> providerError() {
    return Optional.ofNullable(providerError);
  }

  /** Returns the tokens the response used, from its terminal event's {@code usage}, if sent. */
  public Optional<TokenUsage> usage() {
    return Optional.ofNullable(usage);
  }

  /**
   * Returns what stopped the stream before its terminal event: the exception of a session that
   * failed fast, or the SDK's own exception when the stream broke. Empty otherwise.
   */
  public Optional<RuntimeException> error() {
    return Optional.ofNullable(error);
  }

  /**
   * Returns where {@link #error()} came from: {@code output 0 (msg_…)}, {@code tool call 1
   * (get_weather, call_abc)}, or {@code the stream}.
   */
  public Optional<String> errorSource() {
    return Optional.ofNullable(errorSource);
  }

  /**
   * Returns the first message's text bound and validated; see {@link Message#value()}.
   *
   * @throws OpenAIException the SDK's exception if the stream broke, or one naming the provider's
   *     error if the response failed
   * @throws IllegalStateException if the response has no message
   */
  public @Nullable T value() {
    if (error != null && !(error instanceof PartialJsonException)) {
      throw error;
    }
    if ("failed".equals(status) || (messages.isEmpty() && providerError != null)) {
      throw new OpenAIException("the response failed: " + providerError);
    }
    if (messages.isEmpty()) {
      throw new IllegalStateException(
          "the response has no message (status "
              + (status != null ? status : "none")
              + (toolCalls.isEmpty() ? "" : ", " + toolCalls.size() + " function call(s)")
              + ")");
    }
    return messages.get(0).value();
  }

  /** One message output item. Immutable once the stream was read. */
  public static final class Message<T> {
    private final int outputIndex;
    @Nullable String itemId;
    @Nullable BindingSession<T> session;
    @Nullable StringBuilder text;
    @Nullable StringBuilder refusal;

    Message(int outputIndex) {
      this.outputIndex = outputIndex;
    }

    /** Returns the item's {@code output_index}. */
    public int outputIndex() {
      return outputIndex;
    }

    /** Returns the item's {@code id}, if the stream said it. */
    public Optional<String> itemId() {
      return Optional.ofNullable(itemId);
    }

    /**
     * Returns the session the text was bound in; empty if no text arrived or no binder. The session
     * the reasoning before this message opened counts as none if no text followed: its {@code
     * stats().bytes()} is 0.
     */
    public Optional<BindingSession<T>> session() {
      return Optional.ofNullable(bound());
    }

    private @Nullable BindingSession<T> bound() {
      return session != null && session.stats().bytes() > 0 ? session : null;
    }

    /** Returns the text as it arrived, for a binding made without a binder. */
    public Optional<String> text() {
      return text == null ? Optional.empty() : Optional.of(text.toString());
    }

    /** Returns the refusal the model wrote instead of an answer, if it refused. */
    public Optional<String> refusal() {
      return refusal == null ? Optional.empty() : Optional.of(refusal.toString());
    }

    /**
     * Returns the text bound and validated.
     *
     * @throws PartialJsonException as {@link BindingSession#complete()} does ({@code
     *     IncompleteJsonException} for a response cut off at {@code max_output_tokens})
     * @throws OpenAIException if the model refused, with its refusal
     * @throws IllegalStateException if no text was bound
     */
    public @Nullable T value() {
      BindingSession<T> bound = bound();
      if (bound != null) {
        return bound.complete();
      }
      if (refusal != null) {
        throw new OpenAIException("output " + outputIndex + " refused: " + refusal);
      }
      throw new IllegalStateException("output " + outputIndex + " has no bound text");
    }

    String describe() {
      return "output " + outputIndex + (itemId != null ? " (" + itemId + ")" : "");
    }

    @Override
    public String toString() {
      return "Message " + describe();
    }
  }
}
