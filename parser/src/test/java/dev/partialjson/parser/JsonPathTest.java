package dev.partialjson.parser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class JsonPathTest {

  private static final JsonPath ROOT = JsonPath.root();

  @Test
  void rootIsASharedEmptyPath() {
    assertThat(JsonPath.root()).isSameAs(ROOT);
    assertThat(ROOT.depth()).isZero();
    assertThat(ROOT.isRoot()).isTrue();
    assertThat(ROOT.isField()).isFalse();
    assertThat(ROOT.isIndex()).isFalse();
    assertThat(ROOT.parent()).isNull();
    assertThat(ROOT.segments()).isEmpty();
    assertThat(ROOT).hasToString("$");
    assertThat(ROOT.toJsonPointer()).isEmpty();
  }

  @Test
  void childrenKnowTheirParentDepthAndKind() {
    JsonPath tasks = ROOT.field("tasks");
    JsonPath second = tasks.index(2);

    assertThat(second.parent()).isSameAs(tasks);
    assertThat(tasks.parent()).isSameAs(ROOT);
    assertThat(second.depth()).isEqualTo(2);
    assertThat(second.isIndex()).isTrue();
    assertThat(second.isField()).isFalse();
    assertThat(second.isRoot()).isFalse();
    assertThat(second.arrayIndex()).isEqualTo(2);
    assertThat(tasks.isField()).isTrue();
    assertThat(tasks.name()).isEqualTo("tasks");
  }

  @Test
  void segmentsListsNamesAndIndexesFromTheRoot() {
    List<Object> segments = ROOT.field("tasks").index(2).field("title").segments();

    assertThat(segments).containsExactly("tasks", 2, "title");
    assertThatThrownBy(() -> segments.add("more"))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void rendersShorthandNamesAfterDotsAndIndexesInBrackets() {
    assertThat(ROOT.field("tasks").index(2).field("title")).hasToString("$.tasks[2].title");
    assertThat(ROOT.index(0).index(10_000)).hasToString("$[0][10000]");
    assertThat(ROOT.field("_x1").field("A")).hasToString("$._x1.A");
    assertThat(ROOT.field("héllo").field("名前").field("😀")).hasToString("$.héllo.名前.😀");
  }

  @Test
  void rendersOddKeysInBrackets() {
    assertThat(ROOT.field("odd key")).hasToString("$['odd key']");
    assertThat(ROOT.field("")).hasToString("$['']");
    assertThat(ROOT.field("it's")).hasToString("$['it\\'s']");
    assertThat(ROOT.field("2")).hasToString("$['2']");
    assertThat(ROOT.field("1a")).hasToString("$['1a']");
    assertThat(ROOT.field("a.b")).hasToString("$['a.b']");
    assertThat(ROOT.field("a-b")).hasToString("$['a-b']");
    assertThat(ROOT.field("say \"hi\"")).hasToString("$['say \"hi\"']");
    assertThat(ROOT.field("back\\slash")).hasToString("$['back\\\\slash']");
    assertThat(ROOT.field("a/b~c")).hasToString("$['a/b~c']");
  }

  @Test
  void escapesControlCharactersAsRfc9535Does() {
    assertThat(ROOT.field("\b\f\n\r\t")).hasToString("$['\\b\\f\\n\\r\\t']");
    assertThat(ROOT.field("\u0000\u001f")).hasToString("$['\\u0000\\u001f']");
    // RFC 9535 normalized paths escape only U+0000 to U+001F; DEL stays as it is.
    assertThat(ROOT.field("\u007f")).hasToString("$['\u007f']");
  }

  @Test
  void escapesLoneSurrogatesSoTheyRoundTrip() {
    JsonPath path = ROOT.field("a\ud800").field("\udc00");

    assertThat(path).hasToString("$['a\\ud800']['\\udc00']");
    assertThat(JsonPath.parse(path.toString())).isEqualTo(path);
  }

  @Test
  void rendersJsonPointerWithEscapedTildeAndSlash() {
    assertThat(ROOT.field("tasks").index(2).field("title").toJsonPointer())
        .isEqualTo("/tasks/2/title");
    assertThat(ROOT.field("a~b/c").toJsonPointer()).isEqualTo("/a~0b~1c");
    assertThat(ROOT.field("~1").toJsonPointer()).isEqualTo("/~01");
    assertThat(ROOT.field("").toJsonPointer()).isEqualTo("/");
    assertThat(ROOT.field("").field("").toJsonPointer()).isEqualTo("//");
    assertThat(ROOT.field("odd key").toJsonPointer()).isEqualTo("/odd key");
  }

  @Test
  void parsesRenderedPaths() {
    assertThat(JsonPath.parse("$")).isSameAs(ROOT);
    assertThat(JsonPath.parse("$.tasks[2].title"))
        .isEqualTo(ROOT.field("tasks").index(2).field("title"));
    assertThat(JsonPath.parse("$['odd key']")).isEqualTo(ROOT.field("odd key"));
    assertThat(JsonPath.parse("$['']")).isEqualTo(ROOT.field(""));
    assertThat(JsonPath.parse("$['it\\'s']")).isEqualTo(ROOT.field("it's"));
    assertThat(JsonPath.parse("$[0][2147483647]")).isEqualTo(ROOT.index(0).index(2147483647));
    assertThat(JsonPath.parse("$.a1._.é")).isEqualTo(ROOT.field("a1").field("_").field("é"));
  }

  @Test
  void parsesDoubleQuotedNamesAndAllEscapes() {
    assertThat(JsonPath.parse("$[\"odd key\"]")).isEqualTo(ROOT.field("odd key"));
    assertThat(JsonPath.parse("$[\"it's \\\"x\\\"\"]")).isEqualTo(ROOT.field("it's \"x\""));
    assertThat(JsonPath.parse("$['say \"hi\"']")).isEqualTo(ROOT.field("say \"hi\""));
    assertThat(JsonPath.parse("$['\\b\\f\\n\\r\\t\\/\\\\']"))
        .isEqualTo(ROOT.field("\b\f\n\r\t/\\"));
    assertThat(JsonPath.parse("$['\\u0041\\u00e9\\u00E9']")).isEqualTo(ROOT.field("Aéé"));
    assertThat(JsonPath.parse("$['\\ud83d\\ude00']")).isEqualTo(ROOT.field("😀"));
    assertThat(JsonPath.parse("$['tasks']")).isEqualTo(JsonPath.parse("$.tasks"));
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '`',
      value = {
        "``                | Expected '$' at index 0 in \"\"",
        "a                 | Expected '$' at index 0 in \"a\"",
        "$a                | Expected '.' or '[' at index 1 in \"$a\"",
        "$.                | Expected a member name at index 2 in \"$.\"",
        "$.1a              | Expected a member name at index 2 in \"$.1a\"",
        "$..a              | Expected a member name at index 2 in \"$..a\"",
        "$.a-b             | Expected '.' or '[' at index 3 in \"$.a-b\"",
        "$.a[12            | Expected ']' at index 6 in \"$.a[12\"",
        "$[                | Expected an index or a quoted name at index 2 in \"$[\"",
        "$[a]              | Expected an index or a quoted name at index 2 in \"$[a]\"",
        "$[ 1]             | Expected an index or a quoted name at index 2 in \"$[ 1]\"",
        "$[-1]             | Expected a non-negative index at index 2 in \"$[-1]\"",
        "$[01]             | Expected an index without leading zeros at index 2 in \"$[01]\"",
        "$[2147483648]     | Expected an index of at most 2147483647 at index 2 in"
            + " \"$[2147483648]\"",
        "$[1.5]            | Expected ']' at index 3 in \"$[1.5]\"",
        "$['a'             | Expected ']' at index 5 in \"$['a'\"",
        "$['a              | Unterminated quoted name at index 2 in \"$['a\"",
        "$[\"a']           | Unterminated quoted name at index 2 in \"$[\"a']\"",
        "$['a\\x']         | Expected an escape (b, f, n, r, t, /, \\, ' or uXXXX) at index 5"
            + " in \"$['a\\x']\"",
        "$['\\\"']         | Expected an escape (b, f, n, r, t, /, \\, ' or uXXXX) at index 4"
            + " in \"$['\\\"']\"",
        "$[\"\\'\"]        | Expected an escape (b, f, n, r, t, /, \\, \" or uXXXX) at index 4"
            + " in \"$[\"\\'\"]\"",
        "$['\\u12g4']      | Expected 4 hex digits at index 7 in \"$['\\u12g4']\"",
        "$['\\u12']        | Expected 4 hex digits at index 7 in \"$['\\u12']\"",
        "$['\\u٠٠٤١']      | Expected 4 hex digits at index 5 in \"$['\\u٠٠٤١']\"",
        "$[*]              | Unexpected wildcard (use JsonPathPattern for patterns) at index 2"
            + " in \"$[*]\"",
        "$.*               | Unexpected wildcard (use JsonPathPattern for patterns) at index 2"
            + " in \"$.*\"",
      })
  void rejectsInvalidJsonPathNamingPositionAndExpectation(String input, String message) {
    assertThatThrownBy(() -> JsonPath.parse(input))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(message);
  }

  @Test
  void rejectsUnescapedControlCharacterInQuotedName() {
    assertThatThrownBy(() -> JsonPath.parse("$['a\nb']"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Unescaped control character U+000A at index 4 in \"$['a\nb']\"");
  }

  @Test
  void parsesJsonPointers() {
    assertThat(JsonPath.parseJsonPointer("")).isSameAs(ROOT);
    assertThat(JsonPath.parseJsonPointer("/tasks/2/title"))
        .isEqualTo(ROOT.field("tasks").index(2).field("title"));
    assertThat(JsonPath.parseJsonPointer("/a~0b~1c")).isEqualTo(ROOT.field("a~b/c"));
    assertThat(JsonPath.parseJsonPointer("/~01")).isEqualTo(ROOT.field("~1"));
    assertThat(JsonPath.parseJsonPointer("/")).isEqualTo(ROOT.field(""));
    assertThat(JsonPath.parseJsonPointer("//")).isEqualTo(ROOT.field("").field(""));
    assertThat(JsonPath.parseJsonPointer("/odd key/")).isEqualTo(ROOT.field("odd key").field(""));
  }

  @Test
  void readsOnlyCanonicalIntegerPointerTokensAsIndexes() {
    assertThat(JsonPath.parseJsonPointer("/0/12/2147483647"))
        .isEqualTo(ROOT.index(0).index(12).index(2147483647));
    assertThat(JsonPath.parseJsonPointer("/01/-1/2147483648/1e3/+1"))
        .isEqualTo(ROOT.field("01").field("-1").field("2147483648").field("1e3").field("+1"));
  }

  @Test
  void readsDigitOnlyMemberNamesBackAsIndexesFromJsonPointers() {
    JsonPath field = ROOT.field("2");

    assertThat(JsonPath.parseJsonPointer(field.toJsonPointer())).isEqualTo(ROOT.index(2));
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "a     | Expected '/' at index 0 in JSON Pointer \"a\"",
        "#/a   | Expected '/' at index 0 in JSON Pointer \"#/a\"",
        "/~2   | Expected '0' or '1' after '~' at index 2 in JSON Pointer \"/~2\"",
        "/a/b~ | Expected '0' or '1' after '~' at index 5 in JSON Pointer \"/a/b~\"",
      })
  void rejectsInvalidJsonPointerNamingPositionAndExpectation(String input, String message) {
    assertThatThrownBy(() -> JsonPath.parseJsonPointer(input))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(message);
  }

  @Test
  void equalPathsBuiltApartHaveEqualHashCodes() {
    JsonPath a = ROOT.field("tasks").index(2).field("title");
    JsonPath b = JsonPath.parse("$.tasks[2].title");

    assertThat(a).isEqualTo(b).hasSameHashCodeAs(b).isNotSameAs(b);
    assertThat(a).isNotEqualTo(ROOT.field("tasks").index(3).field("title"));
    assertThat(a).isNotEqualTo(a.parent());
    assertThat(a).isNotEqualTo("$.tasks[2].title");
    assertThat(a.equals(null)).isFalse();
  }

  @Test
  void fieldTwoAndIndexTwoAreDifferentPaths() {
    JsonPath field = ROOT.field("2");
    JsonPath index = ROOT.index(2);

    assertThat(field).isNotEqualTo(index);
    assertThat(field.hashCode()).isNotEqualTo(index.hashCode());
    assertThat(field).hasToString("$['2']");
    assertThat(index).hasToString("$[2]");
    assertThat(JsonPath.parse("$['2']")).isEqualTo(field);
    assertThat(JsonPath.parse("$[2]")).isEqualTo(index);
  }

  @Test
  void startsWithItselfItsAncestorsAndTheRootOnly() {
    JsonPath title = ROOT.field("tasks").index(2).field("title");

    assertThat(title.startsWith(title)).isTrue();
    assertThat(title.startsWith(JsonPath.parse("$.tasks[2]"))).isTrue();
    assertThat(title.startsWith(JsonPath.parse("$.tasks"))).isTrue();
    assertThat(title.startsWith(ROOT)).isTrue();
    assertThat(title.startsWith(JsonPath.parse("$.tasks[3]"))).isFalse();
    assertThat(title.startsWith(JsonPath.parse("$.tasks['2']"))).isFalse();
    assertThat(title.startsWith(title.field("more"))).isFalse();
    assertThat(ROOT.startsWith(ROOT)).isTrue();
    assertThat(ROOT.startsWith(title)).isFalse();
  }

  @Test
  void rejectsNegativeIndex() {
    assertThatThrownBy(() -> ROOT.index(-3))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("index < 0: -3");
  }

  @Test
  void refusesNameOfAnIndexAndIndexOfAName() {
    assertThatThrownBy(() -> ROOT.field("a").index(2).name())
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("Last segment of $.a[2] is an array index, not a member name");
    assertThatThrownBy(() -> ROOT.index(2).field("a").arrayIndex())
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("Last segment of $[2].a is a member name, not an array index");
    assertThatThrownBy(ROOT::name)
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("The root path has no member name");
    assertThatThrownBy(ROOT::arrayIndex)
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("The root path has no array index");
  }

  @Test
  @SuppressWarnings("NullAway") // Deliberately breaks the contract to check the guard.
  void rejectsNullArguments() {
    assertThatThrownBy(() -> ROOT.field(null)).hasMessage("name == null");
    assertThatThrownBy(() -> ROOT.startsWith(null)).hasMessage("prefix == null");
    assertThatThrownBy(() -> JsonPath.parse(null)).hasMessage("jsonPath == null");
    assertThatThrownBy(() -> JsonPath.parseJsonPointer(null)).hasMessage("pointer == null");
  }

  @Property
  void parsesWhatItRenders(@ForAll("paths") JsonPath path) {
    collectStatistics(path);
    checkOddCasesOccur();

    assertThat(JsonPath.parse(path.toString())).isEqualTo(path);
  }

  @Property
  void parsesTheJsonPointerItRendersUpToDigitOnlyNames(@ForAll("paths") JsonPath path) {
    collectStatistics(path);
    // A pointer has no types, so a canonical-integer member name comes back as an index.
    JsonPath expected = ROOT;
    for (Object segment : path.segments()) {
      if (segment instanceof Integer index) {
        expected = expected.index(index);
      } else if (isCanonicalIndex((String) segment)) {
        expected = expected.index(Integer.parseInt((String) segment));
      } else {
        expected = expected.field((String) segment);
      }
    }

    assertThat(JsonPath.parseJsonPointer(path.toJsonPointer())).isEqualTo(expected);
  }

  @Property
  void exactPatternMatchesItsPath(@ForAll("paths") JsonPath path) {
    collectStatistics(path);

    assertThat(JsonPathPattern.of(path).matches(path)).isTrue();
  }

  @Provide
  Arbitrary<JsonPath> paths() {
    return arbitraryPaths();
  }

  /** Returns paths of depth 0 to 8 whose names include the characters that need care. */
  static Arbitrary<JsonPath> arbitraryPaths() {
    Arbitrary<Object> segment =
        Arbitraries.oneOf(names(), Arbitraries.integers().between(0, 10_000));
    return segment
        .list()
        .ofMaxSize(8)
        .map(
            segments -> {
              JsonPath path = ROOT;
              for (Object s : segments) {
                path = s instanceof String name ? path.field(name) : path.index((Integer) s);
              }
              return path;
            });
  }

  private static Arbitrary<String> names() {
    // Plain identifiers, arbitrary strings and strings built from the characters that need care,
    // three of them outside the BMP so that surrogate pairs come up often.
    Arbitrary<String> odd =
        Arbitraries.of(
                "'", "\"", "\\", "/", "~", "~0", "~1", ".", "[", "]", "*", "$", " ", "\b", "\n",
                "\t", "\u0000", "\u001f", "\u007f", "é", "名", "😀", "𝄞", "🌍", "\ud800", "\udc00",
                "0", "7", "a", "_")
            .list()
            .ofMaxSize(6)
            .map(parts -> String.join("", parts));
    return Arbitraries.oneOf(
        Arbitraries.strings().alpha().numeric().ofMaxLength(6),
        Arbitraries.strings().all().ofMaxLength(6),
        odd,
        Arbitraries.of("", "0", "2", "10000", "01", "-1", "2147483648"));
  }

  private static boolean isCanonicalIndex(String name) {
    return name.matches("0|[1-9][0-9]{0,9}") && Long.parseLong(name) <= Integer.MAX_VALUE;
  }

  private static void collectStatistics(JsonPath path) {
    String names =
        path.segments().stream()
            .filter(String.class::isInstance)
            .map(String.class::cast)
            .collect(Collectors.joining());
    Statistics.label("depth").collect(path.depth());
    Statistics.label("quote or backslash").collect(names.matches("(?s).*['\"\\\\].*"));
    Statistics.label("slash or tilde").collect(names.matches("(?s).*[/~].*"));
    Statistics.label("control char").collect(names.chars().anyMatch(c -> c < 0x20));
    Statistics.label("non-ASCII").collect(names.chars().anyMatch(c -> c >= 0x80));
    Statistics.label("surrogate pair").collect(names.codePoints().anyMatch(c -> c > 0xFFFF));
    Statistics.label("empty name").collect(path.segments().contains(""));
    Statistics.label("digit-only name")
        .collect(
            path.segments().stream().anyMatch(s -> s instanceof String n && isCanonicalIndex(n)));
  }

  // Fails the property if the generator stops producing the cases the round trips are about.
  private static void checkOddCasesOccur() {
    for (String label :
        List.of(
            "quote or backslash",
            "slash or tilde",
            "control char",
            "non-ASCII",
            "surrogate pair",
            "empty name",
            "digit-only name")) {
      Statistics.label(label).coverage(coverage -> coverage.check(true).percentage(p -> p >= 2));
    }
    Statistics.label("depth").coverage(coverage -> coverage.check(8).count(n -> n > 0));
  }
}
