package dev.partialjson.patch;

import java.util.Objects;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * The patch stream as AG-UI (Agent-User Interaction protocol) events: the state of a run is the
 * document, {@code STATE_SNAPSHOT} carries it whole ({@code snapshot}) and {@code STATE_DELTA} a
 * batch as an RFC 6902 JSON Patch array ({@code delta}); the run is framed by {@code RUN_STARTED}
 * and {@code RUN_FINISHED} ({@code threadId}, {@code runId}) or ends with {@code RUN_ERROR} ({@code
 * message}). Type and field names are the protocol's, in its JSON form (camelCase). Over HTTP, each
 * event is one server-sent event, {@code data: <json>} and a blank line, as AG-UI's own encoder
 * writes it ({@link #sse}).
 *
 * <p>The model's reasoning goes as AG-UI's reasoning events, each with the {@code messageId} of its
 * segment: {@code REASONING_START}, {@code REASONING_MESSAGE_START} ({@code role} {@code
 * "reasoning"}), a {@code REASONING_MESSAGE_CONTENT} ({@code delta}) per release of text, {@code
 * REASONING_MESSAGE_END}, {@code REASONING_END}.
 *
 * <pre>{@code
 * PatchBatcher batcher = PatchBatcher.builder()
 *     .strings(PatchBatcher.Strings.REPLACE) // AG-UI clients apply plain RFC 6902
 *     .build(AgUiEvents.writer(out::write, threadId, runId));
 * }</pre>
 *
 * <p>AG-UI clients apply a delta with a JSON Patch library that rejects an operation it does not
 * know, so {@link #stateDelta} refuses {@code append}: build the batcher with {@link
 * PatchBatcher.Strings#REPLACE}. The first operation of a stream replaces the root ({@code add} at
 * path {@code ""}), so the state the client held before is replaced by the document. Stateless and
 * thread-safe.
 */
public final class AgUiEvents {
  private AgUiEvents() {}

  /**
   * Returns {@code {"type":"STATE_SNAPSHOT","snapshot":...}}.
   *
   * @throws IllegalArgumentException if {@code state} holds something that is not a JSON value
   */
  public static String stateSnapshot(@Nullable Object state) {
    StringBuilder out = new StringBuilder("{\"type\":\"STATE_SNAPSHOT\",\"snapshot\":");
    Json.value(out, state);
    return out.append('}').toString();
  }

  /**
   * Returns {@code {"type":"STATE_DELTA","delta":[...]}}.
   *
   * @throws IllegalArgumentException if the batch holds an {@code append}, which is not RFC 6902
   */
  public static String stateDelta(PatchBatch batch) {
    Objects.requireNonNull(batch, "batch == null");
    for (PatchOperation op : batch.operations()) {
      if (op.op() == PatchOperation.Op.APPEND) {
        throw new IllegalArgumentException(
            "AG-UI state deltas are RFC 6902, which has no append (at "
                + op.path()
                + "): build the batcher with PatchBatcher.Strings.REPLACE");
      }
    }
    StringBuilder out = new StringBuilder("{\"type\":\"STATE_DELTA\",\"delta\":");
    Json.operations(out, batch.operations());
    return out.append('}').toString();
  }

  /** Returns {@code {"type":"RUN_STARTED","threadId":...,"runId":...}}. */
  public static String runStarted(String threadId, String runId) {
    return run("RUN_STARTED", threadId, runId);
  }

  /** Returns {@code {"type":"RUN_FINISHED","threadId":...,"runId":...}}. */
  public static String runFinished(String threadId, String runId) {
    return run("RUN_FINISHED", threadId, runId);
  }

  /** Returns {@code {"type":"RUN_ERROR","message":...}}. */
  public static String runError(String message) {
    Objects.requireNonNull(message, "message == null");
    StringBuilder out = new StringBuilder("{\"type\":\"RUN_ERROR\",\"message\":");
    Json.string(out, message);
    return out.append('}').toString();
  }

  /** Returns {@code {"type":"REASONING_START","messageId":...}}. */
  public static String reasoningStart(String messageId) {
    return message("REASONING_START", messageId).append('}').toString();
  }

  /** Returns {@code {"type":"REASONING_MESSAGE_START","messageId":...,"role":"reasoning"}}. */
  public static String reasoningMessageStart(String messageId) {
    return message("REASONING_MESSAGE_START", messageId)
        .append(",\"role\":\"reasoning\"}")
        .toString();
  }

  /**
   * Returns {@code {"type":"REASONING_MESSAGE_CONTENT","messageId":...,"delta":...}}.
   *
   * @throws IllegalArgumentException if {@code delta} is empty, which AG-UI does not allow
   */
  public static String reasoningMessageContent(String messageId, String delta) {
    Objects.requireNonNull(delta, "delta == null");
    if (delta.isEmpty()) {
      throw new IllegalArgumentException("an AG-UI content delta is never empty");
    }
    StringBuilder out = message("REASONING_MESSAGE_CONTENT", messageId).append(",\"delta\":");
    Json.string(out, delta);
    return out.append('}').toString();
  }

  /** Returns {@code {"type":"REASONING_MESSAGE_END","messageId":...}}. */
  public static String reasoningMessageEnd(String messageId) {
    return message("REASONING_MESSAGE_END", messageId).append('}').toString();
  }

  /** Returns {@code {"type":"REASONING_END","messageId":...}}. */
  public static String reasoningEnd(String messageId) {
    return message("REASONING_END", messageId).append('}').toString();
  }

  private static StringBuilder message(String type, String messageId) {
    Objects.requireNonNull(messageId, "messageId == null");
    StringBuilder out = new StringBuilder("{\"type\":\"").append(type).append("\",\"messageId\":");
    Json.string(out, messageId);
    return out;
  }

  /** Returns {@code event} (one line of JSON) as a server-sent event: {@code data: <json>\n\n}. */
  public static String sse(String event) {
    Objects.requireNonNull(event, "event == null");
    if (event.indexOf('\n') >= 0 || event.indexOf('\r') >= 0) {
      throw new IllegalArgumentException("an event must be one line of JSON");
    }
    return "data: " + event + "\n\n";
  }

  /**
   * Returns a batcher listener that writes a run as server-sent events to {@code out}: {@code
   * RUN_STARTED} before anything else, a {@code STATE_DELTA} per batch and the reasoning events in
   * order with them, then {@code RUN_FINISHED}, or {@code RUN_ERROR} with the error's message. The
   * {@code messageId} of the n-th segment of reasoning is {@code runId + "-reasoning-" + n}, from
   * 1.
   */
  public static PatchBatcher.Listener writer(Consumer<String> out, String threadId, String runId) {
    Objects.requireNonNull(out, "out == null");
    Objects.requireNonNull(threadId, "threadId == null");
    Objects.requireNonNull(runId, "runId == null");
    return new PatchBatcher.Listener() {
      private boolean started;
      private int segments;
      private String messageId = "";

      private void start() {
        if (!started) {
          started = true;
          out.accept(sse(runStarted(threadId, runId)));
        }
      }

      @Override
      public void batch(PatchBatch batch) {
        start();
        out.accept(sse(stateDelta(batch)));
      }

      @Override
      public void reasoningStart() {
        start();
        messageId = runId + "-reasoning-" + ++segments;
        out.accept(sse(AgUiEvents.reasoningStart(messageId)));
        out.accept(sse(reasoningMessageStart(messageId)));
      }

      @Override
      public void reasoning(String text) {
        out.accept(sse(reasoningMessageContent(messageId, text)));
      }

      @Override
      public void reasoningEnd() {
        out.accept(sse(reasoningMessageEnd(messageId)));
        out.accept(sse(AgUiEvents.reasoningEnd(messageId)));
      }

      @Override
      public void end() {
        start();
        out.accept(sse(runFinished(threadId, runId)));
      }

      @Override
      public void error(Throwable error) {
        start();
        out.accept(sse(runError(String.valueOf(error.getMessage()))));
      }
    };
  }

  private static String run(String type, String threadId, String runId) {
    Objects.requireNonNull(threadId, "threadId == null");
    Objects.requireNonNull(runId, "runId == null");
    StringBuilder out = new StringBuilder("{\"type\":\"").append(type).append("\",\"threadId\":");
    Json.string(out, threadId);
    out.append(",\"runId\":");
    Json.string(out, runId);
    return out.append('}').toString();
  }
}
