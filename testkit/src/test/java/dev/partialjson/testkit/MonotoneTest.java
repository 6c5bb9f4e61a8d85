package dev.partialjson.testkit;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.partialjson.parser.IncrementalJsonParser;
import dev.partialjson.parser.JsonListener;
import dev.partialjson.parser.Snapshot;
import org.junit.jupiter.api.Test;

class MonotoneTest {
  @Test
  void acceptsASnapshotThatGrew() {
    assertThatCode(
            () ->
                Monotone.assertExtends(
                    snapshot("{\"a\": \"xy"), snapshot("{\"a\": \"xyz\", \"b\"")))
        .doesNotThrowAnyException();
  }

  @Test
  void rejectsAnOpenStringThatChanged() {
    assertThatThrownBy(
            () -> Monotone.assertExtends(snapshot("{\"a\": \"xy"), snapshot("{\"a\": \"xz")))
        .isInstanceOf(AssertionError.class)
        .hasMessage("the open string at $.a was \"xy\" and became \"xz\"");
  }

  @Test
  void rejectsACompleteScalarThatChanged() {
    assertThatThrownBy(
            () ->
                Monotone.assertExtends(
                    snapshot("{\"a\": 1, \"b\": [true"), snapshot("{\"a\": 2, \"b\": [true")))
        .isInstanceOf(AssertionError.class)
        .hasMessage("$.a was complete, so it must not change, but it was 1 and became 2");
  }

  @Test
  void rejectsAValueThatDisappeared() {
    assertThatThrownBy(() -> Monotone.assertExtends(snapshot("{\"a\": 1,"), snapshot("")))
        .isInstanceOf(AssertionError.class)
        .hasMessageStartingWith("the byte offset went back");
  }

  private static Snapshot snapshot(String prefix) {
    IncrementalJsonParser parser = IncrementalJsonParser.create(new JsonListener() {});
    parser.feed(prefix);
    return parser.snapshot();
  }
}
