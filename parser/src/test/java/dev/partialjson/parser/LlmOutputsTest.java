package dev.partialjson.parser;

import static dev.partialjson.testkit.Monotone.inDocumentOrder;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.partialjson.testkit.EventLog;
import dev.partialjson.testkit.Monotone;
import dev.partialjson.testkit.Replay;
import dev.partialjson.testkit.Splits;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Real model output (the llm-outputs corpus; see the README in the test resources), read under
 * every split of {@link Splits#sweep} with the default options and with {@link
 * ParserOptions#strict()}: the final value is Jackson's, the merged events are the same under every
 * split (and {@link EventLog} checks that each string's deltas add up to its value), each snapshot
 * extends the one before, and nothing is reported as repaired.
 */
class LlmOutputsTest {
  private static final String FOLDER = "llm-outputs";
  private static final String INDEX = "index.jsonl";

  /** One document and what the index says about it. */
  private record Document(String file, String model, String kind) {
    @Override
    public String toString() {
      return file + " (" + model + ", " + kind + ")";
    }
  }

  @Test
  void indexDescribesEveryDocument() {
    List<String> files = new ArrayList<>(Corpus.files(FOLDER));
    assertThat(files.remove(INDEX)).isTrue();
    assertThat(files).hasSize(289);
    assertThat(documents().map(Document::file)).containsExactlyElementsOf(files);
    List<String> listing = Corpus.directoryListing(FOLDER);
    if (listing != null) {
      assertThat(Corpus.files(FOLDER)).isEqualTo(listing);
    }
  }

  @TestFactory
  Stream<DynamicTest> readsEveryDocumentAsJacksonDoesWithTheDefaultOptions() {
    return documents()
        .map(d -> dynamicTest(d.toString(), () -> assertReadAlike(ParserOptions.defaults(), d)));
  }

  @TestFactory
  Stream<DynamicTest> readsEveryDocumentAsJacksonDoesWithStrictOptions() {
    return documents()
        .map(d -> dynamicTest(d.toString(), () -> assertReadAlike(ParserOptions.strict(), d)));
  }

  private static void assertReadAlike(ParserOptions options, Document document) throws Exception {
    byte[] bytes = Corpus.bytes(FOLDER, document.file());
    Object expected = JacksonReference.parse(bytes, ParserOptions.Syntax.STRICT);
    List<JsonEvent> first = null;
    for (Splits.Split split : Splits.sweep(bytes)) {
      Replay.Outcome outcome = run(document, options, split);
      assertThat(outcome.error()).as("%s: error under split '%s'", document, split).isNull();
      assertThat(inDocumentOrder(outcome.value()))
          .as("%s: value under split '%s'", document, split)
          .isEqualTo(inDocumentOrder(expected));
      List<JsonEvent> merged = outcome.log().merged();
      if (first == null) {
        first = merged;
      } else {
        assertThat(merged)
            .as("%s: events under split '%s' against the whole", document, split)
            .isEqualTo(first);
      }
      List<Snapshot> snapshots = new ArrayList<>(outcome.snapshots());
      snapshots.add(outcome.last());
      for (int i = 1; i < snapshots.size(); i++) {
        try {
          Monotone.assertExtends(snapshots.get(i - 1), snapshots.get(i));
        } catch (AssertionError e) {
          throw new AssertionError(
              document + " under split '" + split + "', snapshot " + i + ": " + e.getMessage(), e);
        }
      }
      // Every document is standard JSON (Jackson's strict parse above accepts it), so there is
      // nothing to repair in either mode. Text before the root value is whitespace at most (0007
      // starts with a newline): JSON allows it there, so it is not skipped text.
      assertThat(outcome.parser().repairs())
          .as("%s: repairs under split '%s'", document, split)
          .isEmpty();
    }
  }

  /** Runs one split with a snapshot after each piece; anything thrown fails, naming the split. */
  private static Replay.Outcome run(Document document, ParserOptions options, Splits.Split split) {
    try {
      return Replay.run(options, split, true);
    } catch (RuntimeException | Error e) {
      throw new AssertionError(document + " under split '" + split + "': " + e, e);
    }
  }

  private static Stream<Document> documents() {
    String index = new String(Corpus.bytes(FOLDER, INDEX), StandardCharsets.UTF_8);
    ObjectMapper mapper = new ObjectMapper();
    return index
        .lines()
        .map(
            line -> {
              try {
                JsonNode entry = mapper.readTree(line);
                return new Document(
                    entry.path("file").asText(),
                    entry.path("model").asText(entry.path("provider_api").asText("?")),
                    entry.path("kind").asText("?"));
              } catch (IOException e) {
                throw new UncheckedIOException(e);
              }
            });
  }
}
