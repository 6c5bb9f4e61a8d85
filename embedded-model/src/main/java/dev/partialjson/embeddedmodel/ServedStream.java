package dev.partialjson.embeddedmodel;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;

/**
 * One request that the {@link EmbeddedModel} served (or is serving): what was asked, the scenario
 * it got, how many answer tokens went out, and how it ended. A test reads it to see what the server
 * saw, such as a client that cancelled mid-stream.
 *
 * <pre>{@code
 * ServedStream served = model.lastStream();
 * assertThat(served.awaitEnd(Duration.ofSeconds(5))).isEqualTo(Ending.CANCELLED_BY_CLIENT);
 * }</pre>
 *
 * <p>Thread-safe: the server's thread writes it while tests read it.
 */
public final class ServedStream {

  /** How a served request ended. */
  public enum Ending {
    /** The whole answer (or error) was written. */
    COMPLETED,
    /** Writing failed because the client closed the connection before the answer's end. */
    CANCELLED_BY_CLIENT,
    /** The model was closed while the answer was being written. */
    MODEL_CLOSED
  }

  private final String path;
  private final String requestBody;
  private final Scenario scenario;
  private final @Nullable String replay;
  private final AtomicInteger tokensSent = new AtomicInteger();
  private final CountDownLatch ended = new CountDownLatch(1);
  private volatile @Nullable Ending ending;
  private volatile int status;

  ServedStream(String path, String requestBody, Scenario scenario, @Nullable String replay) {
    this.path = Objects.requireNonNull(path, "path == null");
    this.requestBody = Objects.requireNonNull(requestBody, "requestBody == null");
    this.scenario = Objects.requireNonNull(scenario, "scenario == null");
    this.replay = replay;
  }

  /** Returns the request's path, such as {@code /v1/chat/completions}. */
  public String path() {
    return path;
  }

  /** Returns the request's body as the client sent it (UTF-8 decoded). */
  public String requestBody() {
    return requestBody;
  }

  /** Returns the scenario the request got ({@link Scenario#VALID} for an error answer). */
  public Scenario scenario() {
    return scenario;
  }

  /** Returns the recording's name when the scenario is {@link Scenario#REPLAY}, else empty. */
  public Optional<String> replay() {
    return Optional.ofNullable(replay);
  }

  /**
   * Returns how many answer tokens were written so far, summed over the choices; a replay counts
   * its events.
   */
  public int tokensSent() {
    return tokensSent.get();
  }

  /** Returns the HTTP status sent, or 0 before the headers went out. */
  public int status() {
    return status;
  }

  /** Returns how the request ended, or empty while it is still being served. */
  public Optional<Ending> ending() {
    return Optional.ofNullable(ending);
  }

  /**
   * Waits until the request has ended and returns how.
   *
   * @throws IllegalStateException if it has not ended within {@code timeout}; the message names the
   *     timeout and how many tokens were sent
   * @throws InterruptedException if interrupted while waiting
   */
  public Ending awaitEnd(Duration timeout) throws InterruptedException {
    Objects.requireNonNull(timeout, "timeout == null");
    if (!ended.await(timeout.toNanos(), TimeUnit.NANOSECONDS)) {
      throw new IllegalStateException(
          "the stream of "
              + path
              + " has not ended within "
              + timeout
              + " ("
              + tokensSent()
              + " tokens sent)");
    }
    return Objects.requireNonNull(ending, "set before the latch opens");
  }

  void tokenSent() {
    tokensSent.incrementAndGet();
  }

  void status(int status) {
    this.status = status;
  }

  void end(Ending how) {
    if (ending == null) {
      ending = how;
      ended.countDown();
    }
  }

  @Override
  public String toString() {
    return "ServedStream["
        + path
        + ", "
        + scenario.id()
        + ", "
        + tokensSent()
        + " tokens, "
        + ending
        + "]";
  }
}
