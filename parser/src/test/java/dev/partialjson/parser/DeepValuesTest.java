package dev.partialjson.parser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.partialjson.testkit.Splits;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A snapshot's own lists and maps hash, compare and print without recursion, so that a value as
 * deep as a raised depth limit lets through does not overflow the stack there (the JDK's
 * collections recurse once per level), and they still keep the {@link List} and {@link Map}
 * contracts: the same hash, equality and text as the JDK's own collections.
 */
class DeepValuesTest {
  private static final int DEPTH = 100_000;
  private static final ParserOptions DEEP =
      ParserOptions.builder()
          .text(ParserOptions.Text.JSON)
          .limits(Limits.builder().maxNestingDepth(DEPTH).build())
          .build();

  private static Object parse(String document) {
    IncrementalJsonParser parser = IncrementalJsonParser.create(DEEP, JsonListener.NONE);
    parser.feed(document);
    parser.finish();
    return parser.snapshot().value();
  }

  @Test
  void aHundredThousandDeepValueHashesComparesAndPrintsWithoutOverflowingTheStack() {
    String arrays = "[".repeat(DEPTH) + "]".repeat(DEPTH);
    Object value = parse(arrays);
    // a list's hash is 31 times its element's plus 1, and the innermost empty list's is 1
    assertThat(value.hashCode()).isEqualTo(1 + 31 * (DEPTH - 1));
    assertThat(value.toString()).isEqualTo(arrays.replace("][", "], ["));
    assertThat(value).isEqualTo(parse(arrays));
    assertThat(value).isNotEqualTo(parse("[".repeat(DEPTH - 1) + "1" + "]".repeat(DEPTH - 1)));

    String objects = "{\"a\":".repeat(DEPTH - 1) + "{}" + "}".repeat(DEPTH - 1);
    Object nested = parse(objects);
    int hash = 0; // the innermost empty map's
    for (int i = 1; i < DEPTH; i++) {
      hash = "a".hashCode() ^ hash;
    }
    assertThat(nested.hashCode()).isEqualTo(hash);
    assertThat(nested.toString()).isEqualTo("{a=".repeat(DEPTH - 1) + "{}" + "}".repeat(DEPTH - 1));
    assertThat(nested).isEqualTo(parse(objects)).isNotEqualTo(value);
  }

  /**
   * Why the snapshot's views do not leave it to the JDK: its own collections recurse once per
   * level, and a thread of the default stack size cannot hash a value this deep (the limit's
   * Javadoc and the README say so for any such code).
   */
  @Test
  void theJdksOwnCollectionsOverflowTheStackAtThatDepth() {
    List<Object> jdk = new ArrayList<>();
    for (int i = 1; i < DEPTH; i++) {
      List<Object> outer = new ArrayList<>();
      outer.add(jdk);
      jdk = outer;
    }
    List<Object> deep = jdk;
    assertThatThrownBy(deep::hashCode).isInstanceOf(StackOverflowError.class);
    assertThat(parse("[".repeat(DEPTH) + "]".repeat(DEPTH)).hashCode())
        .isEqualTo(1 + 31 * (DEPTH - 1));
  }

  /** A snapshot taken while the deep value is still open is as deep, with its open parts. */
  @Test
  void anOpenDeepValueHashesComparesAndPrintsToo() {
    IncrementalJsonParser parser = IncrementalJsonParser.create(DEEP, JsonListener.NONE);
    parser.feed("[".repeat(DEPTH) + "\"ab");
    Object open = parser.snapshot().value();
    assertThat(open.toString()).isEqualTo("[".repeat(DEPTH) + "ab" + "]".repeat(DEPTH));
    assertThat(open.hashCode()).isEqualTo(31 * (DEPTH - 1) + 31 + "ab".hashCode());
    assertThat(open).isEqualTo(parser.snapshot().value());
  }

  /** The same hash, equality and text as the JDK's collections, for documents of every shape. */
  @Test
  void keepsTheListAndMapContracts() {
    String document =
        "{\"a\": [1, 2.5, \"x\", null, true, {\"b\": []}, [[]]], \"c\": {}, \"d\": null,"
            + " \"e\": {\"f\": [false, {\"g\": \"h\"}]}}";
    for (Splits.Split split : Splits.sweep(document)) {
      IncrementalJsonParser parser =
          IncrementalJsonParser.create(ParserOptions.strict(), JsonListener.NONE);
      split.feed(parser);
      parser.finish();
      Object value = parser.snapshot().value();
      Object jdk = copy(value);
      assertThat(value.hashCode()).as(split.name()).isEqualTo(jdk.hashCode());
      assertThat(value.toString()).as(split.name()).isEqualTo(jdk.toString());
      assertThat(value).as(split.name()).isEqualTo(jdk);
      assertThat(jdk).as(split.name()).isEqualTo(value);
    }
    Map<String, Object> a = new LinkedHashMap<>();
    a.put("k", null);
    Map<String, Object> b = new LinkedHashMap<>();
    b.put("j", null);
    assertThat(parse("{\"k\": null}")).isEqualTo(a).isNotEqualTo(b); // null values by key
    assertThat(parse("[1, 2]")).isNotEqualTo(List.of(1)).isNotEqualTo(List.of(1, 2, 3));
    assertThat(parse("[1, 2]")).isNotEqualTo(Map.of()).isNotEqualTo("[1, 2]");
    assertThat(parse("{\"a\": 1}")).isNotEqualTo(Map.of("a", 2)).isNotEqualTo(List.of());
  }

  /** Returns {@code value} copied into the JDK's own collections. */
  private static Object copy(Object value) {
    if (value instanceof List<?> list) {
      List<Object> out = new ArrayList<>();
      for (Object e : list) {
        out.add(copy(e));
      }
      return out;
    }
    if (value instanceof Map<?, ?> map) {
      Map<Object, Object> out = new LinkedHashMap<>();
      for (Map.Entry<?, ?> e : map.entrySet()) {
        out.put(e.getKey(), copy(e.getValue()));
      }
      return out;
    }
    return value;
  }
}
