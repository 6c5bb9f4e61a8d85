package dev.partialjson.binding;

import dev.partialjson.binding.spi.DataType;
import dev.partialjson.binding.spi.Databind;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * What binding needs to know about Java types, asked of the mapper's own introspection through the
 * {@link Databind} so that {@code @JsonProperty} names, naming strategies, mix-ins and subtypes
 * come out as Jackson binds them. Results are cached per type; thread-safe, shared by all sessions
 * of a binder.
 */
final class TypeModel {
  private static final Databind.Polymorphism NOT_POLYMORPHIC =
      new Databind.Polymorphism("", Map.of());

  private final Databind databind;
  private final Map<DataType, Map<String, Databind.Property>> byJsonName =
      new ConcurrentHashMap<>();
  private final Map<DataType, Map<String, Databind.Property>> byJavaName =
      new ConcurrentHashMap<>();
  private final Map<DataType, Databind.Polymorphism> polymorphism = new ConcurrentHashMap<>();
  private final Map<DataType, Boolean> takesBoundValue = new ConcurrentHashMap<>();
  private final Map<Class<?>, DataType> byClass = new ConcurrentHashMap<>();
  private final DataType objectType;

  TypeModel(Databind databind) {
    this.databind = databind;
    this.objectType = databind.constructType(Object.class);
  }

  Databind databind() {
    return databind;
  }

  DataType objectType() {
    return objectType;
  }

  /**
   * Returns the type of {@code value}'s class. Asked for every value validated, so cached here: the
   * type factory's own cache is a bounded LRU map that does bookkeeping on every read.
   */
  DataType typeOf(Object value) {
    return typeOf(value.getClass());
  }

  /** Returns the type of {@code type}, cached as {@link #typeOf(Object)}. */
  DataType typeOf(Class<?> type) {
    DataType known = byClass.get(type);
    if (known == null) {
      known = databind.constructType(type);
      byClass.put(type, known);
    }
    return known;
  }

  /** Returns {@code declared} narrowed to the class of {@code value} where that adds anything. */
  DataType refine(DataType declared, @Nullable Object value) {
    if (value == null || declared.isContainerType() || declared.getRawClass() == value.getClass()) {
      return declared;
    }
    if (!declared.getRawClass().isAssignableFrom(value.getClass())) {
      return declared;
    }
    return databind.specialize(declared, value.getClass());
  }

  /** Returns whether a type is bound from a JSON object with properties (not a container). */
  static boolean isBean(DataType type) {
    Class<?> raw = type.getRawClass();
    return !type.isContainerType()
        && !type.isEnumType()
        && !type.isPrimitive()
        && !type.isArrayType()
        && raw != Object.class
        && !type.isTree()
        && !raw.getName().startsWith("java.");
  }

  /** Returns the property that JSON names {@code jsonName}, or null if the type has none. */
  Databind.@Nullable Property byJsonName(DataType type, String jsonName) {
    return properties(type, true).get(jsonName);
  }

  /** Returns the property that Java names {@code javaName}, or null if Jackson does not see it. */
  Databind.@Nullable Property byJavaName(DataType type, String javaName) {
    return properties(type, false).get(javaName);
  }

  /**
   * Returns the value of the property that Java names {@code javaName} of {@code bean}, or null.
   * Not cached: for error reports only (see {@link ValidatorFailure}).
   */
  @Nullable Object read(Object bean, String javaName) {
    return databind.readProperty(bean, javaName);
  }

  /** Returns the properties of a bean type by JSON name, in Jackson's order. */
  Map<String, Databind.Property> properties(DataType type) {
    return properties(type, true);
  }

  private Map<String, Databind.Property> properties(DataType type, boolean json) {
    Map<DataType, Map<String, Databind.Property>> cache = json ? byJsonName : byJavaName;
    Map<String, Databind.Property> found = cache.get(type);
    if (found == null) {
      introspect(type);
      found = cache.get(type);
    }
    return found;
  }

  private void introspect(DataType type) {
    Map<String, Databind.Property> json = new LinkedHashMap<>();
    Map<String, Databind.Property> java = new HashMap<>();
    if (isBean(type)) {
      for (Databind.Property property : databind.properties(type)) {
        json.putIfAbsent(property.jsonName(), property);
        java.putIfAbsent(property.javaName(), property);
      }
    }
    byJsonName.putIfAbsent(type, Collections.unmodifiableMap(json));
    byJavaName.putIfAbsent(type, Collections.unmodifiableMap(java));
  }

  /**
   * Returns whether databind reads a {@code type} value given as an embedded object (a value bound
   * before) as that value itself (see {@link Databind#takesBoundValue}).
   */
  boolean takesBoundValue(DataType type) {
    return isBean(type) && takesBoundValue.computeIfAbsent(type, databind::takesBoundValue);
  }

  /**
   * Returns how a type is polymorphic: null if it is not, a {@link Databind.Polymorphism} if its
   * type id is a property of the object, one with an empty property name if it is some other kind
   * (a wrapper), which partial values show only once complete.
   */
  Databind.@Nullable Polymorphism polymorphism(DataType type) {
    Databind.Polymorphism found =
        polymorphism.computeIfAbsent(
            type,
            t -> {
              if (t.isContainerType() || t.isPrimitive() || t.isEnumType()) {
                return NOT_POLYMORPHIC;
              }
              Databind.Polymorphism p = databind.polymorphism(t);
              return p == null ? NOT_POLYMORPHIC : p;
            });
    return found == NOT_POLYMORPHIC ? null : found;
  }
}
