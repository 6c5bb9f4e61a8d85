package dev.partialjson.openai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.openai.core.ObjectMappers;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import com.openai.models.responses.ResponseCreateParams;
import dev.partialjson.binding.StreamingBinder;
import dev.partialjson.schema.ModelSchema;
import dev.partialjson.schema.SchemaMode;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The request settings written from a bound type, as the SDK sends them. */
class OpenAiStreamsTest {
  private static final StreamingBinder<Trip> PLAN = StreamingBinder.of(Trip.class);
  private static final StreamingBinder<Trip.Weather> WEATHER =
      StreamingBinder.of(Trip.Weather.class);

  @Test
  void responseFormatIsTheBoundTypesStrictSchema() throws Exception {
    ChatCompletionCreateParams params =
        ChatCompletionCreateParams.builder()
            .model("gpt-5-mini")
            .addUserMessage("Plan")
            .responseFormat(OpenAiStreams.responseFormat(PLAN))
            .build();

    JsonNode format = body(params._body()).get("response_format");

    assertThat(format.get("type").asText()).isEqualTo("json_schema");
    assertThat(format.get("json_schema").get("name").asText()).isEqualTo("Trip");
    assertThat(format.get("json_schema").get("strict").asBoolean()).isTrue();
    assertThat(format.get("json_schema").get("schema")).isEqualTo(strict(PLAN));
  }

  @Test
  void textFormatIsTheBoundTypesStrictSchema() throws Exception {
    ResponseCreateParams params =
        ResponseCreateParams.builder()
            .model("gpt-5-mini")
            .input("Plan")
            .text(OpenAiStreams.textFormat(PLAN))
            .build();

    JsonNode format = body(params._body()).get("text").get("format");

    assertThat(format.get("type").asText()).isEqualTo("json_schema");
    assertThat(format.get("name").asText()).isEqualTo("Trip");
    assertThat(format.get("strict").asBoolean()).isTrue();
    assertThat(format.get("schema")).isEqualTo(strict(PLAN));
  }

  @Test
  void chatToolsParametersAreTheArgumentTypesStrictSchema() throws Exception {
    ChatCompletionCreateParams params =
        ChatCompletionCreateParams.builder()
            .model("gpt-5-mini")
            .addUserMessage("Weather?")
            .addTool(OpenAiStreams.chatTool("get_weather", "The weather in a city", WEATHER))
            .build();

    JsonNode tool = body(params._body()).get("tools").get(0);

    assertThat(tool.get("type").asText()).isEqualTo("function");
    JsonNode function = tool.get("function");
    assertThat(function.get("name").asText()).isEqualTo("get_weather");
    assertThat(function.get("description").asText()).isEqualTo("The weather in a city");
    assertThat(function.get("strict").asBoolean()).isTrue();
    assertThat(function.get("parameters")).isEqualTo(strict(WEATHER));
  }

  @Test
  void responsesToolsParametersAreTheArgumentTypesStrictSchema() throws Exception {
    ResponseCreateParams params =
        ResponseCreateParams.builder()
            .model("gpt-5-mini")
            .input("Weather?")
            .addTool(OpenAiStreams.responsesTool("get_weather", "The weather", WEATHER))
            .build();

    JsonNode tool = body(params._body()).get("tools").get(0);

    assertThat(tool.get("type").asText()).isEqualTo("function");
    assertThat(tool.get("name").asText()).isEqualTo("get_weather");
    assertThat(tool.get("strict").asBoolean()).isTrue();
    assertThat(tool.get("parameters")).isEqualTo(strict(WEATHER));
  }

  @Test
  void schemaNameKeepsOnlyWhatOpenAiAcceptsInAName() {
    record Ünits$Of_measure(String unit) {}

    assertThat(SchemaValues.name(StreamingBinder.of(Ünits$Of_measure.class)))
        .isEqualTo("_nits_Of_measure");
  }

  @Test
  void refusesAFunctionNameOpenAiWouldRefuse() {
    assertThatThrownBy(() -> OpenAiStreams.chatTool("get weather", "", WEATHER))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("a function name has only letters, digits, '_' and '-': \"get weather\"");
    assertThatThrownBy(() -> OpenAiStreams.responsesTool("", "", WEATHER))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("a function name has 1 to 64 characters: \"\"");
  }

  @Test
  void refusesATypeOutsideTheStrictSubsetNamingThePlace() {
    record Scores(Map<String, Integer> byName) {}

    assertThatThrownBy(() -> OpenAiStreams.responseFormat(StreamingBinder.of(Scores.class)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("byName");
  }

  @Test
  void registeringAToolTwiceIsAMistake() {
    ChatCompletionBinding<Trip> binding =
        OpenAiStreams.chat(PLAN).tool("get_weather", WEATHER, session -> {});

    assertThatThrownBy(() -> binding.tool("get_weather", WEATHER, session -> {}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("tool already registered: get_weather");
  }

  /** Returns the schema as read back from its text, as the request body is. */
  private static JsonNode strict(StreamingBinder<?> binder) throws Exception {
    return ObjectMappers.jsonMapper()
        .readTree(ModelSchema.of(binder, SchemaMode.OPENAI_STRICT).toJson());
  }

  private static JsonNode body(Object body) throws Exception {
    return ObjectMappers.jsonMapper().readTree(ObjectMappers.jsonMapper().writeValueAsString(body));
  }
}
