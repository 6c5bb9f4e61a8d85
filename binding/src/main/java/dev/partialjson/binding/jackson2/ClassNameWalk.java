package dev.partialjson.binding.jackson2;

import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.databind.AnnotationIntrospector;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.BasicDeserializerFactory;
import com.fasterxml.jackson.databind.deser.DefaultDeserializationContext;
import com.fasterxml.jackson.databind.deser.DeserializerFactory;
import com.fasterxml.jackson.databind.deser.SettableBeanProperty;
import com.fasterxml.jackson.databind.deser.ValueInstantiator;
import com.fasterxml.jackson.databind.introspect.Annotated;
import com.fasterxml.jackson.databind.introspect.AnnotatedClass;
import com.fasterxml.jackson.databind.introspect.AnnotatedMember;
import com.fasterxml.jackson.databind.introspect.AnnotatedMethod;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import com.fasterxml.jackson.databind.jsontype.NamedType;
import com.fasterxml.jackson.databind.jsontype.TypeDeserializer;
import com.fasterxml.jackson.databind.jsontype.TypeIdResolver;
import com.fasterxml.jackson.databind.jsontype.impl.ClassNameIdResolver;
import com.fasterxml.jackson.databind.jsontype.impl.MinimalClassNameIdResolver;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * One walk over a type graph as databind reads it, refusing the first place where a type id would
 * be a class name ({@link SubtypePolicy} keeps the types already walked). Confined to one call.
 *
 * <p>It asks databind's own lookups rather than reading annotations: {@link
 * BasicDeserializerFactory#findTypeDeserializer} for a type, {@code findPropertyTypeDeserializer}
 * and {@code findPropertyContentTypeDeserializer} for a property, {@link
 * AnnotationIntrospector#refineDeserializationType} for {@code as}, {@code contentAs} and {@code
 * keyAs}, {@code mapAbstractType} for a module's abstract type mappings, {@code findPOJOBuilder}
 * with {@code introspectForBuilder} for a builder's with-methods, and {@code findValueInstantiator}
 * for the creators databind will call (their parameters as {@link SettableBeanProperty}s, with the
 * type deserializer databind made for each, and a delegating creator's type). So mix-ins,
 * annotation bundles, annotations inherited from supertypes and interfaces, {@code
 * JsonTypeResolver}s, {@code JsonTypeIdResolver}s and registered subtypes count as databind counts
 * them, in whichever databind version is on the class path. Reading {@code @JsonTypeInfo}
 * reflectively, as this walk first did, missed every route where databind changes the type it reads
 * ({@code as}, builders, creators, mappings) and every resolver that reads class names without
 * saying {@code Id.CLASS}; and a type deserializer is what databind actually consults. What a
 * custom deserializer or converter of the caller's does inside is not visible to any walk: the
 * mapper's validator ({@link NoClassNames}) holds there.
 *
 * <p>A type id is refused where its resolver reads class names: {@code Id.CLASS}, {@code
 * Id.MINIMAL_CLASS}, or a resolver that is a {@link ClassNameIdResolver}. Where databind cannot
 * make the deserializer a lookup asks about, binding fails before any id is read, so the walk goes
 * on without it.
 */
final class ClassNameWalk {
  private final DeserializationConfig config;
  private final AnnotationIntrospector introspector;
  private final BasicDeserializerFactory factory;
  private final DeserializationContext context;
  private final Set<JavaType> seen = new HashSet<>();
  private final Set<Class<?>> introspected = new HashSet<>();

  ClassNameWalk(ObjectMapper mapper) {
    this.config = mapper.getDeserializationConfig();
    this.introspector = config.getAnnotationIntrospector();
    DefaultDeserializationContext base =
        (DefaultDeserializationContext) mapper.getDeserializationContext();
    this.context = base.createDummyInstance(config);
    DeserializerFactory found = context.getFactory();
    if (!(found instanceof BasicDeserializerFactory basic)) {
      throw new IllegalArgumentException(
          "the ObjectMapper's DeserializerFactory ("
              + found.getClass().getName()
              + ") does not extend BasicDeserializerFactory, which the check for class-name"
              + " type ids asks");
    }
    this.factory = basic;
  }

  /**
   * Walks a value of {@code type}: the class's own type id, its declared subtypes, its elements,
   * keys and type arguments, the type databind reads in its place, and the members of a bean.
   * Annotations belong to classes, not to parameterizations, so each bean's members are walked
   * once; type arguments are walked on their own. This also ends the walk on a type whose
   * properties nest it ever deeper ({@code Node<T>} with a {@code Node<List<T>>} property).
   */
  void visit(@Nullable JavaType type) {
    if (type == null || type.isPrimitive() || !seen.add(type)) {
      return;
    }
    TypeDeserializer own = typeDeserializer(type);
    refuse(own, type.getRawClass().getName());
    if (own != null) {
      subtypes(type, config.introspectClassAnnotations(type).getClassInfo(), own);
    }
    visit(type.getKeyType());
    visit(type.getContentType()); // elements, map values, Optional's value
    for (JavaType argument : type.getBindings().getTypeParameters()) {
      visit(argument);
    }
    visit(readInstead(type));
    if (Jackson2Introspection.isBean(type) && introspected.add(type.getRawClass())) {
      bean(type);
    }
  }

  private @Nullable TypeDeserializer typeDeserializer(JavaType type) {
    try {
      return factory.findTypeDeserializer(config, type);
    } catch (JsonMappingException | RuntimeException e) {
      return null; // databind cannot make it either: no value of this type is read
    }
  }

  /** Returns the type databind reads for {@code type}, if another: mapped, or {@code as}. */
  private @Nullable JavaType readInstead(JavaType type) {
    try {
      JavaType read = type;
      if (type.isAbstract() || type.isMapLikeType() || type.isCollectionLikeType()) {
        read = factory.mapAbstractType(config, type);
      }
      AnnotatedClass info = config.introspectClassAnnotations(read).getClassInfo();
      read = introspector.refineDeserializationType(config, info, read);
      return read.equals(type) ? null : read;
    } catch (JsonMappingException | RuntimeException e) {
      return null; // databind fails on the annotation the same way, before reading anything
    }
  }

  private void bean(JavaType type) {
    BeanDescription description = config.introspect(type);
    Class<?> builder = description.findPOJOBuilder();
    if (builder != null) {
      // databind reads the builder's properties and calls its creators, never the value's
      description = config.introspectForBuilder(builderType(builder, type), description);
    }
    String owner = description.getBeanClass().getName();
    for (BeanPropertyDefinition property : description.findProperties()) {
      String where = "property '" + property.getName() + "' of " + owner;
      AnnotatedMember[] members = {
        property.getConstructorParameter(), property.getSetter(),
        property.getField(), property.getGetter() // a getter adds to a collection without setter
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
    creators(description, owner);
  }

  private JavaType builderType(Class<?> builder, JavaType value) {
    if (builder.getTypeParameters().length > 0
        && builder.getTypeParameters().length == value.getBindings().size()) {
      return config.getTypeFactory().constructParametricType(builder, value.getBindings());
    }
    return config.constructType(builder);
  }

  /** The type a member passes on: a setter's (or with-method's) parameter, else its own. */
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
    JavaType field = anySetter.getType(); // a Map of the values, or a JsonNode
    return field.isMapLikeType() ? field.getContentType() : field;
  }

  /**
   * Walks the type databind reads through {@code member} ({@code as}, {@code contentAs}, {@code
   * keyAs} applied), then the type ids the member itself declares, for its value or, on a
   * container, for its elements. The type comes first, so that an id its class declares is named by
   * the class.
   */
  private void member(AnnotatedMember member, @Nullable JavaType base, String where) {
    if (base == null) {
      return;
    }
    JavaType read;
    try {
      read = introspector.refineDeserializationType(config, member, base);
    } catch (JsonMappingException | RuntimeException e) {
      read = base; // databind fails on the annotation: walk what is declared all the same
    }
    visit(read);
    if (introspector.findPropertyTypeResolver(config, member, base) != null) {
      TypeDeserializer own = propertyTypeDeserializer(base, member, false);
      refuse(own, where);
      subtypes(base, member, own);
    }
    JavaType content = base.getContentType();
    if (content != null
        && introspector.findPropertyContentTypeResolver(config, member, base) != null) {
      TypeDeserializer elements = propertyTypeDeserializer(base, member, true);
      refuse(elements, where);
      subtypes(content, member, elements);
    }
  }

  private @Nullable TypeDeserializer propertyTypeDeserializer(
      JavaType base, AnnotatedMember member, boolean content) {
    try {
      return content
          ? factory.findPropertyContentTypeDeserializer(config, base, member)
          : factory.findPropertyTypeDeserializer(config, base, member);
    } catch (JsonMappingException | RuntimeException e) {
      return null; // databind cannot make it either
    }
  }

  /** Walks the creators databind will call, as databind resolved their parameters. */
  private void creators(BeanDescription description, String owner) {
    ValueInstantiator creators;
    try {
      creators = factory.findValueInstantiator(context, description);
    } catch (JsonMappingException | RuntimeException e) {
      return; // no deserializer for this type: binding it fails before reading anything
    }
    SettableBeanProperty[] parameters = creators.getFromObjectArguments(config);
    if (parameters != null) {
      for (SettableBeanProperty parameter : parameters) {
        String where = "property '" + parameter.getName() + "' of " + owner;
        JavaType type = parameter.getType();
        visit(type);
        refuse(parameter.getValueTypeDeserializer(), where);
        JavaType content = type.getContentType();
        if (content != null && content.getTypeHandler() instanceof TypeDeserializer elements) {
          refuse(elements, where);
        }
      }
    }
    // A delegating creator reads the whole value as its parameter's type, with that class's id.
    visit(creators.getDelegateType(config));
    visit(creators.getArrayDelegateType(config));
  }

  /** Walks the subtypes a type id may name: declared, registered, and the default one. */
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

  /** Throws if {@code ids} reads class names; names where, and what to declare instead. */
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
