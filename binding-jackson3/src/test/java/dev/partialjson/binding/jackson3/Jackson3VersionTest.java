package dev.partialjson.binding.jackson3;

import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import tools.jackson.core.Version;

/** A Jackson 3 older than the floor is refused when a binder is built, naming both versions. */
class Jackson3VersionTest {
  @Test
  void refusesAJackson3OlderThanTheFloorNamingBothVersions() {
    Version old = new Version(3, 0, 3, null, "tools.jackson.core", "jackson-databind");
    assertThatThrownBy(() -> Jackson3Databind.requireAtLeast31(old))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage(
            "partialjson-binding-jackson3 needs jackson-databind 3.1 or newer, but the class path"
                + " has tools.jackson.core/jackson-databind/3.0.3: align the application's Jackson"
                + " version (tools.jackson:jackson-bom)");
  }

  @Test
  void acceptsTheFloorAndNewerReleases() {
    for (int[] v : new int[][] {{3, 1, 0}, {3, 1, 4}, {3, 3, 0}}) {
      Version version =
          new Version(v[0], v[1], v[2], null, "tools.jackson.core", "jackson-databind");
      assertThatNoException()
          .as(version.toString())
          .isThrownBy(() -> Jackson3Databind.requireAtLeast31(version));
    }
  }
}
