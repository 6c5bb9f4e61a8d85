package dev.partialjson.binding;

import dev.partialjson.binding.spi.DataType;
import dev.partialjson.binding.spi.Databind;
import dev.partialjson.parser.JsonPathPattern;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * Checks a callback's pattern and type against what the binder's type declares, so that a typo
 * ({@code $.taks[*]}) or a type that cannot hold the values there is refused when the callback is
 * registered rather than never called. The pattern is followed segment by segment through the types
 * as databind reads them: properties by their JSON names and aliases (of every declared subtype of
 * a polymorphic type, and its type id property), elements of lists and arrays, values of maps (any
 * key), the value inside an {@code Optional}. Where anything may be (an {@code Object} or {@code
 * JsonNode}, a bean with an any-setter or an unwrapped property, a type databind does not read as
 * an object of properties: custom deserializers, builders, delegating creators, JDK types other
 * than strings, numbers, booleans and containers) the rest of the pattern is accepted.
 *
 * <p>Thread-safe; per binder, remembering what it accepted.
 */
final class PatternTypes {
  /** How many accepted pattern and type pairs are remembered. */
  private static final int MAX_REMEMBERED = 256;

  private final DataType root;
  private final TypeModel model;
  private final Databind databind;
  private final boolean ignoreCase;
  private final boolean wrapped;
  private final Map<JsonPathPattern, Set<Class<?>>> accepted = new ConcurrentHashMap<>();
  private final Map<DataType, Fields> fields = new ConcurrentHashMap<>();

  /** A bean's properties by JSON name (aliases too), or {@code open} if any name may be there. */
  private record Fields(Map<String, DataType> byName, boolean open) {}

  PatternTypes(DataType root, TypeModel model) {
    this.root = root;
    this.model = model;
    this.databind = model.databind();
    this.ignoreCase = databind.ignoresPropertyCase();
    this.wrapped = databind.unwrapsRootValue();
  }

  /**
   * Checks that {@code pattern} can match a path of the binder's type and that {@code callback}
   * (unless null) can hold every type declared at such paths.
   *
   * @throws IllegalArgumentException naming the pattern, the types and the first mismatch
   */
  void check(JsonPathPattern pattern, @Nullable Class<?> callback) {
    Class<?> key = callback == null ? void.class : callback;
    Set<Class<?>> known = accepted.get(pattern);
    if ((known != null && known.contains(key)) || wrapped) {
      return;
    }
    List<DataType> declared = declaredAt(pattern);
    if (declared != null && callback != null) {
      for (DataType type : declared) {
        if (!holds(callback, type)) {
          throw new IllegalArgumentException(
              "the callback type "
                  + callback.getSimpleName()
                  + " cannot hold "
                  + name(type)
                  + ", which "
                  + name(root)
                  + " declares at "
                  + pattern);
        }
      }
    }
    if (accepted.size() < MAX_REMEMBERED) {
      accepted.computeIfAbsent(pattern, p -> ConcurrentHashMap.newKeySet()).add(key);
    }
  }

  /** Returns the types declared at the paths {@code pattern} matches, or null for any type. */
  private @Nullable List<DataType> declaredAt(JsonPathPattern pattern) {
    List<DataType> current = List.of(root);
    StringBuilder at = new StringBuilder("$");
    for (Object segment : PatternSegments.of(pattern)) {
      List<DataType> next = new ArrayList<>();
      String refused = null;
      for (DataType type : current) {
        DataType value = unwrap(type);
        if (isAnything(value)) {
          return null;
        }
        List<DataType> inside = step(value, segment);
        if (inside == null) {
          return null;
        }
        if (inside.isEmpty() && refused == null) {
          refused = why(value, segment, at.toString());
        }
        next.addAll(inside);
      }
      if (next.isEmpty()) {
        throw new IllegalArgumentException(
            "the pattern " + pattern + " matches nothing in " + name(root) + ": " + refused);
      }
      current = next;
      PatternSegments.append(at, segment);
    }
    return current;
  }

  /** Returns the types one segment below {@code type}, or null if anything may be there. */
  private @Nullable List<DataType> step(DataType type, Object segment) {
    boolean index = segment instanceof Integer;
    boolean name = segment instanceof String;
    if (type.isMapLikeType()) {
      return index ? List.of() : List.of(type.getContentType());
    }
    if (type.isCollectionLikeType() || type.isArrayType()) {
      return name ? List.of() : List.of(type.getContentType());
    }
    if (isScalar(type)) {
      return List.of();
    }
    if (!TypeModel.isBean(type)) {
      return null; // a JDK type with a shape of its own: not followed
    }
    Databind.Polymorphism polymorphism = model.polymorphism(type);
    if (polymorphism != null) {
      if (polymorphism.typeProperty().isEmpty()) {
        return null; // the id wraps the value: another shape
      }
      List<DataType> union = new ArrayList<>();
      if (!index && (!name || matches(polymorphism.typeProperty(), (String) segment))) {
        union.add(model.typeOf(String.class));
      }
      for (DataType subtype : polymorphism.subtypes().values()) {
        List<DataType> inside = beanStep(subtype, segment);
        if (inside == null) {
          return null;
        }
        union.addAll(inside);
      }
      return union;
    }
    return beanStep(type, segment);
  }

