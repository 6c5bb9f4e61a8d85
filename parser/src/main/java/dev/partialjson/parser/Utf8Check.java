package dev.partialjson.parser;

/**
 * Finds, in the bytes of the root value, the UTF-8 that Jackson's non-blocking parser decodes
 * without complaint though UTF-8 forbids it: the lead bytes C0 and C1 (overlong two-byte forms,
 * {@code C0 AF} read as {@code '/'}) and F5 to F7 (beyond U+10FFFF), and a continuation byte out of
 * range after E0 (overlong three-byte forms), F0 (overlong four-byte forms) or F4 (beyond
 * U+10FFFF). Jackson checks everything else itself: continuation bits, F8 to FF, surrogates (ED A0
 * and up). A byte where a continuation byte is due is left to Jackson too, which reports it there,
 * before any later byte. The parser feeds Jackson up to the byte found and, if Jackson is then
 * inside a string value, refuses the sequence at its first byte, as it does in a key (see {@link
 * KeyCheck}); elsewhere Jackson refuses the byte itself. Carries a sequence over from one delta to
 * the next. Not thread-safe.
 */
final class Utf8Check {
  private int due; // continuation bytes still due in the current sequence
  private int lead; // its lead byte while its second byte is due, where the range depends on it
  private long leadAt; // the lead byte's offset
  private long found = -1;

  /** Returns whether a sequence is open, so that even ASCII input must be looked at. */
  boolean open() {
    return due > 0;
  }

  /**
   * Reads {@code bytes[from, to)}, which begin at input offset {@code at}, from where the last call
   * stopped; returns the index of the byte that shows a sequence to be forbidden, or -1 if none
   * does. That byte is read; {@link #found} gives the sequence's first byte.
   */
  int scan(byte[] bytes, int from, int to, long at) {
    for (int i = from; i < to; i++) {
      int b = bytes[i] & 0xFF;
      if (due > 0) {
        if ((b & 0xC0) != 0x80) {
          due = 0; // not a continuation byte: Jackson refuses it here
          continue;
        }
        due--;
        if (lead != 0) {
          boolean forbidden =
              lead == 0xE0 ? b < 0xA0 : lead == 0xF0 ? b < 0x90 : lead == 0xF4 && b >= 0x90;
          lead = 0;
          if (forbidden) {
            due = 0;
            found = leadAt;
            return i;
          }
        }
        continue;
      }
      if (b < 0xC0) {
        continue; // ASCII, or a stray continuation byte, which Jackson refuses
      }
      if (b <= 0xC1 || (b >= 0xF5 && b <= 0xF7)) {
        found = at + (i - from);
        return i;
      }
      due = b < 0xE0 ? 1 : b < 0xF0 ? 2 : b < 0xF8 ? 3 : 0;
      lead = b == 0xE0 || b == 0xF0 || b == 0xF4 ? b : 0;
      leadAt = at + (i - from);
    }
    return -1;
  }

  /** Returns the input offset of the first byte of the sequence the last {@link #scan} found. */
  long found() {
    return found;
  }
}
