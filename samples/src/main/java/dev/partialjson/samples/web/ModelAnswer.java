package dev.partialjson.samples.web;

import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.core.http.StreamResponse;
import com.openai.errors.OpenAIServiceException;
import com.openai.models.chat.completions.ChatCompletionChunk;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import dev.partialjson.openai.OpenAiStreams;
import dev.partialjson.samples.ModelDeltas;
import java.io.IOException;
import java.net.URI;
import java.util.Iterator;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Asks an OpenAI-compatible chat completions endpoint (the embedded model, or a hosted one) for a
 * {@link Plan} through openai-java, streamed, with the JSON Schema generated from the record as its
 * strict response format ({@link OpenAiStreams#responseFormat}), and passes on the {@code content}
 * deltas of the first choice. Thread-safe: each {@link #stream} is its own request.
 */
final class ModelAnswer implements AnswerSource {
  static final String PROMPT =
      "Plan how to ship a browser demo of a streaming JSON parser: a title and four to six tasks,"
          + " each with a priority and an estimate in hours.";

  private final String baseUrl;
  private final String model;
  private final @Nullable String apiKey;

  /**
   * Returns a source asking {@code model} at {@code baseUrl} (such as {@code
   * http://127.0.0.1:8081/v1}), sending {@code apiKey} as a bearer token (a placeholder if it is
   * null: a local server needs none).
   */
  ModelAnswer(URI baseUrl, String model, @Nullable String apiKey) {
    String base = Objects.requireNonNull(baseUrl, "baseUrl == null").toString();
    this.baseUrl = base.replaceAll("/+$", "");
    this.model = Objects.requireNonNull(model, "model == null");
    this.apiKey = apiKey;
  }

  /** Returns the request: the prompt, the plan's strict schema (the SDK turns streaming on). */
  ChatCompletionCreateParams request() {
    return ChatCompletionCreateParams.builder()
        .model(model)
        .addUserMessage(PROMPT)
        .responseFormat(OpenAiStreams.responseFormat(PlanEvents.BINDER))
        .build();
  }

  @Override
  public void stream(Sink sink) throws IOException {
    OpenAIClient client =
        OpenAIOkHttpClient.builder()
            .baseUrl(baseUrl)
            .apiKey(apiKey == null ? "none" : apiKey)
            .maxRetries(0)
            .build();
    try (StreamResponse<ChatCompletionChunk> chunks =
        client.chat().completions().createStreaming(request())) {
      ModelDeltas deltas = new ModelDeltas();
      for (Iterator<ChatCompletionChunk> it = chunks.stream().iterator(); it.hasNext(); ) {
        for (ModelDeltas.Delta delta : deltas.read(it.next())) {
          if (delta.channel().equals("content")) {
            sink.accept(delta.text());
          }
        }
      }
    } catch (OpenAIServiceException e) {
      throw new IOException(
          baseUrl + "/chat/completions answered " + e.statusCode() + ": " + e.getMessage(), e);
    } finally {
      client.close();
    }
  }
}
