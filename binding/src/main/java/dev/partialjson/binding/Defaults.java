package dev.partialjson.binding;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
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
   */
  static ObjectMapper mapper() {
    return JsonMapper.builder().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
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
