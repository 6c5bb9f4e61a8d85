package dev.partialjson.embeddedmodel;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * Serves one request: reads it, picks the scenario (or the recording), records a {@link
 * ServedStream}, and writes the answer in the protocol of its path; streamed when the request says
 * {@code "stream": true}, else whole. Errors are answered in the protocol's own error shape.
 * Thread-safe; each request runs on its own thread.
 */
final class RequestHandler implements HttpHandler {
  static final String SCENARIO_HEADER = "X-Embedded-Model-Scenario";
  static final String MODEL_PREFIX = "embedded/";
  static final String REPLAY_PREFIX = MODEL_PREFIX + "replay/";

  /** The pace of {@link Scenario#SLOW}, unless the model's own is slower. */
  static final Duration SLOW_PACE = Duration.ofMillis(200);

  private final long seed;
  private final Duration pace;
  private final Consumer<ServedStream> served;
  private final BooleanSupplier closed;

  RequestHandler(long seed, Duration pace, Consumer<ServedStream> served, BooleanSupplier closed) {
    this.seed = seed;
    this.pace = pace;
    this.served = served;
    this.closed = closed;
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String path = exchange.getRequestURI().getPath();
      byte[] bytes = exchange.getRequestBody().readAllBytes();
      String body = new String(bytes, StandardCharsets.UTF_8);
      Optional<Protocol> protocol = Protocol.byPath(path);
      if (protocol.isEmpty()) {
        ServedStream stream = record(path, body, Scenario.VALID, null);
        error(
            exchange,
            stream,
            Protocol.CHAT_COMPLETIONS,
            404,
            "not_found_error",
            "Not found: "
                + path
                + ". The embedded model serves POST /v1/chat/completions,"
                + " /v1/responses and /v1/messages.");
        return;
      }
      if (!exchange.getRequestMethod().equals("POST")) {
        ServedStream stream = record(path, body, Scenario.VALID, null);
        error(
            exchange,
            stream,
            protocol.get(),
            405,
            "invalid_request_error",
            "Use POST for " + path + ", not " + exchange.getRequestMethod() + ".");
        return;
      }
      serve(exchange, protocol.get(), path, body);
    }
  }

  private void serve(HttpExchange exchange, Protocol protocol, String path, String body)
      throws IOException {
    JsonNode request;
    try {
      request = EventSink.MAPPER.readTree(body);
    } catch (IOException e) {
      request = null;
    }
    if (request == null || !request.isObject()) {
      ServedStream stream = record(path, body, Scenario.VALID, null);
      error(
          exchange,
          stream,
          protocol,
          400,
          "invalid_request_error",
          "The request body is not a JSON object.");
      return;
    }
    String model = request.path("model").asText("");
    String header = exchange.getRequestHeaders().getFirst(SCENARIO_HEADER);
    if (header == null && model.startsWith(REPLAY_PREFIX)) {
      replay(exchange, protocol, path, body, model.substring(REPLAY_PREFIX.length()));
      return;
    }
    String id =
        header != null
            ? header.trim()
            : model.startsWith(MODEL_PREFIX) ? model.substring(MODEL_PREFIX.length()) : "valid";
    Optional<Scenario> scenario = Scenario.byId(id).filter(s -> s != Scenario.REPLAY);
    if (scenario.isEmpty()) {
      ServedStream stream = record(path, body, Scenario.VALID, null);
      String where = header != null ? "header " + SCENARIO_HEADER : "model `" + model + "`";
      error(
          exchange,
          stream,
          protocol,
          404,
          "not_found_error",
          "Unknown scenario `"
              + id
              + "` in the "
              + where
              + "; the scenarios are: "
              + Arrays.stream(Scenario.values())
                  .filter(s -> s != Scenario.REPLAY)
                  .map(Scenario::id)
                  .collect(Collectors.joining(", "))
              + " (and embedded/replay/<recording> in the model name).");
      return;
    }
    ServedStream stream = record(path, body, scenario.get(), null);
    ModelRequest modelRequest = new ModelRequest(protocol, request, scenario.get(), seed);
    Duration streamPace =
        scenario.get() == Scenario.SLOW && pace.compareTo(SLOW_PACE) < 0 ? SLOW_PACE : pace;
    answer(exchange, stream, modelRequest, streamPace);
  }

  private void answer(
      HttpExchange exchange, ServedStream stream, ModelRequest request, Duration pace)
      throws IOException {
    if (!request.stream()) {
      ObjectNode whole;
      try {
        whole =
            switch (request.protocol()) {
              case CHAT_COMPLETIONS -> new ChatCompletions(request).whole(stream);
              case RESPONSES -> new Responses(request).whole(stream);
              case MESSAGES -> new Messages(request).whole(stream);
            };
      } catch (IllegalArgumentException e) {
        unanswerable(exchange, stream, request, e);
        return;
      }
      json(exchange, stream, 200, whole);
      return;
    }
    // Each writer plans its answer (tokenizing it) before the headers go out, so a schema no
    // answer can be written for is the caller's 400, not a broken stream.
    StreamWriter writer;
    try {
      writer =
          switch (request.protocol()) {
            case CHAT_COMPLETIONS -> new ChatCompletions(request)::stream;
            case RESPONSES -> new Responses(request)::stream;
            case MESSAGES -> new Messages(request)::stream;
          };
    } catch (IllegalArgumentException e) {
      unanswerable(exchange, stream, request, e);
      return;
    }
    events(exchange, stream, pace, writer);
  }

  private void unanswerable(
      HttpExchange exchange, ServedStream stream, ModelRequest request, IllegalArgumentException e)
      throws IOException {
    error(
        exchange,
        stream,
        request.protocol(),
        400,
        "invalid_request_error",
        "The embedded model cannot answer this schema: " + e.getMessage());
  }

  private interface StreamWriter {
    void write(EventSink sink) throws IOException;
  }

  private void replay(
      HttpExchange exchange, Protocol protocol, String path, String body, String name)
      throws IOException {
    Optional<Recording> recording = Recording.byId(name);
    ServedStream stream = record(path, body, Scenario.REPLAY, name);
    if (recording.isEmpty()) {
      error(
          exchange,
          stream,
          protocol,
          404,
          "not_found_error",
          "Unknown recording `"
              + name
              + "`; the recordings are: "
              + Arrays.stream(Recording.values())
                  .map(Recording::id)
                  .collect(Collectors.joining(", "))
              + ".");
      return;
    }
    if (recording.get().protocol() != protocol) {
      error(
          exchange,
          stream,
          protocol,
          400,
          "invalid_request_error",
          "The recording `"
              + name
              + "` was recorded from "
              + recording.get().path()
              + "; replay it there, not at "
              + path
              + ".");
      return;
    }
    byte[] bytes = recording.get().served();
    events(
        exchange,
        stream,
        pace,
        sink -> {
          // Event by event, cut after each blank line, so that the pace falls between events.
          int start = 0;
          for (int i = 0; i < bytes.length; i++) {
            boolean end =
                bytes[i] == '\n'
                    && i + 1 < bytes.length
                    && (bytes[i + 1] == '\n'
                        || (bytes[i + 1] == '\r' && i + 2 < bytes.length && bytes[i + 2] == '\n'));
            if (end) {
              int stop = bytes[i + 1] == '\n' ? i + 2 : i + 3;
              sink.raw(Arrays.copyOfRange(bytes, start, stop));
              sink.tokensSent(1);
              start = stop;
              i = stop - 1;
            }
          }
          if (start < bytes.length) {
            sink.raw(Arrays.copyOfRange(bytes, start, bytes.length));
            sink.tokensSent(1);
          }
        });
  }

  private void events(
      HttpExchange exchange, ServedStream stream, Duration pace, StreamWriter writer)
      throws IOException {
    exchange.getResponseHeaders().set("Content-Type", "text/event-stream; charset=utf-8");
    exchange.getResponseHeaders().set("Cache-Control", "no-cache");
    try {
      exchange.sendResponseHeaders(200, 0);
      stream.status(200);
      OutputStream out = exchange.getResponseBody();
      writer.write(new EventSink(out, stream, pace));
      out.close();
      stream.end(ServedStream.Ending.COMPLETED);
    } catch (EventSink.ModelClosedException e) {
      stream.end(ServedStream.Ending.MODEL_CLOSED);
    } catch (IOException e) {
      // A write failed: the client closed the connection (a cancelled request), or the model did.
      stream.end(
          closed.getAsBoolean()
              ? ServedStream.Ending.MODEL_CLOSED
              : ServedStream.Ending.CANCELLED_BY_CLIENT);
    } catch (RuntimeException | Error e) {
      // A defect of the model's own: said where a developer looks, and the stream ends as the
      // model's doing, never as the client's.
      System.err.println("embedded model: the stream of " + stream.path() + " failed: " + e);
      e.printStackTrace();
      throw e;
    } finally {
      stream.end(ServedStream.Ending.MODEL_CLOSED); // anything unexpected: never leave it open
    }
  }

  private ServedStream record(
      String path, String body, Scenario scenario, @Nullable String replay) {
    ServedStream stream = new ServedStream(path, body, scenario, replay);
    served.accept(stream);
    return stream;
  }

  private static void json(HttpExchange exchange, ServedStream stream, int status, ObjectNode json)
      throws IOException {
    byte[] bytes = EventSink.MAPPER.writeValueAsBytes(json);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    try {
      exchange.sendResponseHeaders(status, bytes.length);
      stream.status(status);
      exchange.getResponseBody().write(bytes);
      exchange.getResponseBody().close();
      stream.end(ServedStream.Ending.COMPLETED);
    } catch (IOException e) {
      stream.end(ServedStream.Ending.CANCELLED_BY_CLIENT);
    }
  }

  /** Answers an error as the protocol does: OpenAI's {@code error} object or Anthropic's. */
  private static void error(
      HttpExchange exchange,
      ServedStream stream,
      Protocol protocol,
      int status,
      String type,
      String message)
      throws IOException {
    ObjectNode json = EventSink.MAPPER.createObjectNode();
    if (protocol == Protocol.MESSAGES) {
      json.put("type", "error").putObject("error").put("type", type).put("message", message);
    } else {
      json.putObject("error")
          .put("message", message)
          .put("type", type)
          .putNull("param")
          .putNull("code");
    }
    json(exchange, stream, status, json);
  }
}
