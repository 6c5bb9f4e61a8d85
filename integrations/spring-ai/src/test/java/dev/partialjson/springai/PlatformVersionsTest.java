package dev.partialjson.springai;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringBootVersion;
import reactor.core.publisher.Flux;

/**
 * Checks that the tests run on the platform the module claims (the POM names it): Spring Boot's
 * managed versions, where the parent POM manages the same artifacts otherwise.
 */
class PlatformVersionsTest {
  @Test
  void testsRunOnSpringBootsManagedVersions() {
    String jackson2 = mavenVersion("com.fasterxml.jackson.core", "jackson-databind");
    String jackson3 = mavenVersion("tools.jackson.core", "jackson-databind");
    System.out.printf(
        "Spring Boot %s, Spring AI %s, reactor-core %s, hibernate-validator %s,"
            + " jackson-databind %s (2) and %s (3), junit-jupiter %s%n",
        SpringBootVersion.getVersion(),
        mavenVersion("org.springframework.ai", "spring-ai-client-chat"),
        Flux.class.getPackage().getImplementationVersion(),
        mavenVersion("org.hibernate.validator", "hibernate-validator"),
        jackson2,
        jackson3,
        Test.class.getPackage().getImplementationVersion());

    assertThat(SpringBootVersion.getVersion())
        .isEqualTo(System.getProperty("expected.spring-boot"));
    assertThat(mavenVersion("org.springframework.ai", "spring-ai-client-chat"))
        .isEqualTo(System.getProperty("expected.spring-ai"));
    assertThat(Flux.class.getPackage().getImplementationVersion())
        .isEqualTo(System.getProperty("expected.reactor"));
    assertThat(mavenVersion("org.hibernate.validator", "hibernate-validator"))
        .isEqualTo(System.getProperty("expected.hibernate-validator"));
    // What Spring Boot 4.0.7 manages for Jackson 2 (binding's) and 3 (Spring AI's).
    assertThat(jackson2).isEqualTo("2.21.4");
    assertThat(jackson3).isEqualTo("3.1.4");
  }

  /** Returns the version in the artifact's {@code pom.properties}, or "absent". */
  private static String mavenVersion(String group, String artifact) {
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
