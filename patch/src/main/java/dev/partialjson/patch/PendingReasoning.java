package dev.partialjson.patch;

/**
 * The reasoning a {@link PatchBatcher} holds between two releases: whether a segment is open (as
 * the batcher was told), whether its start has gone out, and the text that has not. A release may
 * keep a high surrogate at the end of the text back, so that no release ends inside a surrogate
 * pair; then the text holds that one char. Not thread-safe.
 */
final class PendingReasoning {
  private boolean open;
  private boolean startPending;
  private final StringBuilder text = new StringBuilder();

  /** Returns whether a segment is open. */
  boolean isOpen() {
    return open;
  }

  /** Returns whether anything waits: the start, or text (perhaps a held high surrogate alone). */
  boolean isPending() {
    return startPending || text.length() > 0;
  }

  /** Opens a segment, whose start goes out with the next release. */
  void start() {
    open = true;
    startPending = true;
  }

  /** Adds a piece of the open segment's text. */
  void append(CharSequence piece) {
    text.append(piece);
  }

  /**
   * Sends the start if it waits, then the text; unless {@code whole}, a high surrogate at the end
   * of the text stays back for its low half. Returns whether anything went out.
   */
  boolean release(PatchBatcher.Listener listener, boolean whole) {
    boolean sent = false;
    if (startPending) {
      startPending = false;
      listener.reasoningStart();
      sent = true;
    }
    int n = text.length();
    int held = !whole && n > 0 && Character.isHighSurrogate(text.charAt(n - 1)) ? 1 : 0;
    if (n - held > 0) {
      String piece = text.substring(0, n - held);
      text.delete(0, n - held); // what stays is at most the one held char
      listener.reasoning(piece);
      sent = true;
    }
    return sent;
  }

  /** Sends everything that waits, then the end of the segment. */
  void end(PatchBatcher.Listener listener) {
    release(listener, true);
    open = false;
    listener.reasoningEnd();
  }
}
