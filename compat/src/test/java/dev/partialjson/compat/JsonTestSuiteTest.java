package dev.partialjson.compat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import dev.partialjson.parser.ParserOptions;
import dev.partialjson.testkit.SplitSweep;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * JSONTestSuite through the parser under the platform's Jackson: every {@code y_} file accepted
 * with the same events, and every {@code n_} file rejected with the same error (type, offset,
 * message), under every split of the test kit's sweep.
 */
class JsonTestSuiteTest {
  private static final ParserOptions STRICT_EVENTS =
      ParserOptions.builder()
          .text(ParserOptions.Text.JSON)
          .syntax(ParserOptions.Syntax.STRICT)
          .snapshots(ParserOptions.Snapshots.DISABLED)
          .build();
  private static final String SUITE = "jsontestsuite/";

  @Test
  void usesTheJacksonItsJarCarries() throws Exception {
    Class<?> bundled = Class.forName("dev.partialjson.parser.internal.jackson.core.JsonFactory");
    Class<?> parser = Class.forName("dev.partialjson.parser.IncrementalJsonParser");
    assertThat(bundled.getProtectionDomain().getCodeSource())
        .isEqualTo(parser.getProtectionDomain().getCodeSource());
    // The application's own jackson-core 2, where it has one (not on Boot 4's Jackson 3): apart.
    Class<?> application;
    try {
      application = Class.forName("com.fasterxml.jackson.core.JsonFactory");
    } catch (ClassNotFoundException e) {
      return;
    }
    assertThat(application.getProtectionDomain()).isNotEqualTo(parser.getProtectionDomain());
  }

  @TestFactory
  Stream<DynamicTest> acceptsEveryYFileAlikeUnderEverySplit() {
    return files("y_").map(name -> dynamicTest(name, () -> assertAlike(name, true)));
  }

  @TestFactory
  Stream<DynamicTest> rejectsEveryNFileAlikeUnderEverySplit() {
    return files("n_").map(name -> dynamicTest(name, () -> assertAlike(name, false)));
  }

  /**
   * Checks that a {@code y_} file gives the same events under every split (without snapshots: the
   * suite repeats keys, which the monotone check leaves out), and an {@code n_} file the same
   * error.
   */
  private static void assertAlike(String name, boolean accepted) {
    SplitSweep sweep = SplitSweep.of(bytes(SUITE + name));
    if (accepted) {
      assertThat(sweep.check(STRICT_EVENTS).events()).as(name).isNotEmpty();
    } else {
      assertThat(sweep.checkRejected(ParserOptions.strict())).as(name).isNotNull();
    }
  }

  private static Stream<String> files(String prefix) {
    List<String> names =
        Arrays.stream(new String(bytes("corpus-index.txt"), StandardCharsets.UTF_8).split("\n"))
            .filter(line -> line.startsWith(SUITE + prefix))
            .map(line -> line.substring(SUITE.length()))
            .toList();
    assertThat(names).as("the %s files", prefix).hasSizeGreaterThan(90);
    return names.stream();
  }

  private static byte[] bytes(String resource) {
    try (InputStream in = JsonTestSuiteTest.class.getResourceAsStream("/" + resource)) {
      assertThat(in).as(resource).isNotNull();
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
