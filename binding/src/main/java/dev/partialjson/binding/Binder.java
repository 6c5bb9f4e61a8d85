package dev.partialjson.binding;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import dev.partialjson.parser.JsonPath;
import java.io.IOException;
import org.jspecify.annotations.Nullable;

/**
 * Binds recorded tokens with databind and turns its failures into {@link BindingException}s that
 * name the JSON path. Thread-safe: readers are immutable.
 */
final class Binder {
  private final ObjectMapper mapper;
  private final ObjectReader strict;
  private final ObjectReader lenient;

  Binder(ObjectMapper mapper) {
    this.mapper = mapper;
    this.strict = mapper.reader();
    // A partial value lacks what has not arrived yet: that must not fail, whatever the user's
    // mapper demands of the final value.
    this.lenient =
        mapper
            .reader()
            .without(
                DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES,
                DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES,
                DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES,
                DeserializationFeature.FAIL_ON_NULL_CREATOR_PROPERTIES,
                DeserializationFeature.FAIL_ON_MISSING_EXTERNAL_TYPE_ID_PROPERTY);
  }

  ObjectMapper mapper() {
    return mapper;
  }

  /** Binds what {@code tokens} recorded to {@code type}, as the final value or an item. */
  @Nullable Object bind(JavaType type, TokenRecorder tokens) {
    return read(strict, type, tokens);
  }

  /** Binds a partial value: missing properties and primitives are left at their defaults. */
  @Nullable Object bindPartial(JavaType type, TokenRecorder tokens) {
    return read(lenient, type, tokens);
  }

  private @Nullable Object read(ObjectReader reader, JavaType type, TokenRecorder tokens) {
    if (tokens.holds()) {
      try {
        return reader.forType(type).readValue(tokens.buffer().asParser(mapper));
      } catch (IOException | RuntimeException e) {
        // The held items could not stand in for their tokens here (a deserializer of the user's
        // that wants them): bind from every token, which also gives the error as it would be.
      }
    }
    try {
      return reader.forType(type).readValue(tokens.expanded().asParser(mapper));
    } catch (JsonMappingException e) {
      throw new BindingException(e.getOriginalMessage(), pathOf(tokens.root(), e), e);
    } catch (IOException e) {
      throw new BindingException(String.valueOf(e.getMessage()), tokens.root(), e);
    }
  }

  /** Returns the path of the failing value: Jackson's references, below where the value sits. */
  private static JsonPath pathOf(JsonPath base, JsonMappingException e) {
    JsonPath path = base;
    for (JsonMappingException.Reference reference : e.getPath()) {
      if (reference.getFieldName() != null) {
        path = path.field(reference.getFieldName());
      } else if (reference.getIndex() >= 0) {
        path = path.index(reference.getIndex());
      }
    }
    return path;
  }
}
