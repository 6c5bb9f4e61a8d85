package dev.partialjson.samples.web;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;

/**
 * The browser demo's server: {@code GET /} is a static page, {@code GET /events} streams a model's
 * answer as the path-keyed server-sent events of {@link PlanEvents}, which the page renders as they
 * arrive. {@code /events?answer=truncated} streams another {@link ScriptedAnswer}.
 *
 * <p>Built on the JDK's own {@code com.sun.net.httpserver.HttpServer} (module {@code
 * jdk.httpserver}, in every JDK since 6): one static page and one SSE endpoint need no routing,
 * templating or JSON body handling, and SSE is only a response with no length, written and flushed
 * event by event, which {@code sendResponseHeaders(200, 0)} gives. A framework (Javalin, Helidon,
 * Spring) would add megabytes of dependencies and a second thing to learn to a sample about the
 * library. It listens on the loopback address only; each stream holds one thread of a cached pool
 * while it plays.
 *
 * <pre>{@code
 * try (PlanServer server = PlanServer.start(0, 30)) {   // any free port, 30 ms per token
 *   System.out.println(server.uri());
 * }
 * }</pre>
 *
 * <p>Thread-safe: requests are served concurrently, each stream with its own session.
 */
public final class PlanServer implements AutoCloseable {
  private static final Map<String, String> STATIC =
      Map.of(
          "/", "index.html",
          "/index.html", "index.html",
          "/app.js", "app.js");

  private final HttpServer server;
  private final ExecutorService threads;
  private final Function<ScriptedAnswer, AnswerSource> sources;

  private PlanServer(
      HttpServer server, ExecutorService threads, Function<ScriptedAnswer, AnswerSource> sources) {
    this.server = server;
    this.threads = threads;
    this.sources = sources;
  }

  /**
   * Starts a server on the loopback address at {@code port} (0 for any free one) whose streams play
   * the scripted answer the page asks for with {@code millisPerToken} before each token.
   *
   * @throws UncheckedIOException if the port cannot be bound
   */
  public static PlanServer start(int port, long millisPerToken) {
    if (millisPerToken < 0) {
      throw new IllegalArgumentException("millisPerToken < 0: " + millisPerToken);
    }
    return start(port, answer -> AnswerSource.scripted(answer, millisPerToken));
  }

  /**
   * Starts a server whose streams come from {@code sources}, given the answer the page asks for.
   */
  static PlanServer start(int port, Function<ScriptedAnswer, AnswerSource> sources) {
    Objects.requireNonNull(sources, "sources == null");
    HttpServer server;
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot listen on port " + port, e);
    }
    ExecutorService threads = Executors.newCachedThreadPool();
    PlanServer plans = new PlanServer(server, threads, sources);
    server.createContext("/", plans::handle);
    server.setExecutor(threads);
    server.start();
    return plans;
  }

  /** Returns the page's address, such as {@code http://127.0.0.1:8080/}. */
  public URI uri() {
    InetSocketAddress address = server.getAddress();
    return URI.create(
        "http://" + address.getAddress().getHostAddress() + ":" + address.getPort() + "/");
  }

  /** Stops listening and ends the streams still playing. */
  @Override
  public void close() {
    server.stop(0);
    threads.shutdownNow();
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String path = exchange.getRequestURI().getPath();
      if (!exchange.getRequestMethod().equals("GET")) {
        text(exchange, 405, "only GET\n");
      } else if (path.equals("/events")) {
        events(exchange);
      } else if (STATIC.containsKey(path)) {
        resource(exchange, STATIC.get(path));
      } else {
        text(exchange, 404, "no such page: " + path + "\n");
      }
    }
  }

  private void events(HttpExchange exchange) throws IOException {
    String query = Optional.ofNullable(exchange.getRequestURI().getQuery()).orElse("");
    String id = query.startsWith("answer=") ? query.substring("answer=".length()) : "plan";
    Optional<ScriptedAnswer> answer = ScriptedAnswer.byId(id);
    if (answer.isEmpty()) {
      text(exchange, 404, "no answer named " + id + "\n");
      return;
    }
    exchange.getResponseHeaders().set("Content-Type", "text/event-stream; charset=utf-8");
    exchange.getResponseHeaders().set("Cache-Control", "no-store");
    exchange.sendResponseHeaders(200, 0); // no length: chunked, written event by event
    try (OutputStream body = exchange.getResponseBody()) {
      new PlanEvents(body).play(sources.apply(answer.get()));
    } catch (PlanEvents.BrowserGone e) {
      // the page was closed or reloaded: nothing to tell anyone
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt(); // the server is stopping
    }
  }

  private static void resource(HttpExchange exchange, String name) throws IOException {
    byte[] bytes;
    try (InputStream in = PlanServer.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + name);
      }
      bytes = in.readAllBytes();
    }
    String type = name.endsWith(".js") ? "text/javascript" : "text/html";
    exchange.getResponseHeaders().set("Content-Type", type + "; charset=utf-8");
    exchange.sendResponseHeaders(200, bytes.length);
    exchange.getResponseBody().write(bytes);
  }

  private static void text(HttpExchange exchange, int status, String message) throws IOException {
    byte[] bytes = message.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
    exchange.sendResponseHeaders(status, bytes.length);
    exchange.getResponseBody().write(bytes);
  }
}
