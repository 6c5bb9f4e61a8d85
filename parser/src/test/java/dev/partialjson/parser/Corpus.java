package dev.partialjson.parser;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * The test corpora in the test resources (see the README there), read as bytes from the class path.
 * The files are found through {@code corpus-index.txt} rather than by listing a directory, which
 * works only while the resources are plain files; {@link #directoryListing} is there for the test
 * that checks the index against the folders.
 */
final class Corpus {
  private static final String INDEX = "/corpus-index.txt";

  private Corpus() {}

  /** Returns the names of the files in {@code folder}, in the order of the index (sorted). */
  static List<String> files(String folder) {
    String prefix = folder + "/";
    List<String> names = new ArrayList<>();
    for (String line : new String(read(INDEX), StandardCharsets.UTF_8).split("\n")) {
      if (line.startsWith(prefix)) {
        names.add(line.substring(prefix.length()));
      }
    }
    return names;
  }

  /** Returns the bytes of {@code name} in {@code folder}, exactly as stored. */
  static byte[] bytes(String folder, String name) {
    return read("/" + folder + "/" + name);
  }

  /**
   * Returns the names of the files in {@code folder}, sorted, by listing the directory, or null if
   * the resources are not plain files (a jar).
   */
  static @Nullable List<String> directoryListing(String folder) {
    URL url = Corpus.class.getResource("/" + folder);
    if (url == null || !"file".equals(url.getProtocol())) {
      return null;
    }
    try (Stream<Path> files = Files.list(Path.of(url.toURI()))) {
      return files.map(p -> p.getFileName().toString()).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  private static byte[] read(String resource) {
    try (InputStream in = Corpus.class.getResourceAsStream(resource)) {
      return Objects.requireNonNull(in, "no resource " + resource).readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
