package dev.partialjson.langchain4j;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.model.chat.request.ResponseFormat;
import dev.langchain4j.model.chat.request.ResponseFormatType;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import dev.langchain4j.model.chat.request.json.JsonRawSchema;
import dev.langchain4j.model.chat.request.json.JsonSchema;
import dev.langchain4j.model.chat.request.json.JsonSchemaElement;
import dev.partialjson.binding.StreamingBinder;
import dev.partialjson.schema.ModelSchema;
import dev.partialjson.schema.SchemaMode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The JSON schema of a bound type in LangChain4j's terms: a {@link ResponseFormat} for the answer
 * and the parameters of a {@link ToolSpecification} for a tool's arguments. Stateless.
 *
 * <p>The schema is {@link ModelSchema} in {@link SchemaMode#OPENAI_STRICT}, handed over as a {@link
 * JsonRawSchema} (the whole answer schema; each property and definition of a tool's parameters)
 * rather than rebuilt from LangChain4j's typed elements: those cannot write a type union with
 * {@code "null"} (an optional field in strict mode) but as {@code anyOf}, nor carry every keyword
 * the generator keeps ({@code minimum}, {@code maxItems}, {@code format}), and LangChain4j's OpenAI
 * model sends a raw schema unchanged. Strict mode itself is the model's setting: build an {@code
 * OpenAiStreamingChatModel} with {@code strictJsonSchema(true)} and {@code strictTools(true)} to
 * have the provider hold the model to the schema.
 *
 * <pre>{@code
 * ChatRequest request = ChatRequest.builder()
 *     .messages(UserMessage.from("Plan my week"))
 *     .responseFormat(LangChain4jSchemas.responseFormat(binder))
 *     .build();
 * }</pre>
 */
public final class LangChain4jSchemas {
  private static final Set<String> OBJECT_KEYWORDS =
      Set.of("type", "properties", "required", "additionalProperties", "$defs", "description");

  // The schema as a tree of the Jackson 2 the SDK itself brings.
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private LangChain4jSchemas() {}

  /** Returns {@code schema} as an object node (its root is always an object). */
  private static ObjectNode tree(ModelSchema schema) {
    return MAPPER.valueToTree(schema.toMap());
  }

  /**
   * Returns a JSON response format with the schema of the type {@code binder} binds, named after
   * the type's class.
   *
   * @throws IllegalArgumentException if the type cannot be described in OpenAI's strict subset (see
   *     {@link ModelSchema#of(StreamingBinder, SchemaMode)})
   */
  public static ResponseFormat responseFormat(StreamingBinder<?> binder) {
    Objects.requireNonNull(binder, "binder == null");
    String schema = ModelSchema.of(binder, SchemaMode.OPENAI_STRICT).toJson();
    return ResponseFormat.builder()
        .type(ResponseFormatType.JSON)
        .jsonSchema(
            JsonSchema.builder()
                .name(schemaName(binder.rawType()))
                .rootElement(JsonRawSchema.from(schema))
                .build())
        .build();
  }

  /**
   * Returns the parameters of a tool whose arguments {@code binder} binds: an object schema whose
   * properties and definitions are the bound type's.
   *
   * @throws IllegalArgumentException if the type cannot be described in OpenAI's strict subset, or
   *     its schema has a keyword at the root that a tool's parameters cannot carry (the message
   *     names it)
   */
  public static JsonObjectSchema toolParameters(StreamingBinder<?> binder) {
    Objects.requireNonNull(binder, "binder == null");
    ObjectNode schema = tree(ModelSchema.of(binder, SchemaMode.OPENAI_STRICT));
    for (Iterator<String> names = schema.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!OBJECT_KEYWORDS.contains(name)) {
        throw new IllegalArgumentException(
            "the schema of "
                + binder.type()
                + " has \""
                + name
                + "\" at its root, which a tool's parameters cannot carry");
      }
    }
    JsonObjectSchema.Builder parameters = JsonObjectSchema.builder();
    parameters.addProperties(raw(schema.path("properties")));
    List<String> required = new ArrayList<>();
    schema.path("required").forEach(name -> required.add(name.asText()));
    parameters.required(required);
    if (schema.has("additionalProperties")) {
      parameters.additionalProperties(schema.get("additionalProperties").asBoolean());
    }
    if (schema.has("description")) {
      parameters.description(schema.get("description").asText());
    }
    if (schema.has("$defs")) {
      parameters.definitions(raw(schema.get("$defs")));
    }
    return parameters.build();
  }

  /**
   * Returns a tool named {@code name}, described by {@code description}, whose parameters are
   * {@link #toolParameters(StreamingBinder)}.
   */
  public static ToolSpecification toolSpecification(
      String name, String description, StreamingBinder<?> binder) {
    Objects.requireNonNull(name, "name == null");
    Objects.requireNonNull(description, "description == null");
    return ToolSpecification.builder()
        .name(name)
        .description(description)
        .parameters(toolParameters(binder))
        .build();
  }

  private static Map<String, JsonSchemaElement> raw(JsonNode object) {
    Map<String, JsonSchemaElement> elements = new LinkedHashMap<>();
    object
        .fields()
        .forEachRemaining(
            e -> elements.put(e.getKey(), JsonRawSchema.from(e.getValue().toString())));
    return elements;
  }

  /** Returns the class's simple name in the characters OpenAI allows in a schema's name. */
  static String schemaName(Class<?> type) {
    String name = type.getSimpleName().replaceAll("[^A-Za-z0-9_-]", "_");
    return name.isEmpty() ? "answer" : name;
  }
}
