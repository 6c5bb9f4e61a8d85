package dev.partialjson.binding;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.partialjson.schema.ModelSchema;
import dev.partialjson.schema.SchemaMode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The schemas recorded with real model outputs (see the README in the test resources), against the
 * schemas generated from the records {@link LlmOutputsBindingTest} binds those outputs to: the same
 * properties, types, required properties, enums and additionalProperties once references are
 * inlined (descriptions and titles aside). Strict-mode recordings (every property required,
 * additionalProperties false) are compared with {@link SchemaMode#OPENAI_STRICT}, the others with
 * {@link SchemaMode#PLAIN}. Each recorded output must also conform to the generated schema.
 */
class RecordedSchemasTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @ParameterizedTest(name = "{0} as {1}, {2}")
  @CsvSource({
    "0002, Weather, OPENAI_STRICT",
    "0004, Weather, OPENAI_STRICT",
    "0010, MathReasoning, OPENAI_STRICT",
    "0082, Answers, OPENAI_STRICT",
    "0095, Answers, OPENAI_STRICT",
    "0129, CityInfo, OPENAI_STRICT",
    "0132, CityInfo, OPENAI_STRICT",
    "0127, CityInfo, PLAIN",
    "0011, Finish, PLAIN",
    "0016, Finish, PLAIN",
    "0204, TopModel, PLAIN",
    "0205, TopModel, PLAIN"
  })
  void generatedSchemaMatchesTheRecordedOne(String file, String record, SchemaMode mode)
      throws Exception {
    Class<?> type = Class.forName(LlmOutputsBindingTest.class.getName() + "$" + record);
    JsonNode recorded = recordedSchema(file + ".json");
    ObjectNode generated =
        (ObjectNode) ModelSchemaTest.tree(ModelSchema.of(StreamingBinder.of(type), mode).toJson());

    assertThat(shape(generated, generated)).as(file).isEqualTo(shape(recorded, recorded));
    JsonNode document = JSON.readTree(read(file + ".json"));
    assertThat(Conformance.problems(generated, generated, document, "$")).as(file).isEmpty();
  }

  /**
   * Returns what the comparison looks at: references inlined, {@code type} as a sorted list, {@code
   * required} as a sorted set, and only the keywords that shape a value.
   */
  static JsonNode shape(JsonNode schema, JsonNode root) {
    JsonNode resolved = resolve(schema, root);
    ObjectNode out = JSON.createObjectNode();
    if (resolved.has("type")) {
      out.putPOJO("type", new TreeSet<>(ModelSchemaTest.texts(resolved.get("type"))));
    }
    if (resolved.has("required")) {
      out.putPOJO("required", new TreeSet<>(ModelSchemaTest.texts(resolved.get("required"))));
    }
    for (String keyword : List.of("enum", "const", "additionalProperties")) {
      if (resolved.has(keyword)) {
        out.set(keyword, resolved.get(keyword));
      }
    }
    if (resolved.get("properties") instanceof ObjectNode properties) {
      ObjectNode shaped = out.putObject("properties");
      for (Map.Entry<String, JsonNode> field : properties.properties()) {
        shaped.set(field.getKey(), shape(field.getValue(), root));
      }
    }
    if (resolved.has("items")) {
      out.set("items", shape(resolved.get("items"), root));
    }
    if (resolved.get("anyOf") != null) {
      List<JsonNode> options = new ArrayList<>();
      resolved.get("anyOf").forEach(option -> options.add(shape(option, root)));
      out.putPOJO("anyOf", options);
    }
    return out;
  }

  static JsonNode resolve(JsonNode schema, JsonNode root) {
    JsonNode ref = schema.get("$ref");
    if (ref == null) {
      return schema;
    }
    String pointer = ref.asText();
    assertThat(pointer).startsWith("#");
    return resolve(root.at(pointer.substring(1)), root);
  }

  private static JsonNode recordedSchema(String file) throws IOException {
    try (InputStream in = open("index.jsonl");
        BufferedReader lines =
            new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      for (String line = lines.readLine(); line != null; line = lines.readLine()) {
        JsonNode entry = JSON.readTree(line);
        if (entry.get("file").asText().equals(file)) {
          return entry.get("schema");
        }
      }
    }
    throw new AssertionError("no index line for " + file);
  }

  private static byte[] read(String file) {
    try (InputStream in = open(file)) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static InputStream open(String file) {
    String name = "/llm-outputs/" + file;
    return Objects.requireNonNull(
        RecordedSchemasTest.class.getResourceAsStream(name), "no resource " + name);
  }
}
