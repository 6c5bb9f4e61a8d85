package dev.partialjson.binding;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.BeanDeserializer;
import com.fasterxml.jackson.databind.deser.DefaultDeserializationContext;
import com.fasterxml.jackson.databind.deser.ValueInstantiator;
import com.fasterxml.jackson.databind.introspect.AnnotatedClass;
import com.fasterxml.jackson.databind.introspect.AnnotatedMember;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import com.fasterxml.jackson.databind.jsontype.NamedType;
import java.lang.annotation.Annotation;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * What binding needs to know about Java types, asked of the mapper's own introspection so that
 * {@code @JsonProperty} names, naming strategies, mix-ins and subtypes come out as Jackson binds
 * them. Results are cached per type; thread-safe, shared by all sessions of a binder.
 */
final class TypeModel {

  /**
   * A property as JSON names it: Java name, JSON name, declared type, marked show-when-complete;
   * {@code plain} if no Jackson annotation on it changes how its value is read (it has none but
   * names and descriptions), so that its items are read as their type is read at the root.
   */
  record Property(
      String javaName, String jsonName, JavaType type, boolean showWhenComplete, boolean plain) {}

  /** Jackson annotations that name or describe a property without changing how it is read. */
  private static final Set<Class<? extends Annotation>> NAMING =
      Set.of(
          JsonProperty.class,
          JsonAlias.class,
          JsonPropertyDescription.class,
          JsonInclude.class,
          JsonPropertyOrder.class);

  /** A polymorphic type whose id is a property of the object: the property and the subtypes. */
  record Polymorphism(String typeProperty, Map<String, JavaType> subtypes) {}

  private static final Polymorphism NOT_POLYMORPHIC = new Polymorphism("", Map.of());

  private final ObjectMapper mapper;
  private final Map<JavaType, Map<String, Property>> byJsonName = new ConcurrentHashMap<>();
  private final Map<JavaType, Map<String, Property>> byJavaName = new ConcurrentHashMap<>();
  private final Map<JavaType, Polymorphism> polymorphism = new ConcurrentHashMap<>();
  private final Map<Class<?>, JavaType> byClass = new ConcurrentHashMap<>();

  TypeModel(ObjectMapper mapper) {
    this.mapper = mapper;
  }

  JavaType objectType() {
    return mapper.getTypeFactory().constructType(Object.class);
  }

  /**
   * Returns the type of {@code value}'s class. Asked for every value validated, so cached here: the
   * type factory's own cache is a bounded LRU map that does bookkeeping on every read.
   */
  JavaType typeOf(Object value) {
    return typeOf(value.getClass());
  }

  /** Returns the type of {@code type}, cached as {@link #typeOf(Object)}. */
  JavaType typeOf(Class<?> type) {
    JavaType known = byClass.get(type);
    if (known == null) {
      known = mapper.getTypeFactory().constructType(type);
      byClass.put(type, known);
    }
    return known;
  }

  /** Returns {@code declared} narrowed to the class of {@code value} where that adds anything. */
  JavaType refine(JavaType declared, @Nullable Object value) {
    if (value == null || declared.isContainerType() || declared.getRawClass() == value.getClass()) {
      return declared;
    }
    if (!declared.getRawClass().isAssignableFrom(value.getClass())) {
      return declared;
    }
    return mapper.getTypeFactory().constructSpecializedType(declared, value.getClass());
  }

  /** Returns whether a type is bound from a JSON object with properties (not a container). */
  static boolean isBean(JavaType type) {
    Class<?> raw = type.getRawClass();
    return !type.isContainerType()
        && !type.isEnumType()
        && !type.isPrimitive()
        && !type.isArrayType()
        && raw != Object.class
        && !JsonNode.class.isAssignableFrom(raw)
        && !raw.getName().startsWith("java.");
  }

  /** Returns the property that JSON names {@code jsonName}, or null if the type has none. */
  @Nullable Property byJsonName(JavaType type, String jsonName) {
    return properties(type, true).get(jsonName);
  }

  /** Returns the property that Java names {@code javaName}, or null if Jackson does not see it. */
  @Nullable Property byJavaName(JavaType type, String javaName) {
    return properties(type, false).get(javaName);
  }

  /**
   * Returns the value of the property that Java names {@code javaName} of {@code bean}, read by the
   * accessor databind would serialize it with, or null if there is none or it cannot be read. Not
   * cached: for error reports only (see {@link ValidatorFailure}).
   */
  @Nullable Object read(Object bean, String javaName) {
    try {
      for (BeanPropertyDefinition definition :
          mapper.getSerializationConfig().introspect(typeOf(bean)).findProperties()) {
        AnnotatedMember accessor = definition.getAccessor();
        if (accessor != null && definition.getInternalName().equals(javaName)) {
          accessor.fixAccess(true);
          return accessor.getValue(bean);
        }
      }
    } catch (RuntimeException e) {
      // not readable here (a module that does not open its package): no value to look into
    }
    return null;
  }

  /** Returns the properties of a bean type by JSON name, in Jackson's order. */
  Map<String, Property> properties(JavaType type) {
    return properties(type, true);
  }

  private Map<String, Property> properties(JavaType type, boolean json) {
    Map<JavaType, Map<String, Property>> cache = json ? byJsonName : byJavaName;
    Map<String, Property> found = cache.get(type);
    if (found == null) {
      introspect(type);
      found = cache.get(type);
    }
    return found;
  }

