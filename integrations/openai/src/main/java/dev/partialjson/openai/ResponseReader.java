package dev.partialjson.openai;

import com.openai.errors.OpenAIException;
import com.openai.models.responses.Response;
import com.openai.models.responses.ResponseError;
import com.openai.models.responses.ResponseErrorEvent;
import com.openai.models.responses.ResponseFunctionToolCall;
import com.openai.models.responses.ResponseOutputItem;
import com.openai.models.responses.ResponseStreamEvent;
import com.openai.models.responses.ResponseUsage;
import dev.partialjson.binding.BindingSession;
import dev.partialjson.binding.StreamingBinder;
import dev.partialjson.binding.TokenUsage;
import dev.partialjson.parser.PartialJsonException;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One Responses stream being read: its message items and function calls by output index.
 *
 * <p>Reasoning is its own output item, before the message it leads to, so it cannot find that
 * message by {@code output_index}. It goes to the session of the message that follows it instead:
 * the first reasoning delta opens a session (and hands it to the session hook, whose listeners so
 * see the reasoning), and the next message item adopts it. If none follows (the model only called
 * functions, or was cut off while thinking), that session ends with the others but belongs to no
 * message, so the result gains neither a message nor an error from it.
 */
final class ResponseReader<T> {
  private final Registrations<T> config;
  // opened by reasoning, waiting for the message that follows it
  private @Nullable BindingSession<T> pending;
  // the session reasoning was last fed to: the provider's done events end its segment
  private @Nullable BindingSession<T> thinking;
  final Map<Integer, ResponseResult.Message<T>> messages = new HashMap<>();
  final Map<Integer, ToolCall> calls = new HashMap<>();
  @Nullable String status;
  @Nullable String incompleteReason;
  @Nullable String providerError;
  @Nullable TokenUsage usage;

  ResponseReader(Registrations<T> config) {
    this.config = config;
  }

