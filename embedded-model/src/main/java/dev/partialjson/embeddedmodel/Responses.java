package dev.partialjson.embeddedmodel;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Answers {@code POST /v1/responses} as the OpenAI Responses API does. Streaming: {@code
 * response.created} and {@code response.in_progress}; per output item {@code
 * response.output_item.added}, its deltas ({@code response.reasoning_summary_text.delta}, {@code
 * response.output_text.delta}, {@code response.function_call_arguments.delta}, keyed by {@code
 * output_index} and {@code item_id}), its {@code .done} events and {@code
 * response.output_item.done}; then {@code response.completed}, or {@code response.incomplete}
 * ({@code max_output_tokens}) when the token limit cut the answer, with usage either way. Under
 * {@link Scenario#PARALLEL_TOOLS} the two function calls' deltas take turns. No {@code [DONE]}: the
 * API has none. Not thread-safe; one per request.
 */
final class Responses {
  private static final AtomicLong IDS = new AtomicLong();

  private final ModelRequest request;
  private final Script script;
  private final String id = "resp_embedded" + IDS.incrementAndGet();
  private int sequence;

  Responses(ModelRequest request) {
    this.request = request;
    this.script = Answers.script(request, 0);
  }

  void stream(EventSink sink) throws IOException {
    send(sink, "response.created", "response", response("in_progress"));
    send(sink, "response.in_progress", "response", response("in_progress"));
    for (int s = 0; s < script.steps().size(); s++) {
      Script.Step step = script.steps().get(s);
      int p = step.part();
      if (step.ordinal() == 0) {
        open(sink, p);
      }
      ObjectNode delta = keyed(p);
      switch (script.parts().get(p).kind()) {
        case REASONING -> {
          delta.put("summary_index", 0).put("delta", step.token());
          send(sink, "response.reasoning_summary_text.delta", delta);
        }
        case TEXT -> {
          delta.put("content_index", 0).put("delta", step.token()).putArray("logprobs");
          send(sink, "response.output_text.delta", delta);
        }
        case TOOL_CALL -> {
          delta.put("delta", step.token());
          send(sink, "response.function_call_arguments.delta", delta);
        }
      }
      sink.tokensSent(1);
      if (script.lastStep(p) == s) {
        close(sink, p);
      }
    }
    for (int p = 0; p < script.parts().size(); p++) {
      if (script.lastStep(p) == Integer.MAX_VALUE) {
        close(sink, p); // cut off inside this part
      }
    }
    ObjectNode end = response(script.complete() ? "completed" : "incomplete");
    send(sink, script.complete() ? "response.completed" : "response.incomplete", "response", end);
  }

  /** Returns the whole answer as one {@code response} object. */
  ObjectNode whole(ServedStream served) {
    for (int s = 0; s < script.steps().size(); s++) {
      served.tokenSent();
    }
    return response(script.complete() ? "completed" : "incomplete");
  }

  private void open(EventSink sink, int p) throws IOException {
    Script.Part part = script.parts().get(p);
    ObjectNode added = EventSink.MAPPER.createObjectNode().put("output_index", p);
    added.set("item", item(p, "in_progress", ""));
    send(sink, "response.output_item.added", added);
    if (part.kind() == Script.Kind.REASONING) {
      ObjectNode partAdded = keyed(p).put("summary_index", 0);
      partAdded.putObject("part").put("type", "summary_text").put("text", "");
      send(sink, "response.reasoning_summary_part.added", partAdded);
    } else if (part.kind() == Script.Kind.TEXT) {
      ObjectNode partAdded = keyed(p).put("content_index", 0);
      partAdded.set("part", outputText(""));
      send(sink, "response.content_part.added", partAdded);
    }
  }

  private void close(EventSink sink, int p) throws IOException {
    Script.Part part = script.parts().get(p);
    String text = script.sentText(p);
    switch (part.kind()) {
      case REASONING -> {
        send(
            sink,
            "response.reasoning_summary_text.done",
            keyed(p).put("summary_index", 0).put("text", text));
        ObjectNode done = keyed(p).put("summary_index", 0);
        done.putObject("part").put("type", "summary_text").put("text", text);
        send(sink, "response.reasoning_summary_part.done", done);
      }
      case TEXT -> {
        ObjectNode done = keyed(p).put("content_index", 0).put("text", text);
        done.putArray("logprobs");
        send(sink, "response.output_text.done", done);
        ObjectNode partDone = keyed(p).put("content_index", 0);
        partDone.set("part", outputText(text));
        send(sink, "response.content_part.done", partDone);
      }
      case TOOL_CALL ->
          send(
              sink,
              "response.function_call_arguments.done",
              keyed(p).put("name", part.name()).put("arguments", text));
    }
    ObjectNode done = EventSink.MAPPER.createObjectNode().put("output_index", p);
    done.set("item", item(p, complete(p) ? "completed" : "incomplete", text));
    send(sink, "response.output_item.done", done);
  }

  private boolean complete(int p) {
    return script.sentWhole(p);
  }

  /** Returns output item {@code p} with the text sent so far. */
  private ObjectNode item(int p, String status, String text) {
    Script.Part part = script.parts().get(p);
    ObjectNode item = EventSink.MAPPER.createObjectNode().put("id", itemId(p));
    switch (part.kind()) {
      case REASONING -> {
        item.put("type", "reasoning");
        ArrayNode summary = item.putArray("summary");
        if (!text.isEmpty()) {
          summary.addObject().put("type", "summary_text").put("text", text);
        }
      }
      case TEXT -> {
        item.put("type", "message").put("status", status);
        ArrayNode content = item.putArray("content");
        if (!status.equals("in_progress")) {
          content.add(outputText(text));
        }
        item.put("role", "assistant");
      }
      case TOOL_CALL ->
          item.put("type", "function_call")
              .put("status", status)
              .put("arguments", text)
              .put("call_id", "call_" + part.callId())
              .put("name", part.name());
    }
    return item;
  }

  private static ObjectNode outputText(String text) {
    ObjectNode part = EventSink.MAPPER.createObjectNode().put("type", "output_text");
    part.putArray("annotations");
    part.putArray("logprobs");
    return part.put("text", text);
  }

  private ObjectNode response(String status) {
    ObjectNode response = EventSink.MAPPER.createObjectNode();
    response.put("id", id).put("object", "response").put("created_at", ChatCompletions.CREATED);
    response.put("status", status).put("background", false);
    response.putNull("error");
    if (status.equals("incomplete")) {
      response.putObject("incomplete_details").put("reason", "max_output_tokens");
    } else {
      response.putNull("incomplete_details");
    }
    response.putNull("instructions");
    if (request.maxTokens().isPresent()) {
      response.put("max_output_tokens", request.maxTokens().getAsInt());
    } else {
      response.putNull("max_output_tokens");
    }
    response.put("model", request.model());
    ArrayNode output = response.putArray("output");
    if (!status.equals("in_progress")) {
      for (int p = 0; p < script.parts().size(); p++) {
        if (script.firstStep(p) >= 0) {
          output.add(item(p, complete(p) ? "completed" : "incomplete", script.sentText(p)));
        }
      }
    }
    response.put("parallel_tool_calls", true).putNull("previous_response_id");
    response.put("store", false).put("temperature", 1.0);
    ObjectNode text = response.putObject("text");
    JsonNode format = request.body().path("text").path("format").deepCopy();
    text.set(
        "format",
        format.isObject() && !format.isEmpty()
            ? format
            : EventSink.MAPPER.createObjectNode().put("type", "text"));
    response.put("tool_choice", "auto");
    response.set(
        "tools",
        request.body().path("tools").isArray()
            ? request.body().path("tools").deepCopy()
            : EventSink.MAPPER.createArrayNode());
    response.put("top_p", 1.0).put("truncation", "disabled");
    if (status.equals("in_progress")) {
      response.putNull("usage");
    } else {
      response.set("usage", usage());
    }
    response.putObject("metadata");
    return response;
  }

  private ObjectNode usage() {
    int input = request.promptTokens();
    int output = script.steps().size();
    int reasoning = 0;
    for (Script.Step step : script.steps()) {
      if (script.parts().get(step.part()).kind() == Script.Kind.REASONING) {
        reasoning++;
      }
    }
    ObjectNode usage = EventSink.MAPPER.createObjectNode().put("input_tokens", input);
    usage.putObject("input_tokens_details").put("cached_tokens", 0);
    usage.put("output_tokens", output);
    usage.putObject("output_tokens_details").put("reasoning_tokens", reasoning);
    return usage.put("total_tokens", input + output);
  }

  private String itemId(int p) {
    String prefix =
        switch (script.parts().get(p).kind()) {
          case REASONING -> "rs_";
          case TEXT -> "msg_";
          case TOOL_CALL -> "fc_";
        };
    return prefix + id.substring("resp_".length()) + "_" + p;
  }

  private ObjectNode keyed(int p) {
    return EventSink.MAPPER.createObjectNode().put("item_id", itemId(p)).put("output_index", p);
  }

  private void send(EventSink sink, String type, String field, ObjectNode value)
      throws IOException {
    ObjectNode event = EventSink.MAPPER.createObjectNode();
    event.set(field, value);
    send(sink, type, event);
  }

  private void send(EventSink sink, String type, ObjectNode fields) throws IOException {
    ObjectNode event = EventSink.MAPPER.createObjectNode().put("type", type);
    event.setAll(fields);
    event.put("sequence_number", sequence++);
    sink.event(type, event);
  }
}
