package dev.partialjson.embeddedmodel;

import com.sun.net.httpserver.HttpServer;
import dev.partialjson.testkit.Splits;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A language model on the loopback interface for building and testing against, offline: it speaks
 * OpenAI Chat Completions ({@code POST /v1/chat/completions}), OpenAI Responses ({@code POST
 * /v1/responses}) and Anthropic Messages ({@code POST /v1/messages}), streamed ({@code "stream":
 * true}) or whole, closely enough that the official SDKs parse it unchanged. The answer follows the
 * request's JSON schema (or its tool's parameters), cut into real o200k tokens, with usage; the
 * header {@code X-Embedded-Model-Scenario} or the model name {@code embedded/<id>} picks a {@link
 * Scenario}, and {@code embedded/replay/<id>} replays a {@link Recording}.
 *
 * <pre>{@code
 * try (EmbeddedModel model = EmbeddedModel.start()) {
 *   OpenAIClient client = OpenAIOkHttpClient.builder()
 *       .baseUrl(model.openAiBaseUrl().toString()).apiKey("none").build();
 *   ... // model("embedded/cut-off"), then model.lastStream().tokensSent()
 * }
 * }</pre>
 *
 * <p>Thread-safe; each request is served on its own daemon thread.
 */
public final class EmbeddedModel implements AutoCloseable {
  private final HttpServer server;
  private final ExecutorService executor;
  private final List<ServedStream> streams = new CopyOnWriteArrayList<>();
  private volatile boolean closed;

  private EmbeddedModel(Builder builder) throws IOException {
    this.executor =
        Executors.newCachedThreadPool(
            task -> {
              Thread thread = new Thread(task, "embedded-model");
              thread.setDaemon(true); // a program's main must be able to end while a stream runs
              return thread;
            });
    this.server =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), builder.port), 0);
    server.createContext(
        "/", new RequestHandler(builder.seed, builder.pace, streams::add, () -> closed));
    server.setExecutor(executor);
    server.start();
  }

  /** Starts a model on 127.0.0.1 at a free port, with seed 0 and no pause between tokens. */
  public static EmbeddedModel start() {
    return builder().start();
  }

  /** Returns a builder for a model with a chosen port, seed or pace. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns the base URL, such as {@code http://127.0.0.1:41234}, without a trailing slash. */
  public URI baseUrl() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  /**
   * Returns {@link #baseUrl()} + {@code /v1}: the base URL that openai-java, LangChain4j and Spring
   * AI take for OpenAI.
   */
  public URI openAiBaseUrl() {
    return URI.create(baseUrl() + "/v1");
  }

  /** Returns {@link #baseUrl()}: anthropic-java appends {@code /v1/messages} itself. */
  public URI anthropicBaseUrl() {
    return baseUrl();
  }

  /** Returns every request served so far, in the order they arrived; an unmodifiable copy. */
  public List<ServedStream> streams() {
    return List.copyOf(streams);
  }

  /**
   * Returns the request that arrived last.
   *
   * @throws IllegalStateException if no request has arrived yet
   */
  public ServedStream lastStream() {
    List<ServedStream> all = streams();
    if (all.isEmpty()) {
      throw new IllegalStateException("no request has reached the embedded model yet");
    }
    return all.get(all.size() - 1);
  }

  /** Stops the server at once, ending any stream in progress ({@code MODEL_CLOSED}). */
  @Override
  public void close() {
    closed = true;
    server.stop(0);
    executor.shutdownNow();
  }

  /** Configures a model before it starts. Not thread-safe. */
  public static final class Builder {
    private int port;
    private long seed;
    private Duration pace = Duration.ZERO;

    private Builder() {}

    /** Sets the port on 127.0.0.1; 0 (the default) takes a free one. */
    public Builder port(int port) {
      if (port < 0 || port > 65_535) {
        throw new IllegalArgumentException("port out of range 0..65535: " + port);
      }
      this.port = port;
      return this;
    }

    /** Sets the seed of the answers (0 by default); a request's own {@code seed} wins. */
    public Builder seed(long seed) {
      this.seed = seed;
      return this;
    }

    /** Sets the pause after each token (zero by default, for tests). */
    public Builder pace(Duration pace) {
      Objects.requireNonNull(pace, "pace == null");
      if (pace.isNegative()) {
        throw new IllegalArgumentException("pace < 0: " + pace);
      }
      this.pace = pace;
      return this;
    }

    /**
     * Starts the model.
     *
     * @throws UncheckedIOException if the server cannot bind its port (the message names it)
     */
    public EmbeddedModel start() {
      try {
        EmbeddedModel model = new EmbeddedModel(this);
        // Loading the o200k vocabulary takes a moment: begin now, while the client is set up.
        model.executor.execute(() -> Splits.tokens(""));
        return model;
      } catch (IOException e) {
        throw new UncheckedIOException(
            "cannot listen on 127.0.0.1:" + port + ": " + e.getMessage(), e);
      }
    }
  }
}
