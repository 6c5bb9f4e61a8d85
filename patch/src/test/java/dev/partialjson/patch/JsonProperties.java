package dev.partialjson.patch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.partialjson.parser.IncrementalJsonParser;
import dev.partialjson.parser.JsonListener;
import dev.partialjson.parser.ParserOptions;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

/** The module's own JSON writer, read back by the parser. */
class JsonProperties {

  @Provide
  Arbitrary<Object> values() {
    return JsonValues.values(4);
  }

  @Property
  void writesWhatTheParserReadsBackAsTheSameValue(@ForAll("values") Object value) {
    String json = Json.write(value);
    Statistics.label("escaped").collect(json.contains("\\"));
    Statistics.label("lone surrogate").collect(json.contains("\\ud8") || json.contains("\\udc"));
    Statistics.label("nested").collect(json.startsWith("[") || json.startsWith("{"));

    IncrementalJsonParser parser =
        IncrementalJsonParser.create(ParserOptions.strict(), JsonListener.NONE);
    parser.feed(json.getBytes(StandardCharsets.UTF_8));
    parser.finish();

    assertThat(parser.snapshot().value()).isEqualTo(value);
    assertThat(Json.write(parser.snapshot().value())).isEqualTo(json);
    assertThat(json).doesNotContain("\n", "\r");
  }

  @Example
  void escapesOnlyWhatJsonRequiresAndLoneSurrogates() {
    assertThat(Json.write("a\"b\\c/d\n\t\u0001\u007fé\uD83D\uDE00\uD800\u2028"))
        .isEqualTo("\"a\\\"b\\\\c/d\\n\\t\\u0001\u007fé\uD83D\uDE00\\ud800\u2028\"");
  }

  @Example
  void refusesWhatIsNoJsonValueNamingIt() {
    assertThatThrownBy(() -> Json.write(List.of(Double.NaN)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Not a JSON number: NaN");
    assertThatThrownBy(() -> Json.write(Map.of(1, 2)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Not a JSON object: a key is a java.lang.Integer, not a string");
    assertThatThrownBy(() -> Json.write(new Object[0]))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Not a JSON value: a [Ljava.lang.Object;");
  }

  @Example
  void writesAValueDeeperThanTheStackWouldAllowRecursion() {
    Object deep = List.of();
    for (int i = 0; i < 100_000; i++) {
      deep = List.of(deep);
    }
    String json = Json.write(deep);

    assertThat(json).hasSize(200_002).startsWith("[[[").endsWith("]]]");
  }
}
