package dev.partialjson.samples;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Consumer;

/** Runs a sample in-process and returns what it printed, line by line. */
final class DemoOutput {
  private DemoOutput() {}

  static List<String> of(Consumer<PrintStream> demo) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    demo.accept(out);
    return bytes.toString(StandardCharsets.UTF_8).lines().toList();
  }
}
