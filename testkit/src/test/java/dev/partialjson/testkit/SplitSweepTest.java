package dev.partialjson.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.partialjson.parser.JsonEvent;
import dev.partialjson.parser.JsonListener;
import dev.partialjson.parser.JsonPath;
import dev.partialjson.parser.LimitExceededException;
import dev.partialjson.parser.Limits;
import dev.partialjson.parser.MalformedJsonException;
import dev.partialjson.parser.ParserOptions;
import dev.partialjson.parser.PartialJsonException;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SplitSweepTest {
  private static final String DOCUMENT =
      "{\"title\": \"Caf\u00e9 \ud83d\ude00 plan\", \"tasks\": [{\"n\": 1}, {\"n\": 2.5}],"
          + " \"done\": false, \"note\": null}";

  @Test
  void runsEverySplitOfTheSweepAndReportsWhatTheyAgreedOn() {
    SplitSweep.Report report = SplitSweep.of(DOCUMENT).check(ParserOptions.defaults());

    assertThat(report.splits())
        .containsExactly(
            "whole",
            "every byte",
            "2-byte chunks",
            "3-byte chunks at an offset",
            "5-byte ByteBuffers",
            "100-byte chunks",
            "o200k tokens as bytes",
            "o200k tokens as text");
    assertThat(report.value()).isInstanceOf(Map.class);
    assertThat(((Map<?, ?>) report.value()).get("title")).isEqualTo("Caf\u00e9 \ud83d\ude00 plan");
    assertThat(report.events())
        .contains(
            new JsonEvent(
                JsonEvent.Kind.STRING_DELTA,
                JsonPath.root().field("title"),
                "Caf\u00e9 \ud83d\ude00 plan"));
    assertThat(report.events().get(report.events().size() - 1).kind())
        .isEqualTo(JsonEvent.Kind.DOCUMENT_END);
  }

  @Test
  void checksWithoutSnapshotsToo() {
    ParserOptions noSnapshots =
        ParserOptions.builder().snapshots(ParserOptions.Snapshots.DISABLED).build();

    SplitSweep.Report report = SplitSweep.of(DOCUMENT).check(noSnapshots);

    assertThat(report.value()).isNull();
    assertThat(report.events()).isNotEmpty();
  }

  @Test
  void checksThatARejectedDocumentFailsAlikeUnderEverySplit() {
    PartialJsonException e =
        SplitSweep.of("{\"a\": [1, 2,, 3]}").checkRejected(ParserOptions.strict());

    assertThat(e).isInstanceOf(MalformedJsonException.class);
    assertThat(e.byteOffset()).isEqualTo(12); // the second comma
  }

  @Test
  void failsNamingTheSplitWhenARejectedDocumentIsAccepted() {
    assertThatThrownBy(() -> SplitSweep.of("[1, 2]").checkRejected(ParserOptions.strict()))
        .isInstanceOf(AssertionError.class)
        .hasMessage("under split \"whole\" the parser accepted the document");
  }

  @Test
  void returnsALimitThatEverySplitExceedsAlike() {
    ParserOptions twoDigits =
        ParserOptions.builder()
            .text(ParserOptions.Text.JSON)
            .limits(Limits.builder().maxNumberLength(2).build())
            .build();
    assertThat(SplitSweep.of("[123]").checkRejected(twoDigits))
        .isInstanceOf(LimitExceededException.class);
  }

  @Test
  void failsNamingTheSplitWhenADeltaIsDropped() {
    // A listener built on the parser that loses the second delta of a string: only splits that cut
    // the string into several deltas can show it, so "whole" passes and a later split fails.
    assertThatThrownBy(
            () -> SplitSweep.of(DOCUMENT).check(ParserOptions.defaults(), DropSecondDelta::new))
        .isInstanceOf(AssertionError.class)
        .hasMessageStartingWith("under split \"every byte\": the deltas of $.title concatenate to");
  }

  @Test
  void failsNamingTheSplitWhenTheEventsDependOnIt() {
    // A listener that reports every delta as a complete string of its own: events then depend on
    // how the input was cut.
    assertThatThrownBy(
            () -> SplitSweep.of(DOCUMENT).check(ParserOptions.defaults(), DeltasAsNumbers::new))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("under split \"every byte\", ")
        .hasMessageContaining("but the whole document gives");
  }

  @Test
  void failsNamingTheSplitWhenTheParserFails() {
    assertThatThrownBy(() -> SplitSweep.of("{\"a\": [1, 2}").check(ParserOptions.defaults()))
        .isInstanceOf(AssertionError.class)
        .hasMessageStartingWith("under split \"whole\" the parser failed: ");
  }

  @Test
  void splitsAreTheDocumentCutDifferently() {
    for (Splits.Split split : SplitSweep.of(DOCUMENT).splits()) {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      split.feed(new Collector(bytes));
      assertThat(bytes.toString(StandardCharsets.UTF_8)).as(split.name()).isEqualTo(DOCUMENT);
    }
  }

  /** Drops the second delta of every string. */
  private static final class DropSecondDelta extends Forwarder {
    private int deltas;

    DropSecondDelta(JsonListener next) {
      super(next);
    }

    @Override
    public void stringDelta(JsonPath path, CharSequence delta) {
      if (++deltas != 2) {
        super.stringDelta(path, delta);
      }
    }

    @Override
    public void stringValue(JsonPath path, String value) {
      deltas = 0;
      super.stringValue(path, value);
    }
  }

  /** Adds a number event after each delta: one per delta, so as many as the split made. */
  private static final class DeltasAsNumbers extends Forwarder {
    DeltasAsNumbers(JsonListener next) {
      super(next);
    }

    @Override
    public void stringDelta(JsonPath path, CharSequence delta) {
      super.stringDelta(path, delta);
      super.numberValue(path.field("length"), delta.length());
    }
  }

  /** Collects what a split feeds, as UTF-8 bytes. */
  private record Collector(ByteArrayOutputStream out) implements Splits.Feeder {
    @Override
    public void feed(CharSequence delta) {
      out.writeBytes(delta.toString().getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void feed(byte[] bytes, int offset, int length) {
      out.write(bytes, offset, length);
    }

    @Override
    public void feed(ByteBuffer buffer) {
      byte[] bytes = new byte[buffer.remaining()];
      buffer.get(bytes);
      out.writeBytes(bytes);
    }
  }
}
