package dev.partialjson.parser;

import org.jspecify.annotations.Nullable;

/**
 * The string value Jackson is decoding, and how much of it has been reported. Jackson keeps the
 * chars in a segmented buffer of which only the current segment is visible; this remembers the
 * segment and position of the next unreported char, so each look reports only what is new. When the
 * segment changed since the last look, the old one filled up and its tail is still in the array
 * held here (see {@link FeedingParser#SLICE} for why at most one segment can fill between two
 * looks). Not thread-safe.
 */
final class OpenString {
  private static final char[] NONE = {}; // shared: until a string needs one, no array of its own

  private boolean open;
  private char[] segment = NONE;
  private int position;
  private long reported;
  private long ahead; // chars reported before Jackson decoded them, from a PlainRun
  private boolean holding; // the last look held back a high surrogate
  private char[] joined = NONE;
  private char[] rest = NONE;
  private final DeltaView view = new DeltaView();

  /** Returns whether a string is open. */
  boolean isOpen() {
    return open;
  }

  /** Starts tracking a string that began in the current segment (Jackson starts each at 0). */
  void open(char[] segment) {
    this.open = true;
    this.segment = segment;
    this.position = 0;
    this.reported = 0;
    this.ahead = 0;
    this.holding = false;
  }

  /** Stops tracking; returns how many chars had been reported. */
  long close() {
    open = false;
    long count = reported;
    reported = 0;
    ahead = 0;
    holding = false;
    return count;
  }

  /**
   * Counts {@code chars} reported before Jackson decoded them (see {@link PlainRun}); the next
   * looks pass over them once Jackson has.
   */
  void reportAhead(int chars) {
    reported += chars;
    ahead += chars;
  }

  /**
   * Returns whether every char Jackson decoded has been reported: the last look held nothing back,
   * so chars reported ahead follow on from what was reported.
   */
  boolean caughtUp() {
    return !holding;
  }

  /** Returns how many chars of the open string have been reported. */
  long reported() {
    return reported;
  }

  /**
   * Returns the chars of the complete {@code value} from {@code from} on, the part not reported
   * yet, as a view valid until the next call. At most one slice was decoded since the last look, so
   * the copy is short and the scratch array stays small.
   */
  CharSequence rest(String value, int from) {
    int length = value.length() - from;
    if (rest.length < length) {
      rest = new char[Math.max(length, 2 * rest.length)];
    }
    value.getChars(from, value.length(), rest, 0);
    return view.set(rest, 0, length);
  }

  /**
   * Returns the rest of the open string when it breaks off at a byte Jackson refused, given {@code
   * decoded}, the chars Jackson decoded after its last look (see {@link StringTail}): the high
   * surrogate the last look held back, if any, then those chars, less the ones reported ahead of
   * Jackson, and less a high surrogate at the end, whose low half can no longer come. Counts them
   * as reported; the result may be empty.
   */
  CharSequence breakOff(String decoded) {
    StringBuilder rest = new StringBuilder(decoded.length() + 1);
    if (holding) {
      rest.append(segment[position]); // the look held it back at position (see next)
    }
    rest.append(decoded);
    rest.delete(0, (int) Math.min(ahead, rest.length()));
    int n = rest.length();
    if (n > 0 && Character.isHighSurrogate(rest.charAt(n - 1))) {
      rest.setLength(n - 1);
    }
    holding = false;
    ahead = 0;
    reported += rest.length();
    return rest;
  }

  /**
   * Returns the chars decoded since the last look, given the current segment and its used size, or
   * null if there are none; a trailing high surrogate is held back until its low half is decoded.
   * The view is valid until the next call.
   */
  @Nullable CharSequence next(char[] current, int size) {
    char[] chars;
    int to;
    int from;
    if (current == segment) {
      chars = current;
      from = position;
      to = size;
    } else {
      int tail = segment.length - position;
      if (joined.length < tail + size) {
        joined = new char[tail + size];
      }
      System.arraycopy(segment, position, joined, 0, tail);
      System.arraycopy(current, 0, joined, tail, size);
      chars = joined;
      from = 0;
      to = tail + size;
    }
    boolean held = to > from && Character.isHighSurrogate(chars[to - 1]);
    if (held) {
      to--;
    }
    holding = held;
    if (current == segment) {
      position = to;
    } else if (!held || size > 0) {
      segment = current;
      position = held ? size - 1 : size;
    } else {
      position = segment.length - 1; // the held char is the old segment's last
    }
    if (ahead > 0) {
      int skip = (int) Math.min(ahead, to - from); // reported already
      from += skip;
      ahead -= skip;
    }
    if (to == from) {
      return null;
    }
    reported += to - from;
    return view.set(chars, from, to);
  }
}
