package dev.partialjson.parser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class JsonPathPatternTest {

  private static boolean matches(String pattern, String path) {
    return JsonPathPattern.compile(pattern).matches(JsonPath.parse(path));
  }

  @Test
  void rootPatternMatchesOnlyTheRoot() {
    JsonPathPattern root = JsonPathPattern.compile("$");

    assertThat(root.depth()).isZero();
    assertThat(root.matches(JsonPath.root())).isTrue();
    assertThat(root.matches(JsonPath.parse("$.a"))).isFalse();
  }

  @Test
  void matchesExactSegments() {
    assertThat(matches("$.tasks[2].title", "$.tasks[2].title")).isTrue();
    assertThat(matches("$['odd key'][\"x\"]", "$['odd key'].x")).isTrue();
    assertThat(matches("$.tasks[2].title", "$.tasks[3].title")).isFalse();
    assertThat(matches("$.tasks[2].title", "$.tasks[2].name")).isFalse();
  }

  @Test
  void nameMatchesOnlyAFieldAndIndexOnlyAnIndex() {
    assertThat(matches("$['2']", "$[2]")).isFalse();
    assertThat(matches("$[2]", "$['2']")).isFalse();
    assertThat(matches("$['2']", "$['2']")).isTrue();
  }

  @Test
  void wildcardMatchesOneFieldOrIndexAtTheEnd() {
    assertThat(matches("$.tasks[*]", "$.tasks[0]")).isTrue();
    assertThat(matches("$.tasks[*]", "$.tasks.x")).isTrue();
    assertThat(matches("$.tasks.*", "$.tasks[7]")).isTrue();
    assertThat(matches("$.tasks.*", "$.tasks['']")).isTrue();
    assertThat(matches("$.tasks[*]", "$.other[0]")).isFalse();
  }

  @Test
  void wildcardMatchesOneSegmentAtTheStartAndInTheMiddle() {
    assertThat(matches("$[*].title", "$.a.title")).isTrue();
    assertThat(matches("$.*.title", "$[3].title")).isTrue();
    assertThat(matches("$.tasks[*].title", "$.tasks[2].title")).isTrue();
    assertThat(matches("$.tasks[*].title", "$.tasks.x.title")).isTrue();
    assertThat(matches("$.tasks[*].title", "$.tasks[2].name")).isFalse();
    assertThat(matches("$[*][*]", "$.a[0]")).isTrue();
  }

  @Test
  void doesNotMatchPathsOfAnotherDepth() {
    JsonPathPattern titles = JsonPathPattern.compile("$.tasks[*].title");

    assertThat(titles.depth()).isEqualTo(3);
    assertThat(titles.matches(JsonPath.root())).isFalse();
    assertThat(titles.matches(JsonPath.parse("$.tasks[2]"))).isFalse();
    assertThat(titles.matches(JsonPath.parse("$.tasks[2].title[0]"))).isFalse();
    assertThat(titles.matches(JsonPath.parse("$.x.tasks[2].title"))).isFalse();
    assertThat(matches("$[*]", "$")).isFalse();
    assertThat(matches("$[*]", "$[0][0]")).isFalse();
  }

  @Test
  void matchesPrefixOfSelfAndDescendantsOnly() {
    JsonPathPattern tasks = JsonPathPattern.compile("$.tasks[*]");

    assertThat(tasks.matchesPrefixOf(JsonPath.parse("$.tasks[2]"))).isTrue();
    assertThat(tasks.matchesPrefixOf(JsonPath.parse("$.tasks[2].title"))).isTrue();
    assertThat(tasks.matchesPrefixOf(JsonPath.parse("$.tasks.x.y[0]"))).isTrue();
    assertThat(tasks.matchesPrefixOf(JsonPath.parse("$.tasks"))).isFalse();
    assertThat(tasks.matchesPrefixOf(JsonPath.root())).isFalse();
    assertThat(tasks.matchesPrefixOf(JsonPath.parse("$.other[2].title"))).isFalse();
    assertThat(JsonPathPattern.compile("$").matchesPrefixOf(JsonPath.parse("$.a[1]"))).isTrue();
  }

  @Test
  void rendersCanonicalTextWithBracketWildcards() {
    assertThat(JsonPathPattern.compile("$.tasks.*['title']")).hasToString("$.tasks[*].title");
    assertThat(JsonPathPattern.compile("$[\"odd key\"][*][0]")).hasToString("$['odd key'][*][0]");
    assertThat(JsonPathPattern.compile("$")).hasToString("$");
  }

  @Test
  void equalsByCanonicalText() {
    JsonPathPattern dots = JsonPathPattern.compile("$.tasks.*.title");
    JsonPathPattern brackets = JsonPathPattern.compile("$['tasks'][*][\"title\"]");

    assertThat(dots).isEqualTo(brackets).hasSameHashCodeAs(brackets);
    assertThat(dots).isNotEqualTo(JsonPathPattern.compile("$.tasks[0].title"));
    assertThat(JsonPathPattern.compile("$['2']")).isNotEqualTo(JsonPathPattern.compile("$[2]"));
    assertThat(dots).isNotEqualTo("$.tasks[*].title");
    assertThat(JsonPathPattern.compile(dots.toString())).isEqualTo(dots);
  }

  @Test
  void exactPatternOfAPathMatchesOnlyThatPath() {
    JsonPath path = JsonPath.parse("$.tasks[2]['odd key']");
    JsonPathPattern exact = JsonPathPattern.of(path);

    assertThat(exact).hasToString("$.tasks[2]['odd key']");
    assertThat(exact).isEqualTo(JsonPathPattern.compile("$.tasks[2]['odd key']"));
    assertThat(exact.depth()).isEqualTo(3);
    assertThat(exact.matches(path)).isTrue();
    assertThat(exact.matches(JsonPath.parse("$.tasks[2].odd"))).isFalse();
    assertThat(JsonPathPattern.of(JsonPath.root())).isEqualTo(JsonPathPattern.compile("$"));
  }

  @Test
  void matchingDoesNotAllocate() throws Throwable {
    AllocatedBytes allocatedBytes = new AllocatedBytes();
    JsonPathPattern pattern = JsonPathPattern.compile("$.tasks[*].title");
    JsonPath hit = JsonPath.parse("$.tasks[2].title");
    JsonPath deeper = JsonPath.parse("$.tasks[2].title[0].x");
    JsonPath miss = JsonPath.parse("$.tasks[2].name");
    // Warms up both the code under test and the measuring call, which links on first use.
    int hits = countMatches(pattern, hit, deeper, miss);
    allocatedBytes.read();

    // The VM itself (the JIT, the counter's own bookkeeping) can charge a few hundred bytes to this
    // thread in a round; one allocation per match would charge at least 16 bytes x 40,000 matches
    // = 640,000 in every round. So the quietest of a few rounds must stay under one byte a match.
    long allocated = Long.MAX_VALUE;
    for (int round = 0; round < 5; round++) {
      long before = allocatedBytes.read();
      hits += countMatches(pattern, hit, deeper, miss);
      allocated = Math.min(allocated, allocatedBytes.read() - before);
    }

    assertThat(hits).isEqualTo(6 * 20_000);
    assertThat(allocated).isLessThan(40_000);
  }

  private static int countMatches(
      JsonPathPattern pattern, JsonPath hit, JsonPath deeper, JsonPath miss) {
    int hits = 0;
    for (int i = 0; i < 10_000; i++) {
      hits += pattern.matches(hit) ? 1 : 0;
      hits += pattern.matches(miss) ? 1 : 0;
      hits += pattern.matchesPrefixOf(deeper) ? 1 : 0;
      hits += pattern.matchesPrefixOf(miss) ? 1 : 0;
    }
    return hits;
  }

  @Property
  void wildcardsInPlaceOfAnySegmentsStillMatchOnlyThatDepth(
      @ForAll("paths") JsonPath path, @ForAll int wildcardBits) {
    StringBuilder text = new StringBuilder("$");
    int depth = 0;
    int wildcards = 0;
    for (Object segment : path.segments()) {
      boolean wildcard = (wildcardBits & (1 << depth++)) != 0;
      wildcards += wildcard ? 1 : 0;
      JsonPath alone =
          segment instanceof String name
              ? JsonPath.root().field(name)
              : JsonPath.root().index((Integer) segment);
      // A child of the root renders as "$" followed by exactly its own segment.
      text.append(wildcard ? "[*]" : alone.toString().substring(1));
    }
    JsonPathPattern pattern = JsonPathPattern.compile(text.toString());
    Statistics.label("wildcards").collect(wildcards);

    assertThat(pattern.matches(path)).isTrue();
    assertThat(pattern.matchesPrefixOf(path.index(0))).isTrue();
    assertThat(pattern.matches(path.index(0))).isFalse();
    assertThat(JsonPathPattern.compile(pattern.toString())).isEqualTo(pattern);
  }

  @Provide
  Arbitrary<JsonPath> paths() {
    return JsonPathTest.arbitraryPaths();
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '`',
      value = {
        "``      | Expected '$' at index 0 in \"\"",
        "tasks   | Expected '$' at index 0 in \"tasks\"",
        "$..a    | Expected a member name or '*' at index 2 in \"$..a\"",
        "$.      | Expected a member name or '*' at index 2 in \"$.\"",
        "$[*     | Expected ']' at index 3 in \"$[*\"",
        "$[**]   | Expected ']' at index 3 in \"$[**]\"",
        "$.a[    | Expected an index, a quoted name or '*' at index 4 in \"$.a[\"",
        "$[-1]   | Expected a non-negative index at index 2 in \"$[-1]\"",
        "$.a*    | Expected '.' or '[' at index 3 in \"$.a*\"",
        "$[?@.a] | Expected an index, a quoted name or '*' at index 2 in \"$[?@.a]\"",
        "$['a    | Unterminated quoted name at index 2 in \"$['a\"",
      })
  void rejectsInvalidPatternNamingPositionAndExpectation(String input, String message) {
    assertThatThrownBy(() -> JsonPathPattern.compile(input))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(message);
  }

  @Test
  @SuppressWarnings("NullAway") // Deliberately breaks the contract to check the guard.
  void rejectsNullArguments() {
    JsonPathPattern pattern = JsonPathPattern.compile("$");

    assertThatThrownBy(() -> JsonPathPattern.compile(null)).hasMessage("pattern == null");
    assertThatThrownBy(() -> JsonPathPattern.of(null)).hasMessage("path == null");
    assertThatThrownBy(() -> pattern.matches(null)).hasMessage("path == null");
    assertThatThrownBy(() -> pattern.matchesPrefixOf(null)).hasMessage("path == null");
  }
}
