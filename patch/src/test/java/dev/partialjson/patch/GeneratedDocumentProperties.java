package dev.partialjson.patch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.partialjson.testkit.Splits;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

/**
 * Generated documents under every split of the sweep, and cut between every pair of chars (a
 * surrogate pair then arrives in two text deltas): the batches rebuild the snapshot after each
 * piece, in both string modes.
 */
class GeneratedDocumentProperties {

  @Provide
  Arbitrary<Object> documents() {
    return JsonValues.documents();
  }

  @Property(tries = 50)
  void batchesRebuildTheSnapshotAfterEveryPieceOfEverySplit(@ForAll("documents") Object value) {
    String text = Json.write(value);
    Statistics.label("length")
        .collect(text.length() < 100 ? "< 100" : text.length() < 1000 ? "< 1000" : ">= 1000");
    byte[] document = text.getBytes(StandardCharsets.UTF_8);
    Statistics.label("surrogate pair").collect(text.codePoints().anyMatch(c -> c > 0xFFFF));
    Statistics.label("container in a container").collect(text.matches("(?s).*[\\[:,]\\s*[\\[{].*"));
    List<Splits.Split> splits = new ArrayList<>(Splits.sweep(document));
    List<Splits.Piece> chars = new ArrayList<>();
    for (String c : Splits.everyChar(text)) {
      chars.add(feeder -> feeder.feed(c));
    }
    splits.add(new Splits.Split("every char", chars));

    for (Splits.Split split : splits) {
      for (PatchBatcher.Strings strings : PatchBatcher.Strings.values()) {
        Rebuild.Outcome outcome = Rebuild.check(document, split, strings);
        assertThat(outcome.ends()).containsExactly("end");
      }
    }
  }
}
