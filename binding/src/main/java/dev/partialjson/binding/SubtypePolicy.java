package dev.partialjson.binding;

import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.introspect.AnnotatedClass;
import com.fasterxml.jackson.databind.introspect.AnnotatedMember;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import com.fasterxml.jackson.databind.jsontype.NamedType;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * Keeps the input from choosing Java classes: a type id in the JSON may only name a subtype the
 * target declares ({@code @JsonTypeInfo(use = NAME)} with {@code @JsonSubTypes}). Model output is
 * untrusted text, and a type id that names a class makes databind load that class and build it from
 * the input, the path of Jackson's known deserialization gadgets. So a mapper with default typing
 * (which puts class names on {@code Object} and other non-final types) is refused, and so is a
 * target type that reaches {@code Id.CLASS} or {@code Id.MINIMAL_CLASS} through a class or a
 * property. Both are refused when the binder is built or a callback type is registered, not when
 * input arrives. Thread-safe: the types already checked are remembered.
 */
final class SubtypePolicy {
  private final ObjectMapper mapper;
  private final Set<JavaType> checked = ConcurrentHashMap.newKeySet();

  /**
   * @throws IllegalArgumentException if the mapper has default typing activated
   */
  SubtypePolicy(ObjectMapper mapper) {
    this.mapper = mapper;
    DeserializationConfig config = mapper.getDeserializationConfig();
    if (config.getDefaultTyper(mapper.constructType(Object.class)) != null) {
      throw new IllegalArgumentException(
          "the ObjectMapper has default typing activated, which lets the input name any class to"
              + " instantiate: bind model output with a mapper without it, and declare polymorphic"
              + " types with @JsonTypeInfo(use = Id.NAME) and @JsonSubTypes");
    }
  }

  /**
   * Checks {@code type} and every type it reaches (properties, elements, map keys and values,
   * declared subtypes).
   *
   * @throws IllegalArgumentException if a class or property there takes a class name as type id
   */
  void check(JavaType type) {
    if (!checked.contains(type)) {
      walk(type, new HashSet<>(), new HashSet<>());
      checked.add(type);
    }
  }

  /**
   * Annotations belong to classes, not to parameterizations, so each class is introspected once;
   * type arguments are walked on their own. This also ends the walk on a type whose properties nest
   * it ever deeper ({@code Node<T>} with a {@code Node<List<T>>} property).
   */
  private void walk(@Nullable JavaType type, Set<JavaType> seen, Set<Class<?>> introspected) {
    if (type == null || type.isPrimitive() || !seen.add(type)) {
      return;
    }
    walk(type.getKeyType(), seen, introspected);
    walk(type.getContentType(), seen, introspected); // elements, map values, Optional's value
    for (JavaType argument : type.getBindings().getTypeParameters()) {
      walk(argument, seen, introspected);
    }
    if (type.isContainerType()
        || type.isReferenceType()
        || type.isArrayType()
        || !introspected.add(type.getRawClass())) {
      return;
    }
    DeserializationConfig config = mapper.getDeserializationConfig();
    AnnotatedClass annotated = config.introspectClassAnnotations(type).getClassInfo();
    refuseClassNames(annotated.getAnnotation(JsonTypeInfo.class), type.getRawClass().getName());
    if (annotated.getAnnotation(JsonTypeInfo.class) != null) {
      for (NamedType named :
          config.getSubtypeResolver().collectAndResolveSubtypesByClass(config, annotated)) {
        if (named.getType() != type.getRawClass()
            && type.getRawClass().isAssignableFrom(named.getType())) {
          walk(
              mapper.getTypeFactory().constructSpecializedType(type, named.getType()),
              seen,
              introspected);
        }
      }
    }
    if (!TypeModel.isBean(type)) {
      return;
    }
    for (BeanPropertyDefinition property : config.introspect(type).findProperties()) {
      AnnotatedMember[] members = {
        property.getField(), property.getConstructorParameter(),
        property.getGetter(), property.getSetter()
      };
      for (AnnotatedMember member : members) {
        if (member != null) {
          refuseClassNames(
              member.getAnnotation(JsonTypeInfo.class),
              "property '" + property.getName() + "' of " + type.getRawClass().getName());
        }
      }
      walk(property.getPrimaryType(), seen, introspected);
    }
  }

  private static void refuseClassNames(@Nullable JsonTypeInfo info, String where) {
    if (info != null
        && (info.use() == JsonTypeInfo.Id.CLASS || info.use() == JsonTypeInfo.Id.MINIMAL_CLASS)) {
      throw new IllegalArgumentException(
          "@JsonTypeInfo(use = Id."
              + info.use()
              + ") on "
              + where
              + " lets the input name any class to instantiate: declare the subtypes with"
              + " @JsonTypeInfo(use = Id.NAME) and @JsonSubTypes instead");
    }
  }
}
