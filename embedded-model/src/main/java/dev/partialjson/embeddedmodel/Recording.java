package dev.partialjson.embeddedmodel;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Objects;
import java.util.Optional;

/**
 * The recorded real streams the {@link EmbeddedModel} replays byte for byte: the model name {@code
 * embedded/replay/<id>} ({@link #model()}) at the endpoint of the recording's protocol. The files
 * are in this module's resources under {@code dev/partialjson/embeddedmodel/replays/}, named {@code
 * <id>.sse}; where each comes from, and its licence, is in the {@code README.md} beside them.
 * Immutable and thread-safe.
 */
public enum Recording {
  /** gpt-4o structured output &#123;city, temperature, units&#125; in content deltas. */
  CHAT_STRUCTURED_OUTPUT(
      "chat-structured-output",
      Protocol.CHAT_COMPLETIONS,
      "gpt-4o structured output {city, temperature, units} in content deltas"),
  /** gpt-4o, n=3: three structured outputs interleaved chunk by chunk. */
  CHAT_THREE_CHOICES(
      "chat-three-choices",
      Protocol.CHAT_COMPLETIONS,
      "gpt-4o, n=3: three structured outputs interleaved chunk by chunk"),
  /** gpt-4o, max_tokens=1: the content stops after &#123;\" with finish_reason length. */
  CHAT_MAX_TOKENS_1(
      "chat-max-tokens-1",
      Protocol.CHAT_COMPLETIONS,
      "gpt-4o, max_tokens=1: the content stops after {\" with finish_reason length"),
  /** gpt-4o refuses a structured output: refusal deltas, no content. */
  CHAT_REFUSAL(
      "chat-refusal",
      Protocol.CHAT_COMPLETIONS,
      "gpt-4o refuses a structured output: refusal deltas, no content"),
  /** gpt-4o refusal with logprobs. */
  CHAT_REFUSAL_LOGPROBS(
      "chat-refusal-logprobs", Protocol.CHAT_COMPLETIONS, "gpt-4o refusal with logprobs"),
  /** gpt-4o plain text with logprobs. */
  CHAT_TEXT_LOGPROBS(
      "chat-text-logprobs", Protocol.CHAT_COMPLETIONS, "gpt-4o plain text with logprobs"),
  /** gpt-4o, one tool call with streamed arguments. */
  CHAT_TOOL(
      "chat-tool", Protocol.CHAT_COMPLETIONS, "gpt-4o, one tool call with streamed arguments"),
  /** gpt-4o, two parallel tool calls, one after the other by index. */
  CHAT_PARALLEL_TOOLS(
      "chat-parallel-tools",
      Protocol.CHAT_COMPLETIONS,
      "gpt-4o, two parallel tool calls, one after the other by index"),
  /** gpt-4o, a strict tool call. */
  CHAT_STRICT_TOOL("chat-strict-tool", Protocol.CHAT_COMPLETIONS, "gpt-4o, a strict tool call"),
  /** gpt-4o, a non-strict tool call. */
  CHAT_NON_STRICT_TOOL(
      "chat-non-strict-tool", Protocol.CHAT_COMPLETIONS, "gpt-4o, a non-strict tool call"),
  /** gpt-4o json_object mode: pretty-printed JSON with a list of days. */
  CHAT_JSON_OBJECT(
      "chat-json-object",
      Protocol.CHAT_COMPLETIONS,
      "gpt-4o json_object mode: pretty-printed JSON with a list of days"),
  /** gpt-4o plain text. */
  CHAT_TEXT("chat-text", Protocol.CHAT_COMPLETIONS, "gpt-4o plain text"),
  /** llama.cpp gpt-oss-20b: reasoning_content deltas, then a tool call, usage with timings. */
  CHAT_LLAMA_CPP_REASONING_TOOL_CALL(
      "chat-llama-cpp-reasoning-tool-call",
      Protocol.CHAT_COMPLETIONS,
      "llama.cpp gpt-oss-20b: reasoning_content deltas, then a tool call, usage with timings"),
  /** DeepSeek reasoner: reasoning_content deltas, then plain text. */
  CHAT_DEEPSEEK_REASONING_CONTENT(
      "chat-deepseek-reasoning-content",
      Protocol.CHAT_COMPLETIONS,
      "DeepSeek reasoner: reasoning_content deltas, then plain text"),
  /** Groq gpt-oss-120b: reasoning, then a mid-stream error event; no finish_reason, no [DONE]. */
  CHAT_GROQ_REASONING_ERROR_EVENT(
      "chat-groq-reasoning-error-event",
      Protocol.CHAT_COMPLETIONS,
      "Groq gpt-oss-120b: reasoning, then a mid-stream error event; no finish_reason, no [DONE]"),
  /** OpenRouter Claude Haiku: comment lines, reasoning and reasoning_details, a tool call. */
  CHAT_OPENROUTER_REASONING_TOOL_CALL(
      "chat-openrouter-reasoning-tool-call",
      Protocol.CHAT_COMPLETIONS,
      "OpenRouter Claude Haiku: comment lines, reasoning and reasoning_details, a tool call"),
  /** OpenRouter MiniMax: finish_reason length during reasoning, then an in-band error object. */
  CHAT_OPENROUTER_LENGTH_INBAND_ERROR(
      "chat-openrouter-length-inband-error",
      Protocol.CHAT_COMPLETIONS,
      "OpenRouter MiniMax: finish_reason length during reasoning, then an in-band error object"),
  /** Kimi K2.5 through Avian: reasoning, text, two tool calls with whole arguments. */
  CHAT_KIMI_REASONING_PARALLEL_TOOLS(
      "chat-kimi-reasoning-parallel-tools",
      Protocol.CHAT_COMPLETIONS,
      "Kimi K2.5 through Avian: reasoning, text, two tool calls with whole arguments"),
  /** gpt-5 structured output after an empty reasoning item, a number split over two deltas. */
  RESPONSES_STRUCTURED_OUTPUT_NESTED(
      "responses-structured-output-nested",
      Protocol.RESPONSES,
      "gpt-5 structured output after an empty reasoning item, a number split over two deltas"),
  /** gpt-4o, two function_call items one after the other. */
  RESPONSES_PARALLEL_FUNCTION_CALLS(
      "responses-parallel-function-calls",
      Protocol.RESPONSES,
      "gpt-4o, two function_call items one after the other"),
  /** gpt-5 reasoning summary deltas, then a function call. */
  RESPONSES_REASONING_SUMMARY_FUNCTION_CALL(
      "responses-reasoning-summary-function-call",
      Protocol.RESPONSES,
      "gpt-5 reasoning summary deltas, then a function call"),
  /** gpt-4o prose cut by max_output_tokens: response.incomplete. */
  RESPONSES_INCOMPLETE_MAX_OUTPUT_TOKENS(
      "responses-incomplete-max-output-tokens",
      Protocol.RESPONSES,
      "gpt-4o prose cut by max_output_tokens: response.incomplete"),
  /** gpt-4o refusal under a json_schema format: refusal deltas. */
  RESPONSES_REFUSAL(
      "responses-refusal",
      Protocol.RESPONSES,
      "gpt-4o refusal under a json_schema format: refusal deltas"),
  /** DeepSeek's Responses endpoint: reasoning_text deltas, then a function call. */
  RESPONSES_DEEPSEEK_REASONING_FUNCTION_CALL(
      "responses-deepseek-reasoning-function-call",
      Protocol.RESPONSES,
      "DeepSeek's Responses endpoint: reasoning_text deltas, then a function call"),
  /** gpt-5-nano: an error event, then response.failed. */
  RESPONSES_ERROR_THEN_FAILED(
      "responses-error-then-failed",
      Protocol.RESPONSES,
      "gpt-5-nano: an error event, then response.failed"),
  /** Claude, one text block. */
  ANTHROPIC_TEXT("anthropic-text", Protocol.MESSAGES, "Claude, one text block"),
  /** Claude, a text block then tool_use input in input_json_delta fragments. */
  ANTHROPIC_TOOL_USE(
      "anthropic-tool-use",
      Protocol.MESSAGES,
      "Claude, a text block then tool_use input in input_json_delta fragments"),
  /** Claude, tool_use input cut off by max_tokens inside a string. */
  ANTHROPIC_MAX_TOKENS_IN_TOOL_INPUT(
      "anthropic-max-tokens-in-tool-input",
      Protocol.MESSAGES,
      "Claude, tool_use input cut off by max_tokens inside a string"),
  /** Claude Sonnet 4: thinking and signature deltas, then a tool call. */
  ANTHROPIC_THINKING_TOOL_USE(
      "anthropic-thinking-tool-use",
      Protocol.MESSAGES,
      "Claude Sonnet 4: thinking and signature deltas, then a tool call"),
  /** Claude Sonnet 4.5: thinking, then structured output in a text block. */
  ANTHROPIC_THINKING_STRUCTURED_OUTPUT(
      "anthropic-thinking-structured-output",
      Protocol.MESSAGES,
      "Claude Sonnet 4.5: thinking, then structured output in a text block"),
  /** Claude Sonnet 4.5: two redacted_thinking blocks with pings, then text. */
  ANTHROPIC_REDACTED_THINKING(
      "anthropic-redacted-thinking",
      Protocol.MESSAGES,
      "Claude Sonnet 4.5: two redacted_thinking blocks with pings, then text"),
  /** Claude Sonnet 4: text, then two tool_use blocks. */
  ANTHROPIC_PARALLEL_TOOL_USE(
      "anthropic-parallel-tool-use",
      Protocol.MESSAGES,
      "Claude Sonnet 4: text, then two tool_use blocks"),
  /** Claude Sonnet 4: a forced tool, 26 input pieces cut inside keys and strings. */
  ANTHROPIC_FORCED_TOOL_NESTED_INPUT(
      "anthropic-forced-tool-nested-input",
      Protocol.MESSAGES,
      "Claude Sonnet 4: a forced tool, 26 input pieces cut inside keys and strings"),
  /** Claude Sonnet 4.5: structured output whose root is an array. */
  ANTHROPIC_STRUCTURED_OUTPUT_ROOT_ARRAY(
      "anthropic-structured-output-root-array",
      Protocol.MESSAGES,
      "Claude Sonnet 4.5: structured output whose root is an array");

