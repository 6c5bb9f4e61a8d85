package dev.partialjson.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.partialjson.parser.JsonEvent;
import dev.partialjson.parser.JsonPath;
import org.junit.jupiter.api.Test;

class EventLogTest {
  private static final JsonPath A = JsonPath.root().field("a");

  @Test
  void mergesTheDeltasOfEachString() {
    EventLog log = new EventLog();
    log.stringDelta(A, "He");
    log.stringDelta(A, "llo");
    log.stringValue(A, "Hello");
    log.numberValue(JsonPath.root().field("b"), 1);

    assertThat(log.events()).hasSize(4);
    assertThat(log.merged())
        .containsExactly(
            new JsonEvent(JsonEvent.Kind.STRING_DELTA, A, "Hello"),
            new JsonEvent(JsonEvent.Kind.STRING, A, "Hello"),
            new JsonEvent(JsonEvent.Kind.NUMBER, JsonPath.root().field("b"), 1));
  }

  @Test
  void rejectsDeltasThatDoNotAddUpToTheValue() {
    EventLog log = new EventLog();
    log.stringDelta(A, "He");

    assertThatThrownBy(() -> log.stringValue(A, "Hello"))
        .isInstanceOf(AssertionError.class)
        .hasMessage("the deltas of $.a concatenate to \"He\" but the value is \"Hello\"");
  }

  @Test
  void rejectsEmptyDeltasAndSplitSurrogatePairs() {
    assertThatThrownBy(() -> new EventLog().stringDelta(A, ""))
        .isInstanceOf(AssertionError.class)
        .hasMessage("an empty delta at $.a");
    EventLog log = new EventLog();
    log.stringDelta(A, "x\ud83d");
    assertThatThrownBy(() -> log.stringDelta(A, "\ude00"))
        .isInstanceOf(AssertionError.class)
        .hasMessage("a surrogate pair split between deltas at $.a");
  }

  @Test
  void mergesEachSegmentOfReasoningApartFromTheStrings() {
    EventLog log = new EventLog();
    log.reasoningStart();
    log.reasoningDelta("Thi");
    log.reasoningDelta("nk");
    log.reasoningEnd();
    log.reasoningStart();
    log.reasoningDelta("Again");
    log.reasoningEnd();
    log.stringDelta(A, "x");
    log.stringValue(A, "x");

    JsonPath root = JsonPath.root();
    assertThat(log.merged())
        .containsExactly(
            new JsonEvent(JsonEvent.Kind.REASONING_START, root, null),
            new JsonEvent(JsonEvent.Kind.REASONING_DELTA, root, "Think"),
            new JsonEvent(JsonEvent.Kind.REASONING_END, root, null),
            new JsonEvent(JsonEvent.Kind.REASONING_START, root, null),
            new JsonEvent(JsonEvent.Kind.REASONING_DELTA, root, "Again"),
            new JsonEvent(JsonEvent.Kind.REASONING_END, root, null),
            new JsonEvent(JsonEvent.Kind.STRING_DELTA, A, "x"),
            new JsonEvent(JsonEvent.Kind.STRING, A, "x"));
  }

  @Test
  void rejectsReasoningOutsideASegmentAndSplitPairsInIt() {
    assertThatThrownBy(() -> new EventLog().reasoningDelta("x"))
        .isInstanceOf(AssertionError.class)
        .hasMessage("a reasoning delta outside a segment");
    assertThatThrownBy(() -> new EventLog().reasoningEnd())
        .isInstanceOf(AssertionError.class)
        .hasMessage("reasoning ended with no segment open");
    EventLog nested = new EventLog();
    nested.reasoningStart();
    assertThatThrownBy(nested::reasoningStart)
        .isInstanceOf(AssertionError.class)
        .hasMessage("reasoning started inside a segment of reasoning");
    EventLog log = new EventLog();
    log.reasoningStart();
    log.reasoningDelta("x\ud83d");
    assertThatThrownBy(() -> log.reasoningDelta("\ude00"))
        .isInstanceOf(AssertionError.class)
        .hasMessage("a surrogate pair split between reasoning deltas");
    assertThatThrownBy(() -> log.reasoningDelta(""))
        .isInstanceOf(AssertionError.class)
        .hasMessage("an empty reasoning delta");
  }
}
