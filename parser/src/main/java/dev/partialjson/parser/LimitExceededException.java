package dev.partialjson.parser;

/**
 * Thrown when the input exceeds one of the {@link Limits} the parser was built with. The message
 * names the limit and how to raise it.
 */
public final class LimitExceededException extends PartialJsonException {
  private static final long serialVersionUID = 1L;

  private final Limits.Limit limit;
  private final long maximum;

  LimitExceededException(
      String reason,
      Limits.Limit limit,
      long maximum,
      JsonPath path,
      long byteOffset,
      int line,
      int column) {
    super(reason, path, byteOffset, line, column, "; " + limit.howToRaise());
    this.limit = limit;
    this.maximum = maximum;
  }

  /** Returns the limit that was exceeded. */
  public Limits.Limit limit() {
    return limit;
  }

  /** Returns the value of that limit when it was exceeded, or -1 where Jackson fixes it. */
  public long maximum() {
    return maximum;
  }
}
