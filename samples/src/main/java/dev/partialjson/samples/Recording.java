package dev.partialjson.samples;

import com.anthropic.client.AnthropicClient;
import com.anthropic.core.http.StreamResponse;
import com.anthropic.models.messages.MessageCreateParams;
import com.anthropic.models.messages.RawMessageStreamEvent;
import com.openai.client.OpenAIClient;
import com.openai.models.chat.completions.ChatCompletionChunk;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import dev.partialjson.embeddedmodel.EmbeddedModel;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Real model streams that the embedded model replays byte for byte ({@code embedded/replay/<name>};
 * where each was recorded, and its licence, is in the embedded model's {@code replays/README.md}),
 * read here through the official SDK of their provider. Immutable and thread-safe.
 */
public enum Recording {
  /** Structured output as content deltas: the object grows token by token. */
  OPENAI_STRUCTURED_OUTPUT(
      "openai-structured-output",
      "chat-structured-output",
      "OpenAI gpt-4o, structured output {city, temperature, units} in content deltas"),
  /** Two tool calls streamed one after the other, each its own JSON document. */
  OPENAI_PARALLEL_TOOL_CALLS(
      "openai-parallel-tool-calls",
      "chat-parallel-tools",
      "OpenAI gpt-4o, two parallel tool calls: one parser per tool_calls index"),
  /** Three choices ({@code n = 3}) of one structured-output request, interleaved chunk by chunk. */
  OPENAI_THREE_CHOICES(
      "openai-three-choices",
      "chat-three-choices",
      "OpenAI gpt-4o, n=3: three answers interleaved, one document per choices[c] index"),
  /** A forecast whose list of days arrives item by item, indented as the model wrote it. */
  OPENAI_FORECAST(
      "openai-forecast",
      "chat-json-object",
      "OpenAI gpt-4o, a forecast with a list of days in content deltas"),
  /** A tool call whose input arrives as {@code input_json_delta} fragments. */
  ANTHROPIC_TOOL_USE(
      "anthropic-tool-use",
      "anthropic-tool-use",
      "Anthropic Claude, tool_use input in input_json_delta fragments"),
  /** A tool call cut off by {@code max_tokens} in the middle of a string. */
  ANTHROPIC_MAX_TOKENS(
      "anthropic-max-tokens",
      "anthropic-max-tokens-in-tool-input",
      "Anthropic Claude, tool_use input cut off by max_tokens inside a string");

  private final String id;
  private final String replay;
  private final String description;

  Recording(String id, String replay, String description) {
    this.id = id;
    this.replay = replay;
    this.description = description;
  }

  /** Returns the name that {@code --stream} takes, such as {@code anthropic-tool-use}. */
  public String id() {
    return id;
  }

  /** Returns the model name that asks the embedded model for this recording. */
  public String model() {
    return "embedded/replay/" + replay;
  }

  /** Returns what the stream shows, in one line. */
  public String description() {
    return description;
  }

  /**
   * Asks {@code model} for this recording through its provider's SDK and hands each JSON delta to
   * {@code onDelta}, in order, until the stream ends or {@code onDelta} returns false (the SDK's
   * stream is then closed, which cancels the request).
   *
   * @return the picker, which knows the stop reason
   */
  public ModelDeltas stream(EmbeddedModel model, Predicate<ModelDeltas.Delta> onDelta) {
    Objects.requireNonNull(model, "model == null");
    Objects.requireNonNull(onDelta, "onDelta == null");
    ModelDeltas picker = new ModelDeltas();
    if (replay.startsWith("anthropic-")) {
      AnthropicClient client = SdkClients.anthropic(model);
      MessageCreateParams params =
          MessageCreateParams.builder()
              .model(model())
              .maxTokens(1024)
              .addUserMessage("Replay " + id)
              .build();
      try (StreamResponse<RawMessageStreamEvent> events =
          client.messages().createStreaming(params)) {
        for (Iterator<RawMessageStreamEvent> it = events.stream().iterator(); it.hasNext(); ) {
          if (!all(picker.read(it.next()), onDelta)) {
            break;
          }
        }
      } finally {
        client.close();
      }
    } else {
      OpenAIClient client = SdkClients.openAi(model);
      ChatCompletionCreateParams params =
          ChatCompletionCreateParams.builder()
              .model(model())
              .addUserMessage("Replay " + id)
              .build();
      try (com.openai.core.http.StreamResponse<ChatCompletionChunk> chunks =
          client.chat().completions().createStreaming(params)) {
        for (Iterator<ChatCompletionChunk> it = chunks.stream().iterator(); it.hasNext(); ) {
          if (!all(picker.read(it.next()), onDelta)) {
            break;
          }
        }
      } finally {
        client.close();
      }
    }
    return picker;
  }

  private static boolean all(List<ModelDeltas.Delta> deltas, Predicate<ModelDeltas.Delta> onDelta) {
    for (ModelDeltas.Delta delta : deltas) {
      if (!onDelta.test(delta)) {
        return false;
      }
    }
    return true;
  }

  /**
   * Returns the JSON deltas of the whole recording, in order, as an embedded model of its own
   * replays it through the SDK and {@link ModelDeltas} picks them out.
   */
  public List<ModelDeltas.Delta> deltas() {
    List<ModelDeltas.Delta> deltas = new ArrayList<>();
    try (EmbeddedModel model = EmbeddedModel.start()) {
      stream(model, deltas::add);
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
