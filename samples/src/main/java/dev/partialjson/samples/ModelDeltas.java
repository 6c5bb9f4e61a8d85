package dev.partialjson.samples;

import com.anthropic.models.messages.RawMessageStreamEvent;
import com.openai.models.chat.completions.ChatCompletionChunk;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Picks the JSON text deltas out of the events of a streamed model answer, as the official SDKs
 * parse them: openai-java's chat completion chunks (structured output in {@code
 * choices[c].delta.content}, tool arguments in {@code
 * choices[c].delta.tool_calls[i].function.arguments}) and anthropic-java's message stream events
 * ({@code input_json_delta} fragments of a {@code tool_use} block). Each delta names its channel,
 * one per JSON document, so that parallel tool calls can be fed to one parser each. Prose
 * (Anthropic {@code text_delta}) is not JSON and is left out. Not thread-safe: it remembers tool
 * names and the stop reason across events.
 */
public final class ModelDeltas {

  /**
   * A piece of one JSON document.
   *
   * @param channel where in the wire format the document streams, such as {@code tool_calls[1]}
   * @param tool the name of the called tool, or empty for structured output
   * @param text the piece, never empty
   */
  public record Delta(String channel, String tool, String text) {

    /** Checks the components. */
    public Delta {
      Objects.requireNonNull(channel, "channel == null");
      Objects.requireNonNull(tool, "tool == null");
      Objects.requireNonNull(text, "text == null");
    }
  }

  private final Map<String, String> tools = new HashMap<>(); // tool name by channel
  private @Nullable String stopReason;

  /** Returns the deltas in an OpenAI chunk, in order; none for a chunk with no JSON text. */
  public List<Delta> read(ChatCompletionChunk chunk) {
    Objects.requireNonNull(chunk, "chunk == null");
    List<Delta> deltas = new ArrayList<>();
    for (ChatCompletionChunk.Choice choice : chunk.choices()) {
      long c = choice.index();
      String prefix = c == 0 ? "" : "choices[" + c + "].";
      ChatCompletionChunk.Choice.Delta delta = choice.delta();
      add(deltas, prefix + "content", delta.content().orElse(""));
      for (ChatCompletionChunk.Choice.Delta.ToolCall call : delta.toolCalls().orElse(List.of())) {
        String channel = prefix + "tool_calls[" + call.index() + "]";
        call.function().flatMap(f -> f.name()).ifPresent(name -> tools.put(channel, name));
        add(deltas, channel, call.function().flatMap(f -> f.arguments()).orElse(""));
      }
      choice.finishReason().ifPresent(reason -> stopReason = reason.asString());
    }
    return deltas;
  }

  /** Returns the deltas in an Anthropic event, in order; none for an event with no JSON text. */
  public List<Delta> read(RawMessageStreamEvent event) {
    Objects.requireNonNull(event, "event == null");
    List<Delta> deltas = new ArrayList<>();
    event
        .contentBlockStart()
        .ifPresent(
            start ->
                start
                    .contentBlock()
                    .toolUse()
                    .ifPresent(tool -> tools.put(block(start.index()), tool.name())));
    event
        .contentBlockDelta()
        .ifPresent(
            delta ->
                delta
                    .delta()
                    .inputJson()
                    .ifPresent(json -> add(deltas, block(delta.index()), json.partialJson())));
    event
        .messageDelta()
        .flatMap(delta -> delta.delta().stopReason())
        .ifPresent(reason -> stopReason = reason.asString());
    return deltas;
  }

  /** Returns why the model stopped ({@code stop}, {@code tool_calls}, {@code max_tokens}…). */
  public @Nullable String stopReason() {
    return stopReason;
  }

  private static String block(long index) {
    return "content_block[" + index + "]";
  }

  private void add(List<Delta> deltas, String channel, String text) {
    if (!text.isEmpty()) {
      deltas.add(new Delta(channel, tools.getOrDefault(channel, ""), text));
    }
  }
}
