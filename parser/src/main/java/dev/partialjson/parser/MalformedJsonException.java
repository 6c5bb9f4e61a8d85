package dev.partialjson.parser;

/**
 * Thrown when the input is not JSON (or not the relaxed JSON the options allow). Whatever arrived
 * before the error stays readable in the parser's snapshot. The offset is the same however the
 * input was split into deltas.
 */
public final class MalformedJsonException extends PartialJsonException {
  private static final long serialVersionUID = 1L;

  private final String excerpt;

  MalformedJsonException(
      String reason, JsonPath path, long byteOffset, int line, int column, String excerpt) {
    super(reason, path, byteOffset, line, column, " near \"" + excerpt + "\"");
    this.excerpt = excerpt;
  }

  /**
   * Returns up to 24 bytes of the input, as text with control characters escaped, that end just
   * before the reported offset: only what had arrived whatever the split, so the message does not
   * depend on how the input was cut.
   */
  public String excerpt() {
    return excerpt;
  }
}
