package dev.partialjson.binding;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.MapperConfig;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.jsontype.PolymorphicTypeValidator;
import jakarta.validation.NoProviderFoundException;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;

/** The mapper and validator a binder uses when it is given none. */
final class Defaults {
  private Defaults() {}

  /**
   * Returns a mapper with Jackson's defaults except that unknown properties are ignored: models add
   * fields now and then, and the constraints on the target, not the mapper, say what is required.
   * It never resolves a class name found in the input (see {@link NoClassNames}).
   */
  static ObjectMapper mapper() {
    return JsonMapper.builder()
        .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .polymorphicTypeValidator(new NoClassNames())
        .build();
  }

  /**
   * Denies every subtype named by its class. {@link SubtypePolicy} already refuses targets that
   * take class names as type ids; this is the second line, for a way to reach one that it does not
   * see (a custom deserializer asking the mapper for such a type): the name is refused before the
   * class is loaded, so no static initializer of a class the input names ever runs. Jackson asks a
   * validator about class-name ids and default typing only; declared names ({@code Id.NAME}) are
   * resolved against {@code @JsonSubTypes} without it.
   */
  static final class NoClassNames extends PolymorphicTypeValidator.Base {
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

  /** Returns a validator of {@link #validatorFactory()}. */
  static Validator validator() {
    return validatorFactory().getValidator();
  }

  /**
   * Returns the factory of the validator a binder uses when it is given none: Hibernate
   * Validator's, with messages interpolated without Jakarta Expression Language (see {@link
   * HibernateValidatorSupport#factory()}), when it is present; otherwise the default provider's, as
   * Jakarta Validation finds it, with that provider's own configuration.
   *
   * @throws IllegalStateException if there is no Jakarta Validation provider at all
   */
  static ValidatorFactory validatorFactory() {
    if (HibernateValidatorSupport.PRESENT) {
      return HibernateValidatorSupport.factory();
    }
    try {
      return Validation.byDefaultProvider().configure().buildValidatorFactory();
    } catch (NoProviderFoundException e) {
      throw new IllegalStateException(
          "No Jakarta Validation provider found: add one (for example"
              + " org.hibernate.validator:hibernate-validator, 8.0 or later), or give the binder a"
              + " Validator with StreamingBinder.Builder#validator",
          e);
    }
  }
}
