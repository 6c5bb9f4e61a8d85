package dev.partialjson.embeddedmodel;

import com.fasterxml.jackson.databind.JsonNode;
import dev.partialjson.testkit.Splits;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;
import org.jspecify.annotations.Nullable;

/**
 * What one request asks for, read the same way for the three protocols: the schema of the answer,
 * the tools offered, the token limit, the number of choices, whether usage is wanted. Immutable.
 */
final class ModelRequest {

  /** A function the request offers, with the JSON schema of its arguments (or null). */
  record Tool(String name, @Nullable String parameters) {}

  private final Protocol protocol;
  private final JsonNode body;
  private final Scenario scenario;
  private final long seed;

  ModelRequest(Protocol protocol, JsonNode body, Scenario scenario, long seed) {
    this.protocol = protocol;
    this.body = body;
    this.scenario = scenario;
    // A request's own seed (Chat Completions has one) wins over the model's.
    this.seed = body.path("seed").canConvertToLong() ? body.path("seed").asLong() : seed;
  }

  Protocol protocol() {
    return protocol;
  }

  /** Returns the request as it came. */
  JsonNode body() {
    return body;
  }

  Scenario scenario() {
    return scenario;
  }

  long seed() {
    return seed;
  }

  String model() {
    return body.path("model").asText("embedded");
  }

  boolean stream() {
    return body.path("stream").asBoolean(false);
  }

  /** Returns {@code n} on Chat Completions (at least 1); 1 elsewhere. */
  int choices() {
    return protocol == Protocol.CHAT_COMPLETIONS ? Math.max(1, body.path("n").asInt(1)) : 1;
  }

  /** Returns whether usage goes out: on Chat Completions only when asked, elsewhere always. */
  boolean includeUsage() {
    return protocol != Protocol.CHAT_COMPLETIONS
        || body.path("stream_options").path("include_usage").asBoolean(false)
        || !stream();
  }

  /** Returns the request's token limit for the answer, if it sets one. */
  OptionalInt maxTokens() {
    for (String field : List.of("max_completion_tokens", "max_tokens", "max_output_tokens")) {
      JsonNode limit = body.path(field);
      if (limit.canConvertToInt() && limit.asInt() > 0) {
        return OptionalInt.of(limit.asInt());
      }
    }
    return OptionalInt.empty();
  }

  /** Returns the JSON schema the text answer must follow, or null when the request sets none. */
  @Nullable String responseSchema() {
    JsonNode schema =
        switch (protocol) {
          case CHAT_COMPLETIONS -> body.path("response_format").path("json_schema").path("schema");
          case RESPONSES -> body.path("text").path("format").path("schema");
          case MESSAGES -> {
            JsonNode format = body.path("output_format").path("schema");
            yield format.isObject()
                ? format
                : body.path("output_config").path("format").path("schema");
          }
        };
    return schema.isObject() ? schema.toString() : null;
  }

  /**
   * Returns the functions the request offers, in order, except that a function {@code tool_choice}
   * names comes first; empty when {@code tool_choice} is none.
   */
  List<Tool> tools() {
    List<Tool> tools = offeredTools();
    JsonNode choice = body.path("tool_choice");
    String forced = choice.path("function").path("name").asText(choice.path("name").asText(""));
    for (int i = 0; i < tools.size(); i++) {
      if (tools.get(i).name().equals(forced)) {
        tools.add(0, tools.remove(i));
        break;
      }
    }
    return tools;
  }

  private List<Tool> offeredTools() {
    if (body.path("tool_choice").asText("").equals("none")
        || body.path("tool_choice").path("type").asText("").equals("none")) {
      return List.of();
    }
    List<Tool> tools = new ArrayList<>();
    for (JsonNode tool : body.path("tools")) {
      JsonNode function = protocol == Protocol.CHAT_COMPLETIONS ? tool.path("function") : tool;
      String name = function.path("name").asText("");
      if (name.isEmpty()) {
        continue; // a built-in tool (web search and the like): the model never calls it
      }
      JsonNode schema =
          protocol == Protocol.MESSAGES
              ? function.path("input_schema")
              : function.path("parameters");
      tools.add(new Tool(name, schema.isObject() ? schema.toString() : null));
    }
    return tools;
  }

  /** Returns the o200k tokens of the conversation's text, as the prompt's usage. */
  int promptTokens() {
    StringBuilder text = new StringBuilder();
    collectText(body.path("system"), text);
    collectText(body.path("instructions"), text);
    for (String field : List.of("messages", "input")) {
      JsonNode messages = body.path(field);
      if (messages.isArray()) {
        messages.forEach(message -> collectText(message.path("content"), text));
      } else {
        collectText(messages, text);
      }
    }
    return Splits.tokens(text.toString()).size();
  }

  /** Appends a content's text: a string, or the {@code text} of each of its parts. */
  private static void collectText(JsonNode content, StringBuilder text) {
    if (content.isTextual()) {
      text.append(content.asText()).append('\n');
    } else if (content.isArray()) {
      content.forEach(part -> collectText(part.path("text"), text));
    }
  }

  @Override
  public String toString() {
    return "ModelRequest["
        + protocol
        + ", "
        + scenario.id()
        + ", "
        + Objects.toString(model())
        + "]";
  }
}
