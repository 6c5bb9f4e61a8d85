package dev.partialjson.parser;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Thrown by {@link IncrementalJsonParser#finish()} when the input ended before the root value was
 * complete: inside a string or with containers still open, or before any value began. It names the
 * open paths, outermost first, and carries the value as far as it had arrived (a number whose
 * digits all arrived, completed by the end, included).
 */
public final class IncompleteJsonException extends PartialJsonException {
  private static final long serialVersionUID = 1L;

  private final transient List<JsonPath> openPaths;
  private final transient @Nullable Snapshot snapshot;

  IncompleteJsonException(
      String reason,
      List<JsonPath> openPaths,
      long byteOffset,
      int line,
      int column,
      @Nullable Snapshot snapshot) {
    super(
        reason,
        openPaths.isEmpty() ? JsonPath.root() : openPaths.get(openPaths.size() - 1),
        byteOffset,
        line,
        column,
        openPaths.isEmpty() ? "" : "; open: " + join(openPaths));
    this.openPaths = List.copyOf(openPaths);
    this.snapshot = snapshot;
  }

  private static String join(List<JsonPath> paths) {
    StringBuilder out = new StringBuilder();
    if (paths.size() > 8) {
      // a deep document would otherwise list every level
      return abbreviate(paths.get(0))
          + ", … "
          + (paths.size() - 2)
          + " more …, "
          + abbreviate(paths.get(paths.size() - 1));
    }
    for (JsonPath path : paths) {
      if (out.length() > 0) {
        out.append(", ");
      }
      out.append(abbreviate(path));
    }
    return out.toString();
  }

  /**
   * Returns the paths of the values still open at the end, outermost first; empty if none began.
   */
  public List<JsonPath> openPaths() {
    return openPaths;
  }

  /**
   * Returns what had arrived, as the parser's last snapshot, or null if the parser was built with
   * {@link ParserOptions.Snapshots#DISABLED}.
   */
  public @Nullable Snapshot snapshot() {
    return snapshot;
  }
}
