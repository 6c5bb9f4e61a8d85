package dev.partialjson.parser;

import org.jspecify.annotations.Nullable;

/**
 * Reports the string value being read to the listener and the snapshot as it grows: the chars
 * Jackson decoded since the last look, or plain chars the parser read ahead of Jackson (see {@link
 * PlainRun}), and finally the whole value; and stops it at the string-length limit with exactly the
 * chars up to the limit reported, whatever the split. Not thread-safe.
 */
final class StringStream {
  private final FeedingParser jackson;
  private final JsonListener listener;
  private final @Nullable SnapshotBuilder tree;
  private final PathStack paths;
  private final Failures failures;
  private final int maxStringLength; // read on every delta, so kept here
  private final OpenString string = new OpenString();

  StringStream(
      FeedingParser jackson,
      JsonListener listener,
      @Nullable SnapshotBuilder tree,
      PathStack paths,
      Failures failures,
      int maxStringLength) {
    this.jackson = jackson;
    this.listener = listener;
    this.tree = tree;
    this.paths = paths;
    this.failures = failures;
    this.maxStringLength = maxStringLength;
  }

  /** Returns the path of the open string, or null if none is open. */
  @Nullable JsonPath path() {
    return string.path();
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
    JsonPath path = string.path();
    if (path == null) {
      path = paths.nextValue();
      string.open(path, jackson.textSegment());
      if (tree != null) {
        tree.openString(path);
      }
    }
    CharSequence delta = string.next(jackson.textSegment(), jackson.textSegmentSize());
    if (delta != null) {
      emit(path, delta, string.reported());
    }
  }

  /** Reports {@code delta}, plain chars of the open string that Jackson has not read yet. */
  void streamAhead(CharSequence delta) {
    string.reportAhead(delta.length());
    emit(openPath(), delta, string.reported());
  }

  /** Reports the rest of the string Jackson just completed, then the whole {@code value}. */
  void complete(String value) {
    JsonPath path = string.path();
    int from = 0;
    if (path == null) {
      path = paths.nextValue();
      if (tree != null) {
        tree.openString(path);
      }
    } else {
      from = (int) string.close();
    }
    if (from < value.length()) {
      // the rest of the value is the last delta; the whole value if none was streamed
      emit(path, from == 0 ? value : string.rest(value, from), value.length());
    }
    listener.stringValue(path, value);
    if (tree != null) {
      tree.closeString(value);
    }
  }

  @SuppressWarnings("NullAway") // called only with a string open
  private JsonPath openPath() {
    return string.path();
  }

  private void emit(JsonPath path, CharSequence delta, long length) {
    if (length > maxStringLength) {
      throw tooLong(path, delta, length);
    }
    listener.stringDelta(path, delta);
    if (tree != null) {
      tree.appendString(delta);
    }
  }

  /**
   * The string at {@code path} grew past its limit in {@code delta}: reports the chars up to the
   * limit (less a high surrogate whose low half is past it), so that the events and the snapshot
   * end at the same char whatever the split, and returns the error, placed at the string's opening
   * quote for the same reason. Jackson's own check of string values is set beyond ours by more than
   * a slice (see {@link JacksonSupport}), so this one always fires first.
   */
  private LimitExceededException tooLong(JsonPath path, CharSequence delta, long length) {
    int max = maxStringLength;
    int keep = (int) (delta.length() - (length - max));
    if (keep > 0
        && Character.isHighSurrogate(delta.charAt(keep - 1))
        && Character.isLowSurrogate(delta.charAt(keep))) {
      keep--;
    }
    if (keep > 0) {
      CharSequence head = delta.subSequence(0, keep);
      listener.stringDelta(path, head);
      if (tree != null) {
        tree.appendString(head);
      }
    }
    return failures.atTokenStart(
        Limits.Limit.STRING_LENGTH,
        "String value length (" + (max + 1L) + ") exceeds the maximum allowed (" + max + ")",
        max,
        paths.forError(string.path())); // what the string that was last reported belongs in
  }
}
