package dev.partialjson.schema;

/** Which flavour of JSON Schema {@link ModelSchema} writes. */
public enum SchemaMode {
  /**
   * A schema that OpenAI's strict structured outputs accept ({@code "strict": true} in a {@code
   * json_schema} response format or a function tool): every property is listed in {@code required},
   * a property that may be null has a type union with {@code "null"}, every object has {@code
   * "additionalProperties": false}, and keywords the strict mode rejects are left out (no {@code
   * $schema}, no {@code minLength}/{@code maxLength}, only the formats it knows). The constraints
   * left out are still checked by Jakarta Validation when the session completes. The root must be
   * an object.
   */
  OPENAI_STRICT,

  /**
   * Plain JSON Schema 2020-12 with {@code $schema}: only the properties that must be present (a
   * primitive, {@code @NotNull}, {@code @NotBlank}, {@code @NotEmpty},
   * {@code @JsonProperty(required = true)}) are {@code required}, and every constraint the
   * validation annotations express is kept.
   */
  PLAIN
}
