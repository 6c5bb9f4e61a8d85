package dev.partialjson.embeddedmodel;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * Writes server-sent events to one response and flushes each, so that the client sees every token
 * when it is sent; counts the answer's tokens on the {@link ServedStream} and waits the pace after
 * each. A failed write (the client has gone) surfaces as the {@link IOException} that ends the
 * stream. Not thread-safe; one per request.
 */
final class EventSink {
  static final ObjectMapper MAPPER = new ObjectMapper();

  private final OutputStream body;
  private final ServedStream served;
  private final Duration pace;

  EventSink(OutputStream body, ServedStream served, Duration pace) {
    this.body = body;
    this.served = served;
    this.pace = pace;
  }

  /** Writes {@code data: <json>} with an {@code event:} line when {@code type} is not null. */
  void event(@Nullable String type, ObjectNode data) throws IOException {
    data(type, MAPPER.writeValueAsString(data));
  }

  /** Writes one event whose data is a single line. */
  void data(@Nullable String type, String data) throws IOException {
    String event = (type == null ? "" : "event: " + type + "\n") + "data: " + data + "\n\n";
    raw(event.getBytes(StandardCharsets.UTF_8));
  }

  /** Writes bytes as they are and flushes them. */
  void raw(byte[] bytes) throws IOException {
    body.write(bytes);
    body.flush();
  }

  /** Counts {@code count} answer tokens as sent, then waits the pace. */
  void tokensSent(int count) throws IOException {
    for (int i = 0; i < count; i++) {
      served.tokenSent();
    }
    pause();
  }

  /** Waits the pace; an interrupt (the model closing) ends the stream. */
  void pause() throws IOException {
    if (pace.isZero()) {
      return;
    }
    try {
      Thread.sleep(pace.toMillis(), pace.toNanosPart() % 1_000_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ModelClosedException();
    }
  }

  /** Thrown inside a stream when the model is closed while it is being written. */
  static final class ModelClosedException extends IOException {
    private static final long serialVersionUID = 1L;

    ModelClosedException() {
      super("the model was closed");
    }
  }
}
