package dev.partialjson.binding.jackson2;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.cfg.MapperConfig;
import com.fasterxml.jackson.databind.jsontype.PolymorphicTypeValidator;

/**
 * Denies every subtype named by its class. {@link SubtypePolicy} already refuses targets that take
 * class names as type ids; this is the second line, for a way to reach one that it does not see (a
 * custom deserializer asking the mapper for such a type): the name is refused before the class is
 * loaded, so no static initializer of a class the input names ever runs. Jackson asks a validator
 * about class-name ids and default typing only; declared names ({@code Id.NAME}) are resolved
 * against {@code @JsonSubTypes} without it.
 */
final class NoClassNames extends PolymorphicTypeValidator.Base {
  private static final long serialVersionUID = 1L;

  @Override
  public Validity validateSubClassName(
      MapperConfig<?> config, JavaType baseType, String subClassName) {
    return Validity.DENIED;
  }

  @Override
  public Validity validateSubType(MapperConfig<?> config, JavaType baseType, JavaType subType) {
    return Validity.DENIED;
  }
}
