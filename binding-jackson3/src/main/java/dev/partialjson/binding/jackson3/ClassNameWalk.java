package dev.partialjson.binding.jackson3;

import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.AnnotationIntrospector;
import tools.jackson.databind.BeanDescription;
import tools.jackson.databind.DeserializationConfig;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.deser.SettableBeanProperty;
import tools.jackson.databind.deser.ValueInstantiator;
import tools.jackson.databind.deser.bean.BeanDeserializerBase;
import tools.jackson.databind.introspect.Annotated;
import tools.jackson.databind.introspect.AnnotatedClass;
import tools.jackson.databind.introspect.AnnotatedMember;
import tools.jackson.databind.introspect.AnnotatedMethod;
import tools.jackson.databind.introspect.BeanPropertyDefinition;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.jsontype.NamedType;
import tools.jackson.databind.jsontype.TypeDeserializer;
import tools.jackson.databind.jsontype.TypeIdResolver;
import tools.jackson.databind.jsontype.impl.ClassNameIdResolver;
import tools.jackson.databind.jsontype.impl.MinimalClassNameIdResolver;

/**
 * One walk over a type graph as Jackson 3's databind reads it, refusing the first place where a
 * type id would be a class name; the Jackson 3 form of the Jackson 2 side's walk, asking the same
 * lookups of the context ({@code findTypeDeserializer}, {@code findPropertyTypeDeserializer},
 * {@code findPropertyContentTypeDeserializer}, {@code refineDeserializationType}, the builder's
 * description, and the value instantiator of the deserializer databind makes). Jackson 3's default
 * polymorphic type validator differs from Jackson 2's, so nothing here relies on it: a class-name
 * resolver is refused whatever a validator would say. Confined to one call.
 */
final class ClassNameWalk {
  private final DeserializationConfig config;
  private final AnnotationIntrospector introspector;
  private final DeserializationContext context;
  private final Set<JavaType> seen = new HashSet<>();
  private final Set<Class<?>> introspected = new HashSet<>();

  ClassNameWalk(JsonMapper mapper) {
    this.config = mapper.deserializationConfig();
    this.introspector = config.getAnnotationIntrospector();
    this.context = mapper._deserializationContext();
  }

  /** Walks a value of {@code type}, as the Jackson 2 side's walk does. */
  void visit(@Nullable JavaType type) {
    if (type == null || type.isPrimitive() || !seen.add(type)) {
      return;
    }
    TypeDeserializer own = typeDeserializer(type);
    refuse(own, type.getRawClass().getName());
    if (own != null) {
      subtypes(type, context.introspectClassAnnotations(type), own);
    }
    visit(type.getKeyType());
    visit(type.getContentType());
    for (JavaType argument : type.getBindings().getTypeParameters()) {
      visit(argument);
    }
    visit(readInstead(type));
    if (Jackson3Introspection.isBean(type) && introspected.add(type.getRawClass())) {
      bean(type);
    }
  }

  private @Nullable TypeDeserializer typeDeserializer(JavaType type) {
    try {
      return context.findTypeDeserializer(type);
    } catch (RuntimeException e) {
      return null; // databind cannot make it either: no value of this type is read
    }
  }

  /** Returns the type databind reads for {@code type}, if another ({@code as}). */
  private @Nullable JavaType readInstead(JavaType type) {
    try {
      AnnotatedClass info = context.introspectClassAnnotations(type);
      JavaType read = introspector.refineDeserializationType(config, info, type);
      return read.equals(type) ? null : read;
    } catch (RuntimeException e) {
      return null; // databind fails on the annotation the same way, before reading anything
    }
  }

  private void bean(JavaType type) {
    BeanDescription description = context.introspectBeanDescription(type);
    Class<?> builder = introspector.findPOJOBuilder(config, description.getClassInfo());
    if (builder != null) {
      description =
          context.introspectBeanDescriptionForBuilder(config.constructType(builder), description);
    }
    String owner = description.getBeanClass().getName();
    for (BeanPropertyDefinition property : description.findProperties()) {
      String where = "property '" + property.getName() + "' of " + owner;
      AnnotatedMember[] members = {
        property.getConstructorParameter(), property.getSetter(),
        property.getField(), property.getGetter()
      };
      for (AnnotatedMember member : members) {
        if (member != null) {
          member(member, declared(member), where);
        }
      }
    }
    AnnotatedMember anySetter = description.findAnySetterAccessor();
    if (anySetter != null) {
      member(anySetter, anyValue(anySetter), "the any-setter of " + owner);
    }
    creators(type, owner);
  }

  private static JavaType declared(AnnotatedMember member) {
    if (member instanceof AnnotatedMethod method && method.getParameterCount() == 1) {
      return method.getParameterType(0);
    }
    return member.getType();
  }

