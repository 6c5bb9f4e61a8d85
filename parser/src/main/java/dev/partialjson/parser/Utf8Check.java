package dev.partialjson.parser;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

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
  private static final VarHandle LONGS =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
  private static final long HIGHS = 0x8080808080808080L;

  private int due; // continuation bytes of the current sequence still to come
  private int lead; // its lead byte while its second byte is to come, if E0, F0 or F4
  private long leadAt; // that lead byte's offset
  private long found = -1;

  /** Returns whether a sequence is open, so that even ASCII input must be looked at. */
  boolean open() {
    return due > 0;
  }

  /**
   * Reads {@code bytes[from, to)}, which begin at input offset {@code at}, from where the last call
   * stopped; returns the index of the byte that shows a sequence to be forbidden, or -1 if none
   * does. That byte is read; {@link #found} gives the sequence's first byte. Continuation bytes
   * after the second are skipped unread: Jackson checks their bits, and refuses a byte that is not
   * one there, before it could reach any later byte.
   */
  int scan(byte[] bytes, int from, int to, long at) {
    int i = from;
    if (due > 0 && i < to) {
      if (lead != 0) {
        int second = bytes[i] & 0xFF;
        boolean forbidden = forbidden(lead, second);
        lead = 0;
        if (forbidden) {
          due = 0;
          found = leadAt;
          return i;
        }
      }
      int skip = Math.min(due, to - i);
      i += skip;
      due -= skip;
    }
    while (i < to) {
      while (i <= to - 8 && ((long) LONGS.get(bytes, i) & HIGHS) == 0) {
        i += 8; // eight ASCII bytes: a long delta or a whole document is mostly these
      }
      if (i >= to) {
        break;
      }
      int b = bytes[i] & 0xFF;
      if (b < 0xC0) {
        i++; // ASCII, or a stray continuation byte, which Jackson refuses
        continue;
      }
      if (b <= 0xC1 || (b >= 0xF5 && b <= 0xF7)) {
        found = at + (i - from);
        return i;
      }
      int continuations = b < 0xE0 ? 1 : b < 0xF0 ? 2 : b < 0xF8 ? 3 : 0;
      if (b == 0xE0 || b == 0xF0 || b == 0xF4) {
        if (i + 1 == to) {
          lead = b; // its second byte comes in the next delta
          leadAt = at + (i - from);
          due = continuations;
          return -1;
        }
        if (forbidden(b, bytes[i + 1] & 0xFF)) {
          found = at + (i - from);
          return i + 1;
        }
      }
      i += 1 + continuations;
      if (i > to) {
        due = i - to; // the rest of the sequence comes in the next delta
        i = to;
      }
    }
    return -1;
  }

  /**
   * Whether a continuation byte {@code second} after {@code lead} (E0, F0 or F4) makes a forbidden
   * sequence; a byte that is not a continuation byte Jackson refuses itself.
   */
  private static boolean forbidden(int lead, int second) {
    return (second & 0xC0) == 0x80 && !continues(lead, 1, second);
  }

  /**
   * Returns how many bytes UTF-8 gives a character with lead byte {@code lead} (0x80 or more), or
   * -1 if no character begins with it.
   */
  static int length(int lead) {
    return lead >= 0xC2 && lead <= 0xDF
        ? 2
        : lead >= 0xE0 && lead <= 0xEF ? 3 : lead >= 0xF0 && lead <= 0xF4 ? 4 : -1;
  }

  /**
   * Returns whether {@code b} may be byte {@code index} (1 to 3) of a character with lead byte
   * {@code lead}: a continuation byte, and as the second byte after E0, ED, F0 or F4 one that does
   * not make an overlong form, a UTF-16 surrogate or a code point beyond U+10FFFF.
   */
  static boolean continues(int lead, int index, int b) {
    if ((b & 0xC0) != 0x80) {
      return false;
    }
    if (index > 1) {
      return true;
    }
    return switch (lead) {
      case 0xE0 -> b >= 0xA0;
      case 0xED -> b < 0xA0;
      case 0xF0 -> b >= 0x90;
      case 0xF4 -> b < 0x90;
      default -> true;
    };
  }

  /** Returns the input offset of the first byte of the sequence the last {@link #scan} found. */
  long found() {
    return found;
  }
}
