package dev.partialjson.embeddedmodel;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Answers {@code POST /v1/messages} as the Anthropic Messages API does. Streaming: {@code
 * message_start} (with the input's usage) and a {@code ping}; per content block {@code
 * content_block_start}, its {@code content_block_delta}s ({@code thinking_delta} then a {@code
 * signature_delta}, {@code text_delta}, {@code input_json_delta} after an empty first one), and
 * {@code content_block_stop}; then {@code message_delta} with {@code stop_reason} ({@code
 * end_turn}, {@code tool_use}, or {@code max_tokens} when the limit cut the answer) and the output
 * usage, and {@code message_stop}. Under {@link Scenario#PARALLEL_TOOLS} the two tool_use blocks
 * are open together and their deltas take turns, keyed by {@code index}. Not thread-safe; one per
 * request.
 */
final class Messages {
  private static final AtomicLong IDS = new AtomicLong();

  private final ModelRequest request;
  private final Script script;
  private final String id = "msg_embedded" + IDS.incrementAndGet();

  Messages(ModelRequest request) {
    this.request = request;
    this.script = Answers.script(request, 0);
  }

  void stream(EventSink sink) throws IOException {
    ObjectNode start = EventSink.MAPPER.createObjectNode();
    ObjectNode message = message();
    message.set("usage", usage(1));
    start.set("message", message);
    send(sink, "message_start", start);
    send(sink, "ping", EventSink.MAPPER.createObjectNode());
    for (int s = 0; s < script.steps().size(); s++) {
      Script.Step step = script.steps().get(s);
      int p = step.part();
      if (step.ordinal() == 0) {
        ObjectNode blockStart = EventSink.MAPPER.createObjectNode().put("index", p);
        blockStart.set("content_block", block(p, ""));
        send(sink, "content_block_start", blockStart);
        if (script.parts().get(p).kind() == Script.Kind.TOOL_CALL) {
          sendDelta(sink, p, "input_json_delta", "partial_json", "");
        }
      }
      switch (script.parts().get(p).kind()) {
        case REASONING -> sendDelta(sink, p, "thinking_delta", "thinking", step.token());
        case TEXT -> sendDelta(sink, p, "text_delta", "text", step.token());
        case TOOL_CALL -> sendDelta(sink, p, "input_json_delta", "partial_json", step.token());
      }
      sink.tokensSent(1);
      if (script.lastStep(p) == s) {
        stop(sink, p);
      }
    }
    for (int p = 0; p < script.parts().size(); p++) {
      if (script.lastStep(p) == Integer.MAX_VALUE) {
        stop(sink, p); // cut off inside this block
      }
    }
    ObjectNode delta = EventSink.MAPPER.createObjectNode();
    delta.putObject("delta").put("stop_reason", stopReason()).putNull("stop_sequence");
    delta.set(
        "usage", EventSink.MAPPER.createObjectNode().put("output_tokens", script.steps().size()));
    send(sink, "message_delta", delta);
    send(sink, "message_stop", EventSink.MAPPER.createObjectNode());
  }

  /** Returns the whole answer as one {@code message} object. */
  ObjectNode whole(ServedStream served) {
    for (int s = 0; s < script.steps().size(); s++) {
      served.tokenSent();
    }
    ObjectNode message = message();
    ArrayNode content = message.putArray("content");
    for (int p = 0; p < script.parts().size(); p++) {
      if (script.firstStep(p) >= 0) {
        content.add(block(p, script.sentText(p)));
      }
    }
    message.put("stop_reason", stopReason());
    message.set("usage", usage(script.steps().size()));
    return message;
  }

  private void stop(EventSink sink, int p) throws IOException {
    if (script.parts().get(p).kind() == Script.Kind.REASONING) {
      sendDelta(sink, p, "signature_delta", "signature", signature());
    }
    send(sink, "content_block_stop", EventSink.MAPPER.createObjectNode().put("index", p));
  }

  /** Returns content block {@code p} holding {@code text}; a tool_use block's input is parsed. */
  private ObjectNode block(int p, String text) {
    Script.Part part = script.parts().get(p);
    ObjectNode block = EventSink.MAPPER.createObjectNode();
    switch (part.kind()) {
      case REASONING ->
          block
              .put("type", "thinking")
              .put("thinking", text)
              .put("signature", text.isEmpty() ? "" : signature());
      case TEXT -> block.put("type", "text").put("text", text);
      case TOOL_CALL -> {
        block.put("type", "tool_use").put("id", "toolu_" + part.callId()).put("name", part.name());
        block.set("input", input(text));
      }
    }
    return block;
  }

  /** Returns a tool's input as an object: empty while streaming, or when it is not valid JSON. */
  private static ObjectNode input(String arguments) {
    try {
      return arguments.isEmpty()
          ? EventSink.MAPPER.createObjectNode()
          : (ObjectNode) EventSink.MAPPER.readTree(arguments);
    } catch (IOException | ClassCastException e) {
      return EventSink.MAPPER.createObjectNode();
    }
  }

  private String stopReason() {
    return !script.complete() ? "max_tokens" : script.callsTools() ? "tool_use" : "end_turn";
  }

  private ObjectNode message() {
    ObjectNode message = EventSink.MAPPER.createObjectNode();
    message.put("id", id).put("type", "message").put("role", "assistant");
    message.putArray("content");
    message.put("model", request.model());
    message.putNull("stop_reason").putNull("stop_sequence");
    return message;
  }

  private ObjectNode usage(int outputTokens) {
    ObjectNode usage = EventSink.MAPPER.createObjectNode();
    usage.put("input_tokens", request.promptTokens());
    usage.put("cache_creation_input_tokens", 0).put("cache_read_input_tokens", 0);
    return usage.put("output_tokens", outputTokens).put("service_tier", "standard");
  }

  private String signature() {
    return "embedded-signature-" + id;
  }

  private static void sendDelta(EventSink sink, int p, String type, String field, String text)
      throws IOException {
    ObjectNode event = EventSink.MAPPER.createObjectNode().put("index", p);
    event.putObject("delta").put("type", type).put(field, text);
    send(sink, "content_block_delta", event);
  }

  private static void send(EventSink sink, String type, ObjectNode fields) throws IOException {
    ObjectNode event = EventSink.MAPPER.createObjectNode().put("type", type);
    event.setAll(fields);
    sink.event(type, event);
  }
}
