package dev.partialjson.binding.spi;

import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * A recording of JSON tokens in the Jackson's own token buffer, which its databind binds without
 * the text being parsed again. Written in document order; a value bound before can be written as
 * one embedded-object token, which a plain bean deserializer takes as it is.
 *
 * <p>Part of the port between the binding logic and a Jackson; not for applications. Confined to
 * one thread at a time.
 */
public interface Tokens {
  void startObject();

  void endObject();

  void startArray();

  void endArray();

  void fieldName(String name);

  void nullValue();

  void string(String value);

  void bool(boolean value);

  void number(int value);

  void number(long value);

  void number(BigInteger value);

  void number(BigDecimal value);

  /** Writes a number given as its text (a type the parser does not produce today). */
  void numberText(String value);

  /** Writes {@code value}, bound before, as one embedded-object token. */
  void embedded(Object value);

  /**
   * Writes every token of this recording to {@code out}, in order, except that for each embedded
   * object {@code embedded} is called (with its index among the embedded objects) instead, when it
   * is not null.
   */
  void replay(Tokens out, EmbeddedHandler embedded);

  /** What {@link #replay} does at an embedded object. */
  @FunctionalInterface
  interface EmbeddedHandler {
    /** Copies the embedded object itself to {@code out}. */
    EmbeddedHandler COPY = (index, value, out) -> out.embedded(value);

    void at(int index, Object value, Tokens out);
  }
}
