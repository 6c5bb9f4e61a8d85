package dev.partialjson.samples;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.partialjson.testkit.Splits;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A language model on the loopback interface, speaking the OpenAI-compatible chat completions
 * protocol, so that the samples run offline with the real SDKs. {@code POST /v1/chat/completions}
 * with {@code "stream": true} answers with server-sent events: one {@code data:
 * {chat.completion.chunk}} line per token and choice, then {@code data: [DONE]}.
 *
 * <p>What is streamed is chosen by the request (see {@link Scenario}): the model name {@code
 * embedded/<scenario>} or a marker {@code [scenario: <id>]} in the last user message; {@code
 * embedded/replay/<recording>} replays one of the recorded streams ({@link Recording}) event by
 * event, as recorded. Scripted answers are cut into real o200k tokens, a token that ends inside a
 * multi-byte character merged with the next, and honour {@code n} (each choice streams the same
 * answer), {@code max_tokens} / {@code max_completion_tokens} ({@code finish_reason: length}) and
 * {@code stream_options.include_usage} (a last chunk with {@code usage} and no choices).
 *
 * <p>Thread-safe; each request is served on its own daemon thread.
 *
 * <pre>{@code
 * try (EmbeddedModel model = EmbeddedModel.start(Duration.ofMillis(20))) {
 *   OpenAIClient client =
 *       OpenAIOkHttpClient.builder().baseUrl(model.baseUrl().toString()).apiKey("none").build();
 *   ... // model("embedded/invalid-item")
 * }
 * }</pre>
 */
public final class EmbeddedModel implements AutoCloseable {
  /** The model name prefix that selects a scenario, as in {@code embedded/cut-off}. */
  public static final String MODEL_PREFIX = "embedded/";

  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final Pattern MARKER = Pattern.compile("\\[scenario:\\s*([a-z-]+)]");
  private static final String REPLAY = MODEL_PREFIX + "replay/";

  private final HttpServer server;
  private final ExecutorService executor;
  private final Duration pace;

  private EmbeddedModel(HttpServer server, ExecutorService executor, Duration pace) {
    this.server = server;
    this.executor = executor;
    this.pace = pace;
  }

  /**
   * Starts a model on 127.0.0.1 at a free port, pausing {@code pace} after each token (zero for
   * tests).
   *
   * @throws UncheckedIOException if the server cannot bind
   */
  public static EmbeddedModel start(Duration pace) {
    Objects.requireNonNull(pace, "pace == null");
    if (pace.isNegative()) {
      throw new IllegalArgumentException("pace < 0: " + pace);
    }
    ExecutorService executor =
        Executors.newCachedThreadPool(
            task -> {
              Thread thread = new Thread(task, "embedded-model");
              thread.setDaemon(true); // a demo's main must be able to end while a stream runs
              return thread;
            });
    try {
      HttpServer server =
          HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
      EmbeddedModel model = new EmbeddedModel(server, executor, pace);
      server.createContext("/", model::handle);
      server.setExecutor(executor);
      server.start();
      // Loading the o200k vocabulary takes seconds; start now, while the client is being set up.
      executor.execute(() -> Splits.tokens(""));
      return model;
    } catch (IOException e) {
      executor.shutdownNow();
      throw new UncheckedIOException(e);
    }
  }

  /** Returns the base URL that OpenAI SDKs take, such as {@code http://127.0.0.1:41234/v1}. */
  public URI baseUrl() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/v1");
  }

  /** Stops the server at once, ending any stream in progress. */
  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      if (!exchange.getRequestURI().getPath().equals("/v1/chat/completions")) {
        error(exchange, 404, "not_found", "only /v1/chat/completions is served here");
        return;
      }
      if (!exchange.getRequestMethod().equals("POST")) {
        error(exchange, 405, "invalid_request_error", "use POST");
        return;
      }
      JsonNode request;
      try {
        request = MAPPER.readTree(exchange.getRequestBody());
      } catch (IOException e) {
        error(exchange, 400, "invalid_request_error", "the body is not JSON: " + e.getMessage());
        return;
      }
      if (!request.path("stream").asBoolean(false)) {
        error(exchange, 400, "invalid_request_error", "the embedded model only streams");
        return;
      }
      String model = request.path("model").asText("");
      Optional<Recording> recording =
          model.startsWith(REPLAY)
              ? Recording.byId(model.substring(REPLAY.length()))
              : Optional.empty();
      Optional<Scenario> scenario = recording.isPresent() ? Optional.empty() : scenario(request);
      if (recording.isEmpty() && scenario.isEmpty()) {
        error(exchange, 404, "model_not_found", "The model `" + model + "` does not exist");
        return;
      }
      exchange.getResponseHeaders().set("Content-Type", "text/event-stream; charset=utf-8");
      exchange.getResponseHeaders().set("Cache-Control", "no-cache");
      exchange.sendResponseHeaders(200, 0);
      OutputStream body = exchange.getResponseBody();
      try {
        if (recording.isPresent()) {
          replay(recording.get(), body);
        } else {
          new ChunkStream(request, scenario.get(), body, this::pause).write();
        }
      } catch (IOException e) {
        // The client went away mid-stream (a cancelled request): nothing left to tell it.
      }
    }
  }

  /** Returns the scenario the request asks for, or empty for an unknown {@code embedded/<id>}. */
  private static Optional<Scenario> scenario(JsonNode request) {
    String model = request.path("model").asText("");
    if (model.startsWith(MODEL_PREFIX)) {
      return Scenario.byId(model.substring(MODEL_PREFIX.length()));
    }
    JsonNode messages = request.path("messages");
    for (int i = messages.size() - 1; i >= 0; i--) {
      JsonNode message = messages.get(i);
      if (message.path("role").asText().equals("user")) {
        Matcher marker = MARKER.matcher(text(message.path("content")));
        return Optional.of(
            marker.find() ? Scenario.byId(marker.group(1)).orElse(Scenario.VALID) : Scenario.VALID);
      }
    }
    return Optional.of(Scenario.VALID);
  }

  /** Returns a message's text: a string, or the {@code text} of each part of an array. */
  static String text(JsonNode content) {
    if (content.isTextual()) {
      return content.asText();
    }
    StringBuilder text = new StringBuilder();
    for (JsonNode part : content) {
      text.append(part.path("text").asText(""));
    }
    return text.toString();
  }

  private void replay(Recording recording, OutputStream body) throws IOException {
    try (Reader reader = new InputStreamReader(recording.open(), StandardCharsets.UTF_8)) {
      SseReader sse = new SseReader(reader);
      for (SseReader.Event event; (event = sse.next()) != null; ) {
        StringBuilder out = new StringBuilder();
        if (!event.type().equals("message")) {
          out.append("event: ").append(event.type()).append('\n');
        }
        for (String line : event.data().split("\n", -1)) {
          out.append("data: ").append(line).append('\n');
        }
        body.write(out.append('\n').toString().getBytes(StandardCharsets.UTF_8));
        body.flush();
        pause();
      }
    }
  }

  private void pause() {
    if (pace.isZero()) {
      return;
    }
    try {
      Thread.sleep(pace.toMillis(), pace.toNanosPart() % 1_000_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt(); // the server is closing: the stream ends
    }
  }

  private static void error(HttpExchange exchange, int status, String type, String message)
      throws IOException {
    ObjectNode error = MAPPER.createObjectNode();
    error.putObject("error").put("message", message).put("type", type).putNull("param");
    byte[] bytes = MAPPER.writeValueAsBytes(error);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, bytes.length);
    exchange.getResponseBody().write(bytes);
  }
}
