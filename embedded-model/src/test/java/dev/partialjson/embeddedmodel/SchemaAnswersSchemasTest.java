package dev.partialjson.embeddedmodel;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.partialjson.embeddedmodel.SchemaAnswers.InvalidItem;
import dev.partialjson.parser.JsonPath;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/**
 * Answers for schemas written in the styles of Pydantic, Zod, draft 4 and OpenAPI, and for the
 * schemas of recorded real requests (see the README beside them), checked by networknt's validator.
 */
class SchemaAnswersSchemasTest {
  /** Each file, and whether a list item in it has a bound to break. */
  private static final Map<String, Boolean> FILES =
      new TreeMap<>(
          Map.ofEntries(
              Map.entry("pydantic-plan.json", true),
              Map.entry("pydantic-strict-invoice.json", true),
              Map.entry("pydantic-tree.json", true),
              Map.entry("zod-signup.json", true),
              Map.entry("zod-matrix.json", true),
              Map.entry("zod-events.json", true),
              Map.entry("draft4-legacy.json", true),
              Map.entry("allof-and-booleans.json", true),
              Map.entry("openapi-nullable.json", true),
              Map.entry("scalar-root.json", false),
              Map.entry("recorded-openai-responses-book.json", false),
              Map.entry("recorded-anthropic-book-tool.json", false),
              Map.entry("recorded-chat-weather-tool.json", false),
              Map.entry("recorded-anthropic-integer-addition.json", false),
              Map.entry("recorded-anthropic-root-array.json", false)));

  @Provide
  Arbitrary<String> files() {
    return Arbitraries.of(List.copyOf(FILES.keySet()));
  }

  @Property(tries = 600)
  void everyAnswerIsOneJsonValueThatConformsToItsSchema(
      @ForAll("files") String file, @ForAll long seed) throws Exception {
    String schema = schema(file);
    String json = SchemaAnswers.forSchema(schema).valid(seed);

    JsonNode parsed = Conformance.JSON.readTree(json);

    assertThat(parsed).as(json).isNotNull();
    assertThat(Conformance.errors(schema, json)).as(file + ": " + json).isEmpty();
  }

  @Property(tries = 600)
  void anInvalidItemBreaksTheSchemaOnlyWithinThatItem(
      @ForAll("files") String file, @ForAll long seed) {
    String schema = schema(file);
    InvalidItem bad = SchemaAnswers.forSchema(schema).invalidItem(seed).orElse(null);
    assertThat(bad != null).as(file).isEqualTo(FILES.get(file));
    if (bad == null) {
      return;
    }

    List<String> errors = Conformance.errors(schema, bad.json());

    assertThat(errors).as(bad.toString()).isNotEmpty();
    // networknt names the value's place ("/events/0/x: ..."; the item itself for a failed anyOf).
    assertThat(errors).as(bad.toString()).allMatch(e -> within(e, bad.itemPath()));
  }

  @Test
  void prettyAnswersAreTheSameValues() throws Exception {
    for (String file : FILES.keySet()) {
      SchemaAnswers answers = SchemaAnswers.forSchema(schema(file));
      String pretty = answers.valid(3, SchemaAnswers.Layout.PRETTY);

      assertThat(Conformance.JSON.readTree(pretty))
          .isEqualTo(Conformance.JSON.readTree(answers.valid(3)));
      assertThat(answers.valid(3)).as(file).doesNotContain("\n  ");
      if (Conformance.JSON.readTree(pretty).isContainerNode()) {
        assertThat(pretty).as(file).contains("\n  ").doesNotContain("\" : ");
      }
    }
  }

  @Test
  void objectPropertiesComeInTheOrderOfTheSchema() throws Exception {
    JsonNode schema = Conformance.JSON.readTree(schema("pydantic-plan.json"));
    List<String> planOrder = names(schema.get("properties"));
    List<String> taskOrder = names(schema.at("/$defs/Task/properties"));
    SchemaAnswers answers = SchemaAnswers.forSchema(schema("pydantic-plan.json"));
    for (long seed = 0; seed < 50; seed++) {
      JsonNode plan = Conformance.JSON.readTree(answers.valid(seed));

      assertThat(names(plan)).isSubsetOf(planOrder).isSortedAccordingTo(by(planOrder));
      for (JsonNode task : plan.get("tasks")) {
        assertThat(names(task)).isSubsetOf(taskOrder).isSortedAccordingTo(by(taskOrder));
      }
    }
  }

  @Test
  void aRecursiveSchemaRecursesOnceAndStops() throws Exception {
    SchemaAnswers answers = SchemaAnswers.forSchema(schema("pydantic-tree.json"));
    Set<Integer> depths = new java.util.TreeSet<>();
    for (long seed = 0; seed < 100; seed++) {
      depths.add(depth(Conformance.JSON.readTree(answers.valid(seed))));
    }

    // {"children":[{"children":[]}]} is 4 deep: the root's children have none of their own.
    assertThat(depths).contains(4).allMatch(d -> d <= 4);
  }

  private static boolean within(String error, String itemPath) {
    String place = error.substring(0, error.indexOf(':'));
    String item = JsonPath.parse(itemPath).toJsonPointer();
    return place.equals(item) || place.startsWith(item + "/");
  }

  private static int depth(JsonNode node) {
    int deepest = 0;
    for (JsonNode child : node) {
      deepest = Math.max(deepest, depth(child));
    }
    return node.isContainerNode() ? deepest + 1 : 0;
  }

  private static List<String> names(JsonNode object) {
    List<String> names = new java.util.ArrayList<>();
    object.fieldNames().forEachRemaining(names::add);
    return names;
  }

  private static java.util.Comparator<String> by(List<String> order) {
    return java.util.Comparator.comparingInt(order::indexOf);
  }

  static String schema(String file) {
    return Conformance.resource("/schemas/" + file);
  }
}
