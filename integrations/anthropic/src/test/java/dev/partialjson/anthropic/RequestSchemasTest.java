package dev.partialjson.anthropic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.anthropic.core.ObjectMappers;
import com.anthropic.models.messages.MessageCreateParams;
import com.fasterxml.jackson.core.JsonProcessingException;
import dev.partialjson.binding.GenericType;
import dev.partialjson.binding.StreamingBinder;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.junit.jupiter.api.Test;

class RequestSchemasTest {
  record Bounds(@Min(0) @Max(10) int maximum, @Size(min = 2, max = 4) List<String> tags) {}

  private static String body(AnthropicBinding<?> binding) throws JsonProcessingException {
    MessageCreateParams params =
        binding
            .applyTo(MessageCreateParams.builder().model("m").maxTokens(10).addUserMessage("Hi"))
            .build();
    return ObjectMappers.jsonMapper().writeValueAsString(params._body());
  }

  @Test
  void structuredOutputClosesEveryObjectAndMovesBoundsAnthropicRefusesIntoTheDescription()
      throws Exception {
    AnthropicBinding<Records.Plan> binding =
        AnthropicBinding.builder(StreamingBinder.of(Records.Plan.class)).build();

    assertThat(body(binding))
        .isEqualTo(
            "{\"max_tokens\":10,\"messages\":[{\"content\":\"Hi\",\"role\":\"user\"}],\"model\":\"m\",\"output_config\":{\"format\":{\"schema\":{\"type\":\"object\",\"properties\":{\"goal\":{\"type\":\"string\"},\"tasks\":{\"type\":\"array\",\"items\":{\"type\":\"object\",\"properties\":{\"title\":{\"type\":\"string\"},\"priority\":{\"type\":\"integer\",\"description\":\"{minimum: 1, maximum: 5}\"}},\"required\":[\"title\",\"priority\"],\"additionalProperties\":false}}},\"required\":[\"goal\",\"tasks\"],\"additionalProperties\":false},\"type\":\"json_schema\"}}}");
  }

  @Test
  void aPropertyNamedLikeABoundIsKept() throws Exception {
    AnthropicBinding<Bounds> binding =
        AnthropicBinding.builder(StreamingBinder.of(Bounds.class)).build();

    assertThat(body(binding))
        .isEqualTo(
            "{\"max_tokens\":10,\"messages\":[{\"content\":\"Hi\",\"role\":\"user\"}],\"model\":\"m\",\"output_config\":{\"format\":{\"schema\":{\"type\":\"object\",\"properties\":{\"maximum\":{\"type\":\"integer\",\"description\":\"{minimum: 0, maximum: 10}\"},\"tags\":{\"type\":[\"array\",\"null\"],\"items\":{\"type\":\"string\"},\"description\":\"{maxItems: 4, minItems: 2}\"}},\"required\":[\"maximum\",\"tags\"],\"additionalProperties\":false},\"type\":\"json_schema\"}}}");
  }

  @Test
  void forcedToolCarriesThePlainSchemaAndForcesTheCall() throws Exception {
    AnthropicBinding<Records.Plan> binding =
        AnthropicBinding.builder(StreamingBinder.of(Records.Plan.class))
            .answerAsTool("plan")
            .eagerInputStreaming(true)
            .build();

    assertThat(body(binding))
        .isEqualTo(
            "{\"max_tokens\":10,\"messages\":[{\"content\":\"Hi\",\"role\":\"user\"}],\"model\":\"m\",\"tool_choice\":{\"name\":\"plan\",\"type\":\"tool\"},\"tools\":[{\"input_schema\":{\"type\":\"object\",\"properties\":{\"goal\":{\"type\":\"string\",\"minLength\":1},\"tasks\":{\"type\":\"array\",\"items\":{\"type\":\"object\",\"properties\":{\"title\":{\"type\":\"string\",\"minLength\":1},\"priority\":{\"type\":\"integer\",\"minimum\":1,\"maximum\":5}},\"required\":[\"title\",\"priority\"]}}},\"required\":[\"goal\",\"tasks\"]},\"name\":\"plan\",\"description\":\"Writes the answer.\",\"eager_input_streaming\":true}]}");
  }

  @Test
  void registeredToolsAreDeclaredWithTheirInputSchemas() throws Exception {
    AnthropicBinding<Void> binding =
        AnthropicBinding.builder()
            .tool(
                "get_weather",
                "Weather at a place.",
                StreamingBinder.of(Records.Weather.class),
                call -> {})
            .build();

    assertThat(body(binding))
        .isEqualTo(
            "{\"max_tokens\":10,\"messages\":[{\"content\":\"Hi\",\"role\":\"user\"}],\"model\":\"m\",\"tools\":[{\"input_schema\":{\"type\":\"object\",\"properties\":{\"city\":{\"type\":\"string\",\"minLength\":1},\"days\":{\"type\":\"integer\",\"minimum\":1,\"maximum\":7}},\"required\":[\"city\",\"days\"]},\"name\":\"get_weather\",\"description\":\"Weather at a place.\"}]}");
  }

  @Test
  void aToolWhoseInputIsNotAnObjectIsRefusedNamingTheTool() {
    AnthropicBinding<Void> binding =
        AnthropicBinding.builder()
            .tool(
                "scores",
                "Scores.",
                StreamingBinder.of(new GenericType<List<Integer>>() {}),
                call -> {})
            .build();

    assertThatThrownBy(() -> body(binding))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "a tool's input must be a JSON object, but tool \"scores\" is bound to java.util.List<java.lang.Integer>, written as JSON of type \"array\"");
  }

  @Test
  void aToolNameIsRegisteredOnce() {
    var builder =
        AnthropicBinding.builder(StreamingBinder.of(Records.Plan.class)).answerAsTool("plan");

    assertThatThrownBy(
            () ->
                builder.tool("plan", "Again.", StreamingBinder.of(Records.Weather.class), c -> {}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("a tool named \"plan\" is registered already");
  }

  @Test
  void anAnswerToolNeedsATypedAnswer() {
    assertThatThrownBy(() -> AnthropicBinding.builder().answerAsTool("plan"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("no typed answer: use AnthropicBinding.builder(binder)");
  }
}
