package dev.partialjson.patch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.partialjson.parser.IncrementalJsonParser;
import dev.partialjson.testkit.Splits;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The size of the operations against the document's, on documents that grow in items and in the
 * length of their strings, under every split (one byte at a time the worst: an {@code append} per
 * byte), operations not coalesced.
 *
 * <p>The bound, with n the document's bytes and P the longest path in an operation (as written in
 * its JSON): each operation is one distinct byte of the document (a container's or scalar's first
 * byte, a string's opening quote, the first byte of a piece that string grew by), so there are at
 * most n; each one is at most 35 bytes of its own ({@code {"op":"replace","path":"","value":}}), 1
 * for the comma between operations, its path and its value; a string's pieces, as written, take no
 * more than the document's bytes for them (only what JSON requires escaped, and lone surrogates,
 * are escaped, and the document had to escape those too) plus 2 quotes each; a number takes at most
 * 3 bytes more than in the document (BigDecimal writes 100e10 as 1.00E+12) and has at least one; a
 * container's {}, [] are its own two bytes. So the total is at most (35 + 1 + 2 + P) n + 4 n = (42
 * + P) n: linear in the document for documents whose paths stay short, as a model's answers do; a
 * path that grows with the document (deep nesting) makes each operation longer.
 */
class PatchSizeTest {

  @Test
  void operationsStayWithinAFixedMultipleOfTheDocumentAsItGrows() {
    for (int items = 4; items <= 256; items *= 4) {
      byte[] document = plan(items).getBytes(StandardCharsets.UTF_8);
      for (Splits.Split split : Splits.sweep(document)) {
        Size size = size(document, split);
        assertThat(size.bytes)
            .as(
                "%s items, %s: %s bytes of operations, longest path %s",
                items, split, size.bytes, size.longestPath)
            .isLessThanOrEqualTo((42L + size.longestPath) * document.length);
        // the paths of this shape stay short however many items: so at most 62 n
        assertThat(size.longestPath).isLessThanOrEqualTo(20);
      }
    }
  }

  @Test
  void wholeStringsForEachPieceWouldGrowWithTheSquareOfTheString() {
    // What the bound rules out: a string sent whole each time it grows (a batch per piece with
    // Strings.REPLACE), as plain RFC 6902 has to. This shows the check above can fail.
    byte[] document = plan(64).getBytes(StandardCharsets.UTF_8);
    Splits.Split everyByte = Splits.sweep(document).get(1);
    assertThat(everyByte.name()).isEqualTo("every byte");
    Rebuild.Outcome outcome = Rebuild.check(document, everyByte, PatchBatcher.Strings.REPLACE);
    long bytes = 0;
    int longestPath = 0;
    for (PatchBatch batch : outcome.batches()) {
      for (PatchOperation op : batch.operations()) {
        bytes += op.toJson().getBytes(StandardCharsets.UTF_8).length + 1;
        longestPath = Math.max(longestPath, Json.write(op.path()).length() - 2);
      }
    }

    assertThat(bytes).isGreaterThan((42L + longestPath) * document.length);
  }

  /** A plan of {@code items} tasks, with a summary whose length grows with them. */
  static String plan(int items) {
    StringBuilder tasks = new StringBuilder();
    for (int i = 0; i < items; i++) {
      tasks
          .append(i == 0 ? "" : ", ")
          .append(
              String.format(
                  "{\"id\": %d, \"title\": \"Task %d: write the \\\"part\\\" \\u00e9 \uD83D\uDE00\","
                      + " \"hours\": %d.5e1, \"done\": %s, \"tags\": [\"a\", null]}",
                  i, i, i, i % 2 == 0));
    }
    String summary = "All tasks, one by one. ".repeat(items);
    return "{\"summary\": \"" + summary + "\", \"tasks\": [" + tasks + "], \"notes\": {}}";
  }

  private record Size(long bytes, int longestPath) {}

  private static Size size(byte[] document, Splits.Split split) {
    List<PatchOperation> ops = new ArrayList<>();
    PatchStream stream = PatchStream.create(ops::add);
    IncrementalJsonParser parser = IncrementalJsonParser.create(stream);
    split.feed(
        new Splits.Feeder() {
          @Override
          public void feed(CharSequence text) {
            parser.feed(text);
            stream.sync(parser.snapshot());
          }

          @Override
          public void feed(byte[] bytes, int offset, int length) {
            parser.feed(bytes, offset, length);
            stream.sync(parser.snapshot());
          }

          @Override
          public void feed(java.nio.ByteBuffer buffer) {
            parser.feed(buffer);
            stream.sync(parser.snapshot());
          }
        });
    parser.finish();
    JsonPatchApplier applied = new JsonPatchApplier();
    applied.apply(ops);
    assertThat(applied.value()).isEqualTo(parser.snapshot().value());
    assertThat(((Map<?, ?>) applied.value()).keySet())
        .map(Object::toString)
        .containsExactly("summary", "tasks", "notes");
    long bytes = 0;
    int longestPath = 0;
    for (PatchOperation op : ops) {
      bytes += op.toJson().getBytes(StandardCharsets.UTF_8).length + 1; // and a comma
      longestPath = Math.max(longestPath, Json.write(op.path()).length() - 2);
    }
    return new Size(bytes, longestPath);
  }
}
