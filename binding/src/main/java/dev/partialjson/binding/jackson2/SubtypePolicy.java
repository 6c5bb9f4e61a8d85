package dev.partialjson.binding.jackson2;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Keeps the input from choosing Java classes: a type id in the JSON may only name a subtype the
 * target declares ({@code @JsonTypeInfo(use = NAME)} with {@code @JsonSubTypes}). Model output is
 * untrusted text, and a type id that names a class makes databind load that class and build it from
 * the input, the path of Jackson's known deserialization gadgets. So a mapper with default typing
 * (which puts class names on {@code Object} and other non-final types) is refused, and so is a
 * target type through which databind would read a class-name type id anywhere (see {@link
 * ClassNameWalk} for the routes). Both are refused when the binder is built or a callback type is
 * registered, not when input arrives. A caller's mapper is used through a guarded copy ({@link
 * #guarded}). Thread-safe: the types already checked are remembered.
 */
final class SubtypePolicy {
  private final ObjectMapper mapper;
  private final Set<JavaType> checked = ConcurrentHashMap.newKeySet();

  /**
   * @throws IllegalArgumentException if the mapper has default typing activated
   */
  SubtypePolicy(ObjectMapper mapper) {
    this.mapper = mapper;
    if (mapper.getDeserializationConfig().getDefaultTyper(mapper.constructType(Object.class))
        != null) {
      throw new IllegalArgumentException(
          "the ObjectMapper has default typing activated, which lets the input name any class to"
              + " instantiate: bind model output with a mapper without it, and declare polymorphic"
              + " types with @JsonTypeInfo(use = Id.NAME) and @JsonSubTypes");
    }
  }

  /**
   * Returns the mapper a binder uses for a caller's {@code mapper}: a copy, whose polymorphic type
   * validator denies every class name before the class is loaded, as the default mapper's does
   * ({@link NoClassNames}). The copy keeps what the caller configured but shares nothing with it:
   * databind shares a mapper's mix-ins, registered subtypes and deserializer cache with the readers
   * made from it, so default typing or a mix-in added to the caller's mapper later, and the
   * deserializers it then caches, would otherwise reach the binder past its checks. The caller's
   * own validator is replaced: it only ever decides about class names, which binding refuses
   * anyway.
   *
   * @throws IllegalArgumentException if the mapper's class cannot be copied (a subclass of {@code
   *     ObjectMapper} that does not override {@code copy()})
   */
  static ObjectMapper guarded(ObjectMapper mapper) {
    ObjectMapper copy;
    try {
      copy = mapper.copy();
    } catch (IllegalStateException e) {
      throw new IllegalArgumentException(
          "the ObjectMapper cannot be copied: its class "
              + mapper.getClass().getName()
              + " does not override copy(), and the binder works on a copy, which later changes"
              + " to the mapper do not reach",
          e);
    }
    copy.setPolymorphicTypeValidator(new NoClassNames());
    return copy;
  }

  /**
   * Checks {@code type} and every type databind reaches from it when reading it.
   *
   * @throws IllegalArgumentException if a type id there would be a class name; the message names
   *     the class or property
   */
  void check(JavaType type) {
    if (!checked.contains(type)) {
      new ClassNameWalk(mapper).visit(type);
      checked.add(type);
    }
  }
}
