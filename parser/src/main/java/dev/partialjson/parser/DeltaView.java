package dev.partialjson.parser;

/**
 * A reusable window onto chars that the parser hands to {@link JsonListener#stringDelta}: the delta
 * is read in place from Jackson's buffer (or a scratch copy where it spans two segments), so a
 * delta costs no allocation. Valid only during the callback. Not thread-safe.
 */
final class DeltaView extends DeltaChars {
  private char[] chars = new char[0];
  private int start;

  DeltaView set(char[] chars, int start, int end) {
    this.chars = chars;
    this.start = start;
    this.length = end - start;
    return this;
  }

  @Override
  char at(int index) {
    return chars[start + index];
  }

  @Override
  String text(int from, int to) {
    return new String(chars, start + from, to - from);
  }

  @Override
  void copyTo(char[] out, int at) {
    System.arraycopy(chars, start, out, at, length);
  }
}
