package dev.partialjson.parser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.partialjson.testkit.Replay;
import dev.partialjson.testkit.Splits;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SnapshotTest {

  private static IncrementalJsonParser parser() {
    return IncrementalJsonParser.create(ParserOptions.strict(), JsonListener.NONE);
  }

  @Test
  void sharesCompletedValuesBetweenSnapshotsInsteadOfCopyingThem() {
    IncrementalJsonParser parser = parser();
    parser.feed("{\"items\": [{\"a\": 1}, {\"b\": [2, 3]}, {\"c\": \"x");
    Snapshot first = parser.snapshot();
    parser.feed("yz\"}, 4]");
    Snapshot second = parser.snapshot();
    List<?> before = (List<?>) ((Map<?, ?>) first.value()).get("items");
    List<?> after = (List<?>) ((Map<?, ?>) second.value()).get("items");
    assertThat(after.get(0)).isSameAs(before.get(0));
    assertThat(after.get(1)).isSameAs(before.get(1));
    assertThat(before)
        .isEqualTo(List.of(Map.of("a", 1), Map.of("b", List.of(2, 3)), Map.of("c", "x")));
    assertThat(after)
        .isEqualTo(List.of(Map.of("a", 1), Map.of("b", List.of(2, 3)), Map.of("c", "xyz"), 4));
  }

  @Test
  void neverChangesOnceTaken() {
    IncrementalJsonParser parser = parser();
    parser.feed("{\"k\": 1, \"list\": [1,");
    Snapshot early = parser.snapshot();
    String rendered = early.toString();
    parser.feed(" 2], \"k\": {\"replaced\": true}, \"z\": null}");
    parser.finish();
    assertThat(early.toString()).isEqualTo(rendered);
    assertThat(early.value()).isEqualTo(Map.of("k", 1, "list", List.of(1)));
    Map<String, Object> expected = new LinkedHashMap<>();
    expected.put("k", Map.of("replaced", true)); // a duplicate keeps its first place
    expected.put("list", List.of(1, 2));
    expected.put("z", null);
    assertThat(parser.snapshot().value()).isEqualTo(expected);
    assertThat(List.copyOf(((Map<?, ?>) parser.snapshot().value()).keySet()))
        .isEqualTo(List.of("k", "list", "z"));
  }

  /**
   * What is still open is viewed only when a snapshot is read: reading every snapshot of a byte by
   * byte feed at the end, after the arrays grew, keys were replaced and strings came and went,
   * shows what reading each at once shows.
   */
  @Test
  void aSnapshotReadLateShowsWhatItShowedWhenTaken() {
    StringBuilder many = new StringBuilder("{");
    for (int i = 0; i < 12; i++) {
      many.append("\"k").append(i).append("\": [").append(i).append(", \"v\"],");
    }
    String document =
        "{\"a\": {\"x\": \"short\", \"x\": [1, {\"y\": \""
            + "long ".repeat(40)
            + "\"}], \"z\": \"\\u00e9t\\u00e9 \\ud83d\\ude00\"},"
            + " \"many\": "
            + many
            + " \"last\": {\"n\": null}},"
            + " \"a\": [[[\"deep\", 1.5]]], \"tail\": true}";
    byte[] bytes = document.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    IncrementalJsonParser eager = parser();
    IncrementalJsonParser late = parser();
    List<String> atOnce = new java.util.ArrayList<>();
    List<Snapshot> kept = new java.util.ArrayList<>();
    for (int i = 0; i < bytes.length; i++) {
      eager.feed(bytes, i, 1);
      late.feed(bytes, i, 1);
      Snapshot now = eager.snapshot();
      atOnce.add(now + " " + now.openPaths() + " " + deepest(now));
      kept.add(late.snapshot());
    }
    eager.finish();
    late.finish();
    List<String> atTheEnd = new java.util.ArrayList<>();
    for (Snapshot s : kept) {
      atTheEnd.add(s + " " + s.openPaths() + " " + deepest(s));
    }
    assertThat(atTheEnd).isEqualTo(atOnce);
    assertThat(atOnce.get(atOnce.size() - 1)).contains("deep");
  }

  /** Returns whether each open path is complete and contained, read through the snapshot. */
  private static String deepest(Snapshot snapshot) {
    StringBuilder out = new StringBuilder();
    for (JsonPath path : snapshot.openPaths()) {
      out.append(snapshot.contains(path)).append(snapshot.isComplete(path));
    }
    return out.toString();
  }

  @Test
  void tellsWhichPathsAreCompleteAndWhichAreOpen() {
    IncrementalJsonParser parser = parser();
    parser.feed("{\"done\": [1, 2], \"open\": {\"text\": \"Hal");
    Snapshot snapshot = parser.snapshot();
    assertThat(snapshot.isComplete(JsonPath.parse("$.done"))).isTrue();
    assertThat(snapshot.isComplete(JsonPath.parse("$.done[1]"))).isTrue();
    assertThat(snapshot.isComplete(JsonPath.parse("$.open"))).isFalse();
    assertThat(snapshot.isComplete(JsonPath.parse("$.open.text"))).isFalse();
    assertThat(snapshot.contains(JsonPath.parse("$.open.text"))).isTrue();
    assertThat(snapshot.contains(JsonPath.parse("$.missing"))).isFalse();
    assertThat(snapshot.contains(JsonPath.parse("$.done[2]"))).isFalse();
    assertThat(snapshot.isComplete()).isFalse();
    assertThat(snapshot.openPaths())
        .extracting(JsonPath::toString)
        .containsExactly("$", "$.open", "$.open.text");
    parser.feed("\"}}");
    assertThat(parser.snapshot().isComplete()).isTrue();
    assertThat(parser.snapshot().openPaths()).isEmpty();
  }

  @Test
  void showsAKeyOnlyOnceItsValueBegins() {
    IncrementalJsonParser parser = parser();
    parser.feed("{\"a\": 1, \"b\": ");
    assertThat(parser.snapshot().value()).isEqualTo(Map.of("a", 1));
    parser.feed("\"");
    assertThat(parser.snapshot().value()).isEqualTo(Map.of("a", 1, "b", ""));
  }

  @Test
  void handsOutUnmodifiableCollections() {
    IncrementalJsonParser parser = parser();
    parser.feed("{\"list\": [1], \"map\": {\"x\": 1}}");
    @SuppressWarnings("unchecked")
    Map<String, Object> root = (Map<String, Object>) parser.snapshot().value();
    @SuppressWarnings("unchecked")
    List<Object> list = (List<Object>) root.get("list");
    assertThatThrownBy(() -> root.put("y", 2)).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> list.add(2)).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> root.entrySet().iterator().remove())
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void looksUpKeysOfLargeObjects() {
    StringBuilder document = new StringBuilder("{");
    for (int i = 0; i < 100; i++) {
      document.append(i == 0 ? "" : ",").append("\"k").append(i).append("\": ").append(i);
    }
    document.append(", \"k7\": \"again\"}");
    IncrementalJsonParser parser = parser();
    parser.feed(document);
    Map<?, ?> map = (Map<?, ?>) parser.snapshot().value();
    assertThat(map).hasSize(100);
    assertThat(map.get("k99")).isEqualTo(99);
    assertThat(map.get("k7")).isEqualTo("again");
    assertThat(map.containsKey("k100")).isFalse();
  }

  /**
   * A large object still open is looked up by a hash index of the keys it had when the snapshot was
   * taken: a later key is not in an earlier snapshot, and the open member reads as it was.
   */
  @Test
  void looksUpKeysOfALargeObjectStillOpenAsEachSnapshotSawThem() {
    StringBuilder document = new StringBuilder("{");
    for (int i = 0; i < 20; i++) {
      document.append("\"k").append(i).append("\": ").append(i).append(", ");
    }
    IncrementalJsonParser parser = parser();
    parser.feed(document + "\"open\": \"ab");
    Snapshot first = parser.snapshot();
    parser.feed("c\", \"k20\": [20,");
    Snapshot second = parser.snapshot();
    parser.feed(" 21], \"k3\": \"again\"");
    Snapshot third = parser.snapshot();

    Map<?, ?> early = (Map<?, ?>) first.value();
    Map<?, ?> later = (Map<?, ?>) second.value();
    Map<?, ?> last = (Map<?, ?>) third.value();
    assertThat(early.get("open")).isEqualTo("ab");
    assertThat(early.containsKey("k20")).isFalse();
    assertThat(early.get("k3")).isEqualTo(3);
    assertThat(later.get("open")).isEqualTo("abc");
    assertThat(later.get("k20")).isEqualTo(List.of(20));
    assertThat(last.get("k20")).isEqualTo(List.of(20, 21));
    assertThat(last.get("k3")).isEqualTo("again");
    assertThat(later.get("k3")).isEqualTo(3);
    assertThat(last).hasSize(22);
    assertThat(List.<Object>copyOf(last.keySet()).subList(19, 22))
        .containsExactly("k19", "open", "k20");
  }

  @Test
  void returnsTheSameSnapshotWhileNothingChanges() {
    IncrementalJsonParser parser = parser();
    parser.feed("[1, ");
    Snapshot snapshot = parser.snapshot();
    assertThat(parser.snapshot()).isSameAs(snapshot);
    parser.feed("2");
    assertThat(parser.snapshot().value()).isEqualTo(List.of(1));
  }

  @Test
  void refusesSnapshotsWhenTheOptionsDisableThem() {
    IncrementalJsonParser parser =
        IncrementalJsonParser.create(
            ParserOptions.builder().snapshots(ParserOptions.Snapshots.DISABLED).build(),
            JsonListener.NONE);
    assertThatThrownBy(parser::snapshot)
        .isInstanceOf(IllegalStateException.class)
        .hasMessage(
            "snapshots are disabled: build the options with ParserOptions.Snapshots.ENABLED");
  }

  /**
   * Complete containers are compact (an empty one shared, one of one member without an array) and
   * still equal, hash and read as the JDK's lists and maps do, under every split.
   */
  @Test
  void completeContainersOfEverySizeReadAsListsAndMapsUnderEverySplit() {
    String document =
        "[[], {}, [null], {\"a\": []}, [1, 2], {\"a\": 1, \"b\": [2]},"
            + " {\"k0\": 0, \"k1\": 1, \"k2\": 2, \"k3\": 3, \"k4\": 4, \"k5\": 5,"
            + " \"k6\": 6, \"k7\": 7, \"k8\": 8, \"k9\": 9, \"k3\": \"again\"}, [], {}]";
    Map<String, Object> two = new LinkedHashMap<>(); // toString shows the order
    two.put("a", 1);
    two.put("b", List.of(2));
    Map<String, Object> large = new LinkedHashMap<>();
    for (int i = 0; i < 10; i++) {
      large.put("k" + i, i == 3 ? "again" : i);
    }
    List<Object> expected =
        List.of(
            List.of(),
            Map.of(),
            java.util.Collections.singletonList(null),
            Map.of("a", List.of()),
            List.of(1, 2),
            two,
            large,
            List.of(),
            Map.of());
    for (Splits.Split split : Splits.sweep(document)) {
      List<?> value = (List<?>) Replay.run(ParserOptions.strict(), split, true).value();
      assertThat(value).as(split.name()).isEqualTo(expected);
      assertThat(value.hashCode()).as(split.name()).isEqualTo(expected.hashCode());
      assertThat(value.toString()).as(split.name()).isEqualTo(expected.toString());
      assertThat(value.get(7)).as(split.name()).isSameAs(value.get(0));
      assertThat(value.get(8)).as(split.name()).isSameAs(value.get(1));
      assertThat((List<?>) value.get(2)).as(split.name()).containsNull();
      Map<?, ?> map = (Map<?, ?>) value.get(6);
      assertThat(map.get("k3")).isEqualTo("again");
      assertThat(map.get("k10")).isNull();
      assertThat(map.get(3)).isNull();
      assertThat(List.copyOf(map.keySet())).isEqualTo(List.copyOf(large.keySet()));
      assertThat(((Map<?, ?>) value.get(3)).containsKey("a")).isTrue();
      assertThat(((Map<?, ?>) value.get(3)).containsKey("b")).isFalse();
    }
  }

  /**
   * A decimal that repeats, and a one-char ASCII string, are kept once, so that a long array of
   * them costs a reference per element; equal means equal in scale too ({@code 1.5} is not {@code
   * 1.50}), under every split.
   */
  @Test
  void keepsOneInstanceOfARepeatedDecimalAndOfAOneCharStringUnderEverySplit() {
    String document = "[1.5, 1.5, 1.50, \"a\", {\"x\": \"a\", \"y\": 1.5}, 2.5, 1.50]";
    for (Splits.Split split : Splits.sweep(document)) {
      List<?> value = (List<?>) Replay.run(ParserOptions.strict(), split, true).value();
      assertThat(value.get(1)).as(split.name()).isSameAs(value.get(0));
      assertThat(value.get(2)).as(split.name()).isEqualTo(new java.math.BigDecimal("1.50"));
      assertThat(value.get(2)).as(split.name()).isNotEqualTo(value.get(0));
      assertThat(value.get(6)).as(split.name()).isSameAs(value.get(2));
      Map<?, ?> object = (Map<?, ?>) value.get(4);
      assertThat(object.get("x")).as(split.name()).isSameAs(value.get(3)).isEqualTo("a");
      assertThat(object.get("y")).as(split.name()).isSameAs(value.get(0));
      assertThat(value.get(5)).as(split.name()).isEqualTo(new java.math.BigDecimal("2.5"));
    }
  }
}
