package dev.partialjson.openai;

/**
 * Receives text that is not the answer as it streams: reasoning, a refusal, or plain content of a
 * choice that has no binder. Called on the thread that reads the stream, in order; the pieces of
 * one index concatenate to the whole text.
 */
@FunctionalInterface
public interface DeltaListener {
  /**
   * Called with the next piece of text.
   *
   * @param index the choice's index (Chat Completions) or the output item's {@code output_index}
   *     (Responses)
   * @param delta the new piece, never empty
   */
  void onDelta(int index, String delta);
}
