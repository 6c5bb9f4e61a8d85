package dev.partialjson.binding.jackson2;

import com.fasterxml.jackson.core.Version;
import com.fasterxml.jackson.databind.cfg.PackageVersion;

/**
 * The oldest jackson-databind binding works with, checked when a binder is built: an application
 * whose dependency tree picks an older one gets an error that names both versions, instead of a
 * {@code NoSuchMethodError} in the middle of a stream or, worse, a binding that behaves
 * differently. 2.15 is the oldest release line binding is tested with: CI runs binding's whole test
 * suite on 2.15.4 and on the newest 2.x, and nothing older is claimed.
 */
final class DatabindVersion {
  static final Version FLOOR =
      new Version(2, 15, 0, null, "com.fasterxml.jackson.core", "jackson-databind");

  private DatabindVersion() {}

  /** Throws if the jackson-databind on the class path is older than {@link #FLOOR}. */
  static void check() {
    requireAtLeast(PackageVersion.VERSION);
  }

  /**
   * Throws if {@code found} is older than {@link #FLOOR}.
   *
   * @throws IllegalStateException naming {@code found} and the floor
   */
  static void requireAtLeast(Version found) {
    if (compare(found, FLOOR) < 0) {
      throw new IllegalStateException(
          "partialjson-binding needs jackson-databind "
              + FLOOR.getMajorVersion()
              + "."
              + FLOOR.getMinorVersion()
              + " or newer, but the class path has "
              + found.toFullString()
              + ": align the application's Jackson version (com.fasterxml.jackson:jackson-bom)");
    }
  }

  private static int compare(Version a, Version b) {
    int c = Integer.compare(a.getMajorVersion(), b.getMajorVersion());
    if (c == 0) {
      c = Integer.compare(a.getMinorVersion(), b.getMinorVersion());
    }
    return c != 0 ? c : Integer.compare(a.getPatchLevel(), b.getPatchLevel());
  }
}
