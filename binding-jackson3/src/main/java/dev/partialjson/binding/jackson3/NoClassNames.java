package dev.partialjson.binding.jackson3;

import tools.jackson.databind.DatabindContext;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.jsontype.PolymorphicTypeValidator;

/**
 * Denies every subtype named by its class, before the class is loaded: the second line behind
 * {@link ClassNameWalk}, for routes no build-time walk sees (a custom deserializer asking for such
 * a type). Jackson 3's default validator already denies much more than Jackson 2's did, but not
 * every class name; this one denies all of them, as the Jackson 2 side does.
 */
final class NoClassNames extends PolymorphicTypeValidator.Base {
  private static final long serialVersionUID = 1L;

  @Override
  public Validity validateSubClassName(
      DatabindContext context, JavaType baseType, String subClassName) {
    return Validity.DENIED;
  }

  @Override
  public Validity validateSubType(DatabindContext context, JavaType baseType, JavaType subType) {
    return Validity.DENIED;
  }
}
