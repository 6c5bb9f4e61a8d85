package dev.partialjson.anthropic;

import com.anthropic.core.JsonValue;
import com.anthropic.models.messages.JsonOutputFormat;
import com.anthropic.models.messages.MessageCreateParams;
import com.anthropic.models.messages.OutputConfig;
import com.anthropic.models.messages.Tool;
import com.anthropic.models.messages.ToolChoiceTool;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.partialjson.binding.StreamingBinder;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes a binding's schemas into a request, with only builder methods that every supported SDK
 * version has (2.12.0 on): {@code eager_input_streaming} is set as an additional property of the
 * tool because the typed setter arrived later, in 2.13.0.
 */
final class RequestSchemas {
  private RequestSchemas() {}

  static void apply(AnthropicBinding<?> binding, MessageCreateParams.Builder params) {
    StreamingBinder<?> answer = binding.answer();
    if (answer != null && binding.mode() == AnthropicBinding.Answer.STRUCTURED_OUTPUT) {
      JsonOutputFormat.Schema schema =
          JsonOutputFormat.Schema.builder()
              .additionalProperties(AnthropicSchema.structuredOutput(answer))
              .build();
      params.outputConfig(
          OutputConfig.builder().format(JsonOutputFormat.builder().schema(schema).build()).build());
    } else if (answer != null && binding.mode() == AnthropicBinding.Answer.FORCED_TOOL) {
      String name = binding.answerTool();
      params.addTool(tool(name, "Writes the answer.", answer, binding.eager()));
      params.toolChoice(ToolChoiceTool.builder().name(name).build());
    }
    for (AnthropicBinding.BoundTool<?> bound : binding.tools().values()) {
      params.addTool(tool(bound.name(), bound.description(), bound.binder(), binding.eager()));
    }
  }

  private static Tool tool(
      String name, String description, StreamingBinder<?> binder, boolean eager) {
    ObjectNode schema = AnthropicSchema.toolInput(name, binder);
    schema.remove("type"); // the SDK writes "type": "object" itself
    Tool.InputSchema.Builder input = Tool.InputSchema.builder();
    if (schema.get("properties") instanceof ObjectNode properties) {
      input.properties(
          Tool.InputSchema.Properties.builder()
              .additionalProperties(AnthropicSchema.members(properties))
              .build());
    }
    schema.remove("properties");
    List<String> required = new ArrayList<>();
    schema.path("required").forEach(n -> required.add(n.asText()));
    if (schema.remove("required") != null) {
      input.required(required);
    }
    input.additionalProperties(
        AnthropicSchema.members(schema)); // "$defs", "additionalProperties", "description"
    Tool.Builder tool =
        Tool.builder().name(name).description(description).inputSchema(input.build());
    if (eager) {
      tool.putAdditionalProperty("eager_input_streaming", JsonValue.from(true));
    }
    return tool.build();
  }
}
