package dev.partialjson.binding.jackson3;

import dev.partialjson.binding.spi.DataType;
import dev.partialjson.binding.spi.Databind;
import dev.partialjson.binding.spi.DatabindFailure;
import dev.partialjson.binding.spi.Tokens;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.TreeNode;
import tools.jackson.core.Version;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.cfg.PackageVersion;
import tools.jackson.databind.json.JsonMapper;

/**
 * Binding through Jackson 3's databind ({@code tools.jackson.databind}), as a Spring Boot 4
 * application configures it: give a binder the application's mapper with {@code
 * StreamingBinder.builder(Plan.class).databind(Jackson3Databind.of(jsonMapper))}. Without it, a
 * binder on a class path with {@code partialjson-binding-jackson3} alone uses {@link #defaults()}.
 *
 * <pre>{@code
 * StreamingBinder<Plan> binder =
 *     StreamingBinder.builder(Plan.class).databind(Jackson3Databind.of(jsonMapper)).build();
 * }</pre>
 *
 * <p>Works on the mapper rebuilt ({@code rebuild()}) with a polymorphic type validator that denies
 * every class-name type id; everything else the application configured (modules, naming strategy,
 * mix-ins, features) applies. Immutable and thread-safe.
 */
public final class Jackson3Databind implements Databind {
  private final JsonMapper mapper;
  private final ObjectReader strict;
  private final ObjectReader lenient;
  private final Jackson3Introspection introspection;
  private final Set<JavaType> checked = ConcurrentHashMap.newKeySet();

  private Jackson3Databind(JsonMapper mapper) {
    requireAtLeast31(PackageVersion.VERSION);
    this.mapper = mapper;
    if (mapper.deserializationConfig().getDefaultTyper(mapper.constructType(Object.class))
        != null) {
      throw new IllegalArgumentException(
          "the JsonMapper has default typing activated, which lets the input name any class to"
              + " instantiate: bind model output with a mapper without it, and declare polymorphic"
              + " types with @JsonTypeInfo(use = Id.NAME) and @JsonSubTypes");
    }
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
    this.introspection = new Jackson3Introspection(mapper, ignoresPropertyCase());
  }

  /**
   * Returns binding through {@code mapper} (a Spring Boot 4 application's auto-configured {@code
   * JsonMapper}, for example), rebuilt with a polymorphic type validator that denies class-name
   * type ids.
   *
   * @throws IllegalArgumentException if the mapper has default typing activated
   */
  public static Jackson3Databind of(JsonMapper mapper) {
    Objects.requireNonNull(mapper, "mapper == null");
    return new Jackson3Databind(
        mapper.rebuild().polymorphicTypeValidator(new NoClassNames()).build());
  }

  /**
   * Returns binding through a mapper with Jackson 3's defaults except that unknown properties are
   * ignored (models add fields now and then), which never resolves a class name found in the input.
   */
  public static Jackson3Databind defaults() {
    return new Jackson3Databind(
        JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .polymorphicTypeValidator(new NoClassNames())
            .build());
  }

  /**
   * Throws if {@code found} is older than 3.1, the oldest Jackson 3 binding is tested with: an
   * application whose dependency tree picks an older one gets an error naming both versions rather
   * than a {@code NoSuchMethodError} in the middle of a stream.
   *
   * @throws IllegalStateException naming {@code found} and the floor
   */
  static void requireAtLeast31(Version found) {
    if (found.getMajorVersion() == 3 && found.getMinorVersion() < 1) {
      throw new IllegalStateException(
          "partialjson-binding-jackson3 needs jackson-databind 3.1 or newer, but the class path has "
              + found.toFullString()
              + ": align the application's Jackson version (tools.jackson:jackson-bom)");
    }
  }

  @Override
  public String describe() {
    return "Jackson " + PackageVersion.VERSION;
  }

  @Override
  public DataType constructType(Type type) {
    return Jackson3Type.of(mapper.getTypeFactory().constructType(type));
  }

  @Override
  public DataType specialize(DataType base, Class<?> subclass) {
    return Jackson3Type.of(
        mapper.getTypeFactory().constructSpecializedType(Jackson3Type.unwrap(base), subclass));
  }

  @Override
  public boolean isTree(Class<?> type) {
    return TreeNode.class.isAssignableFrom(type);
  }

  @Override
  public Tokens newTokens() {
    return new Jackson3Tokens();
  }

  @Override
  public @Nullable Object bind(DataType type, Tokens tokens, boolean partial) {
    ObjectReader reader = (partial ? lenient : strict).forType(Jackson3Type.unwrap(type));
    try {
      return reader.readValue(((Jackson3Tokens) tokens).buffer.asParser());
    } catch (JacksonException e) {
      List<Object> path = new ArrayList<>();
      for (JacksonException.Reference reference : e.getPath()) {
        if (reference.getPropertyName() != null) {
          path.add(reference.getPropertyName());
        } else if (reference.getIndex() >= 0) {
          path.add(reference.getIndex());
        }
      }
      throw new DatabindFailure(String.valueOf(e.getOriginalMessage()), path, e);
    }
  }

  @Override
  public List<Property> properties(DataType bean) {
    return introspection.properties(Jackson3Type.unwrap(bean));
  }

  @Override
  public @Nullable Object readProperty(Object bean, String javaName) {
    return introspection.readProperty(bean, javaName);
  }

  @Override
  public boolean takesBoundValue(DataType type) {
    return introspection.takesBoundValue(Jackson3Type.unwrap(type));
  }

  @Override
  public @Nullable Polymorphism polymorphism(DataType type) {
    return introspection.polymorphism(Jackson3Type.unwrap(type));
  }

  @Override
  public @Nullable Map<String, DataType> acceptedNames(DataType type) {
    return introspection.acceptedNames(Jackson3Type.unwrap(type));
  }

  @Override
  public boolean ignoresPropertyCase() {
    return mapper
        .deserializationConfig()
        .isEnabled(MapperFeature.ACCEPT_CASE_INSENSITIVE_PROPERTIES);
  }

  @Override
  public boolean unwrapsRootValue() {
    return mapper.deserializationConfig().isEnabled(DeserializationFeature.UNWRAP_ROOT_VALUE);
  }

  @Override
  public void refuseClassNames(DataType type) {
    JavaType javaType = Jackson3Type.unwrap(type);
    if (!checked.contains(javaType)) {
      new ClassNameWalk(mapper).visit(javaType);
      checked.add(javaType);
    }
  }
}
