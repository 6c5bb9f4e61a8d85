package dev.partialjson.samples;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Picks the JSON text deltas out of the events of a streamed model answer, for the two wire formats
 * in the recordings: OpenAI chat completion chunks (structured output in {@code
 * choices[c].delta.content}, tool arguments in {@code
 * choices[c].delta.tool_calls[i].function.arguments}) and Anthropic messages ({@code
 * input_json_delta} fragments of a {@code tool_use} block). Each delta names its channel, one per
 * JSON document, so that parallel tool calls can be fed to one parser each. Prose (Anthropic {@code
 * text_delta}) is not JSON and is left out. Not thread-safe: it remembers tool names and the stop
 * reason across events.
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

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private final Map<String, String> tools = new HashMap<>(); // tool name by channel
  private @Nullable String stopReason;

  /**
   * Returns the deltas in {@code event}, in order; none for an event that carries no JSON text.
   *
   * @throws IllegalArgumentException if the event's data is not JSON
   */
  public List<Delta> read(SseReader.Event event) {
    Objects.requireNonNull(event, "event == null");
    if (event.isDone()) {
      return List.of();
    }
    JsonNode data;
    try {
      data = MAPPER.readTree(event.data());
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("not JSON: " + event.data(), e);
    }
    List<Delta> deltas = new ArrayList<>();
    if (data.path("object").asText().equals("chat.completion.chunk")) {
      for (JsonNode choice : data.path("choices")) {
        openAi(choice, deltas);
      }
    } else {
      anthropic(data, deltas);
    }
    return deltas;
  }

  /** Returns why the model stopped ({@code stop}, {@code tool_calls}, {@code max_tokens}…). */
  public @Nullable String stopReason() {
    return stopReason;
  }

  private void openAi(JsonNode choice, List<Delta> deltas) {
    int c = choice.path("index").asInt();
    String prefix = c == 0 ? "" : "choices[" + c + "].";
    JsonNode delta = choice.path("delta");
    add(deltas, prefix + "content", delta.path("content"));
    for (JsonNode call : delta.path("tool_calls")) {
      String channel = prefix + "tool_calls[" + call.path("index").asInt() + "]";
      JsonNode function = call.path("function");
      if (function.hasNonNull("name")) {
        tools.put(channel, function.get("name").asText());
      }
      add(deltas, channel, function.path("arguments"));
    }
    if (choice.hasNonNull("finish_reason")) {
      stopReason = choice.get("finish_reason").asText();
    }
  }

  private void anthropic(JsonNode data, List<Delta> deltas) {
    String channel = "content_block[" + data.path("index").asInt() + "]";
    switch (data.path("type").asText()) {
      case "content_block_start":
        JsonNode block = data.path("content_block");
        if (block.path("type").asText().equals("tool_use")) {
          tools.put(channel, block.path("name").asText());
        }
        break;
      case "content_block_delta":
        JsonNode delta = data.path("delta");
        if (delta.path("type").asText().equals("input_json_delta")) {
          add(deltas, channel, delta.path("partial_json"));
        }
        break;
      case "message_delta":
        if (data.path("delta").hasNonNull("stop_reason")) {
          stopReason = data.path("delta").get("stop_reason").asText();
        }
        break;
      default:
        break; // message_start, ping, content_block_stop, message_stop: no JSON text
    }
  }

  private void add(List<Delta> deltas, String channel, JsonNode text) {
    if (text.isTextual() && !text.asText().isEmpty()) {
      deltas.add(new Delta(channel, tools.getOrDefault(channel, ""), text.asText()));
    }
  }
}
