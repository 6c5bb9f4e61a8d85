package dev.partialjson.binding;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.MapperConfig;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.jsontype.PolymorphicTypeValidator;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import java.util.List;
import org.hibernate.validator.HibernateValidator;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;

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

  /**
   * Returns a Hibernate Validator whose messages are interpolated by {@link
   * ParameterMessageInterpolator}: parameters such as {@code {max}} are filled in, but no Jakarta
   * Expression Language is needed (messages with {@code ${...}} expressions are left as written).
   * The provider is named directly rather than found by {@code ServiceLoader}, which behaves
   * differently on the module path.
   */
  static Validator validator() {
    return validatorFactory().getValidator();
  }

  /** Returns the factory of {@link #validator()}; a binder keeps it to cut cascades short. */
  static ValidatorFactory validatorFactory() {
    return Validation.byProvider(HibernateValidator.class)
        .providerResolver(() -> List.of(new HibernateValidator()))
        .configure()
        .messageInterpolator(new ParameterMessageInterpolator())
        .buildValidatorFactory();
  }
}
