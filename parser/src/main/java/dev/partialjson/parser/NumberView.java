package dev.partialjson.parser;

/**
 * A complete number as a {@link CursorListener} receives it: read in place, made into a {@link
 * Number} only when {@link #value()} is called, so that a listener that skips numbers, or reads
 * only some, pays for none of the others.
 *
 * <p>Valid only during the callback that receives it: afterwards every method throws {@link
 * IllegalStateException}; call {@link #value()} in the callback to keep the number. Not
 * thread-safe, like the parser; only the parser implements it.
 *
 * <pre>{@code
 * public void numberValue(PathCursor at, NumberView number) {
 *   if (at.matches(SCORE)) scores.add((BigDecimal) number.value());
 * }
 * }</pre>
 */
public sealed interface NumberView permits CurrentNumber {

  /**
   * Returns the number exactly, as {@link JsonListener#numberValue} gets it: an {@link Integer},
   * {@link Long} or {@link java.math.BigInteger} for an integer, whichever is the smallest that
   * holds it, and a {@link java.math.BigDecimal} for a number with a fraction or an exponent. Made
   * at the first call; later calls in the same callback return the same object.
   *
   * @throws IllegalStateException if called after the callback
   */
  Number value();

  /**
   * Returns true if the number has neither a fraction nor an exponent, so that {@link #value()} is
   * an {@code Integer}, {@code Long} or {@code BigInteger}.
   *
   * @throws IllegalStateException if called after the callback
   */
  boolean isIntegral();

  /**
   * Returns the number's text as it stands in the JSON, for example {@code -12.50e3}.
   *
   * @throws IllegalStateException if called after the callback
   */
  @Override
  String toString();
}
