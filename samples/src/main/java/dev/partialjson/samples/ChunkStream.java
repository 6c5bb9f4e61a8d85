package dev.partialjson.samples;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.partialjson.testkit.Splits;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;

/**
 * Writes one scripted answer as OpenAI {@code chat.completion.chunk} events, the way the API
 * streams them: a first chunk per choice with the role, one chunk per token and choice, a last
 * chunk per choice with {@code finish_reason}, the usage chunk if asked for, and {@code [DONE]}.
 * Single-use, one per request.
 */
final class ChunkStream {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final AtomicLong IDS = new AtomicLong();

  /** A fixed creation time keeps the streams byte-for-byte reproducible. */
  private static final long CREATED = 1_779_000_000L;

  private final JsonNode request;
  private final Scenario scenario;
  private final OutputStream body;
  private final Runnable pause;
  private final String id = "chatcmpl-embedded-" + IDS.incrementAndGet();
  private final int choices;
  private final boolean usage;
  private int tokensLeft;
  private long tokensSent;

  ChunkStream(JsonNode request, Scenario scenario, OutputStream body, Runnable pause) {
    this.request = request;
    this.scenario = scenario;
    this.body = body;
    this.pause = pause;
    this.choices = Math.max(1, request.path("n").asInt(1));
    this.usage = request.path("stream_options").path("include_usage").asBoolean(false);
    int limit = scenario.maxTokens();
    for (String field : List.of("max_completion_tokens", "max_tokens")) {
      if (request.path(field).canConvertToInt() && request.path(field).asInt() > 0) {
        limit = Math.min(limit, request.path(field).asInt());
      }
    }
    this.tokensLeft = limit;
  }

  void write() throws IOException {
    boolean tools = !scenario.toolCalls().isEmpty();
    for (int c = 0; c < choices; c++) {
      ObjectNode delta = MAPPER.createObjectNode().put("role", "assistant");
      if (tools) {
        delta.putNull("content");
      } else {
        delta.put("content", "");
      }
      send(choice(c, delta, null));
    }
    boolean complete =
        tools
            ? toolCalls()
            : stream(Splits.tokens(scenario.content()), (c, d) -> d.put("content", c));
    for (int c = 0; c < choices; c++) {
      send(choice(c, MAPPER.createObjectNode(), complete ? scenario.finishReason() : "length"));
    }
    if (usage) {
      ObjectNode last = chunk();
      last.set("usage", usage());
      data(MAPPER.writeValueAsString(last));
    }
    data("[DONE]");
  }

  /** Streams each call's arguments after a first delta with its id and name, one call at a time. */
  private boolean toolCalls() throws IOException {
    List<Scenario.ToolCall> calls = scenario.toolCalls();
    for (int k = 0; k < calls.size(); k++) {
      Scenario.ToolCall call = calls.get(k);
      int index = k;
      for (int c = 0; c < choices; c++) {
        ObjectNode delta = MAPPER.createObjectNode();
        ObjectNode first = delta.putArray("tool_calls").addObject().put("index", index);
        first.put("id", call.id()).put("type", "function");
        first.putObject("function").put("name", call.name()).put("arguments", "");
        send(choice(c, delta, null));
      }
      boolean complete =
          stream(
              Splits.tokens(call.arguments()),
              (text, delta) ->
                  delta
                      .putArray("tool_calls")
                      .addObject()
                      .put("index", index)
                      .putObject("function")
                      .put("arguments", text));
      if (!complete) {
        return false;
      }
    }
    return true;
  }

  private interface DeltaWriter {
    void put(String text, ObjectNode delta);
  }

  /** Sends each token to every choice; returns false if the token limit cut the answer short. */
  private boolean stream(List<String> tokens, DeltaWriter writer) throws IOException {
    for (String token : tokens) {
      if (tokensLeft == 0) {
        return false;
      }
      tokensLeft--;
      tokensSent++;
      for (int c = 0; c < choices; c++) {
        ObjectNode delta = MAPPER.createObjectNode();
        writer.put(token, delta);
        send(choice(c, delta, null));
      }
      pause.run();
    }
    return true;
  }

  private ObjectNode usage() {
    long prompt = 0;
    for (JsonNode message : request.path("messages")) {
      prompt += Splits.tokens(EmbeddedModel.text(message.path("content"))).size();
    }
    long completion = tokensSent * choices;
    return MAPPER
        .createObjectNode()
        .put("prompt_tokens", prompt)
        .put("completion_tokens", completion)
        .put("total_tokens", prompt + completion);
  }

  private ObjectNode chunk() {
    ObjectNode chunk = MAPPER.createObjectNode();
    chunk.put("id", id).put("object", "chat.completion.chunk").put("created", CREATED);
    chunk.put("model", request.path("model").asText("embedded"));
    chunk.put("system_fingerprint", "fp_embedded");
    chunk.putArray("choices");
    if (usage) {
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

  private void send(ObjectNode chunk) throws IOException {
    data(MAPPER.writeValueAsString(chunk));
  }

  private void data(String data) throws IOException {
    body.write(("data: " + data + "\n\n").getBytes(StandardCharsets.UTF_8));
    body.flush();
  }
}
