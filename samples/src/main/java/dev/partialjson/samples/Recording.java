package dev.partialjson.samples;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The recorded model streams shipped in this module's resources under {@code streams/}; where each
 * comes from, and its licence, is in {@code streams/README.md}. Immutable and thread-safe.
 */
public enum Recording {
  /** Structured output as content deltas: the object grows token by token. */
  OPENAI_STRUCTURED_OUTPUT(
      "openai-structured-output",
      "openai-python/7e5ea4d12e7cc064399b6631415e65923f182256b6e6b752950a3aaa2ad2320a.sse",
      "OpenAI gpt-4o, structured output {city, temperature, units} in content deltas"),
  /** Two tool calls streamed one after the other, each its own JSON document. */
  OPENAI_PARALLEL_TOOL_CALLS(
      "openai-parallel-tool-calls",
      "openai-python/f82268f2fefd5cfbc7eeb59c297688be2f6ca0849a6e4f17851b517310841d9b.sse",
      "OpenAI gpt-4o, two parallel tool calls: one parser per tool_calls index"),
  /** Three choices ({@code n = 3}) of one structured-output request, interleaved chunk by chunk. */
  OPENAI_THREE_CHOICES(
      "openai-three-choices",
      "openai-python/a491adda08c3d4fde95f5b2ee3f60f7f745f1a56d82e62f58031cc2add502380.sse",
      "OpenAI gpt-4o, n=3: three answers interleaved, one document per choices[c] index"),
  /** A forecast whose list of days arrives item by item, indented as the model wrote it. */
  OPENAI_FORECAST(
      "openai-forecast",
      "openai-python/d615580118391ee13492193e3a8bb74642d23ac1ca13fe37cb6e889b66f759f6.sse",
      "OpenAI gpt-4o, a forecast with a list of days in content deltas"),
  /** A tool call whose input arrives as {@code input_json_delta} fragments. */
  ANTHROPIC_TOOL_USE(
      "anthropic-tool-use",
      "anthropic-sdk-python/tool_use_response.sse",
      "Anthropic Claude, tool_use input in input_json_delta fragments"),
  /** A tool call cut off by {@code max_tokens} in the middle of a string. */
  ANTHROPIC_MAX_TOKENS(
      "anthropic-max-tokens",
      "anthropic-sdk-python/incomplete_partial_json_response.sse",
      "Anthropic Claude, tool_use input cut off by max_tokens inside a string");

  private final String id;
  private final String resource;
  private final String description;

  Recording(String id, String resource, String description) {
    this.id = id;
    this.resource = resource;
    this.description = description;
  }

  /** Returns the name that {@code --stream} takes, such as {@code anthropic-tool-use}. */
  public String id() {
    return id;
  }

  /** Returns the file, relative to {@code streams/} in the resources. */
  public String resource() {
    return resource;
  }

  /** Returns what the stream shows, in one line. */
  public String description() {
    return description;
  }

  /**
   * Opens the recorded bytes; the caller closes the stream.
   *
   * @throws IllegalStateException if the resource is missing from the class path
   */
  public InputStream open() {
    InputStream in = Recording.class.getResourceAsStream("/streams/" + resource);
    if (in == null) {
      throw new IllegalStateException("missing resource: streams/" + resource);
    }
    return in;
  }

  /**
   * Returns the JSON deltas of the whole recording, in order, as {@link ModelDeltas} picks them
   * out.
   *
   * @throws java.io.UncheckedIOException if the resource cannot be read
   */
  public List<ModelDeltas.Delta> deltas() {
    ModelDeltas picker = new ModelDeltas();
    List<ModelDeltas.Delta> deltas = new ArrayList<>();
    try (Reader reader = new InputStreamReader(open(), StandardCharsets.UTF_8)) {
      SseReader sse = new SseReader(reader);
      for (SseReader.Event event; (event = sse.next()) != null; ) {
        deltas.addAll(picker.read(event));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return deltas;
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