  private void introspect(JavaType type) {
    Map<String, Property> json = new LinkedHashMap<>();
    Map<String, Property> java = new HashMap<>();
    if (isBean(type)) {
      BeanDescription description = mapper.getDeserializationConfig().introspect(type);
      for (BeanPropertyDefinition definition : description.findProperties()) {
        Property property =
            new Property(
                definition.getInternalName(),
                definition.getName(),
                definition.getPrimaryType(),
                marked(definition),
                plain(definition));
        json.putIfAbsent(property.jsonName(), property);
        java.putIfAbsent(property.javaName(), property);
      }
    }
    byJsonName.putIfAbsent(type, Collections.unmodifiableMap(json));
    byJavaName.putIfAbsent(type, Collections.unmodifiableMap(java));
  }

  private static boolean marked(BeanPropertyDefinition definition) {
    for (AnnotatedMember member : members(definition)) {
      if (member != null && member.hasAnnotation(ShowWhenComplete.class)) {
        return true;
      }
    }
    return false;
  }

  private static boolean plain(BeanPropertyDefinition definition) {
    for (AnnotatedMember member : members(definition)) {
      if (member == null) {
        continue;
      }
      for (Annotation annotation : member.annotations()) {
        Class<? extends Annotation> type = annotation.annotationType();
        if (type.getName().startsWith("com.fasterxml.jackson.") && !NAMING.contains(type)) {
          return false; // @JsonDeserialize(contentAs...), @JsonIgnoreProperties, @JsonFormat...
        }
      }
    }
    return true;
  }

  private static AnnotatedMember[] members(BeanPropertyDefinition definition) {
    return new AnnotatedMember[] {
      definition.getField(),
      definition.getConstructorParameter(),
      definition.getGetter(),
      definition.getSetter()
    };
  }

  /**
   * Returns whether databind reads a {@code type} value given as an embedded object (a value bound
   * before) as that value itself: its deserializer is the plain bean deserializer, with no type
   * ids, object ids or delegating creator, and no module's replacement.
   */
  boolean takesBoundValue(JavaType type) {
    if (!isBean(type)) {
      return false;
    }
    try {
      DeserializationConfig config = mapper.getDeserializationConfig();
      DefaultDeserializationContext context =
          ((DefaultDeserializationContext) mapper.getDeserializationContext())
              .createDummyInstance(config);
      JsonDeserializer<Object> deserializer = context.findRootValueDeserializer(type);
      if (deserializer.getClass() != BeanDeserializer.class) {
        return false;
      }
      BeanDeserializer bean = (BeanDeserializer) deserializer;
      ValueInstantiator creator = bean.getValueInstantiator();
      return bean.getObjectIdReader() == null
          && !creator.canCreateUsingDelegate()
          && !creator.canCreateUsingArrayDelegate();
    } catch (JsonMappingException | RuntimeException e) {
      return false; // cannot be bound at all: the binding reports it, from the tokens
    }
  }

  /**
   * Returns how a type is polymorphic: null if it is not, a {@link Polymorphism} if its type id is
   * a property of the object, {@code NOT_POLYMORPHIC}'s empty property name if it is some other
   * kind (a wrapper), which partial values show only once complete.
   */
  @Nullable Polymorphism polymorphism(JavaType type) {
    Polymorphism found =
        polymorphism.computeIfAbsent(
            type,
            t -> {
              Polymorphism p = lookUpPolymorphism(t);
              return p == null ? NOT_POLYMORPHIC : p;
            });
    return found == NOT_POLYMORPHIC ? null : found;
  }

  private @Nullable Polymorphism lookUpPolymorphism(JavaType type) {
    if (type.isContainerType() || type.isPrimitive() || type.isEnumType()) {
      return null;
    }
    DeserializationConfig config = mapper.getDeserializationConfig();
    AnnotatedClass annotated = config.introspectClassAnnotations(type).getClassInfo();
    JsonTypeInfo info = annotated.getAnnotation(JsonTypeInfo.class);
    if (info == null || info.use() == JsonTypeInfo.Id.NONE) {
      return null;
    }
    boolean byProperty =
        info.include() == JsonTypeInfo.As.PROPERTY
            || info.include() == JsonTypeInfo.As.EXISTING_PROPERTY;
    // Id.SIMPLE_NAME came in Jackson 2.16: compared by name, so that this links on 2.15 too.
    if (!byProperty
        || (info.use() != JsonTypeInfo.Id.NAME && !info.use().name().equals("SIMPLE_NAME"))) {
      return new Polymorphism("", Map.of()); // shown only when complete
    }
    Map<String, JavaType> subtypes = new HashMap<>();
    for (NamedType named :
        config.getSubtypeResolver().collectAndResolveSubtypesByTypeId(config, annotated)) {
      String id = named.hasName() ? named.getName() : named.getType().getSimpleName();
      if (type.getRawClass().isAssignableFrom(named.getType())) {
        subtypes.put(id, mapper.getTypeFactory().constructSpecializedType(type, named.getType()));
      }
    }
    String property =
        info.property().isEmpty() ? info.use().getDefaultPropertyName() : info.property();
    return new Polymorphism(property, Map.copyOf(subtypes));
  }
}
