package dev.partialjson.parser;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The reasoning channel of one parser: opens and ends segments and hands their text to the
 * listener, from the two places reasoning comes from. A think block in the text arrives as bytes
 * (from {@link PrefixSkipper}): they are held until they can be decoded whole, and the bytes that
 * might begin the closing tag are held until the tag is known to be one or not. Fed reasoning
 * arrives as chars: a high surrogate at the end of a piece waits for its low half. Not thread-safe.
 */
final class ReasoningStream {
  private static final byte[] NO_BYTES = {};
  // the longest closing tag: a held suffix is a proper prefix of it ("</think" is one, too)
  private static final byte[] CLOSING = "</thinking>".getBytes(StandardCharsets.US_ASCII);

  private final CursorListener listener;
  private boolean open;
  private boolean inline; // the open segment is a think block of the text
  private char heldHigh; // a fed piece's last char, a high surrogate, or 0
  private byte[] bytes = NO_BYTES; // a think block's bytes not yet handed over
  private int length;
  private long chars;

  ReasoningStream(CursorListener listener) {
    this.listener = listener;
  }

  /** Returns whether a segment fed by the caller is open: the answer's next byte ends it. */
  boolean fedOpen() {
    return open && !inline;
  }

  /** Returns how many chars of reasoning the listener was handed. */
  long chars() {
    return chars;
  }

  /** Feeds a piece of reasoning the caller had apart from the text. */
  void feed(CharSequence text) {
    int n = text.length();
    if (n == 0) {
      return;
    }
    start(false);
    boolean endsHigh = Character.isHighSurrogate(text.charAt(n - 1));
    CharSequence piece = text;
    if (heldHigh != 0) {
      piece = heldHigh + text.subSequence(0, endsHigh ? n - 1 : n).toString();
      heldHigh = 0;
    } else if (endsHigh) {
      piece = text.subSequence(0, n - 1);
    }
    if (endsHigh) {
      heldHigh = text.charAt(n - 1);
    }
    deliver(piece);
  }

  /** Ends a segment the caller fed, if one is open. */
  void endFed() {
    if (fedOpen()) {
      end();
    }
  }

  /** A think block's opening tag arrived. */
  void openBlock() {
    start(true);
  }

  /** A byte inside a think block arrived. */
  void blockByte(byte b) {
    if (length == bytes.length) {
      bytes = Arrays.copyOf(bytes, Math.max(64, 2 * length));
    }
    bytes[length++] = b;
  }

  /** The closing tag, whose bytes were the last {@code tagLength} taken, arrived. */
  void closeBlock(int tagLength) {
    length -= tagLength;
    deliverBytes(length);
    end();
  }

  /**
   * Hands over the block's bytes that are known to be text: all but an unfinished UTF-8 character
   * and a possible start of the closing tag at the end.
   */
  void flushBlock() {
    if (length > 0) {
      deliverBytes(safeLength());
    }
  }

  /** The input ended: hands over all that is held and ends the open segment. */
  void finish() {
    if (open) {
      end();
    }
  }

  private void start(boolean block) {
    if (!open) {
      open = true;
      inline = block;
      listener.reasoningStart();
    }
  }

  private void end() {
    if (heldHigh != 0 || length > 0) {
      finishHeld();
    }
    open = false;
    listener.reasoningEnd();
  }

  /** Hands over what waited for more: an unpaired surrogate or a cut character stays as it is. */
  private void finishHeld() {
    char high = heldHigh;
    heldHigh = 0;
    if (high != 0) {
      deliver(String.valueOf(high));
    }
    deliverBytes(length);
  }

  private int safeLength() {
    int lt = -1;
    for (int i = length - 1; i >= 0 && i > length - CLOSING.length; i--) {
      if (bytes[i] == '<') {
        lt = i;
        break;
      }
    }
    if (lt >= 0 && startsClosing(lt)) {
      return lt; // the held part is ASCII, so what is before it ends a character
    }
    return length - unfinishedTail();
  }

  private boolean startsClosing(int from) {
    for (int i = from; i < length; i++) {
      if (bytes[i] != CLOSING[i - from]) {
        return false;
      }
    }
    return true;
  }

  /** Returns how many bytes at the end begin a UTF-8 character that is not complete yet. */
  private int unfinishedTail() {
    for (int back = 1; back <= 3 && back <= length; back++) {
      int b = bytes[length - back] & 0xFF;
      if ((b & 0xC0) != 0x80) { // a lead byte (or ASCII): how long is its character?
        int needed = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC0 ? 2 : 1;
        return needed > back ? back : 0;
      }
    }
    return 0;
  }

  private void deliverBytes(int count) {
    if (count <= 0) {
      return;
    }
    String text = new String(bytes, 0, count, StandardCharsets.UTF_8);
    System.arraycopy(bytes, count, bytes, 0, length - count);
    length -= count;
    deliver(text);
  }

  private void deliver(CharSequence piece) {
    if (piece.length() > 0) {
      chars += piece.length();
      listener.reasoningDelta(piece);
    }
  }
}
