package dev.partialjson.embeddedmodel;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.PathType;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion.VersionFlag;
import com.networknt.schema.SpecVersionDetector;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;

/**
 * Checks answers against their schema with networknt's JSON Schema validator, which shares no code
 * with the generator: formats asserted, OpenAPI's {@code nullable} honoured, the draft taken from
 * {@code $schema} (2020-12 when there is none).
 */
final class Conformance {
  /** Strict JSON: one value and nothing after it, as a model's answer must be. */
  static final ObjectMapper JSON =
      JsonMapper.builder()
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
          .build();

  private Conformance() {}

  /**
   * Returns what the validator finds wrong with {@code answer}, each as the JSON Pointer of the
   * value, a colon and the message; empty when it conforms.
   */
  static List<String> errors(String schema, String answer) {
    try {
      JsonNode schemaNode = JSON.readTree(schema);
      VersionFlag draft =
          SpecVersionDetector.detectOptionalVersion(schemaNode, false).orElse(VersionFlag.V202012);
      SchemaValidatorsConfig config =
          SchemaValidatorsConfig.builder()
              .formatAssertionsEnabled(true)
              .nullableKeywordEnabled(true)
              .pathType(PathType.JSON_POINTER)
              .build();
      return JsonSchemaFactory.getInstance(draft)
          .getSchema(schemaNode, config)
          .validate(JSON.readTree(answer))
          .stream()
          .map(ValidationMessage::toString)
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Returns a test resource as text, read as bytes. */
  static String resource(String name) {
    try (InputStream in = Conformance.class.getResourceAsStream(name)) {
      return new String(Objects.requireNonNull(in, name).readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
