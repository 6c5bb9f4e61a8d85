package dev.partialjson.embeddedmodel;

import static org.assertj.core.api.Assertions.assertThat;

import dev.partialjson.embeddedmodel.SchemaAnswers.InvalidItem;
import dev.partialjson.parser.JsonPath;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

/** Answers for random schemas that admit values (see {@link RandomSchemas}). */
class RandomSchemasTest {
  @Provide
  Arbitrary<String> schemas() {
    return Arbitraries.randomValue(RandomSchemas::build);
  }

  /** Returns whether the pointer {@code place} is {@code value} or one of its ancestors. */
  private static boolean onTheWay(String place, String value) {
    return place.isEmpty() || value.equals(place) || value.startsWith(place + "/");
  }

  private static String place(String error) {
    return error.substring(0, error.indexOf(':'));
  }

  @Property(tries = 500)
  void answersConformAndABrokenItemBreaksTheSchemaOnlyWithinIt(
      @ForAll("schemas") String schema, @ForAll long seed) {
    SchemaAnswers answers = SchemaAnswers.forSchema(schema);

    String json = answers.valid(seed);
    InvalidItem bad = answers.invalidItem(seed).orElse(null);

    assertThat(Conformance.errors(schema, json)).as(schema + "\n" + json).isEmpty();
    Statistics.label("invalid item").collect(bad != null);
    if (bad != null) {
      List<String> errors = Conformance.errors(schema, bad.json());
      String value = JsonPath.parse(bad.valuePath()).toJsonPointer();
      assertThat(errors)
          .as(schema + "\n" + bad)
          .anyMatch(e -> e.startsWith(value + ":") || e.startsWith(value + "/"));
      // Elsewhere only on the way down to it: an anyOf above fails when its branch does.
      assertThat(errors)
          .as(schema + "\n" + bad)
          .allMatch(e -> onTheWay(place(e), value) || place(e).startsWith(value + "/"));
    }
  }
}
