package dev.partialjson.binding.jackson2;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.core.TreeNode;
import com.fasterxml.jackson.databind.AnnotationIntrospector;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyName;
import com.fasterxml.jackson.databind.deser.BeanDeserializer;
import com.fasterxml.jackson.databind.deser.DefaultDeserializationContext;
import com.fasterxml.jackson.databind.deser.ValueInstantiator;
import com.fasterxml.jackson.databind.introspect.AnnotatedClass;
import com.fasterxml.jackson.databind.introspect.AnnotatedMember;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import com.fasterxml.jackson.databind.jsontype.NamedType;
import dev.partialjson.binding.ShowWhenComplete;
import dev.partialjson.binding.spi.DataType;
import dev.partialjson.binding.spi.Databind;
import java.lang.annotation.Annotation;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The questions about types that the binding logic asks, answered by Jackson 2's own introspection
 * (so {@code @JsonProperty} names, naming strategies, mix-ins and subtypes come out as databind
 * reads them). Not cached here: the binding logic caches the answers. Thread-safe.
 */
final class Jackson2Introspection {
  /** Jackson annotations that name or describe a property without changing how it is read. */
  private static final Set<Class<? extends Annotation>> NAMING =
      Set.of(
          JsonProperty.class,
          JsonAlias.class,
          JsonPropertyDescription.class,
          JsonInclude.class,
          JsonPropertyOrder.class);

  private final ObjectMapper mapper;
  private final DeserializationConfig config;
  private final AnnotationIntrospector introspector;
  private final DefaultDeserializationContext contexts;
  private final boolean ignoreCase;

  Jackson2Introspection(ObjectMapper mapper, boolean ignoreCase) {
    this.mapper = mapper;
    this.config = mapper.getDeserializationConfig();
    this.introspector = config.getAnnotationIntrospector();
    this.contexts = (DefaultDeserializationContext) mapper.getDeserializationContext();
    this.ignoreCase = ignoreCase;
  }

  /** Returns whether a type is bound from a JSON object with properties (not a container). */
  static boolean isBean(JavaType type) {
    Class<?> raw = type.getRawClass();
    return !type.isContainerType()
        && !type.isEnumType()
        && !type.isPrimitive()
        && !type.isArrayType()
        && raw != Object.class
        && !TreeNode.class.isAssignableFrom(raw)
        && !raw.getName().startsWith("java.");
  }

  List<Databind.Property> properties(JavaType type) {
    List<Databind.Property> out = new ArrayList<>();
    BeanDescription description = config.introspect(type);
    for (BeanPropertyDefinition definition : description.findProperties()) {
      out.add(
          new Databind.Property(
              definition.getInternalName(),
              definition.getName(),
              Jackson2Type.of(definition.getPrimaryType()),
              marked(definition),
              plain(definition)));
    }
    return out;
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

  @Nullable Object readProperty(Object bean, String javaName) {
    try {
      JavaType type = mapper.constructType(bean.getClass());
      for (BeanPropertyDefinition definition :
          mapper.getSerializationConfig().introspect(type).findProperties()) {
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

  boolean takesBoundValue(JavaType type) {
    try {
      DefaultDeserializationContext context = contexts.createDummyInstance(config);
      JsonDeserializer<Object> deserializer = context.findRootValueDeserializer(type);
      if (deserializer.getClass() != BeanDeserializer.class) {
        return false;
      }
      BeanDeserializer bean = (BeanDeserializer) deserializer;
      ValueInstantiator creator = bean.getValueInstantiator();
      return bean.getObjectIdReader() == null
          && !creator.canCreateUsingDelegate()
          && !creator.canCreateUsingArrayDelegate();
    } catch (Exception e) {
      return false; // cannot be bound at all: the binding reports it, from the tokens
    }
  }

  Databind.@Nullable Polymorphism polymorphism(JavaType type) {
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
      return new Databind.Polymorphism("", Map.of()); // shown only when complete
    }
    Map<String, DataType> subtypes = new HashMap<>();
    for (NamedType named :
        config.getSubtypeResolver().collectAndResolveSubtypesByTypeId(config, annotated)) {
      String id = named.hasName() ? named.getName() : named.getType().getSimpleName();
      if (type.getRawClass().isAssignableFrom(named.getType())) {
        subtypes.put(
            id,
            Jackson2Type.of(
                mapper.getTypeFactory().constructSpecializedType(type, named.getType())));
      }
    }
    String property =
        info.property().isEmpty() ? info.use().getDefaultPropertyName() : info.property();
    return new Databind.Polymorphism(property, Map.copyOf(subtypes));
  }

  @Nullable Map<String, DataType> acceptedNames(JavaType type) {
    if (!readAsObject(type)) {
      return null;
    }
    BeanDescription description = config.introspect(type);
    if (description.findAnySetterAccessor() != null) {
      return null;
    }
    Map<String, DataType> byName = new LinkedHashMap<>();
    for (BeanPropertyDefinition property : description.findProperties()) {
      DataType declared = Jackson2Type.of(property.getPrimaryType());
      byName.put(key(property.getName()), declared);
      AnnotatedMember[] members = {
        property.getField(), property.getConstructorParameter(),
        property.getSetter(), property.getGetter()
      };
      for (AnnotatedMember member : members) {
        if (member == null) {
          continue;
        }
        if (introspector.findUnwrappingNameTransformer(member) != null) {
          return null; // its properties sit in this object, renamed
        }
        List<PropertyName> aliases = introspector.findPropertyAliases(member);
        if (aliases != null) {
          for (PropertyName alias : aliases) {
            byName.putIfAbsent(key(alias.getSimpleName()), declared);
          }
        }
      }
    }
    DataType anything = Jackson2Type.of(config.constructType(Object.class));
    for (String ignored : description.getIgnoredPropertyNames()) {
      byName.putIfAbsent(key(ignored), anything); // read and dropped
    }
    return Collections.unmodifiableMap(byName); // in Jackson's order
  }

  private String key(String name) {
    return ignoreCase ? name.toLowerCase(Locale.ROOT) : name;
  }

  /** Whether databind reads {@code type} as an object of its properties, and only so. */
  private boolean readAsObject(JavaType type) {
    try {
      // A context per question: it keeps state while it resolves, and sessions ask concurrently.
      DeserializationContext context = contexts.createDummyInstance(config);
      JsonDeserializer<Object> deserializer = context.findContextualValueDeserializer(type, null);
      if (deserializer.getClass() != BeanDeserializer.class) {
        return false; // custom, builder-made, as an array, a throwable...
      }
      ValueInstantiator creators = ((BeanDeserializer) deserializer).getValueInstantiator();
      return !creators.canCreateUsingDelegate() && !creators.canCreateUsingArrayDelegate();
    } catch (Exception e) {
      return false; // databind cannot read it at all: leave that to the binding to report
    }
  }
}
