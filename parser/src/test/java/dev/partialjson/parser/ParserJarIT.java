package dev.partialjson.parser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import dev.partialjson.testkit.SplitSweep;
import java.lang.module.Configuration;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.lang.module.ModuleReference;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The packaged jar, as an application gets it: Failsafe runs this class against the jar (with its
 * relocated Jackson) instead of {@code target/classes}, once with no Jackson on the class path and
 * once beside an old jackson-core ({@code partialjson.jackson.beside} names which, or {@code
 * none}). The parser must behave the same in both: JSONTestSuite's {@code y_} files accepted with
 * the same events, and its {@code n_} files rejected with the same error, under every split.
 */
class ParserJarIT {
  private static final ParserOptions STRICT_EVENTS =
      ParserOptions.builder()
          .text(ParserOptions.Text.JSON)
          .syntax(ParserOptions.Syntax.STRICT)
          .snapshots(ParserOptions.Snapshots.DISABLED)
          .build();
  private static final String SUITE = "jsontestsuite";
  private static final String BESIDE = System.getProperty("partialjson.jackson.beside", "unset");

  @Test
  void runsFromThePackagedJar() {
    Path source = codeSource(IncrementalJsonParser.class);
    assertThat(source.getFileName().toString()).startsWith("partialjson-parser-").endsWith(".jar");
  }

  @Test
  void findsOnlyTheApplicationsJacksonUnderJacksonsOwnNames() throws Exception {
    if (BESIDE.equals("none")) {
      assertThatThrownBy(() -> Class.forName("com.fasterxml.jackson.core.JsonFactory"))
          .isInstanceOf(ClassNotFoundException.class);
    } else {
      Class<?> version = Class.forName("com.fasterxml.jackson.core.json.PackageVersion");
      assertThat(version.getField("VERSION").get(null)).hasToString(BESIDE);
      assertThat(codeSource(version).getFileName()).hasToString("jackson-core-" + BESIDE + ".jar");
    }
    Class<?> bundled = Class.forName("dev.partialjson.parser.internal.jackson.core.JsonFactory");
    assertThat(codeSource(bundled)).isEqualTo(codeSource(IncrementalJsonParser.class));
    // Nothing in the jar answers for the application's jackson-core when looked up by name.
    java.net.URL pom =
        ParserJarIT.class.getResource(
            "/META-INF/maven/com.fasterxml.jackson.core/jackson-core/pom.properties");
    if (BESIDE.equals("none")) {
      assertThat(pom).isNull();
    } else {
      assertThat(String.valueOf(pom)).contains("/jackson-core-" + BESIDE + ".jar!");
    }
  }

  @Test
  void namesTheBundledJacksonInItsManifest() throws Exception {
    try (java.util.jar.JarFile jar =
        new java.util.jar.JarFile(codeSource(IncrementalJsonParser.class).toFile())) {
      assertThat(jar.getManifest().getMainAttributes().getValue("Bundled-Jackson-Core"))
          .matches("com\\.fasterxml\\.jackson\\.core:jackson-core:2\\.\\d+\\.\\d+");
    }
  }

  @Test
  void describesOneModuleThatRequiresNoJackson() {
    ModuleReference module = onlyModule(codeSource(IncrementalJsonParser.class));
    ModuleDescriptor descriptor = module.descriptor();

    assertThat(descriptor.name()).isEqualTo("dev.partialjson.parser");
    assertThat(descriptor.isAutomatic()).isFalse();
    assertThat(descriptor.requires().stream().map(ModuleDescriptor.Requires::name))
        .containsExactlyInAnyOrder("java.base", "org.jspecify");
    assertThat(descriptor.exports().stream().map(ModuleDescriptor.Exports::source))
        .containsExactly("dev.partialjson.parser");
    assertThat(descriptor.packages())
        .contains("dev.partialjson.parser.internal.jackson.core.json.async")
        .allMatch(name -> name.startsWith("dev.partialjson.parser"));
  }

  @Test
  void parsesOnTheModulePath() throws Exception {
    Path jar = codeSource(IncrementalJsonParser.class);
    ModuleLayer boot = ModuleLayer.boot();
    Configuration configuration =
        boot.configuration()
            .resolve(ModuleFinder.of(jar), ModuleFinder.of(), Set.of("dev.partialjson.parser"));
    ModuleLayer layer =
        boot.defineModulesWithOneLoader(configuration, ClassLoader.getPlatformClassLoader());
    ClassLoader loader = layer.findLoader("dev.partialjson.parser");

    Class<?> parserType = loader.loadClass("dev.partialjson.parser.IncrementalJsonParser");
    Class<?> listenerType = loader.loadClass("dev.partialjson.parser.JsonListener");
    // Every callback returns void; the parser calls nothing else on its listener.
    Object listener =
        Proxy.newProxyInstance(
            loader, new Class<?>[] {listenerType}, (proxy, method, args) -> null);
    Object parser = parserType.getMethod("create", listenerType).invoke(null, listener);
    Method feed = parserType.getMethod("feed", CharSequence.class);
    feed.invoke(parser, "{\"a\": [1, \"x\"");
    feed.invoke(parser, "]}");
    parserType.getMethod("finish").invoke(parser);
    Object snapshot = parserType.getMethod("snapshot").invoke(parser);
    Object value = snapshot.getClass().getMethod("value").invoke(snapshot);

    assertThat(parserType.getModule().getName()).isEqualTo("dev.partialjson.parser");
    assertThat(value).hasToString("{a=[1, x]}");
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
    SplitSweep sweep = SplitSweep.of(Corpus.bytes(SUITE, name));
    if (accepted) {
      assertThat(sweep.check(STRICT_EVENTS).events()).as(name).isNotEmpty();
    } else {
      assertThat(sweep.checkRejected(ParserOptions.strict())).as(name).isNotNull();
    }
  }

  private static Stream<String> files(String prefix) {
    List<String> names =
        Corpus.files(SUITE).stream()
            .filter(name -> name.startsWith(prefix))
            .collect(Collectors.toList());
    assertThat(names).as("the %s files", prefix).isNotEmpty();
    return names.stream();
  }

  private static ModuleReference onlyModule(Path jar) {
    Set<ModuleReference> modules = ModuleFinder.of(jar).findAll();
    assertThat(modules).hasSize(1);
    return modules.iterator().next();
  }

  private static Path codeSource(Class<?> type) {
    try {
      return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (java.net.URISyntaxException e) {
      throw new AssertionError(e);
    }
  }
}
