package dev.partialjson.parser;

/**
 * The root of what partialjson throws when the input is at fault: {@link MalformedJsonException},
 * {@link LimitExceededException} and {@link IncompleteJsonException}. Each names the reason, the
 * JSON path, the byte offset in the whole input, and the line and column of that byte; the message
 * is built from them, for example {@code Unexpected character ('}' (code 125)): was expecting
 * double-quote to start field name at $.tasks[2] (offset 381, line 9, column 14) near "…"}.
 *
 * <p>Mistakes of the caller (feeding after {@code finish}, a bad slice) are JDK exceptions instead.
 */
public abstract class PartialJsonException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String reason;
  private final transient JsonPath path;
  private final long byteOffset;
  private final int line;
  private final int column;

  /**
   * Creates an exception whose message is built from the parts: {@code reason at path (offset N,
   * line L, column C)} followed by {@code detail}. For the exceptions of modules built on the
   * parser, such as binding failures; a column or line of 0 means unknown.
   *
   * @param reason what went wrong, without the location
   * @param path where
   * @param byteOffset the offset in the whole input, in bytes of UTF-8
   * @param line the 1-based line
   * @param column the 1-based column, in bytes
   * @param detail appended to the message as is (empty for nothing)
   */
  protected PartialJsonException(
      String reason, JsonPath path, long byteOffset, int line, int column, String detail) {
    super(
        reason
            + " at "
            + abbreviate(path)
            + " (offset "
            + byteOffset
            + ", line "
            + line
            + ", column "
            + column
            + ")"
            + detail);
    this.reason = reason;
    this.path = path;
    this.byteOffset = byteOffset;
    this.line = line;
    this.column = column;
  }

  /** Renders a path for a message, shortening a very deep one; {@link #path()} has it whole. */
  static String abbreviate(JsonPath path) {
    String text = path.toString();
    if (text.length() <= 120) {
      return text;
    }
    return text.substring(0, 60)
        + "…(depth "
        + path.depth()
        + ")…"
        + text.substring(text.length() - 40);
  }

  /** Returns what went wrong, without the location. */
  public String reason() {
    return reason;
  }

  /** Returns the path of the value being read when the problem was found. */
  public JsonPath path() {
    return path;
  }

  /** Returns the offset, in bytes of UTF-8 from the start of the whole input, of the problem. */
  public long byteOffset() {
    return byteOffset;
  }

  /** Returns the 1-based line of the problem; lines end at {@code \n}, {@code \r} or both. */
  public int line() {
    return line;
  }

  /** Returns the 1-based column, counted in bytes, of the problem. */
  public int column() {
    return column;
  }
}
