package dev.partialjson.patch;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** The test corpora on the class path (see src/test/resources/README.md), read as bytes. */
final class Corpus {
  private Corpus() {}

  /** Returns every file named in corpus-index.txt. */
  static List<String> files() {
    String index = new String(read("corpus-index.txt"), StandardCharsets.UTF_8);
    return index.lines().filter(line -> !line.startsWith("#") && !line.isBlank()).toList();
  }

  static byte[] read(String name) {
    try (InputStream in = Corpus.class.getClassLoader().getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("not on the class path: " + name);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
