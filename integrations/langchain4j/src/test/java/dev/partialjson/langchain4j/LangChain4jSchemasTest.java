package dev.partialjson.langchain4j;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.langchain4j.model.chat.request.ResponseFormatType;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import dev.langchain4j.model.chat.request.json.JsonRawSchema;
import dev.partialjson.binding.StreamingBinder;
import dev.partialjson.schema.ModelSchema;
import dev.partialjson.schema.SchemaMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LangChain4jSchemasTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** A type used twice, which the generator writes once under {@code $defs}. */
  record Place(String city, String country) {}

  record Route(Place from, Place to, List<Place> stops) {}

  @Test
  void theResponseFormatCarriesTheStrictSchemaUnchanged() throws Exception {
    StreamingBinder<Trip> binder = StreamingBinder.of(Trip.class);
    var format = LangChain4jSchemas.responseFormat(binder);

    assertThat(format.type()).isEqualTo(ResponseFormatType.JSON);
    assertThat(format.jsonSchema().name()).isEqualTo("Trip");
    assertThat(format.jsonSchema().rootElement()).isInstanceOf(JsonRawSchema.class);
    assertThat(((JsonRawSchema) format.jsonSchema().rootElement()).schema())
        .isEqualTo(ModelSchema.of(binder, SchemaMode.OPENAI_STRICT).toJson());
  }

  @Test
  void toolParametersKeepThePropertiesTheRequiredListAndTheDefinitions() throws Exception {
    StreamingBinder<Route> binder = StreamingBinder.of(Route.class);
    JsonNode schema =
        new com.fasterxml.jackson.databind.ObjectMapper()
            .readTree(ModelSchema.of(binder, SchemaMode.OPENAI_STRICT).toJson());
    JsonObjectSchema parameters = LangChain4jSchemas.toolParameters(binder);

    assertThat(parameters.properties().keySet()).containsExactly("from", "to", "stops");
    for (Map.Entry<String, ?> property : parameters.properties().entrySet()) {
      assertThat(JSON.readTree(((JsonRawSchema) property.getValue()).schema()))
          .isEqualTo(schema.get("properties").get(property.getKey()));
    }
    List<String> required = new ArrayList<>();
    schema.get("required").forEach(name -> required.add(name.asText()));
    assertThat(parameters.required()).isEqualTo(required);
    assertThat(parameters.additionalProperties()).isFalse();
    assertThat(schema.has("$defs")).isTrue();
    assertThat(parameters.definitions().keySet())
        .containsExactlyElementsOf(() -> schema.get("$defs").fieldNames());
  }

  @Test
  void namesTheSchemaInTheCharactersOpenAiAllows() {
    assertThat(LangChain4jSchemas.schemaName(Trip.Activity.class)).isEqualTo("Activity");
    assertThat(LangChain4jSchemas.schemaName(new Object() {}.getClass())).isEqualTo("answer");
  }
}
