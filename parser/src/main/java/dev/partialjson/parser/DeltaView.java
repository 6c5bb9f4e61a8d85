package dev.partialjson.parser;

/**
 * A reusable window onto chars that the parser hands to {@link JsonListener#stringDelta}: the delta
 * is read in place from Jackson's buffer (or a scratch copy where it spans two segments), so a
 * delta costs no allocation. Valid only during the callback. Not thread-safe.
 */
final class DeltaView implements CharSequence {
  private char[] chars = new char[0];
  private int start;
  private int length;

  DeltaView set(char[] chars, int start, int end) {
    this.chars = chars;
    this.start = start;
    this.length = end - start;
    return this;
  }

  @Override
  public int length() {
    return length;
  }

  @Override
  public char charAt(int index) {
    if (index < 0 || index >= length) {
      throw new IndexOutOfBoundsException("index " + index + ", length " + length);
    }
    return chars[start + index];
  }

  @Override
  public CharSequence subSequence(int from, int to) {
    if (from < 0 || to > length || from > to) {
      throw new IndexOutOfBoundsException("from " + from + ", to " + to + ", length " + length);
    }
    return new String(chars, start + from, to - from);
  }

  @Override
  public String toString() {
    return new String(chars, start, length);
  }
}
