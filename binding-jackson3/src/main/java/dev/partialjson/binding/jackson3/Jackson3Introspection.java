package dev.partialjson.binding.jackson3;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
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
import tools.jackson.core.TreeNode;
import tools.jackson.databind.AnnotationIntrospector;
import tools.jackson.databind.BeanDescription;
import tools.jackson.databind.DeserializationConfig;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.PropertyName;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.deser.ValueInstantiator;
import tools.jackson.databind.deser.bean.BeanDeserializer;
import tools.jackson.databind.introspect.AnnotatedClass;
import tools.jackson.databind.introspect.AnnotatedMember;
import tools.jackson.databind.introspect.BeanPropertyDefinition;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.jsontype.NamedType;

/**
 * The questions about types that the binding logic asks, answered by Jackson 3's own introspection
 * (so {@code @JsonProperty} names, naming strategies, mix-ins and subtypes come out as databind
 * reads them). Not cached here: the binding logic caches the answers. Thread-safe.
 */
final class Jackson3Introspection {
  /** Jackson annotations that name or describe a property without changing how it is read. */
  private static final Set<Class<? extends Annotation>> NAMING =
      Set.of(
          JsonProperty.class,
          JsonAlias.class,
          JsonPropertyDescription.class,
          JsonInclude.class,
          JsonPropertyOrder.class);

  private final JsonMapper mapper;
  private final DeserializationConfig config;
  private final AnnotationIntrospector introspector;
  private final boolean ignoreCase;

  Jackson3Introspection(JsonMapper mapper, boolean ignoreCase) {
    this.mapper = mapper;
    this.config = mapper.deserializationConfig();
    this.introspector = config.getAnnotationIntrospector();
    this.ignoreCase = ignoreCase;
  }

  /** Returns a context per question: it keeps state while it resolves, and sessions ask at once. */
  private DeserializationContext context() {
    return mapper._deserializationContext();
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
    BeanDescription description = context().introspectBeanDescription(type);
    for (BeanPropertyDefinition definition : description.findProperties()) {
      out.add(
          new Databind.Property(
              definition.getInternalName(),
              definition.getName(),
              Jackson3Type.of(definition.getPrimaryType()),
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
      for (Annotation annotation : (Iterable<Annotation>) member.annotations()::iterator) {
        Class<? extends Annotation> type = annotation.annotationType();
        String name = type.getName();
        boolean jackson =
            name.startsWith("com.fasterxml.jackson.") || name.startsWith("tools.jackson.");
        if (jackson && !NAMING.contains(type)) {
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
          context().introspectBeanDescription(type).findProperties()) {
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
      ValueDeserializer<Object> deserializer = context().findRootValueDeserializer(type);
      if (deserializer.getClass() != BeanDeserializer.class) {
        return false;
      }
      BeanDeserializer bean = (BeanDeserializer) deserializer;
      ValueInstantiator creator = bean.getValueInstantiator();
      return bean.getObjectIdReader(null) == null
          && !creator.canCreateUsingDelegate()
          && !creator.canCreateUsingArrayDelegate();
    } catch (Exception | StackOverflowError e) {
      // cannot be bound at all (see ClassNameWalk#creators for the overflow): the binding
      // reports it, from the tokens
      return false;
    }
  }

  Databind.@Nullable Polymorphism polymorphism(JavaType type) {
    AnnotatedClass annotated = context().introspectClassAnnotations(type);
    JsonTypeInfo info = annotated.getAnnotation(JsonTypeInfo.class);
    if (info == null || info.use() == JsonTypeInfo.Id.NONE) {
      return null;
    }
    boolean byProperty =
        info.include() == JsonTypeInfo.As.PROPERTY
            || info.include() == JsonTypeInfo.As.EXISTING_PROPERTY;
    if (!byProperty
        || (info.use() != JsonTypeInfo.Id.NAME && info.use() != JsonTypeInfo.Id.SIMPLE_NAME)) {
      return new Databind.Polymorphism("", Map.of()); // shown only when complete
    }
    Map<String, DataType> subtypes = new HashMap<>();
    for (NamedType named :
        config.getSubtypeResolver().collectAndResolveSubtypesByTypeId(config, annotated)) {
      String id = named.hasName() ? named.getName() : named.getType().getSimpleName();
      if (type.getRawClass().isAssignableFrom(named.getType())) {
        subtypes.put(
            id,
            Jackson3Type.of(
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
    BeanDescription description = context().introspectBeanDescription(type);
    if (description.findAnySetterAccessor() != null) {
      return null;
    }
    Map<String, DataType> byName = new LinkedHashMap<>();
    for (BeanPropertyDefinition property : description.findProperties()) {
      DataType declared = Jackson3Type.of(property.getPrimaryType());
      byName.put(key(property.getName()), declared);
      AnnotatedMember[] members = {
        property.getField(), property.getConstructorParameter(),
        property.getSetter(), property.getGetter()
      };
      for (AnnotatedMember member : members) {
        if (member == null) {
          continue;
        }
        if (introspector.findUnwrappingNameTransformer(config, member) != null) {
          return null; // its properties sit in this object, renamed
        }
        List<PropertyName> aliases = introspector.findPropertyAliases(config, member);
        if (aliases != null) {
          for (PropertyName alias : aliases) {
            byName.putIfAbsent(key(alias.getSimpleName()), declared);
          }
        }
      }
    }
    DataType anything = Jackson3Type.of(config.constructType(Object.class));
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
      ValueDeserializer<Object> deserializer =
          context().findContextualValueDeserializer(type, null);
      if (deserializer.getClass() != BeanDeserializer.class) {
        return false; // custom, builder-made, as an array, a throwable...
      }
      ValueInstantiator creators = ((BeanDeserializer) deserializer).getValueInstantiator();
      return !creators.canCreateUsingDelegate() && !creators.canCreateUsingArrayDelegate();
    } catch (Exception | StackOverflowError e) {
      return false; // databind cannot read it at all: leave that to the binding to report
    }
  }
}
