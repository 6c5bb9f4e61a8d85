package dev.partialjson.parser;

import org.jspecify.annotations.Nullable;

/**
 * The string still growing, as a snapshot shows it: the first {@code length} chars of an
 * append-only array, turned into a {@code String} only when the snapshot is read there, then kept.
 * Taking a snapshot after every delta thus costs nothing for the string; reading it costs its
 * length once. Immutable and thread-safe: the chars read were written before construction and are
 * never written again, and a racing first read at worst builds the same string twice.
 */
final class OpenText {
  private final char[] chars;
  private final int length;
  private @Nullable String value;

  OpenText(char[] chars, int length) {
    this.chars = chars;
    this.length = length;
  }

  /** Returns {@code value} itself, or the text if it is an {@code OpenText}. */
  static @Nullable Object resolve(@Nullable Object value) {
    return value instanceof OpenText ? ((OpenText) value).toString() : value;
  }

  @Override
  public String toString() {
    String s = value;
    if (s == null) {
      s = new String(chars, 0, length);
      value = s;
    }
    return s;
  }
}
