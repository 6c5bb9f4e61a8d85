package dev.partialjson.parser;

/**
 * Receives the model's reasoning, the channel beside its answer: the text of a {@code <think>} or
 * {@code <thinking>} block before the answer's JSON (with {@link ParserOptions.Text#MODEL_OUTPUT}),
 * and whatever the caller feeds through {@link IncrementalJsonParser#feedReasoning} (a provider's
 * reasoning deltas: {@code reasoning_content} from an OpenAI-compatible server, a reasoning summary
 * of the OpenAI Responses API, an Anthropic thinking block). Every {@link JsonListener} is one, so
 * a listener that wants both channels implements one interface and gets them in arrival order.
 *
 * <p>Reasoning comes in segments: {@link #reasoningStart}, zero or more non-empty {@link
 * #reasoningDelta deltas}, {@link #reasoningEnd}; segments never nest or overlap, and a stream may
 * hold several (a model that thinks again between two tool calls). A delta never ends between the
 * two halves of a surrogate pair, nor inside a UTF-8 character of a think block, and never holds
 * the block's tags. Every method has an empty default.
 *
 * <pre>{@code
 * parser = IncrementalJsonParser.create(new JsonListener() {
 *   @Override public void reasoningDelta(CharSequence delta) { ui.appendThought(delta.toString()); }
 *   @Override public void reasoningEnd() { ui.collapseThoughts(); }
 *   @Override public void stringDelta(JsonPath path, CharSequence delta) { ... the answer ... }
 * });
 * }</pre>
 */
public interface ReasoningListener {

  /** Called when a segment of reasoning begins, before its first delta. */
  default void reasoningStart() {}

  /**
   * Called when the open segment grows by {@code delta} (never empty). The sequence is valid only
   * during the call and may be reused afterwards: call {@code toString()} to keep it.
   */
  default void reasoningDelta(CharSequence delta) {}

  /**
   * Called when the open segment ends: at the closing tag of a think block; for fed reasoning, at
   * {@link IncrementalJsonParser#endReasoning()}, at the answer's next byte, or at {@code finish()}
   * (also one that throws because the input was incomplete).
   */
  default void reasoningEnd() {}
}
