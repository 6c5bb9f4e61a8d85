package dev.partialjson.parser;

import org.jspecify.annotations.Nullable;

/**
 * Reads what follows the root value. In {@link ParserOptions.Text#JSON} only whitespace may follow,
 * and comments in {@link ParserOptions.Syntax#LENIENT} syntax (each reported, as Jackson skips them
 * after the root as anywhere else); in model output everything from the first other byte on is
 * ignored and, at the end, reported as one skipped suffix. Counts lines itself, since Jackson reads
 * no further. Not thread-safe.
 */
final class SuffixReader {
  private static final int EXCERPT = 60; // bytes of the text after the root that a repair quotes
  private static final byte[] NONE = {};

  private final boolean ignoreText;
  private final Failures failures;
  private final RelaxationScanner.@Nullable Sink comments; // null: comments are not allowed
  private byte[] excerpt = NONE; // made when text after the root begins: most documents have none
  private int excerptLength;
  private long start = -1;
  private final LineCounter lines = new LineCounter();
  private int state = RelaxationScanner.OUT; // the scanner's comment states
  private long slash; // where the slash that may open a comment is
  private int slashLine;
  private int slashColumn;

  /**
   * Makes a reader that ignores text after the root if {@code ignoreText}, and otherwise allows
   * comments there if {@code comments} is given, which receives each.
   */
  SuffixReader(boolean ignoreText, Failures failures, RelaxationScanner.@Nullable Sink comments) {
    this.ignoreText = ignoreText;
    this.failures = failures;
    this.comments = ignoreText ? null : comments;
  }

  /** Returns the 1-based line of the next byte. */
  int line() {
    return lines.line();
  }

  /** Returns the 1-based column of the next byte. */
  int column() {
    return lines.column();
  }

  /** Starts reading at the given 1-based line and column. */
  void begin(int line, int column) {
    lines.startAt(line, column);
  }

  /**
   * Reads {@code bytes[from, to)}, whose first byte is at {@code at} in the whole input.
   *
   * @throws MalformedJsonException on text after the root where only whitespace (and comments) may
   *     follow
   */
  void read(byte[] bytes, int from, int to, long at) {
    for (int i = from; i < to; i++) {
      byte b = bytes[i];
      if (start >= 0) {
        if (excerptLength < EXCERPT) {
          excerpt[excerptLength++] = b;
        }
      } else if (state != RelaxationScanner.OUT) {
        comment(b, at + (i - from));
      } else if (b != ' ' && b != '\t' && b != '\n' && b != '\r') {
        other(b, at + (i - from));
      }
      // lines and columns are counted on through ignored text, for a limit found there
      lines.count(b);
    }
  }

  /** Reads {@code b}, at {@code offset}, which is not whitespace and not in a comment. */
  private void other(byte b, long offset) {
    if (comments != null && b == '/') {
      state = RelaxationScanner.SLASH;
      slash = offset;
      slashLine = lines.line();
      slashColumn = lines.column();
    } else if (comments != null && b == '#') {
      state = RelaxationScanner.openComment(b, offset, offset, comments);
    } else if (!ignoreText) {
      throw failures.afterRoot(offset, lines.line(), lines.column());
    } else {
      start = offset;
      excerpt = new byte[EXCERPT];
      excerpt[excerptLength++] = b;
    }
  }

  /** Reads {@code b}, at {@code offset}, after a slash or in a comment. */
  private void comment(byte b, long offset) {
    RelaxationScanner.Sink sink = comments; // not null: only it lets a comment begin
    if (state != RelaxationScanner.SLASH) {
      if (b >= 0 && b < 0x20 && b != '\t' && b != '\n' && b != '\r') {
        throw failures.controlInComment(
            b, offset, lines.line(), lines.column()); // as Jackson within the root
      }
      state = RelaxationScanner.inComment(state, b);
    } else if ((b == '/' || b == '*') && sink != null) {
      state = RelaxationScanner.openComment(b, slash, offset, sink);
    } else {
      throw failures.afterRoot(slash, slashLine, slashColumn); // a slash opens no comment
    }
  }

  /**
   * Returns whether the input, were it to end now, would end inside a block comment or after a
   * slash that may open one: Jackson rejects that, as a comment cut short.
   */
  boolean inComment() {
    return state == RelaxationScanner.SLASH
        || state == RelaxationScanner.BLOCK_COMMENT
        || state == RelaxationScanner.BLOCK_STAR;
  }

  /** Returns the offset of the first ignored byte, or -1 if only whitespace followed. */
  long start() {
    return start;
  }

  /** Returns the start of the ignored text, given how many bytes the whole input had. */
  String excerpt(long fed) {
    return Excerpts.printable(excerpt, 0, excerptLength, fed - start > excerptLength);
  }
}
