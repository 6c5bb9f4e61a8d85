package dev.partialjson.anthropic;

import com.anthropic.core.http.StreamResponse;
import com.anthropic.models.messages.MessageDeltaUsage;
import com.anthropic.models.messages.RawContentBlockDelta;
import com.anthropic.models.messages.RawContentBlockStartEvent;
import com.anthropic.models.messages.RawMessageDeltaEvent;
import com.anthropic.models.messages.RawMessageStreamEvent;
import com.anthropic.models.messages.ToolUseBlock;
import com.anthropic.models.messages.Usage;
import dev.partialjson.binding.BindingSession;
import dev.partialjson.binding.StreamingBinder;
import dev.partialjson.binding.TokenUsage;
import dev.partialjson.parser.PartialJsonException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * Reads one message stream for {@link AnthropicBinding#read}: routes each delta by its content
 * block's index to the block's session or listener; thinking goes to the thinking listener and, as
 * reasoning, to the answer's session, each thinking block a segment that its {@code
 * content_block_stop} ends. One map lookup per delta, so a delta costs its own length, never what
 * came before. Reads the union types through their {@code isX()/asX()} accessors, which every
 * supported SDK version has, rather than through their visitors, whose interfaces gain a method
 * with each new event kind.
 */
final class MessageReader<T> {
  private final AnthropicBinding<T> binding;
  private final StreamResponse<RawMessageStreamEvent> events;
  private final @Nullable BindingSession<T> answer;
  private final Map<Long, Block> blocks = new HashMap<>();
  private final Set<Long> thinkingBlocks = new HashSet<>();
  private final List<ToolUse<?>> toolUses = new ArrayList<>();
  private @Nullable Block answerBlock;
  private @Nullable String stopReason;
  private long inputTokens = -1;
  private long outputTokens = -1;

  MessageReader(
      AnthropicBinding<T> binding,
      StreamResponse<RawMessageStreamEvent> events,
      Consumer<? super BindingSession<T>> setup) {
    this.binding = binding;
    this.events = events;
    StreamingBinder<T> binder = binding.answer();
    this.answer = binder == null ? null : binder.open();
    if (answer != null) {
      setup.accept(answer);
    }
  }

  StreamedMessage<T> read() {
    try {
      // stream(), not a for-each loop: StreamResponse is Iterable only since anthropic-java 3.
      Iterator<RawMessageStreamEvent> iterator = events.stream().iterator();
      while (iterator.hasNext()) {
        on(iterator.next());
      }
    } catch (RuntimeException | Error e) {
      // Fail fast: closing the response cancels the request, so the model stops generating.
      events.close();
      end(false);
      throw e;
    }
    end(true);
    return new StreamedMessage<>(answer, answerBlock, toolUses, stopReason, usage());
  }

  private void on(RawMessageStreamEvent event) {
    if (event.isContentBlockDelta()) { // first: nearly every event is a delta
      delta(event.asContentBlockDelta().index(), event.asContentBlockDelta().delta());
    } else if (event.isContentBlockStart()) {
      start(event.asContentBlockStart());
    } else if (event.isContentBlockStop()) {
      stop(event.asContentBlockStop().index());
    } else if (event.isMessageStart()) {
      Usage usage = event.asMessageStart().message().usage();
      inputTokens = usage.inputTokens();
      outputTokens = usage.outputTokens();
    } else if (event.isMessageDelta()) {
      messageDelta(event.asMessageDelta());
    }
  }

  private void start(RawContentBlockStartEvent start) {
    long index = start.index();
    RawContentBlockStartEvent.ContentBlock block = start.contentBlock();
    if (block.isThinking()) {
      thinkingBlocks.add(index);
    } else if (block.isText()
        && answer != null
        && binding.mode() == AnthropicBinding.Answer.STRUCTURED_OUTPUT) {
      answerBlock = new Block(index, "text", null, null, answer);
      blocks.put(index, answerBlock);
    } else if (block.isToolUse()) {
      ToolUseBlock call = block.asToolUse();
      if (answer != null
          && binding.mode() == AnthropicBinding.Answer.FORCED_TOOL
          && binding.answerTool().equals(call.name())) {
        answerBlock = new Block(index, "tool_use", call.name(), call.id(), answer);
        blocks.put(index, answerBlock);
      } else {
        AnthropicBinding.BoundTool<?> tool = binding.tools().get(call.name());
        if (tool != null) {
          blocks.put(index, open(tool, index, call).block());
        }
      }
    }
  }

  private <A> ToolUse<A> open(AnthropicBinding.BoundTool<A> tool, long index, ToolUseBlock call) {
    ToolUse<A> toolUse = new ToolUse<>(index, call.id(), call.name(), tool.binder().open());
    toolUses.add(toolUse);
    tool.handler().onCall(toolUse);
    return toolUse;
  }

  private void delta(long index, RawContentBlockDelta delta) {
    if (delta.isText()) {
      String text = delta.asText().text();
      Block block = blocks.get(index);
      if (block == null) {
        binding.text().onDelta(index, text);
      } else {
        feed(block, text);
      }
    } else if (delta.isInputJson()) {
      Block block = blocks.get(index);
      if (block != null) {
        feed(block, delta.asInputJson().partialJson());
      }
    } else if (delta.isThinking()) {
      String thought = delta.asThinking().thinking();
      binding.thinking().onDelta(index, thought);
      if (answer != null) {
        answer.feedReasoning(thought);
      }
    }
  }

  /**
   * A thinking block's stop ends its segment of the answer's reasoning: the next thinking block
   * (interleaved thinking between tool uses) is a segment of its own.
   */
  private void stop(long index) {
    if (answer != null && thinkingBlocks.remove(index)) {
      answer.endReasoning();
    }
  }

  private void feed(Block block, String text) {
    try {
      block.session().feed(text);
    } catch (PartialJsonException e) {
      throw new ContentBlockException(block, null, e);
    }
  }

  private void messageDelta(RawMessageDeltaEvent event) {
    event.delta().stopReason().ifPresent(reason -> stopReason = reason.toString());
    MessageDeltaUsage usage = event.usage();
    usage.inputTokens().ifPresent(tokens -> inputTokens = tokens);
    outputTokens = usage.outputTokens(); // cumulative: the last one is the message's
  }

  private @Nullable TokenUsage usage() {
    if (inputTokens < 0 || outputTokens < 0) {
      return null;
    }
    return new TokenUsage(inputTokens, outputTokens);
  }

  private List<BindingSession<?>> sessions() {
    List<BindingSession<?>> sessions = new ArrayList<>();
    if (answer != null) {
      sessions.add(answer);
    }
    for (ToolUse<?> toolUse : toolUses) {
      sessions.add(toolUse.session());
    }
    return sessions;
  }

  /**
   * Reports the usage to every session, then ends each: with the final binding and validation at
   * the end of the stream, or by closing it when reading stopped early (a failed session stays as
   * it failed; the others keep what arrived, in {@code partial()}).
   */
  private void end(boolean completed) {
    TokenUsage usage = usage();
    for (BindingSession<?> session : sessions()) {
      if (usage != null) {
        session.reportUsage(usage);
      }
      if (completed) {
        session.result();
      } else {
        session.close();
      }
    }
    for (ToolUse<?> toolUse : toolUses) {
      toolUse.stopped(stopReason);
    }
  }
}
