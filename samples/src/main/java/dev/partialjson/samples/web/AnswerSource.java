package dev.partialjson.samples.web;

import java.io.IOException;

/**
 * Where the deltas of a model's answer come from: a scripted answer played at a pace, or a model
 * server. Implementations say whether they are thread-safe.
 */
@FunctionalInterface
interface AnswerSource {

  /** Receives one delta; throws when the browser has gone, which ends the stream. */
  @FunctionalInterface
  interface Sink {
    void accept(String delta) throws IOException;
  }

  /**
   * Streams the answer's deltas to {@code sink}, in order, returning when the answer ends.
   *
   * @throws IOException if the model cannot be reached, or the sink's own exception
   * @throws InterruptedException if the thread is interrupted while waiting for a delta
   */
  void stream(Sink sink) throws IOException, InterruptedException;

  /**
   * Returns a source that plays {@code answer}'s deltas with {@code millisPerToken} before each.
   */
  static AnswerSource scripted(ScriptedAnswer answer, long millisPerToken) {
    return sink -> {
      for (String delta : answer.deltas()) {
        if (millisPerToken > 0) {
          Thread.sleep(millisPerToken);
        }
        sink.accept(delta);
      }
    };
  }
}
