package dev.partialjson.parser;

/**
 * Reports the string value being read to the listener and the snapshot as it grows: the chars
 * Jackson decoded since the last look, or plain chars the parser read ahead of Jackson (see {@link
 * PlainRun}), and finally the whole value; and stops it at the string-length limit with exactly the
 * chars up to the limit reported, whatever the split. Not thread-safe.
 */
final class StringStream {
  private final FeedingParser jackson;
  private final EventSink listener;
  private final PathStack paths;
  private final Failures failures;
  private final int maxStringLength; // read on every delta, so kept here
  private final OpenString string = new OpenString();
  private final JacksonSupport factory;
  private final InputWindow window;
  // Where Jackson resumes decoding the open string (see FeedingParser.stringResume), in its own
  // offsets, and whether that string is in single quotes: noted each time it stops inside one.
  private long resume;
  private boolean apostrophe;
  // Just past the closing quote of the last string value or key that Jackson returned, in its own
  // offsets: a token that begins there, after a quote, is no string (see breakOff).
  private long lastClosed = -1;

  StringStream(
      FeedingParser jackson,
      EventSink listener,
      PathStack paths,
      Failures failures,
      int maxStringLength,
      JacksonSupport factory,
      InputWindow window) {
    this.jackson = jackson;
    this.listener = listener;
    this.paths = paths;
    this.failures = failures;
    this.maxStringLength = maxStringLength;
    this.factory = factory;
    this.window = window;
  }

  /** Returns whether a string value is open. */
  boolean isOpen() {
    return string.isOpen();
  }

  /**
   * Returns whether every char Jackson decoded of the open string has been reported, so that plain
   * chars may be reported ahead of it.
   */
  boolean caughtUp() {
    return string.caughtUp();
  }

  /** Reports what Jackson decoded of the open string since the last look. */
  void streamDecoded() {
    if (!string.isOpen()) {
      open();
    }
    CharSequence delta = string.next(jackson.textSegment(), jackson.textSegmentSize());
    resume = jackson.stringResume();
    apostrophe = jackson.insideApostropheString();
    if (delta != null) {
      emit(delta, string.reported());
    }
  }

  /** Notes that Jackson has returned a key, so that an error after it is not taken for its own. */
  void keyClosed() {
    lastClosed = jackson.position();
  }

  /**
   * Reports what arrived of a string value in which Jackson has just refused a byte, having been
   * fed up to its {@link FeedingParser#fedEnd()}: the chars before that byte that were not reported
   * yet (see {@link StringTail}), opening the string first if Jackson had not stopped inside it
   * before, so that the events, the snapshot and the error's path do not depend on the split. Does
   * nothing if Jackson was not inside a string value.
   */
  void breakOff() {
    long from;
    byte quote;
    if (string.isOpen()) {
      from = resume;
      quote = apostrophe ? (byte) '\'' : (byte) '"';
    } else {
      // A string value that began since Jackson last stopped for input: its token starts after a
      // quote, and is no key. (Jackson also marks a token's start each time it begins to look for
      // one: right after the closing quote of a string or key it has just returned, that is no
      // string.)
      long start = jackson.tokenStart();
      byte before = window.byteAt(failures.inputOffset(start) - 1);
      boolean opened = before == '"' || (before == '\'' && jackson.allowsSingleQuotes());
      if (start == lastClosed || jackson.atName() || !opened) {
        return; // (in strict syntax, a single quote is a character Jackson refused)
      }
      from = start;
      quote = before;
    }
    String decoded =
        from < 0
            ? "" // a backslash and a multi-byte character: nothing after the last look decodes
            : StringTail.decode(
                factory,
                window,
                failures.inputOffset(from),
                failures.inputOffset(jackson.fedEnd()),
                quote);
    if (decoded == null) {
      return;
    }
    if (!string.isOpen()) {
      open();
    }
    CharSequence rest = string.breakOff(decoded);
    if (rest.length() > 0) {
      emit(rest, string.reported());
    }
  }

  /** Reports {@code delta}, plain chars of the open string that Jackson has not read yet. */
  void streamAhead(CharSequence delta) {
    string.reportAhead(delta.length());
    emit(delta, string.reported());
  }

  /** Reports the rest of the string Jackson just completed, then the whole {@code value}. */
  void complete(String value) {
    lastClosed = jackson.position();
    int from = 0;
    if (!string.isOpen()) {
      paths.nextValue();
      listener.stringOpened(paths);
    } else {
      from = (int) string.close();
    }
    if (from < value.length()) {
      // the rest of the value is the last delta; the whole value if none was streamed
      emit(from == 0 ? value : string.rest(value, from), value.length());
    }
    listener.stringValue(paths, value);
  }

  /** Opens the string value Jackson has begun, at the next value's place. */
  private void open() {
    paths.nextValue();
    string.open(jackson.textSegment());
    listener.stringOpened(paths);
  }

  /** Reports {@code delta} of the string at the cursor, which is {@code length} chars long now. */
  private void emit(CharSequence delta, long length) {
    if (length > maxStringLength) {
      throw tooLong(delta, length);
    }
    listener.stringDelta(paths, delta);
  }

  /**
   * The string at the cursor grew past its limit in {@code delta}: reports the chars up to the
   * limit (less a high surrogate whose low half is past it), so that the events and the snapshot
   * end at the same char whatever the split, and returns the error, placed at the string's opening
   * quote for the same reason. Jackson's own check of string values is set beyond ours by more than
   * a slice (see {@link JacksonSupport}), so this one always fires first.
   */
  private LimitExceededException tooLong(CharSequence delta, long length) {
    int max = maxStringLength;
    int keep = (int) (delta.length() - (length - max));
    if (keep > 0
        && Character.isHighSurrogate(delta.charAt(keep - 1))
        && Character.isLowSurrogate(delta.charAt(keep))) {
      keep--;
    }
    if (keep > 0) {
      CharSequence head = delta.subSequence(0, keep);
      listener.stringDelta(paths, head);
    }
    return failures.atTokenStart(
        Limits.Limit.STRING_LENGTH,
        Problem.STRING_TOO_LONG.words(max + 1L, max),
        max,
        paths.forError(string.isOpen())); // what the string that was last reported belongs in
  }
}
