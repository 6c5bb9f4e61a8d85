package dev.partialjson.patch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.partialjson.testkit.Splits;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every corpus document (JSONTestSuite, its transform cases, real model outputs) under every split
 * of the sweep: the batches, applied in order to an empty document, are the parser's snapshot after
 * each piece, and the end or the error comes once, after the last batch.
 */
class PatchCorpusTest {

  static Stream<String> documents() {
    return Corpus.files().stream().filter(name -> !name.endsWith("index.jsonl"));
  }

  @ParameterizedTest
  @MethodSource("documents")
  void appendBatchesRebuildTheSnapshotAfterEveryPieceOfEverySplit(String name) {
    byte[] document = Corpus.read(name);
    for (Splits.Split split : Splits.sweep(document)) {
      Rebuild.check(document, split, PatchBatcher.Strings.APPEND);
    }
  }

  @ParameterizedTest
  @MethodSource("documents")
  void replaceBatchesRebuildTheSnapshotUnderTheTokenSplit(String name) {
    byte[] document = Corpus.read(name);
    List<Splits.Split> sweep = Splits.sweep(document);
    Splits.Split tokens = sweep.get(6);
    assertThat(tokens.name()).isEqualTo("o200k tokens as bytes");
    Rebuild.Outcome outcome = Rebuild.check(document, tokens, PatchBatcher.Strings.REPLACE);
    assertThat(outcome.batches())
        .flatMap(PatchBatch::operations)
        .noneMatch(op -> op.op() == PatchOperation.Op.APPEND);
  }
}