  private final String id;
  private final Protocol protocol;
  private final String description;

  Recording(String id, Protocol protocol, String description) {
    this.id = id;
    this.protocol = protocol;
    this.description = description;
  }

  /** Returns the recording's name, as in {@code embedded/replay/<id>}. */
  public String id() {
    return id;
  }

  /** Returns the model name that replays it, {@code embedded/replay/<id>}. */
  public String model() {
    return "embedded/replay/" + id;
  }

  /** Returns the path it is served at, such as {@code /v1/messages}. */
  public String path() {
    return protocol.path();
  }

  /** Returns what the stream shows, in one line. */
  public String description() {
    return description;
  }

  Protocol protocol() {
    return protocol;
  }

  /**
   * Returns the bytes served: the recorded bytes, and a line end or two if the file ends without
   * the blank line that closes its last event (some were saved so; the server had sent it, and
   * without it an SSE client drops the last event, such as Anthropic's {@code message_stop}).
   *
   * @throws UncheckedIOException if the resource cannot be read
   */
  public byte[] served() {
    byte[] recorded = bytes();
    String end =
        new String(
            recorded,
            Math.max(0, recorded.length - 4),
            Math.min(4, recorded.length),
            java.nio.charset.StandardCharsets.ISO_8859_1);
    String missing =
        end.endsWith("\n\n") || end.endsWith("\r\n\r\n") ? "" : end.endsWith("\n") ? "\n" : "\n\n";
    byte[] served = java.util.Arrays.copyOf(recorded, recorded.length + missing.length());
    for (int i = 0; i < missing.length(); i++) {
      served[recorded.length + i] = '\n';
    }
    return served;
  }

  /**
   * Returns the recorded bytes, as in the file.
   *
   * @throws UncheckedIOException if the resource cannot be read
   */
  public byte[] bytes() {
    String name = "replays/" + id + ".sse";
    try (InputStream in = Recording.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("missing resource: " + name);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Returns the recording named {@code id}, if there is one. */
  public static Optional<Recording> byId(String id) {
    Objects.requireNonNull(id, "id == null");
    for (Recording recording : values()) {
      if (recording.id.equals(id)) {
        return Optional.of(recording);
      }
    }
    return Optional.empty();
  }
}
