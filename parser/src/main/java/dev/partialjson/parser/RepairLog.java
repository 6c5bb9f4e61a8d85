package dev.partialjson.parser;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Reports each repair to the listener at its place among the events, with the path it lies at, and
 * keeps the first {@link #KEPT} of them for {@link IncrementalJsonParser#repairs()}. The scanners
 * and readers that find repairs hand them here. Not thread-safe.
 */
final class RepairLog implements RelaxationScanner.Sink {

  /**
   * How many repairs are kept. A comment can be two bytes ({@code #} and a line end) and its repair
   * a hundred, so keeping every one would let a stream of comments cost fifty times its length; the
   * listener is told of every one.
   */
  static final int KEPT = 1_000;

  private final CursorListener listener;
  private final PathStack paths;
  private final StringStream string;
  private final List<Repair> kept = new ArrayList<>(0);

  RepairLog(CursorListener listener, PathStack paths, StringStream string) {
    this.listener = listener;
    this.paths = paths;
    this.string = string;
  }

  /** Reports a repair of {@code length} bytes at {@code offset}, quoting {@code excerpt}. */
  void report(Repair.Kind kind, long offset, long length, String excerpt) {
    boolean aroundRoot = kind == Repair.Kind.SKIPPED_PREFIX || kind == Repair.Kind.SKIPPED_SUFFIX;
    Repair repair =
        new Repair(
            kind,
            aroundRoot ? JsonPath.root() : paths.current(string.isOpen()),
            offset,
            length,
            excerpt);
    if (kept.size() < KEPT) {
      kept.add(repair);
    }
    listener.repair(repair);
  }

  /** A repair found by a scanner: reported now, the byte that made it certain left aside. */
  @Override
  public void report(Repair.Kind kind, long offset, long length, String excerpt, long certainAt) {
    report(kind, offset, length, excerpt);
  }

  /** Returns a copy of the repairs kept, unmodifiable. */
  List<Repair> kept() {
    return Collections.unmodifiableList(new ArrayList<>(kept));
  }
}
