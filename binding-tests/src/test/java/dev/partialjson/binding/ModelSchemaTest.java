package dev.partialjson.binding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.partialjson.schema.ModelSchema;
import dev.partialjson.schema.SchemaMode;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The schema of the bound type, in both modes: the parts that matter, not every byte. */
class ModelSchemaTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  enum Mood {
    @JsonProperty("happy")
    HAPPY,
    @JsonProperty("sad")
    SAD
  }

  record Review(
      @JsonProperty("product_id") @NotNull @Pattern(regexp = "[A-Z]{3}-\\d+") String productId,
      @Min(1) @Max(5) int stars,
      @Size(min = 1, max = 3) List<@Size(max = 40) String> tags,
      @Size(max = 500) String text,
      Mood mood) {}

  @Test
  void strictModeListsEveryPropertyAsRequiredAndOptionalOnesAsNullable() {
    JsonNode schema = strict(Review.class);

    assertThat(schema.has("$schema")).isFalse();
    assertThat(schema.get("type").asText()).isEqualTo("object");
    assertThat(schema.get("additionalProperties").asBoolean(true)).isFalse();
    assertThat(names(schema.get("properties")))
        .containsExactly("product_id", "stars", "tags", "text", "mood");
    assertThat(texts(schema.get("required")))
        .containsExactlyInAnyOrder("product_id", "stars", "tags", "text", "mood");
    JsonNode properties = schema.get("properties");
    assertThat(properties.get("product_id").get("type").asText()).isEqualTo("string");
    assertThat(texts(properties.get("text").get("type"))).containsExactly("string", "null");
    assertThat(texts(properties.get("tags").get("type"))).containsExactly("array", "null");
    JsonNode mood = properties.get("mood").get("anyOf");
    assertThat(mood.get(0).get("type").asText()).isEqualTo("null");
    assertThat(texts(mood.get(1).get("enum"))).containsExactly("happy", "sad");
    assertThat(properties.get("stars").get("type").asText()).isEqualTo("integer");
  }

  @Test
  void strictModeKeepsTheConstraintsOpenAiAcceptsAndDropsTheOthers() {
    JsonNode properties = strict(Review.class).get("properties");

    assertThat(properties.get("product_id").get("pattern").asText()).isEqualTo("[A-Z]{3}-\\d+");
    assertThat(properties.get("stars").get("minimum").asInt()).isEqualTo(1);
    assertThat(properties.get("stars").get("maximum").asInt()).isEqualTo(5);
    assertThat(properties.get("tags").get("minItems").asInt()).isEqualTo(1);
    assertThat(properties.get("tags").get("maxItems").asInt()).isEqualTo(3);
    assertThat(strict(Review.class).toString()).doesNotContain("minLength", "maxLength");
  }

  record Rating(@Min(0) @Max(10) int score) {}

  @Test
  void wholeBoundsAreWholeNumbersInThePlainValues() {
    @SuppressWarnings("unchecked")
    Map<String, Object> score =
        (Map<String, Object>)
            ((Map<String, Object>)
                    ModelSchema.of(StreamingBinder.of(Rating.class), SchemaMode.OPENAI_STRICT)
                        .toMap()
                        .get("properties"))
                .get("score");
    for (String bound : List.of("minimum", "maximum")) {
      assertThat(score.get(bound)).as(bound).isInstanceOfAny(Integer.class, Long.class);
    }
    assertThat(((Number) score.get("maximum")).longValue()).isEqualTo(10);
    // a node factory that strips a decimal's zeros would write 1E+1
    assertThat(new ObjectMapper().valueToTree(score).toString()).contains("\"maximum\":10");
  }

  @Test
  void plainModeKeepsEveryConstraintAndRequiresOnlyWhatMustBePresent() {
    JsonNode schema =
        tree(ModelSchema.of(StreamingBinder.of(Review.class), SchemaMode.PLAIN).toJson());

    assertThat(schema.get("$schema").asText()).contains("2020-12");
    assertThat(schema.has("additionalProperties")).isFalse();
    assertThat(texts(schema.get("required"))).containsExactly("product_id", "stars");
    JsonNode properties = schema.get("properties");
    assertThat(properties.get("text").get("type").asText()).isEqualTo("string");
    assertThat(properties.get("text").get("maxLength").asInt()).isEqualTo(500);
    assertThat(properties.get("tags").get("items").get("maxLength").asInt()).isEqualTo(40);
    assertThat(texts(properties.get("mood").get("enum"))).containsExactly("happy", "sad");
  }

  @Test
  void unionsBecomeAnyOfWithTheTypeIdAsAConstant() {
    JsonNode shapes = strict(Models.Drawing.class).get("properties").get("shapes").get("items");

    assertThat(shapes.get("anyOf")).hasSize(2);
    JsonNode circle = shapes.get("anyOf").get(0);
    assertThat(circle.get("properties").get("type").get("const").asText()).isEqualTo("circle");
    assertThat(texts(circle.get("required"))).contains("type", "radius", "label");
    assertThat(circle.get("additionalProperties").asBoolean(true)).isFalse();
    assertThat(circle.get("properties").get("radius").get("exclusiveMinimum").asInt()).isZero();
    JsonNode rect = shapes.get("anyOf").get(1);
    assertThat(rect.get("properties").get("type").get("const").asText()).isEqualTo("rect");
  }

  @Test
  void jsonPropertyNamesAreUsed() {
    JsonNode properties = strict(Models.Step.class).get("properties");

    assertThat(names(properties)).containsExactly("step_title", "minutes");
  }

  @Test
  void strictModeRefusesMapsAndNonObjectRoots() {
    assertThatThrownBy(() -> strict(Models.Recipe.class))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "OpenAI strict mode needs a fixed set of properties, so no maps (at #/properties/scores)");
    assertThatThrownBy(
            () ->
                ModelSchema.of(
                    StreamingBinder.of(new GenericType<List<Models.Task>>() {}),
                    SchemaMode.OPENAI_STRICT))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("OpenAI strict mode needs an object at the root of the schema");
  }

  @Test
  void genericTypesAreResolvedFromTheBinder() {
    JsonNode schema =
        tree(
            ModelSchema.of(
                    StreamingBinder.of(new GenericType<List<Models.Task>>() {}), SchemaMode.PLAIN)
                .toJson());

    assertThat(schema.get("type").asText()).isEqualTo("array");
    assertThat(names(schema.get("items").get("properties")))
        .containsExactly("title", "priority", "notes");
  }

  @Test
  void handsOutCopiesAndText() throws Exception {
    ModelSchema schema = ModelSchema.of(StreamingBinder.of(Models.Task.class), SchemaMode.PLAIN);
    Map<String, Object> copy = schema.toMap();
    copy.clear();

    assertThat(schema.toMap()).isNotEmpty();
    assertThat(JSON.readTree(schema.toJson())).isEqualTo(JSON.valueToTree(schema.toMap()));
    assertThat(JSON.readTree(schema.toString())).isEqualTo(JSON.valueToTree(schema.toMap()));
    assertThat(JSON.writeValueAsString(schema.toMap())).isEqualTo(schema.toJson());
    assertThat(schema.mode()).isEqualTo(SchemaMode.PLAIN);
  }

  private static JsonNode strict(Class<?> type) {
    return tree(ModelSchema.of(StreamingBinder.of(type), SchemaMode.OPENAI_STRICT).toJson());
  }

  /** Returns the schema text as a tree, to look into. */
  static JsonNode tree(String json) {
    try {
      return JSON.readTree(json);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  static List<String> names(JsonNode object) {
    List<String> out = new ArrayList<>();
    object.fieldNames().forEachRemaining(out::add);
    return out;
  }

  /** Returns a text node as one text, an array as its texts. */
  static List<String> texts(JsonNode node) {
    List<String> out = new ArrayList<>();
    if (node.isTextual()) {
      out.add(node.asText());
    } else {
      node.forEach(element -> out.add(element.asText()));
    }
    return out;
  }
}
