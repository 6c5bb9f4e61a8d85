package dev.partialjson.springai;

import dev.partialjson.binding.StreamingBinder;
import dev.partialjson.schema.ModelSchema;
import dev.partialjson.schema.SchemaMode;
import org.springframework.ai.openai.OpenAiChatModel;
import org.springframework.ai.openai.OpenAiChatOptions;

/**
 * The bound type's JSON schema, as text and as OpenAI options. The one place the adapter touches
 * the binder's Jackson (through {@link ModelSchema}); Spring AI takes the schema as text and parses
 * it with its own Jackson. Apart from {@link ChatClientBinding} so that only applications that ask
 * for OpenAI options load Spring AI's OpenAI classes.
 */
final class OpenAiSchema {
  private OpenAiSchema() {}

  /** Returns the schema in OpenAI's strict subset, as compact JSON text. */
  static String strictJson(StreamingBinder<?> binder) {
    return ModelSchema.of(binder, SchemaMode.OPENAI_STRICT).toJson();
  }

  /**
   * Returns options whose response format is a strict {@code json_schema} of {@code schema}. Strict
   * is Spring AI's own choice for a JSON schema format: always in 2.0.0, by default from 2.0.1
   * (whose {@code ResponseFormat.Builder#strict}, absent from 2.0.0, is left unset so that both
   * work).
   */
  static OpenAiChatOptions.Builder options(String schema) {
    return OpenAiChatOptions.builder()
        .responseFormat(OpenAiChatModel.ResponseFormat.builder().jsonSchema(schema).build());
  }
}