  private static @Nullable JavaType anyValue(AnnotatedMember anySetter) {
    if (anySetter instanceof AnnotatedMethod method) {
      return method.getParameterCount() == 2 ? method.getParameterType(1) : null;
    }
    JavaType field = anySetter.getType();
    return field.isMapLikeType() ? field.getContentType() : field;
  }

  private void member(AnnotatedMember member, @Nullable JavaType base, String where) {
    if (base == null) {
      return;
    }
    JavaType read;
    try {
      read = introspector.refineDeserializationType(config, member, base);
    } catch (RuntimeException e) {
      read = base;
    }
    visit(read);
    // The member's own @JsonTypeInfo (or bundle, or @JsonTypeResolver); for the elements of a
    // container, Jackson 3's lookup falls back to the element class's own id, which visit(read)
    // above has already refused by the class's name.
    if (introspector.findPolymorphicTypeInfo(config, member) != null
        || introspector.findTypeResolverBuilder(config, member) != null) {
      TypeDeserializer own = propertyTypeDeserializer(base, member, false);
      refuse(own, where);
      subtypes(base, member, own);
    }
    JavaType content = base.getContentType();
    if (content != null) {
      TypeDeserializer elements = propertyTypeDeserializer(base, member, true);
      refuse(elements, where);
      subtypes(content, member, elements);
    }
  }

  private @Nullable TypeDeserializer propertyTypeDeserializer(
      JavaType base, AnnotatedMember member, boolean content) {
    try {
      return content
          ? context.findPropertyContentTypeDeserializer(base, member)
          : context.findPropertyTypeDeserializer(base, member);
    } catch (RuntimeException e) {
      return null;
    }
  }

  /** Walks the creators of the deserializer databind makes for {@code type}. */
  private void creators(JavaType type, String owner) {
    ValueInstantiator creators;
    try {
      ValueDeserializer<Object> deserializer = context.findRootValueDeserializer(type);
      if (!(deserializer instanceof BeanDeserializerBase bean)) {
        return;
      }
      creators = bean.getValueInstantiator();
    } catch (RuntimeException e) {
      return; // no deserializer for this type: binding it fails before reading anything
    } catch (StackOverflowError e) {
      // Jackson 3 builds the whole deserializer, and for a type whose properties nest it ever
      // deeper (Node<T> with a Node<List<T>> property) its own recursion has no end: it cannot
      // read such a value either. Its members were walked above, once per class.
      return;
    }
    SettableBeanProperty[] parameters = creators.getFromObjectArguments(config);
    if (parameters != null) {
      for (SettableBeanProperty parameter : parameters) {
        String where = "property '" + parameter.getName() + "' of " + owner;
        JavaType declared = parameter.getType();
        visit(declared);
        refuse(parameter.getValueTypeDeserializer(), where);
        JavaType content = declared.getContentType();
        if (content != null && content.getTypeHandler() instanceof TypeDeserializer elements) {
          refuse(elements, where);
        }
      }
    }
    visit(creators.getDelegateType(config));
    visit(creators.getArrayDelegateType(config));
  }

  private void subtypes(JavaType base, Annotated annotated, @Nullable TypeDeserializer ids) {
    if (ids == null) {
      return;
    }
    Class<?> fallback = ids.getDefaultImpl();
    if (fallback != null) {
      visit(specialize(base, fallback));
    }
    Collection<NamedType> named =
        annotated instanceof AnnotatedClass type
            ? config.getSubtypeResolver().collectAndResolveSubtypesByClass(config, type)
            : config
                .getSubtypeResolver()
                .collectAndResolveSubtypesByClass(config, (AnnotatedMember) annotated, base);
    for (NamedType subtype : named) {
      if (subtype.getType() != base.getRawClass()) {
        visit(specialize(base, subtype.getType()));
      }
    }
  }

  private @Nullable JavaType specialize(JavaType base, Class<?> subtype) {
    if (!base.getRawClass().isAssignableFrom(subtype)) {
      return null;
    }
    return config.getTypeFactory().constructSpecializedType(base, subtype);
  }

  private static void refuse(@Nullable TypeDeserializer ids, String where) {
    if (ids == null) {
      return;
    }
    TypeIdResolver resolver = ids.getTypeIdResolver();
    JsonTypeInfo.Id mechanism = resolver.getMechanism();
    boolean classNames =
        mechanism == JsonTypeInfo.Id.CLASS
            || mechanism == JsonTypeInfo.Id.MINIMAL_CLASS
            || resolver instanceof ClassNameIdResolver;
    if (!classNames) {
      return;
    }
    String what =
        resolver.getClass() == ClassNameIdResolver.class
                || resolver.getClass() == MinimalClassNameIdResolver.class
            ? "@JsonTypeInfo(use = Id." + mechanism + ")"
            : "a class-name type id resolver (" + resolver.getClass().getName() + ")";
    throw new IllegalArgumentException(
        what
            + " on "
            + where
            + " lets the input name any class to instantiate: declare the subtypes with"
            + " @JsonTypeInfo(use = Id.NAME) and @JsonSubTypes instead");
  }
}
