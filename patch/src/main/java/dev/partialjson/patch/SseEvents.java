package dev.partialjson.patch;

import java.util.Objects;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * The patch stream as plain server-sent events (the {@code text/event-stream} format), one event
 * per batch, which the JavaScript client ({@link PatchClient}) reads with an {@code EventSource}:
 *
 * <pre>
 * event: patch
 * data: [{"op":"add","path":"","value":{}},{"op":"add","path":"/title","value":"Hel"}]
 *
 * event: end
 * data: {}
 * </pre>
 *
 * <p>The events are {@code snapshot} (the whole value, for a client that joins late), {@code patch}
 * (a batch, a JSON Patch array that may hold {@code append}), {@code end} and {@code failed} (with
 * {@code {"message":...}}; not {@code error}, which an {@code EventSource} uses for its own
 * connection errors). The model's reasoning comes as {@code reasoning-start} ({@code {}}), {@code
 * reasoning} (the next part of its text, {@code {"delta":...}}) and {@code reasoning-end} ({@code
 * {}}), in order with the batches; a stream may hold several segments. The JSON is on one line:
 * this module escapes every line break. Stateless and thread-safe.
 */
public final class SseEvents {
  private SseEvents() {}

  /** Returns the {@code patch} event of {@code batch}. */
  public static String patch(PatchBatch batch) {
    Objects.requireNonNull(batch, "batch == null");
    return event("patch", batch.toJson());
  }

  /**
   * Returns the {@code snapshot} event of {@code value} (a snapshot's {@code value()}, say).
   *
   * @throws IllegalArgumentException if {@code value} holds something that is not a JSON value
   */
  public static String snapshot(@Nullable Object value) {
    return event("snapshot", Json.write(value));
  }

  /** Returns the {@code end} event. */
  public static String end() {
    return event("end", "{}");
  }

  /** Returns the {@code failed} event, with {@code {"message":...}}. */
  public static String failed(String message) {
    Objects.requireNonNull(message, "message == null");
    StringBuilder data = new StringBuilder("{\"message\":");
    Json.string(data, message);
    return event("failed", data.append('}').toString());
  }

  /**
   * Returns a batcher listener that writes each batch, the reasoning, the end and the error (its
   * message) as events to {@code out}.
   */
  public static PatchBatcher.Listener writer(Consumer<String> out) {
    Objects.requireNonNull(out, "out == null");
    return new PatchBatcher.Listener() {
      @Override
      public void batch(PatchBatch batch) {
        out.accept(patch(batch));
      }

      @Override
      public void reasoningStart() {
        out.accept(SseEvents.reasoningStart());
      }

      @Override
      public void reasoning(String text) {
        out.accept(SseEvents.reasoning(text));
      }

      @Override
      public void reasoningEnd() {
        out.accept(SseEvents.reasoningEnd());
      }

      @Override
      public void end() {
        out.accept(SseEvents.end());
      }

      @Override
      public void error(Throwable error) {
        out.accept(failed(String.valueOf(error.getMessage())));
      }
    };
  }

  /** Returns the {@code reasoning-start} event. */
  public static String reasoningStart() {
    return event("reasoning-start", "{}");
  }

  /** Returns the {@code reasoning} event, with {@code {"delta":...}}. */
  public static String reasoning(String delta) {
    Objects.requireNonNull(delta, "delta == null");
    StringBuilder data = new StringBuilder("{\"delta\":");
    Json.string(data, delta);
    return event("reasoning", data.append('}').toString());
  }

  /** Returns the {@code reasoning-end} event. */
  public static String reasoningEnd() {
    return event("reasoning-end", "{}");
  }

  private static String event(String name, String data) {
    return "event: " + name + "\ndata: " + data + "\n\n";
  }
}
