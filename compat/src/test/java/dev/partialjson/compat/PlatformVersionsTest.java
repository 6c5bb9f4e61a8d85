package dev.partialjson.compat;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringBootVersion;

/**
 * Prints the versions this project resolved, and checks that they are the ones the platform manages
 * (the project's POM names them): nothing in the library overrides the application's Jackson or
 * validator.
 */
class PlatformVersionsTest {
  @Test
  void resolvesThePlatformsJacksonAndValidator() {
    String boot = SpringBootVersion.getVersion();
    // The application's Jackson: 2 (com.fasterxml) on Boot 3.5, 3 (tools.jackson) on Boot 4.0.
    String group = System.getProperty("expected.jackson.group");
    String databind = mavenVersion(group, "jackson-databind");
    String core = mavenVersion(group, "jackson-core");
    String databind2 = mavenVersion("com.fasterxml.jackson.core", "jackson-databind");
    String validator = mavenVersion("org.hibernate.validator", "hibernate-validator");
    String api = mavenVersion("jakarta.validation", "jakarta.validation-api");
    System.out.printf(
        "Spring Boot %s: %s jackson-databind %s, jackson-core %s, jackson-databind 2 %s,"
            + " hibernate-validator %s, jakarta.validation-api %s%n",
        boot, group, databind, core, databind2, validator, api);

    assertThat(boot).isEqualTo(System.getProperty("expected.spring-boot"));
    assertThat(databind).isEqualTo(System.getProperty("expected.jackson"));
    assertThat(core).isEqualTo(System.getProperty("expected.jackson"));
    // On Jackson 3, partialjson brings no jackson-databind 2 ("absent").
    assertThat(databind2).isEqualTo(System.getProperty("expected.jackson2-databind"));
    assertThat(validator).isEqualTo(System.getProperty("expected.hibernate-validator"));
    assertThat(api).isEqualTo(System.getProperty("expected.validation-api"));
  }

  /** Returns the version in the artifact's {@code pom.properties}, or "absent". */
  static String mavenVersion(String group, String artifact) {
    String name = "/META-INF/maven/" + group + "/" + artifact + "/pom.properties";
    try (InputStream in = PlatformVersionsTest.class.getResourceAsStream(name)) {
      if (in == null) {
        return "absent";
      }
      Properties properties = new Properties();
      properties.load(in);
      return properties.getProperty("version");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