  ResponseResult<T> read(Iterator<ResponseStreamEvent> events, AutoCloseable upstream) {
    RuntimeException error = null;
    String source = null;
    try {
      while (status == null) { // the terminal event sets it: what follows is not read
        try {
          if (!events.hasNext()) {
            break;
          }
          accept(events.next());
        } catch (Stop stop) {
          error = stop.error;
          source = stop.source;
          break;
        } catch (OpenAIException e) { // I/O, an event the SDK rejects
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
      Streams.closeQuietly(upstream, error); // cancels the request now
      closeSessions();
    } else {
      endSessions();
    }
    return new ResponseResult<>(this, error, source);
  }

  private void accept(ResponseStreamEvent event) {
    if (event.isOutputTextDelta()) {
      var delta = event.asOutputTextDelta();
      text(message((int) delta.outputIndex(), delta.itemId()), delta.delta());
    } else if (event.isFunctionCallArgumentsDelta()) {
      var delta = event.asFunctionCallArgumentsDelta();
      ToolCall call = calls.computeIfAbsent((int) delta.outputIndex(), ToolCall::new);
      call.itemId(delta.itemId());
      arguments(call, delta.delta(), null);
    } else if (event.isOutputItemAdded()) {
      added((int) event.asOutputItemAdded().outputIndex(), event.asOutputItemAdded().item());
    } else if (event.isReasoningSummaryTextDelta()) {
      var delta = event.asReasoningSummaryTextDelta();
      reasoning((int) delta.outputIndex(), delta.delta());
    } else if (event.isReasoningTextDelta()) {
      var delta = event.asReasoningTextDelta();
      reasoning((int) delta.outputIndex(), delta.delta());
    } else if (event.isReasoningSummaryPartDone() || event.isReasoningTextDone()) {
      endReasoning();
    } else if (event.isOutputItemDone() && event.asOutputItemDone().item().isReasoning()) {
      endReasoning();
    } else if (event.isRefusalDelta()) {
      var delta = event.asRefusalDelta();
      refusal(message((int) delta.outputIndex(), delta.itemId()), delta.delta());
    } else if (event.isError()) {
      ResponseErrorEvent e = event.asError();
      providerError = e.code().map(code -> code + ": ").orElse("") + e.message();
    } else if (event.isCompleted()) {
      end("completed", event.asCompleted().response());
    } else if (event.isIncomplete()) {
      Response response = event.asIncomplete().response();
      incompleteReason =
          response.incompleteDetails().flatMap(d -> d.reason()).map(Object::toString).orElse(null);
      end("incomplete", response);
    } else if (event.isFailed()) {
      Response response = event.asFailed().response();
      if (response.error().isPresent()) {
        ResponseError e = response.error().get();
        providerError = e.code().asString() + ": " + e.message();
      }
      end("failed", response);
    }
  }

  private void end(String status, Response response) {
    this.status = status;
    ResponseUsage reported = response.usage().orElse(null);
    if (reported != null) {
      usage = new TokenUsage(reported.inputTokens(), reported.outputTokens());
    }
  }

  private void added(int outputIndex, ResponseOutputItem item) {
    if (item.isFunctionCall()) {
      ResponseFunctionToolCall function = item.asFunctionCall();
      ToolCall call = calls.computeIfAbsent(outputIndex, ToolCall::new);
      call.id(function.callId());
      function.id().ifPresent(call::itemId);
      arguments(call, "", function.name()); // opens its session before its first fragment
    } else if (item.isMessage()) {
      message(outputIndex, item.asMessage().id());
    }
  }

  private ResponseResult.Message<T> message(int outputIndex, String itemId) {
    ResponseResult.Message<T> message = messages.get(outputIndex);
    if (message == null) {
      message = new ResponseResult.Message<>(outputIndex);
      messages.put(outputIndex, message);
      message.session = pending; // the reasoning before it, if any
      pending = null;
    }
    if (message.itemId == null) {
      message.itemId = itemId;
    }
    return message;
  }

  private void text(ResponseResult.Message<T> message, String text) {
    if (text.isEmpty()) {
      return;
    }
    StreamingBinder<T> binder = config.binder();
    if (binder == null) {
      if (message.text == null) {
        message.text = new StringBuilder();
      }
      message.text.append(text);
    }
    config.text().onDelta(message.outputIndex(), text);
    if (binder == null) {
      return;
    }
    if (message.session == null) {
      message.session = open(binder);
    }
    try {
      message.session.feed(text);
    } catch (PartialJsonException e) {
      throw new Stop(e, message.describe());
    }
  }

  private void refusal(ResponseResult.Message<T> message, String text) {
    if (text.isEmpty()) {
      return;
    }
    if (message.refusal == null) {
      message.refusal = new StringBuilder();
    }
    message.refusal.append(text);
    config.refusal().onDelta(message.outputIndex(), text);
  }

  private void reasoning(int outputIndex, String text) {
    if (text.isEmpty()) {
      return;
    }
    config.reasoning().onDelta(outputIndex, text);
    StreamingBinder<T> binder = config.binder();
    if (binder == null) {
      return;
    }
    if (pending == null) {
      pending = open(binder);
    }
    thinking = pending;
    pending.feedReasoning(text);
  }

  /** The provider said a reasoning part or item is done: ends the segment it fed, if open. */
  private void endReasoning() {
    if (thinking != null) {
      thinking.endReasoning();
      thinking = null;
    }
  }

  private BindingSession<T> open(StreamingBinder<T> binder) {
    BindingSession<T> session = binder.open();
    config.onSession().accept(session);
    return session;
  }

  private void arguments(ToolCall call, String fragment, @Nullable String name) {
    try {
      call.arguments(fragment, name, config.tools());
    } catch (PartialJsonException e) {
      throw new Stop(e, "tool call " + call.describe());
    }
  }

  private void endSessions() {
    end(pending);
    for (ResponseResult.Message<T> message : messages.values()) {
      end(message.session);
    }
    for (ToolCall call : calls.values()) {
      end(call.openSession());
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
    if (pending != null) {
      pending.close();
    }
    for (ResponseResult.Message<T> message : messages.values()) {
      if (message.session != null) {
        message.session.close();
      }
    }
    for (ToolCall call : calls.values()) {
      BindingSession<?> session = call.openSession();
      if (session != null) {
        session.close();
      }
    }
  }
}
