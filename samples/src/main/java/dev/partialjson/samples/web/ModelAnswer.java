package dev.partialjson.samples.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.partialjson.binding.ModelSchema;
import dev.partialjson.binding.SchemaMode;
import dev.partialjson.samples.ModelDeltas;
import dev.partialjson.samples.SseReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Asks an OpenAI-compatible chat completions endpoint (the embedded model server, or a hosted one)
 * for a {@link Plan}, streamed, with the JSON Schema generated from the record as its strict
 * response format, and passes on the {@code content} deltas of the first choice. Thread-safe: each
 * {@link #stream} is its own request.
 */
final class ModelAnswer implements AnswerSource {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final HttpClient CLIENT =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  static final String PROMPT =
      "Plan how to ship a browser demo of a streaming JSON parser: a title and four to six tasks,"
          + " each with a priority and an estimate in hours.";

  private final URI completions;
  private final String model;
  private final @Nullable String apiKey;

  /**
   * Returns a source asking {@code model} at {@code baseUrl} (such as {@code
   * http://127.0.0.1:8081/v1}), sending {@code apiKey} as a bearer token if it is not null.
   */
  ModelAnswer(URI baseUrl, String model, @Nullable String apiKey) {
    String base = Objects.requireNonNull(baseUrl, "baseUrl == null").toString();
    this.completions = URI.create(base.replaceAll("/+$", "") + "/chat/completions");
    this.model = Objects.requireNonNull(model, "model == null");
    this.apiKey = apiKey;
  }

  /** Returns the body of the request: the prompt, streaming on, the plan's schema. */
  String requestBody() {
    ObjectNode body = MAPPER.createObjectNode().put("model", model).put("stream", true);
    body.putArray("messages").addObject().put("role", "user").put("content", PROMPT);
    ObjectNode schema =
        body.putObject("response_format").put("type", "json_schema").putObject("json_schema");
    schema.put("name", "plan").put("strict", true);
    schema.set(
        "schema",
        MAPPER.valueToTree(ModelSchema.of(PlanEvents.BINDER, SchemaMode.OPENAI_STRICT).toMap()));
    return body.toString();
  }

  @Override
  public void stream(Sink sink) throws IOException, InterruptedException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(completions)
            .header("Content-Type", "application/json")
            .header("Accept", "text/event-stream")
            .POST(HttpRequest.BodyPublishers.ofString(requestBody()));
    if (apiKey != null) {
      request.header("Authorization", "Bearer " + apiKey);
    }
    HttpResponse<InputStream> response =
        CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
    try (InputStream body = response.body()) {
      if (response.statusCode() != 200) {
        String text = new String(body.readNBytes(500), StandardCharsets.UTF_8);
        throw new IOException(completions + " answered " + response.statusCode() + ": " + text);
      }
      SseReader events = new SseReader(new InputStreamReader(body, StandardCharsets.UTF_8));
      ModelDeltas deltas = new ModelDeltas();
      for (SseReader.Event event; (event = events.next()) != null && !event.isDone(); ) {
        for (ModelDeltas.Delta delta : deltas.read(event)) {
          if (delta.channel().equals("content")) {
            sink.accept(delta.text());
          }
        }
      }
    }
  }
}
