package dev.partialjson.openai;

import com.openai.core.JsonValue;
import com.openai.errors.OpenAIException;
import com.openai.models.chat.completions.ChatCompletionChunk;
import com.openai.models.completions.CompletionUsage;
import dev.partialjson.binding.BindingSession;
import dev.partialjson.binding.StreamingBinder;
import dev.partialjson.binding.TokenUsage;
import dev.partialjson.parser.PartialJsonException;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** One Chat Completions stream being read: the state of its choices and tool calls. */
final class ChatReader<T> {
  /** Where OpenAI-compatible servers put reasoning in a delta, in order of preference. */
  private static final List<String> REASONING = List.of("reasoning_content", "reasoning");

  private final Registrations<T> config;
  private final Map<Integer, ChatResult.Choice<T>> choices = new HashMap<>();
  private @Nullable TokenUsage usage;

  ChatReader(Registrations<T> config) {
    this.config = config;
  }

  ChatResult<T> read(Iterator<ChatCompletionChunk> chunks, AutoCloseable upstream) {
    RuntimeException error = null;
    String source = null;
    try {
      while (true) {
        try {
          if (!chunks.hasNext()) {
            break;
          }
          accept(chunks.next());
        } catch (Stop stop) {
          error = stop.error;
          source = stop.source;
          break;
        } catch (OpenAIException e) { // the provider's in-band error, I/O, a chunk the SDK rejects
          error = e;
          source = "the stream";
          break;
        }
      }
    } catch (RuntimeException | Error e) { // a callback's own: the caller's to handle
      Streams.closeQuietly(upstream, e);
      closeSessions();
      throw e;
    }
    if (error != null) {
      // Cancels the request now: the server sees the connection close.
      Streams.closeQuietly(upstream, error);
      closeSessions();
    } else {
      endSessions();
    }
    return new ChatResult<>(choices, usage, error, source);
  }

  private void accept(ChatCompletionChunk chunk) {
    Optional<CompletionUsage> reported = chunk.usage();
    if (reported.isPresent()) {
      usage = new TokenUsage(reported.get().promptTokens(), reported.get().completionTokens());
    }
    for (ChatCompletionChunk.Choice c : chunk.choices()) {
      int index = (int) c.index();
      ChatResult.Choice<T> choice = choices.computeIfAbsent(index, ChatResult.Choice::new);
      Optional<ChatCompletionChunk.Choice.Delta> known = c._delta().asKnown();
      if (known.isPresent()) {
        ChatCompletionChunk.Choice.Delta delta = known.get();
        reasoning(choice, delta);
        delta.refusal().ifPresent(text -> refusal(choice, text));
        delta.content().ifPresent(text -> content(choice, text));
        delta.toolCalls().ifPresent(calls -> toolCalls(choice, calls));
      }
      c.finishReason().ifPresent(reason -> choice.finishReason = reason.asString());
    }
  }

  // _additionalProperties() is deprecated in newer SDKs for _allProperties(), which 4.0 lacks.
  @SuppressWarnings("deprecation")
  private void reasoning(ChatResult.Choice<T> choice, ChatCompletionChunk.Choice.Delta delta) {
    Map<String, JsonValue> extra = delta._additionalProperties();
    for (String field : REASONING) {
      JsonValue value = extra.get(field);
      // asString() is a raw Optional as javac sees the Kotlin signature.
      Optional<?> text = value == null ? Optional.empty() : value.asString();
      if (text.isPresent() && text.get() instanceof String piece) {
        if (!piece.isEmpty()) {
          config.reasoning().onDelta(choice.index(), piece);
          BindingSession<T> session = session(choice);
          if (session != null) {
            // No end event: the choice's first content ends the segment, or the end of the stream.
            session.feedReasoning(piece);
          }
        }
        return; // servers that send both send the same text twice
      }
    }
  }

  /**
   * Returns the choice's session, opened (and handed to the session hook) if it has none yet; null
   * without a binder. Reasoning opens it as the first content does, so that the hook's listeners
   * see the reasoning: a choice that then only calls tools keeps a session with no content, which
   * {@link ChatResult.Choice} treats as none.
   */
  private @Nullable BindingSession<T> session(ChatResult.Choice<T> choice) {
    StreamingBinder<T> binder = config.binder();
    if (binder == null) {
      return null;
    }
    if (choice.session == null) {
      BindingSession<T> session = binder.open();
      choice.session = session;
      config.onSession().accept(session);
    }
    return choice.session;
  }

  private void refusal(ChatResult.Choice<T> choice, String text) {
    if (text.isEmpty()) {
      return;
    }
    if (choice.refusal == null) {
      choice.refusal = new StringBuilder();
    }
    choice.refusal.append(text);
    config.refusal().onDelta(choice.index(), text);
  }

  private void content(ChatResult.Choice<T> choice, String text) {
    if (text.isEmpty()) {
      return;
    }
    StreamingBinder<T> binder = config.binder();
    if (binder == null) {
      if (choice.text == null) {
        choice.text = new StringBuilder();
      }
      choice.text.append(text);
    }
    config.text().onDelta(choice.index(), text);
    BindingSession<T> session = session(choice);
    if (session == null) {
      return;
    }
    try {
      session.feed(text);
    } catch (PartialJsonException e) {
      throw new Stop(e, "choice " + choice.index());
    }
  }

  private void toolCalls(
      ChatResult.Choice<T> choice, List<ChatCompletionChunk.Choice.Delta.ToolCall> calls) {
    for (int i = 0; i < calls.size(); i++) {
      ChatCompletionChunk.Choice.Delta.ToolCall fragment = calls.get(i);
      // Some OpenAI-compatible servers leave out the index when a chunk has one call.
      int index = fragment._index().asKnown().map(Long::intValue).orElse(i);
      ToolCall call = choice.toolCalls.computeIfAbsent(index, ToolCall::new);
      call.id(fragment.id().orElse(null));
      Optional<ChatCompletionChunk.Choice.Delta.ToolCall.Function> function = fragment.function();
      String name = function.flatMap(f -> f.name()).orElse(null);
      String arguments = function.flatMap(f -> f.arguments()).orElse("");
      try {
        call.arguments(arguments, name, config.tools());
      } catch (PartialJsonException e) {
        throw new Stop(e, "tool call " + call.describe() + " of choice " + choice.index());
      }
    }
  }

  /** Reports the usage to every session, then ends its input. */
  private void endSessions() {
    for (ChatResult.Choice<T> choice : choices.values()) {
      end(choice.session);
      for (ToolCall call : choice.toolCalls.values()) {
        end(call.openSession());
      }
    }
  }

  private void end(@Nullable BindingSession<?> session) {
    if (session != null) {
      if (usage != null) {
        session.reportUsage(usage);
      }
      session.result();
    }
  }

  private void closeSessions() {
    for (ChatResult.Choice<T> choice : choices.values()) {
      if (choice.session != null) {
        choice.session.close();
      }
      for (ToolCall call : choice.toolCalls.values()) {
        BindingSession<?> session = call.openSession();
        if (session != null) {
          session.close();
        }
      }
    }
  }
}
