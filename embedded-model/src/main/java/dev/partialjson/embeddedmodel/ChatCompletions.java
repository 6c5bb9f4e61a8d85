package dev.partialjson.embeddedmodel;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;

/**
 * Answers {@code POST /v1/chat/completions} as the OpenAI API does. Streaming: a first chunk per
 * choice with the role, then one {@code chat.completion.chunk} per token and choice (the choices
 * take turns), a last chunk per choice with {@code finish_reason}, the usage chunk (no choices) if
 * {@code stream_options.include_usage} asks, and {@code data: [DONE]}. A tool call opens with a
 * chunk carrying its index, id, type and name and empty arguments; under {@link
 * Scenario#PARALLEL_TOOLS} the second call's id comes with its first argument fragment instead.
 * Reasoning goes in the delta's {@code reasoning_content}, or its {@code reasoning} under {@link
 * Scenario#REASONING_FIELD}. Not thread-safe; one per request.
 */
final class ChatCompletions {
  private static final AtomicLong IDS = new AtomicLong();

  /** A fixed creation time keeps the streams reproducible. */
  static final long CREATED = 1_779_000_000L;

  private final ModelRequest request;
  private final List<Script> scripts = new ArrayList<>();
  private final String id = "chatcmpl-embedded-" + IDS.incrementAndGet();

  ChatCompletions(ModelRequest request) {
    this.request = request;
    for (int c = 0; c < request.choices(); c++) {
      scripts.add(Answers.script(request, c));
    }
  }

  void stream(EventSink sink) throws IOException {
    for (int c = 0; c < scripts.size(); c++) {
      ObjectNode delta = EventSink.MAPPER.createObjectNode().put("role", "assistant");
      if (scripts.get(c).callsTools()) {
        delta.putNull("content");
      } else {
        delta.put("content", "");
      }
      sink.event(null, choice(c, delta, null));
    }
    int longest = scripts.stream().mapToInt(s -> s.steps().size()).max().orElse(0);
    for (int s = 0; s < longest; s++) {
      int sent = 0;
      for (int c = 0; c < scripts.size(); c++) {
        Script script = scripts.get(c);
        if (s < script.steps().size()) {
          writeStep(sink, c, script, script.steps().get(s));
          sent++;
        }
      }
      sink.tokensSent(sent);
    }
    for (int c = 0; c < scripts.size(); c++) {
      sink.event(null, choice(c, EventSink.MAPPER.createObjectNode(), finishReason(c)));
    }
    if (request.includeUsage()) {
      ObjectNode last = chunk();
      last.set("usage", usage());
      sink.event(null, last);
    }
    sink.data(null, "[DONE]");
  }

  private void writeStep(EventSink sink, int c, Script script, Script.Step step)
      throws IOException {
    Script.Part part = script.parts().get(step.part());
    ObjectNode delta = EventSink.MAPPER.createObjectNode();
    switch (part.kind()) {
      case REASONING -> delta.put(reasoningField(), step.token());
      case TEXT -> delta.put("content", step.token());
      case TOOL_CALL -> {
        int index = toolIndex(script, step.part());
        boolean lateId = request.scenario() == Scenario.PARALLEL_TOOLS && index == 1;
        if (step.ordinal() == 0) {
          ObjectNode header = EventSink.MAPPER.createObjectNode();
          ObjectNode call = header.putArray("tool_calls").addObject().put("index", index);
          if (!lateId) {
            call.put("id", "call_" + part.callId());
          }
          call.put("type", "function");
          call.putObject("function").put("name", part.name()).put("arguments", "");
          sink.event(null, choice(c, header, null));
        }
        ObjectNode call = delta.putArray("tool_calls").addObject().put("index", index);
        if (lateId && step.ordinal() == 0) {
          call.put("id", "call_" + part.callId());
        }
        call.putObject("function").put("arguments", step.token());
      }
    }
    sink.event(null, choice(c, delta, null));
  }

  /** Returns the whole answer as one {@code chat.completion} object. */
  ObjectNode whole(ServedStream served) {
    ObjectNode completion = EventSink.MAPPER.createObjectNode();
    completion.put("id", id).put("object", "chat.completion").put("created", CREATED);
    completion.put("model", request.model()).put("system_fingerprint", "fp_embedded");
    ArrayNode choices = completion.putArray("choices");
    for (int c = 0; c < scripts.size(); c++) {
      Script script = scripts.get(c);
      ObjectNode message = EventSink.MAPPER.createObjectNode().put("role", "assistant");
      StringBuilder content = new StringBuilder();
      ArrayNode calls = EventSink.MAPPER.createArrayNode();
      for (int p = 0; p < script.parts().size(); p++) {
        Script.Part part = script.parts().get(p);
        switch (part.kind()) {
          case REASONING -> message.put(reasoningField(), script.sentText(p));
          case TEXT -> content.append(script.sentText(p));
          case TOOL_CALL -> {
            ObjectNode call = calls.addObject().put("id", "call_" + part.callId());
            call.put("type", "function");
            call.putObject("function")
                .put("name", part.name())
                .put("arguments", script.sentText(p));
          }
        }
      }
      if (script.callsTools()) {
        message.putNull("content");
        message.set("tool_calls", calls);
      } else {
        message.put("content", content.toString());
      }
      message.putNull("refusal");
      ObjectNode choice = choices.addObject().put("index", c);
      choice.set("message", message);
      choice.putNull("logprobs");
      choice.put("finish_reason", finishReason(c));
      for (int s = 0; s < script.steps().size(); s++) {
        served.tokenSent();
      }
    }
    completion.set("usage", usage());
    return completion;
  }

  /**
   * Returns the field the reasoning goes in: {@code reasoning_content} (vLLM, llama.cpp, DeepSeek),
   * or {@code reasoning} (Ollama, OpenRouter) under {@link Scenario#REASONING_FIELD}.
   */
  private String reasoningField() {
    return request.scenario() == Scenario.REASONING_FIELD ? "reasoning" : "reasoning_content";
  }

  private String finishReason(int c) {
    Script script = scripts.get(c);
    return !script.complete() ? "length" : script.callsTools() ? "tool_calls" : "stop";
  }

  private static int toolIndex(Script script, int part) {
    int index = 0;
    for (int p = 0; p < part; p++) {
      if (script.parts().get(p).kind() == Script.Kind.TOOL_CALL) {
        index++;
      }
    }
    return index;
  }

  private ObjectNode usage() {
    int prompt = request.promptTokens();
    int completion = scripts.stream().mapToInt(s -> s.steps().size()).sum();
    return EventSink.MAPPER
        .createObjectNode()
        .put("prompt_tokens", prompt)
        .put("completion_tokens", completion)
        .put("total_tokens", prompt + completion);
  }

  private ObjectNode chunk() {
    ObjectNode chunk = EventSink.MAPPER.createObjectNode();
    chunk.put("id", id).put("object", "chat.completion.chunk").put("created", CREATED);
    chunk.put("model", request.model()).put("system_fingerprint", "fp_embedded");
    chunk.putArray("choices");
    if (request.includeUsage()) {
      chunk.putNull("usage"); // as the API does: null on every chunk but the last
    }
    return chunk;
  }

  private ObjectNode choice(int index, ObjectNode delta, @Nullable String finishReason) {
    ObjectNode chunk = chunk();
    ObjectNode choice = ((ArrayNode) chunk.get("choices")).addObject();
    choice.put("index", index).set("delta", delta);
    choice.putNull("logprobs");
    if (finishReason == null) {
      choice.putNull("finish_reason");
    } else {
      choice.put("finish_reason", finishReason);
    }
    return chunk;
  }
}
