package dev.partialjson.parser;

/**
 * A delta as the listener sees it: the bounds checks of {@link CharSequence} over chars kept
 * elsewhere, {@link #length} of them. Subclasses say where the chars are. Not thread-safe.
 */
abstract class DeltaChars implements CharSequence {
  int length;

  /** Returns the char at {@code index}, which is within the length. */
  abstract char at(int index);

  /** Returns the chars from {@code from} to {@code to}, within the length, as a new string. */
  abstract String text(int from, int to);

  /** Copies all {@link #length} chars into {@code out} from {@code at}, which has room for them. */
  abstract void copyTo(char[] out, int at);

  @Override
  public final int length() {
    return length;
  }

  @Override
  public final char charAt(int index) {
    if (index < 0 || index >= length) {
      throw new IndexOutOfBoundsException("index " + index + ", length " + length);
    }
    return at(index);
  }

  @Override
  public final CharSequence subSequence(int from, int to) {
    if (from < 0 || to > length || from > to) {
      throw new IndexOutOfBoundsException("from " + from + ", to " + to + ", length " + length);
    }
    return text(from, to);
  }

  @Override
  public final String toString() {
    return text(0, length);
  }
}