  private @Nullable List<DataType> beanStep(DataType type, Object segment) {
    if (segment instanceof Integer) {
      return fieldsOf(type).open() ? null : List.of();
    }
    Fields known = fieldsOf(type);
    if (known.open()) {
      return null;
    }
    if (segment instanceof String name) {
      DataType found = known.byName().get(ignoreCase ? name.toLowerCase(Locale.ROOT) : name);
      return found == null ? List.of() : List.of(found);
    }
    return new ArrayList<>(known.byName().values()); // a wildcard: aliases repeat types, harmless
  }

  private boolean matches(String declared, String name) {
    return ignoreCase ? declared.equalsIgnoreCase(name) : declared.equals(name);
  }

  private Fields fieldsOf(DataType type) {
    Fields known = fields.get(type);
    if (known == null) {
      known = introspect(type);
      fields.putIfAbsent(type, known);
    }
    return known;
  }

  private Fields introspect(DataType type) {
    Map<String, DataType> byName = databind.acceptedNames(type);
    return byName == null ? new Fields(Map.of(), true) : new Fields(byName, false);
  }

  private String why(DataType type, Object segment, String at) {
    if (segment instanceof String name && TypeModel.isBean(type)) {
      return name(type)
          + " has no property '"
          + name
          + "' at "
          + at
          + " (it has "
          + String.join(", ", names(type))
          + ")";
    }
    String lacks =
        segment instanceof Integer
            ? "no elements"
            : segment instanceof String ? "no properties" : "neither properties nor elements";
    return name(type) + " at " + at + " has " + lacks;
  }

  private Collection<String> names(DataType type) {
    Databind.Polymorphism polymorphism = model.polymorphism(type);
    if (polymorphism == null) {
      return model.properties(type).keySet();
    }
    Set<String> all = new LinkedHashSet<>();
    all.add(polymorphism.typeProperty());
    for (DataType subtype : polymorphism.subtypes().values()) {
      all.addAll(model.properties(subtype).keySet());
    }
    return all;
  }

  private static DataType unwrap(DataType type) {
    DataType value = type;
    while (value.isReferenceType() && value.getContentType() != null) {
      value = value.getContentType(); // Optional<Task>: the JSON there is a Task, or null
    }
    return value;
  }

  private static boolean isAnything(DataType type) {
    return type.getRawClass() == Object.class || type.isTree();
  }

  private static boolean isScalar(DataType type) {
    Class<?> raw = type.getRawClass();
    return type.isPrimitive()
        || type.isEnumType()
        || CharSequence.class.isAssignableFrom(raw)
        || Number.class.isAssignableFrom(raw)
        || raw == Boolean.class
        || raw == Character.class;
  }

  /**
   * Whether values bound to {@code declared} can be handed to a callback of type {@code callback}:
   * it is the type or a supertype, or a holder of any JSON of that shape ({@code Object}, {@code
   * JsonNode}, a {@code Map} for an object, a collection or array for a list, a string for an
   * enum).
   */
  private boolean holds(Class<?> callback, DataType declared) {
    DataType value = unwrap(declared);
    Class<?> raw = box(value.getRawClass());
    if (isAnything(value)
        || callback == Object.class
        || databind.isTree(callback)
        || callback.isAssignableFrom(box(declared.getRawClass()))
        || callback.isAssignableFrom(raw)) {
      return true;
    }
    if (Map.class.isAssignableFrom(callback)) {
      return value.isMapLikeType() || TypeModel.isBean(value);
    }
    if (Collection.class.isAssignableFrom(callback) || callback.isArray()) {
      return value.isCollectionLikeType() || value.isArrayType();
    }
    return (callback == String.class || callback == CharSequence.class) && value.isEnumType();
  }

  private static Class<?> box(Class<?> type) {
    if (!type.isPrimitive()) {
      return type;
    }
    return java.lang.invoke.MethodType.methodType(type).wrap().returnType();
  }

  /** Returns a short name: {@code Plan}, {@code List<Task>}, {@code Map<String, Integer>}. */
  static String name(DataType type) {
    if (type.isArrayType()) {
      return name(type.getContentType()) + "[]";
    }
    List<DataType> arguments = type.typeParameters();
    String simple = type.getRawClass().getSimpleName();
    if (arguments.isEmpty()) {
      return simple;
    }
    return simple
        + arguments.stream().map(PatternTypes::name).collect(Collectors.joining(", ", "<", ">"));
  }
}
