package dev.partialjson.parser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.partialjson.testkit.Splits;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReasoningTest {
  private static final String THOUGHT =
      "The user wants {json} or [a list]; a < b, </thinker> is not the end, nor is </think or"
          + " </thinking without its bracket. Caf\u00e9, \u65e5\u672c, \ud83d\ude80 and \\\" too.";

  /** Records the reasoning callbacks and the answer's events, in order. */
  private static final class Log implements JsonListener {
    final List<String> order = new ArrayList<>();
    final List<String> deltas = new ArrayList<>();
    final StringBuilder reasoning = new StringBuilder();
    private final JsonListener events = JsonListener.of(event -> order.add(event.kind().name()));
    boolean endsUnpaired; // the input ends with half a pair, which is handed over as it is

    @Override
    public void reasoningStart() {
      order.add("REASONING_START");
    }

    @Override
    public void reasoningDelta(CharSequence delta) {
      assertThat(delta.length()).isPositive();
      if (!endsUnpaired) {
        assertThat(Character.isHighSurrogate(delta.charAt(delta.length() - 1)))
            .as("a delta ends inside a surrogate pair: %s", delta)
            .isFalse();
      }
      deltas.add(delta.toString());
      reasoning.append(delta);
      if (!order.isEmpty() && order.get(order.size() - 1).equals("REASONING_DELTA")) {
        return; // one entry for a run of deltas: how many depends on the split
      }
      order.add("REASONING_DELTA");
    }

    @Override
    public void reasoningEnd() {
      order.add("REASONING_END");
    }

    @Override
    public void startArray(JsonPath path) {
      events.startArray(path);
    }

    @Override
    public void stringValue(JsonPath path, String value) {
      events.stringValue(path, value);
    }

    @Override
    public void endArray(JsonPath path) {
      events.endArray(path);
    }

    @Override
    public void documentEnd() {
      events.documentEnd();
    }

    @Override
    public void repair(Repair repair) {
      events.repair(repair);
    }
  }

  @Test
  void streamsAThinkBlockAsReasoningUnderEverySplit() {
    for (String tag : List.of("think", "thinking")) {
      String answer = "<" + tag + ">" + THOUGHT + "</" + tag + ">\n[\"done\"]";
      for (Splits.Split split : Splits.sweep(answer)) {
        Log log = new Log();
        IncrementalJsonParser parser = IncrementalJsonParser.create(log);
        split.feed(parser);
        parser.finish();
        assertThat(log.reasoning.toString()).as(split.name()).isEqualTo(THOUGHT);
        assertThat(log.order)
            .as(split.name())
            .containsExactly(
                "REASONING_START",
                "REASONING_DELTA",
                "REASONING_END",
                "REPAIR",
                "START_ARRAY",
                "STRING",
                "END_ARRAY",
                "DOCUMENT_END");
        assertThat(parser.reasoningChars()).as(split.name()).isEqualTo(THOUGHT.length());
        assertThat(parser.snapshot().value()).isEqualTo(List.of("done"));
      }
    }
  }

  @Test
  void handsOverEachPieceOfAThinkBlockInTheFeedThatBringsIt() {
    Log log = new Log();
    IncrementalJsonParser parser = IncrementalJsonParser.create(log);
    parser.feed("<think>Plan ");
    assertThat(log.deltas).containsExactly("Plan ");
    parser.feed("the trip</th");
    assertThat(log.deltas).containsExactly("Plan ", "the trip"); // "</th" may be the closing tag
    parser.feed("e end</think>{}");
    assertThat(log.deltas).containsExactly("Plan ", "the trip", "</the end");
    assertThat(log.order).contains("REASONING_END");
  }

  @Test
  void endsAThinkBlockCutShortWithAllItsTextBeforeReportingTheIncompleteInput() {
    Log log = new Log();
    IncrementalJsonParser parser = IncrementalJsonParser.create(log);
    parser.feed("<thinking>maybe {\"a\": 1} </thin");
    assertThatThrownBy(parser::finish)
        .isInstanceOf(IncompleteJsonException.class)
        .hasMessage(
            "No JSON value began before the end of the input (it ended inside a thinking block) at"
                + " $ (offset 31, line 1, column 32)");
    assertThat(log.reasoning.toString()).isEqualTo("maybe {\"a\": 1} </thin");
    assertThat(log.order).containsExactly("REASONING_START", "REASONING_DELTA", "REASONING_END");
  }

  @Test
  void streamsFedReasoningAsOneSegmentThatTheAnswerEnds() {
    Log log = new Log();
    IncrementalJsonParser parser = IncrementalJsonParser.create(log);
    parser.feedReasoning("Rocket: \ud83d");
    parser.feedReasoning("");
    parser.feedReasoning("\ude80 go");
    parser.feed("");
    assertThat(log.order).containsExactly("REASONING_START", "REASONING_DELTA");
    parser.feed("[\"a\"]");
    parser.finish();
    assertThat(log.deltas).containsExactly("Rocket: ", "\ud83d\ude80 go");
    assertThat(log.order)
        .containsExactly(
            "REASONING_START",
            "REASONING_DELTA",
            "REASONING_END",
            "START_ARRAY",
            "STRING",
            "END_ARRAY",
            "DOCUMENT_END");
    assertThat(parser.reasoningChars()).isEqualTo("Rocket: \ud83d\ude80 go".length());
    assertThat(parser.bytesFed()).isEqualTo(5);
  }

  @Test
  void opensANewSegmentAfterEachEnd() {
    Log log = new Log();
    IncrementalJsonParser parser = IncrementalJsonParser.create(log);
    parser.feedReasoning("first");
    parser.endReasoning();
    parser.endReasoning(); // none open: nothing
    parser.feed("[");
    parser.feedReasoning("second");
    parser.feed("\"x\"");
    parser.feedReasoning("third");
    parser.feed("]");
    parser.finish();
    assertThat(log.deltas).containsExactly("first", "second", "third");
    assertThat(log.order)
        .containsExactly(
            "REASONING_START",
            "REASONING_DELTA",
            "REASONING_END",
            "START_ARRAY",
            "REASONING_START",
            "REASONING_DELTA",
            "REASONING_END",
            "STRING",
            "REASONING_START",
            "REASONING_DELTA",
            "REASONING_END",
            "END_ARRAY",
            "DOCUMENT_END");
  }

  @Test
  void endsFedReasoningAtTheEndAndKeepsAnUnpairedSurrogateThatArrived() {
    Log log = new Log();
    log.endsUnpaired = true;
    IncrementalJsonParser parser = IncrementalJsonParser.create(log);
    parser.feed("{\"a\": 1");
    parser.feedReasoning("cut \ud83d");
    assertThatThrownBy(parser::finish).isInstanceOf(IncompleteJsonException.class);
    assertThat(log.deltas).containsExactly("cut ", "\ud83d");
    assertThat(log.order).endsWith("REASONING_END");
  }

  @Test
  void takesFedReasoningInAJsonOnlyParserThatDoesNotLookForThinkBlocks() {
    Log log = new Log();
    IncrementalJsonParser parser =
        IncrementalJsonParser.create(
            ParserOptions.builder().text(ParserOptions.Text.JSON).build(), log);
    parser.feedReasoning("thoughts");
    parser.feed("[]");
    parser.finish();
    assertThat(log.deltas).containsExactly("thoughts");
    IncrementalJsonParser json =
        IncrementalJsonParser.create(
            ParserOptions.builder().text(ParserOptions.Text.JSON).build(), new Log());
    assertThatThrownBy(() -> json.feed("<think>x</think>[]"))
        .isInstanceOf(MalformedJsonException.class);
  }

  @Test
  void givesReasoningEventsToAnEventConsumer() {
    List<JsonEvent> events = new ArrayList<>();
    IncrementalJsonParser parser = IncrementalJsonParser.create(JsonListener.of(events::add));
    parser.feed("<think>hm</think>{}");
    parser.finish();
    assertThat(events.subList(0, 3))
        .containsExactly(
            new JsonEvent(JsonEvent.Kind.REASONING_START, JsonPath.root(), null),
            new JsonEvent(JsonEvent.Kind.REASONING_DELTA, JsonPath.root(), "hm"),
            new JsonEvent(JsonEvent.Kind.REASONING_END, JsonPath.root(), null));
    assertThat(events.get(1)).hasToString("REASONING_DELTA $ \"hm\"");
  }

  @Test
  void refusesReasoningAfterTheEndAndStopsOnAListenersException() {
    IncrementalJsonParser finished = IncrementalJsonParser.create(JsonListener.NONE);
    finished.feed("{}");
    finished.finish();
    assertThatThrownBy(() -> finished.feedReasoning("late"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("finished");
    assertThatThrownBy(() -> finished.feedReasoning(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("text == null");
    IllegalArgumentException thrown = new IllegalArgumentException("no thoughts, please");
    IncrementalJsonParser parser =
        IncrementalJsonParser.create(
            new JsonListener() {
              @Override
              public void reasoningDelta(CharSequence delta) {
                throw thrown;
              }
            });
    assertThatThrownBy(() -> parser.feed("<think>x")).isSameAs(thrown);
    assertThatThrownBy(() -> parser.feed("</think>{}")).isInstanceOf(IllegalStateException.class);
    assertThat(parser.isClosed()).isTrue();
  }
}
