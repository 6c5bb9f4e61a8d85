package dev.partialjson.benchmarks;

import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.Encoding;
import com.knuddels.jtokkit.api.EncodingType;
import com.knuddels.jtokkit.api.IntArrayList;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One benchmark cell's input, cut into deltas ahead of time so that no benchmark pays for the
 * cutting: each document as one byte array with the end offset of every delta (fed as slices of
 * that array, without copies), and the same deltas as strings (what model SDKs hand out). Immutable
 * after construction.
 */
final class Input {
  private static final Encoding O200K =
      Encodings.newDefaultEncodingRegistry().getEncoding(EncodingType.O200K_BASE);

  /** One document and its deltas. */
  static final class Document {
    final byte[] bytes;

    /** The end offset of each byte delta; the first starts at 0. */
    final int[] ends;

    /** The same text cut at the same places (moved forward to a character boundary). */
    final String[] texts;

    Document(byte[] bytes, int[] ends) {
      this.bytes = bytes;
      this.ends = ends;
      List<String> texts = new ArrayList<>();
      int start = 0;
      for (int end : ends) {
        end = Math.max(end, start);
        while (end < bytes.length && (bytes[end] & 0xC0) == 0x80) {
          end++; // a string delta holds whole characters
        }
        if (end > start) {
          texts.add(new String(bytes, start, end - start, StandardCharsets.UTF_8));
          start = end;
        }
      }
      this.texts = texts.toArray(new String[0]);
    }
  }

  final Document[] documents;

  /** Bytes of UTF-8 in all documents. */
  final long bytes;

  /** Byte deltas in all documents. */
  final long deltas;

  private Input(List<byte[]> documents, String split) {
    this.documents = new Document[documents.size()];
    long bytes = 0;
    long deltas = 0;
    for (int i = 0; i < documents.size(); i++) {
      byte[] document = documents.get(i);
      Document cut = new Document(document, ends(document, split));
      this.documents[i] = cut;
      bytes += document.length;
      deltas += cut.ends.length;
    }
    this.bytes = bytes;
    this.deltas = deltas;
  }

  /**
   * Returns the input for a cell.
   *
   * @param size {@code 1KB}, {@code 10KB}, {@code 100KB}, {@code 1MB} (one generated document),
   *     {@code corpus} (every real model output, one parser each), or one of two documents of about
   *     100 KB of one shape, not in the default cells: {@code prose} (plain ASCII text in a
   *     string), {@code cjk} (the same of Chinese text) and {@code objects} (small objects, nearly
   *     all structure)
   * @param split {@code whole}, a delta size in bytes ({@code 1}, {@code 4}, {@code 64}), or {@code
   *     tokens} (o200k tokens, a token ending inside a character merged with the next)
   */
  static Input of(String size, String split) {
    List<byte[]> documents =
        switch (size) {
          case "corpus" -> Documents.corpus();
          case "1KB" -> List.of(Documents.generate(1 << 10));
          case "10KB" -> List.of(Documents.generate(10 << 10));
          case "100KB" -> List.of(Documents.generate(100 << 10));
          case "1MB" -> List.of(Documents.generate(1 << 20));
          case "prose" -> List.of(Documents.plainProse());
          case "cjk" -> List.of(Documents.cjkProse());
          case "objects" -> List.of(Documents.objects());
          default -> throw new IllegalArgumentException("unknown size: " + size);
        };
    Input input = new Input(documents, split);
    input.record(size, split);
    return input;
  }

  /**
   * Writes the cell's byte and delta counts to {@code target/cells/SIZE-SPLIT.properties} (relative
   * to the working directory, the benchmarks module under {@code exec:exec@jmh}), where {@code
   * report.py} reads them to turn time per document into MB/s and time per delta.
   */
  private void record(String size, String split) {
    long texts = 0;
    for (Document document : documents) {
      texts += document.texts.length;
    }
    Path file = Path.of(System.getProperty("partialjson.cells", "target/cells"));
    String text =
        "documents="
            + documents.length
            + "\nbytes="
            + bytes
            + "\ndeltas="
            + deltas
            + "\ntextDeltas="
            + texts
            + "\n";
    try {
      Files.createDirectories(file);
      Files.writeString(file.resolve(size + "-" + split + ".properties"), text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Writes the counts of every cell of the default parameters; see {@link #record}. */
  public static void main(String[] args) {
    for (String size : new String[] {"1KB", "10KB", "100KB", "1MB", "corpus"}) {
      for (String split : new String[] {"whole", "1", "4", "64", "tokens"}) {
        of(size, split);
      }
    }
  }

  private static int[] ends(byte[] document, String split) {
    return switch (split) {
      case "whole" -> new int[] {document.length};
      case "tokens" -> tokenEnds(document);
      default -> fixedEnds(document.length, Integer.parseInt(split));
    };
  }

  private static int[] fixedEnds(int length, int size) {
    int[] ends = new int[(length + size - 1) / size];
    for (int i = 0; i < ends.length; i++) {
      ends[i] = Math.min(length, (i + 1) * size);
    }
    return ends;
  }

  /** Cuts like jtokkit's o200k_base, as the parser's test helper {@code Splits} does. */
  private static int[] tokenEnds(byte[] document) {
    IntArrayList ids = O200K.encodeOrdinary(new String(document, StandardCharsets.UTF_8));
    int[] ends = new int[ids.size()];
    int n = 0;
    int end = 0;
    IntArrayList one = new IntArrayList(1);
    for (int i = 0; i < ids.size(); i++) {
      one.clear();
      one.add(ids.get(i));
      end += O200K.decodeBytes(one).length;
      if (end == document.length || (document[end] & 0xC0) != 0x80) {
        ends[n++] = end; // else the token ends inside a character: merged with the next
      }
    }
    if (end != document.length) {
      throw new IllegalStateException("tokens do not cover the document");
    }
    return Arrays.copyOf(ends, n);
  }
}
