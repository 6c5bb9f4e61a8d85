package dev.partialjson.parser;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.jspecify.annotations.Nullable;

/**
 * The number Jackson's current token holds, as the event layer reports it: a {@link NumberView}
 * whose exact value is made only when read, while the token is still Jackson's current one (during
 * the event). One per parser, reused for every number. Not thread-safe.
 *
 * <p>Reading a number can fail only where its exponent is too large for {@link
 * java.math.BigDecimal} ({@code 1e99999999999}); that is an error of the input, which must come at
 * the same place whatever the listener reads. So a number with an exponent is read before its event
 * ({@link #open} returns false if it cannot be); an integer, or a decimal without an exponent,
 * always can be, and is read only when asked.
 */
final class CurrentNumber implements NumberView {
  private final FeedingParser jackson;
  private boolean integral;
  private @Nullable Number value;
  private boolean live; // inside the event

  CurrentNumber(FeedingParser jackson) {
    this.jackson = jackson;
  }

  /**
   * Makes this the number of Jackson's current token, {@code integral} if it is an integer token.
   *
   * @throws NumberFormatException or {@link ArithmeticException} if a number with an exponent
   *     cannot be held by {@code BigDecimal}
   */
  void open(boolean integral) throws IOException {
    this.integral = integral;
    this.value = integral || !hasExponent() ? null : jackson.getNumberValueExact();
    this.live = true;
  }

  /** Ends the event: from now on this view refuses to be read. */
  void close() {
    live = false;
    value = null;
  }

  private boolean hasExponent() throws IOException {
    char[] text = jackson.getTextCharacters();
    int end = jackson.getTextOffset() + jackson.getTextLength();
    for (int i = jackson.getTextOffset(); i < end; i++) {
      char c = text[i];
      if (c == 'e' || c == 'E') {
        return true;
      }
    }
    return false;
  }

  @Override
  public Number value() {
    checkLive();
    Number exact = value;
    if (exact == null) {
      try {
        exact = jackson.getNumberValueExact(); // cannot fail without an exponent (see above)
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      value = exact;
    }
    return exact;
  }

  @Override
  public boolean isIntegral() {
    checkLive();
    return integral;
  }

  @Override
  public String toString() {
    checkLive();
    try {
      return jackson.getText();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void checkLive() {
    if (!live) {
      throw new IllegalStateException(
          "a NumberView is valid only during the callback that receives it: call value() there to"
              + " keep the number");
    }
  }
}
