package dev.partialjson.binding.jackson2;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.cfg.PackageVersion;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.partialjson.binding.spi.DataType;
import dev.partialjson.binding.spi.Databind;
import dev.partialjson.binding.spi.DatabindFailure;
import dev.partialjson.binding.spi.Tokens;
import java.io.IOException;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Binding through Jackson 2's databind ({@code com.fasterxml.jackson.databind}): give a binder the
 * application's {@link ObjectMapper} with {@code
 * StreamingBinder.builder(Plan.class).databind(Jackson2Databind.of(objectMapper))}. Without it, a
 * binder on a class path with {@code partialjson-binding} alone uses {@link #defaults()}.
 *
 * <p>Works on a copy of the mapper ({@code ObjectMapper.copy()}) whose polymorphic type validator
 * denies every class-name type id: what is changed on the mapper afterwards (modules, mix-ins,
 * default typing) does not reach the binder. Immutable and thread-safe.
 */
public final class Jackson2Databind implements Databind {
  private final ObjectMapper mapper;
  private final ObjectReader strict;
  private final ObjectReader lenient;
  private final SubtypePolicy subtypes;
  private final Jackson2Introspection introspection;

  private Jackson2Databind(ObjectMapper mapper) {
    DatabindVersion.check();
    this.mapper = mapper;
    this.subtypes = new SubtypePolicy(mapper);
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
    this.introspection = new Jackson2Introspection(mapper, ignoresPropertyCase());
  }

  /**
   * Returns binding through {@code mapper}, or rather through a copy of it that denies class-name
   * type ids.
   *
   * @throws IllegalArgumentException if the mapper has default typing activated, or its class
   *     cannot be copied (a subclass that does not override {@code copy()})
   * @throws IllegalStateException if the jackson-databind on the class path is older than 2.15; the
   *     message names the version found and the floor
   */
  public static Jackson2Databind of(ObjectMapper mapper) {
    Objects.requireNonNull(mapper, "mapper == null");
    return new Jackson2Databind(SubtypePolicy.guarded(mapper));
  }

  /**
   * Returns binding through a mapper with Jackson's defaults except that unknown properties are
   * ignored (models add fields now and then, and the constraints on the target, not the mapper, say
   * what is required), which never resolves a class name found in the input.
   *
   * @throws IllegalStateException if the jackson-databind on the class path is older than 2.15
   */
  public static Jackson2Databind defaults() {
    DatabindVersion.check();
    return new Jackson2Databind(
        JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .polymorphicTypeValidator(new NoClassNames())
            .build());
  }

  /** Returns the mapper values are bound with: the guarded copy. */
  ObjectMapper mapper() {
    return mapper;
  }

  @Override
  public String describe() {
    return "Jackson " + PackageVersion.VERSION;
  }

  @Override
  public DataType constructType(Type type) {
    return Jackson2Type.of(mapper.getTypeFactory().constructType(type));
  }

  @Override
  public DataType specialize(DataType base, Class<?> subclass) {
    return Jackson2Type.of(
        mapper.getTypeFactory().constructSpecializedType(Jackson2Type.unwrap(base), subclass));
  }

  @Override
  public boolean isTree(Class<?> type) {
    return com.fasterxml.jackson.core.TreeNode.class.isAssignableFrom(type);
  }

  @Override
  public Tokens newTokens() {
    return new Jackson2Tokens();
  }

  @Override
  public @Nullable Object bind(DataType type, Tokens tokens, boolean partial) {
    ObjectReader reader = (partial ? lenient : strict).forType(Jackson2Type.unwrap(type));
    try {
      return reader.readValue(((Jackson2Tokens) tokens).buffer.asParser(mapper));
    } catch (JsonMappingException e) {
      List<Object> path = new ArrayList<>();
      for (JsonMappingException.Reference reference : e.getPath()) {
        if (reference.getFieldName() != null) {
          path.add(reference.getFieldName());
        } else if (reference.getIndex() >= 0) {
          path.add(reference.getIndex());
        }
      }
      throw new DatabindFailure(e.getOriginalMessage(), path, e);
    } catch (IOException e) {
      throw new DatabindFailure(String.valueOf(e.getMessage()), List.of(), e);
    }
  }

  @Override
  public List<Property> properties(DataType bean) {
    return introspection.properties(Jackson2Type.unwrap(bean));
  }

  @Override
  public @Nullable Object readProperty(Object bean, String javaName) {
    return introspection.readProperty(bean, javaName);
  }

  @Override
  public boolean takesBoundValue(DataType type) {
    return introspection.takesBoundValue(Jackson2Type.unwrap(type));
  }

  @Override
  public @Nullable Polymorphism polymorphism(DataType type) {
    return introspection.polymorphism(Jackson2Type.unwrap(type));
  }

  @Override
  public @Nullable Map<String, DataType> acceptedNames(DataType type) {
    return introspection.acceptedNames(Jackson2Type.unwrap(type));
  }

  @Override
  public boolean ignoresPropertyCase() {
    return mapper
        .getDeserializationConfig()
        .isEnabled(MapperFeature.ACCEPT_CASE_INSENSITIVE_PROPERTIES);
  }

  @Override
  public boolean unwrapsRootValue() {
    return mapper.getDeserializationConfig().isEnabled(DeserializationFeature.UNWRAP_ROOT_VALUE);
  }

  @Override
  public void refuseClassNames(DataType type) {
    subtypes.check(Jackson2Type.unwrap(type));
  }
}
