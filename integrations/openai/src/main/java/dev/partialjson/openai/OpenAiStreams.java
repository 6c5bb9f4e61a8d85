package dev.partialjson.openai;

import com.openai.core.JsonValue;
import com.openai.models.FunctionDefinition;
import com.openai.models.FunctionParameters;
import com.openai.models.ResponseFormatJsonSchema;
import com.openai.models.chat.completions.ChatCompletionFunctionTool;
import com.openai.models.responses.FunctionTool;
import com.openai.models.responses.ResponseFormatTextJsonSchemaConfig;
import com.openai.models.responses.ResponseTextConfig;
import dev.partialjson.binding.StreamingBinder;
import dev.partialjson.schema.ModelSchema;
import dev.partialjson.schema.SchemaMode;
import java.util.Map;
import java.util.Objects;

/**
 * partialjson for the official OpenAI Java SDK: the request's structured-output format and tools
 * written from the types a {@link StreamingBinder} binds (strict JSON schema, {@link ModelSchema}
 * in {@link SchemaMode#OPENAI_STRICT}), and the SDK's stream turned into binding sessions in one
 * call.
 *
 * <pre>{@code
 * StreamingBinder<Plan> binder = StreamingBinder.of(Plan.class);
 * ChatCompletionCreateParams params = ChatCompletionCreateParams.builder()
 *     .model("gpt-5-mini").addUserMessage("Plan my week")
 *     .responseFormat(OpenAiStreams.responseFormat(binder)).build();
 * Plan plan = OpenAiStreams.chat(binder)
 *     .onSession(session -> session.onItem("$.tasks[*]", Task.class, System.out::println))
 *     .stream(client.chat().completions().createStreaming(params))
 *     .value();
 * }</pre>
 *
 * <p>The format and tool methods build a new SDK value per call from the binder's schema; the
 * {@code chat} and {@code responses} methods return a new binding to configure. Thread-safe.
 */
public final class OpenAiStreams {
  private OpenAiStreams() {}

  /**
   * Returns the Chat Completions {@code response_format} that asks for JSON of the binder's type:
   * {@code json_schema}, strict, named after the type's simple name.
   *
   * @throws IllegalArgumentException if the type cannot be described in OpenAI's strict subset (see
   *     {@link ModelSchema#of(StreamingBinder, SchemaMode)})
   */
  public static ResponseFormatJsonSchema responseFormat(StreamingBinder<?> binder) {
    Objects.requireNonNull(binder, "binder == null");
    Map<String, JsonValue> schema = SchemaValues.strict(binder);
    return ResponseFormatJsonSchema.builder()
        .jsonSchema(
            ResponseFormatJsonSchema.JsonSchema.builder()
                .name(SchemaValues.name(binder))
                .strict(true)
                .schema(
                    ResponseFormatJsonSchema.JsonSchema.Schema.builder()
                        .putAllAdditionalProperties(schema)
                        .build())
                .build())
        .build();
  }

  /**
   * Returns the Responses {@code text} setting that asks for JSON of the binder's type: a {@code
   * json_schema} format, strict, named after the type's simple name.
   *
   * @throws IllegalArgumentException as {@link #responseFormat} does
   */
  public static ResponseTextConfig textFormat(StreamingBinder<?> binder) {
    Objects.requireNonNull(binder, "binder == null");
    Map<String, JsonValue> schema = SchemaValues.strict(binder);
    return ResponseTextConfig.builder()
        .format(
            ResponseFormatTextJsonSchemaConfig.builder()
                .name(SchemaValues.name(binder))
                .strict(true)
                .schema(
                    ResponseFormatTextJsonSchemaConfig.Schema.builder()
                        .putAllAdditionalProperties(schema)
                        .build())
                .build())
        .build();
  }

  /**
   * Returns a strict Chat Completions function tool whose {@code parameters} are the schema of the
   * type {@code arguments} binds; register the same binder with {@link ChatCompletionBinding#tool}.
   *
   * @throws IllegalArgumentException if {@code name} is not a valid function name (1 to 64 letters,
   *     digits, {@code _} or {@code -}), or as {@link #responseFormat} does
   */
  public static ChatCompletionFunctionTool chatTool(
      String name, String description, StreamingBinder<?> arguments) {
    Objects.requireNonNull(name, "name == null");
    Objects.requireNonNull(description, "description == null");
    Objects.requireNonNull(arguments, "arguments == null");
    return ChatCompletionFunctionTool.builder()
        .function(
            FunctionDefinition.builder()
                .name(SchemaValues.checkName(name))
                .description(description)
                .strict(true)
                .parameters(
                    FunctionParameters.builder()
                        .putAllAdditionalProperties(SchemaValues.strict(arguments))
                        .build())
                .build())
        .build();
  }

  /**
   * Returns a strict Responses function tool whose {@code parameters} are the schema of the type
   * {@code arguments} binds; register the same binder with {@link ResponseBinding#tool}.
   *
   * @throws IllegalArgumentException as {@link #chatTool} does
   */
  public static FunctionTool responsesTool(
      String name, String description, StreamingBinder<?> arguments) {
    Objects.requireNonNull(name, "name == null");
    Objects.requireNonNull(description, "description == null");
    Objects.requireNonNull(arguments, "arguments == null");
    return FunctionTool.builder()
        .name(SchemaValues.checkName(name))
        .description(description)
        .strict(true)
        .parameters(
            FunctionTool.Parameters.builder()
                .putAllAdditionalProperties(SchemaValues.strict(arguments))
                .build())
        .build();
  }

  /**
   * Returns a binding of Chat Completions streams whose content is JSON of the binder's type (ask
   * for it with {@link #responseFormat}).
   */
  public static <T> ChatCompletionBinding<T> chat(StreamingBinder<T> binder) {
    return new ChatCompletionBinding<>(Objects.requireNonNull(binder, "binder == null"));
  }

  /**
   * Returns a binding of Chat Completions streams whose content is prose (to {@link
   * ChatCompletionBinding#onText}) and whose tool calls are bound ({@link
   * ChatCompletionBinding#tool}).
   */
  public static ChatCompletionBinding<Void> chat() {
    return new ChatCompletionBinding<>(null);
  }

  /**
   * Returns a binding of Responses streams whose output text is JSON of the binder's type (ask for
   * it with {@link #textFormat}).
   */
  public static <T> ResponseBinding<T> responses(StreamingBinder<T> binder) {
    return new ResponseBinding<>(Objects.requireNonNull(binder, "binder == null"));
  }

  /**
   * Returns a binding of Responses streams whose output text is prose (to {@link
   * ResponseBinding#onText}) and whose function calls are bound ({@link ResponseBinding#tool}).
   */
  public static ResponseBinding<Void> responses() {
    return new ResponseBinding<>(null);
  }
}
