package dev.partialjson.binding.jackson2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.Version;
import com.fasterxml.jackson.databind.cfg.PackageVersion;
import org.junit.jupiter.api.Test;

/** A databind older than the floor is refused when a binder is built, naming both versions. */
class DatabindVersionTest {
  @Test
  void refusesADatabindOlderThanTheFloorNamingBothVersions() {
    Version old = new Version(2, 14, 3, null, "com.fasterxml.jackson.core", "jackson-databind");
    assertThatThrownBy(() -> DatabindVersion.requireAtLeast(old))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage(
            "partialjson-binding needs jackson-databind 2.15 or newer, but the class path has"
                + " com.fasterxml.jackson.core/jackson-databind/2.14.3: align the application's"
                + " Jackson version (com.fasterxml.jackson:jackson-bom)");
  }

  @Test
  void acceptsTheFloorAndNewerReleases() {
    for (String version : new String[] {"2.15.0", "2.15.4", "2.19.2", "2.23.0", "3.0.0"}) {
      String[] parts = version.split("\\.");
      Version v =
          new Version(
              Integer.parseInt(parts[0]),
              Integer.parseInt(parts[1]),
              Integer.parseInt(parts[2]),
              null,
              "com.fasterxml.jackson.core",
              "jackson-databind");
      assertThatNoException().as(version).isThrownBy(() -> DatabindVersion.requireAtLeast(v));
    }
  }

  @Test
  void checksTheDatabindOnTheClassPath() {
    // The build runs binding's tests on the oldest and the newest supported databind.
    assertThat(PackageVersion.VERSION.getMajorVersion()).isEqualTo(2);
    assertThat(PackageVersion.VERSION.getMinorVersion()).isGreaterThanOrEqualTo(15);
    assertThatNoException().isThrownBy(DatabindVersion::check);
  }
}
