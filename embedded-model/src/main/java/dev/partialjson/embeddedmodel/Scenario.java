package dev.partialjson.embeddedmodel;

import java.util.Objects;
import java.util.Optional;

/**
 * What the {@link EmbeddedModel} does with a request. A request picks one with the header {@code
 * X-Embedded-Model-Scenario: <id>} or the model name {@code embedded/<id>} (the header wins);
 * anything else gets {@link #VALID}. The model name {@code embedded/replay/<name>} picks {@link
 * #REPLAY}. Immutable and thread-safe.
 */
public enum Scenario {
  /** A valid answer to the request's schema (or tool call, when the request offers tools). */
  VALID("valid", "a valid answer to the request's schema"),
  /** One list item breaks a bound of the schema, such as a number above its {@code maximum}. */
  INVALID_ITEM("invalid-item", "one list item breaks a bound of the schema"),
  /**
   * The answer stops at the request's token limit ({@code max_tokens}, {@code
   * max_completion_tokens}, {@code max_output_tokens}) or at 40 tokens, whichever is lower: {@code
   * finish_reason: length}, Responses {@code response.incomplete}, Anthropic {@code stop_reason:
   * max_tokens}.
   */
  CUT_OFF("cut-off", "the answer stops at max_tokens or 40 tokens, whichever is lower"),
  /** Prose, then the JSON inside a Markdown {@code ```json} fence, then more prose. */
  FENCED("fenced", "prose and a Markdown ```json fence around the JSON"),
  /** A {@code <think>...</think>} block in the text, before the JSON. */
  THINK("think", "a <think>...</think> block in the text before the JSON"),
  /**
   * A {@code <thinking>...</thinking>} block in the text, before the JSON: the other tag in use.
   */
  THINKING("thinking", "a <thinking>...</thinking> block in the text before the JSON"),
  /**
   * The protocol's own reasoning before the answer: an Anthropic {@code thinking} block, a
   * Responses {@code reasoning} item with summary deltas, a Chat Completions {@code
   * reasoning_content} delta field (as vLLM, llama.cpp and DeepSeek stream it).
   */
  REASONING("reasoning", "the protocol's own reasoning (thinking block, summary) before the JSON"),
  /**
   * {@link #REASONING}, with the Chat Completions reasoning in a {@code reasoning} delta field (and
   * message field) instead of {@code reasoning_content}, as Ollama's OpenAI-compatible endpoint and
   * OpenRouter send it. The same as {@link #REASONING} on Responses and Anthropic Messages.
   */
  REASONING_FIELD(
      "reasoning-field",
      "as reasoning, but in the Chat Completions field reasoning (Ollama, OpenRouter)"),
  /**
   * Two tool calls whose argument fragments interleave; on Chat Completions the second call's id
   * arrives with its second fragment, not its first. Without tools in the request, two built-in
   * functions are called.
   */
  PARALLEL_TOOLS("parallel-tools", "two tool calls, fragments interleaved, the second id late"),
  /**
   * The tool call's arguments (or, without tools, the text) are not valid JSON: a quote inside a
   * string value is left unescaped, as fine-grained tool streaming may send.
   */
  INVALID_TOOL_JSON("invalid-tool-json", "tool arguments that are not valid JSON"),
  /** The answer at 200 ms per token (or the model's pace, if slower): for cancellation tests. */
  SLOW("slow", "the answer at 200 ms per token"),
  /** A recorded real stream, replayed byte for byte ({@code embedded/replay/<name>}). */
  REPLAY("replay", "a recorded real stream, byte for byte");

  private final String id;
  private final String description;

  Scenario(String id, String description) {
    this.id = id;
    this.description = description;
  }

  /** Returns the name used in {@code embedded/<id>} and the scenario header. */
  public String id() {
    return id;
  }

  /** Returns what the answer shows, in one line. */
  public String description() {
    return description;
  }

  /** Returns the scenario named {@code id}, if there is one. */
  public static Optional<Scenario> byId(String id) {
    Objects.requireNonNull(id, "id == null");
    for (Scenario scenario : values()) {
      if (scenario.id.equals(id)) {
        return Optional.of(scenario);
      }
    }
    return Optional.empty();
  }
}
