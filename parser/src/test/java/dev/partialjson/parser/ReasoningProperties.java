package dev.partialjson.parser;

import static org.assertj.core.api.Assertions.assertThat;

import dev.partialjson.testkit.Splits;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * A think block's text reaches the listener exactly, under every split, in well-formed segments,
 * whatever it holds: pieces of tags, brackets, multi-byte characters and emoji.
 */
class ReasoningProperties {

  /** Checks the shape of the reasoning callbacks and keeps the text. */
  private static final class Segments implements JsonListener {
    final StringBuilder text = new StringBuilder();
    boolean open;
    int starts;
    int ends;

    @Override
    public void reasoningStart() {
      assertThat(open).as("a segment opened inside another").isFalse();
      open = true;
      starts++;
    }

    @Override
    public void reasoningDelta(CharSequence delta) {
      assertThat(open).as("a delta outside a segment").isTrue();
      assertThat(delta.length()).isPositive();
      assertThat(Character.isHighSurrogate(delta.charAt(delta.length() - 1))).isFalse();
      assertThat(Character.isLowSurrogate(delta.charAt(0))).isFalse();
      text.append(delta);
    }

    @Override
    public void reasoningEnd() {
      assertThat(open).as("an end with no segment open").isTrue();
      open = false;
      ends++;
    }
  }

  @Provide
  Arbitrary<String> thoughts() {
    Arbitrary<String> pieces =
        Arbitraries.of(
            "<",
            "/",
            ">",
            "</",
            "</t",
            "</th",
            "</think",
            "</thinkin",
            "</thinking",
            "<think>",
            "think",
            "ing",
            "{",
            "[",
            "]",
            "}",
            "\"",
            "\\",
            " ",
            "\n",
            "a",
            "Z",
            "\u00e9",
            "\u65e5",
            "\ud83d\ude80",
            "</thinker>",
            "<thinking>");
    return pieces.list().ofMaxSize(40).map(list -> String.join("", list));
  }

  @Property(tries = 300)
  void aThinkBlocksTextArrivesWholeUnderEverySplit(
      @ForAll("thoughts") String thought, @ForAll boolean longTag) {
    String tag = longTag ? "thinking" : "think";
    String answer = "<" + tag + ">" + thought + "</" + tag + ">[1]";
    // the block ends at the first closing tag of either name, as a model's would
    int firstClose = firstClosingTag(thought);
    Assume.that(firstClose < 0);
    for (Splits.Split split : Splits.sweep(answer.getBytes(StandardCharsets.UTF_8))) {
      Segments segments = new Segments();
      IncrementalJsonParser parser = IncrementalJsonParser.create(segments);
      split.feed(parser);
      parser.finish();
      assertThat(segments.text.toString()).as(split.name()).isEqualTo(thought);
      assertThat(segments.starts).as(split.name()).isEqualTo(1);
      assertThat(segments.ends).as(split.name()).isEqualTo(1);
      assertThat(parser.snapshot().value()).isEqualTo(List.of(1));
    }
  }

  @Property(tries = 200)
  void fedReasoningArrivesWholeWhateverTheCuts(
      @ForAll("thoughts") String thought, @ForAll("cuts") List<Integer> cuts) {
    Segments segments = new Segments();
    IncrementalJsonParser parser = IncrementalJsonParser.create(segments);
    int from = 0;
    for (int cut : cuts) {
      int to = Math.min(thought.length(), from + cut);
      parser.feedReasoning(thought.substring(from, to)); // may cut a surrogate pair
      from = to;
    }
    parser.feedReasoning(thought.substring(from));
    parser.feed("{}");
    parser.finish();
    assertThat(segments.text.toString()).isEqualTo(thought);
    assertThat(segments.starts).isEqualTo(thought.isEmpty() ? 0 : 1);
    assertThat(segments.ends).isEqualTo(segments.starts);
  }

  @Provide
  Arbitrary<List<Integer>> cuts() {
    return Arbitraries.integers().between(0, 7).list().ofMaxSize(30).map(ArrayList::new);
  }

  private static int firstClosingTag(String text) {
    int a = text.indexOf("</think>");
    int b = text.indexOf("</thinking>");
    return a < 0 ? b : b < 0 ? a : Math.min(a, b);
  }
}
