package dev.partialjson.parser;

/**
 * Notices the relaxed syntax that {@link ParserOptions.Syntax#LENIENT} lets Jackson accept, so that
 * each use can be reported: Jackson accepts it without a word. It needs no grammar, only whether a
 * byte is inside a string or a comment: a comma whose next significant byte closes a container is a
 * trailing comma, a bare word whose next significant byte is a colon is an unquoted name, a quote
 * or comment marker outside strings and a control character inside one (not after a backslash,
 * where it is a bad escape) speak for themselves. Jackson still decides what is valid; this only
 * reports. Not thread-safe.
 */
final class RelaxationScanner {

  /**
   * Receives what the scanner found: the repair, and the offset of the byte that made it certain
   * (the byte the parser must not have tokenized yet when it reports the repair, so that the report
   * lands at the same place among the events however the input was split).
   */
  interface Sink {
    void report(Repair.Kind kind, long offset, long length, String excerpt, long certainAt);
  }

  static final int OUT = 0;
  private static final int DOUBLE = 1;
  private static final int DOUBLE_ESCAPE = 2;
  private static final int SINGLE = 3;
  private static final int SINGLE_ESCAPE = 4;
  static final int SLASH = 5;
  static final int LINE_COMMENT = 6;
  static final int BLOCK_COMMENT = 7;
  static final int BLOCK_STAR = 8;
  private static final int WORD = 9;
  private static final int MAX_WORD = 60;

  private int state = OUT;
  private long pendingComma = -1;
  private long wordStart = -1; // a bare word that ended; a name if a colon follows
  private final StringBuilder word = new StringBuilder();

  /** Scans {@code bytes[from, to)}, whose first byte is at {@code offset} in the whole input. */
  void scan(byte[] bytes, int from, int to, long offset, Sink sink) {
    for (int i = from; i < to; i++) {
      step(bytes[i], offset + (i - from), sink);
    }
  }

  private void step(byte b, long at, Sink sink) {
    switch (state) {
      case DOUBLE:
        state = b == '\\' ? DOUBLE_ESCAPE : b == '"' ? OUT : DOUBLE;
        if (b >= 0 && b < 0x20) {
          control(b, at, sink);
        }
        return;
      case DOUBLE_ESCAPE:
        state = DOUBLE;
        return;
      case SINGLE:
        state = b == '\\' ? SINGLE_ESCAPE : b == '\'' ? OUT : SINGLE;
        if (b >= 0 && b < 0x20) {
          control(b, at, sink);
        }
        return;
      case SINGLE_ESCAPE:
        state = SINGLE;
        return;
      case SLASH:
        if (b == '/' || b == '*') {
          state = openComment(b, at - 1, at, sink);
          return;
        }
        state = OUT; // a lone slash: Jackson rejects it; look at this byte afresh
        break;
      case LINE_COMMENT:
      case BLOCK_COMMENT:
      case BLOCK_STAR:
        state = inComment(state, b);
        return;
      case WORD:
        if (isWordPart(b)) {
          if (word.length() < MAX_WORD) {
            word.append((char) (b & 0xFF));
          }
          return;
        }
        state = OUT; // the word ended; this byte decides below whether it was a name
        break;
      default:
        break;
    }
    outside(b, at, sink);
  }

  private void outside(byte b, long at, Sink sink) {
    switch (b) {
      case ' ':
      case '\t':
      case '\n':
      case '\r':
        return;
      case '/':
        state = SLASH;
        return;
      case '#':
        state = openComment(b, at, at, sink);
        return;
      default:
        break;
    }
    if (pendingComma >= 0 && (b == ']' || b == '}')) {
      sink.report(Relaxation.TRAILING_COMMA.kind(), pendingComma, 1, ",", at);
    }
    pendingComma = b == ',' ? at : -1;
    if (wordStart >= 0 && b == ':') {
      sink.report(Relaxation.UNQUOTED_NAME.kind(), wordStart, word.length(), word.toString(), at);
    }
    wordStart = -1;
    if (b == '"') {
      state = DOUBLE;
    } else if (b == '\'') {
      sink.report(Relaxation.SINGLE_QUOTES.kind(), at, 1, "'", at);
      state = SINGLE;
    } else if (isWordStart(b)) {
      state = WORD;
      wordStart = at;
      word.setLength(0);
      word.append((char) (b & 0xFF));
    }
  }

  /**
   * Reports the control character {@code b}, at {@code at} inside a string or name; certain at
   * itself, so that the chars before it are reported first and it lands at the same place among the
   * string's deltas whatever the split.
   */
  private static void control(byte b, long at, Sink sink) {
    String escaped = Excerpts.printable(new byte[] {b}, 0, 1, false);
    sink.report(Relaxation.UNESCAPED_CONTROL_CHARACTER.kind(), at, 1, escaped, at);
  }

  /**
   * Reports the comment that {@code b} opens ({@code #}, or the {@code /} or {@code *} after a
   * slash), which begins at {@code start}; returns the state inside it. Shared with {@link
   * SuffixReader}, which skips comments after the root.
   */
  static int openComment(byte b, long start, long at, Sink sink) {
    boolean hash = b == '#';
    sink.report(
        Relaxation.COMMENT.kind(), start, hash ? 1 : 2, hash ? "#" : b == '/' ? "//" : "/*", at);
    return b == '*' ? BLOCK_COMMENT : LINE_COMMENT;
  }

  /**
   * Returns the state after {@code b} in a comment, {@code state} being {@link #LINE_COMMENT},
   * {@link #BLOCK_COMMENT} or {@link #BLOCK_STAR}: {@link #OUT} once {@code b} ended it.
   */
  static int inComment(int state, byte b) {
    if (state == LINE_COMMENT) {
      return b == '\n' || b == '\r' ? OUT : LINE_COMMENT;
    }
    return state == BLOCK_STAR && b == '/' ? OUT : b == '*' ? BLOCK_STAR : BLOCK_COMMENT;
  }

  private static boolean isWordStart(byte b) {
    return (b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z') || b == '_' || b == '$' || b < 0;
  }

  private static boolean isWordPart(byte b) {
    return isWordStart(b) || (b >= '0' && b <= '9');
  }
}
