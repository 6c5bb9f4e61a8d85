package dev.partialjson.parser;

import com.fasterxml.jackson.core.JsonLocation;
import org.jspecify.annotations.Nullable;

/**
 * Turns Jackson's locations into places in the whole input. Jackson counts from the first byte it
 * was given, which in model output comes after skipped text; its offsets are moved by where the
 * body starts, its lines by the skipped text's line breaks and its first line's columns by the
 * skipped text's last line. The one reader of Jackson's line and column counts. Not thread-safe;
 * one per parser.
 */
final class Locations {
  private final FeedingParser jackson;
  private final InputWindow window;
  private final @Nullable PrefixSkipper prefix;
  private long bodyStart;

  Locations(FeedingParser jackson, InputWindow window, @Nullable PrefixSkipper prefix) {
    this.jackson = jackson;
    this.window = window;
    this.prefix = prefix;
  }

  /** Records where Jackson's input starts in the whole input. */
  void bodyStartsAt(long offset) {
    this.bodyStart = offset;
  }

  /** Returns where Jackson's input starts in the whole input. */
  long bodyStart() {
    return bodyStart;
  }

  /** Returns the offset in the whole input of {@code offset} in what Jackson was fed. */
  long inputOffset(long offset) {
    return bodyStart + offset;
  }

  /** Returns the offset in the whole input of Jackson's {@code location}. */
  long offset(JsonLocation location) {
    return bodyStart + Math.max(0, location.getByteOffset());
  }

  /** Returns the 1-based line in the whole input of Jackson's {@code location}. */
  int line(JsonLocation location) {
    return Math.max(1, location.getLineNr()) + (prefix == null ? 0 : prefix.newlines());
  }

  /** Returns the 1-based column in the whole input of Jackson's {@code location}. */
  int column(JsonLocation location) {
    int column = Math.max(1, location.getColumnNr());
    return prefix != null && location.getLineNr() <= 1 ? column + prefix.column() : column;
  }

  /** Returns where Jackson is now, as line and column in the whole input. */
  int[] lineAndColumn() {
    JsonLocation location = jackson.currentLocation();
    return new int[] {line(location), column(location)};
  }

  /**
   * Returns the line and column of {@code to}, moving from Jackson's current {@code location} with
   * Jackson's own line counting (so the result does not depend on where Jackson was).
   */
  int[] move(JsonLocation location, long to) {
    int[] moved =
        window.move(
            offset(location), jackson.lineFeeds(), jackson.carriageReturns(), column(location), to);
    moved[0] += prefix == null ? 0 : prefix.newlines();
    return moved;
  }
}
