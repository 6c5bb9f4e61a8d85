package dev.partialjson.binding;

import dev.partialjson.binding.spi.Databind;
import dev.partialjson.binding.spi.DatabindProvider;
import jakarta.validation.NoProviderFoundException;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;

/** The databind and validator a binder uses when it is given none. */
final class Defaults {
  private Defaults() {}

  /**
   * Returns the default databind of the one Jackson side on the class path ({@code
   * partialjson-binding} for Jackson 2, {@code partialjson-binding-jackson3} for Jackson 3), found
   * with {@link ServiceLoader}. A side whose Jackson is missing is not counted.
   *
   * @throws IllegalStateException if there is no side, or more than one
   */
  static Databind databind() {
    List<DatabindProvider> found = new ArrayList<>(2);
    ServiceLoader<DatabindProvider> loader =
        ServiceLoader.load(DatabindProvider.class, Defaults.class.getClassLoader());
    for (var iterator = loader.iterator(); ; ) {
      try {
        if (!iterator.hasNext()) {
          break;
        }
        found.add(iterator.next());
      } catch (ServiceConfigurationError | LinkageError e) {
        // a side without its Jackson on the class path: it cannot bind, so it is not a choice
      }
    }
    return choose(found);
  }

  /**
   * Returns the default databind of the one side {@code found}.
   *
   * @throws IllegalStateException if there is no side, or more than one; the message says what to
   *     add or how to choose
   */
  static Databind choose(List<DatabindProvider> found) {
    if (found.isEmpty()) {
      throw new IllegalStateException(
          "No Jackson for binding: add dev.partialjson:partialjson-binding (Jackson 2) or"
              + " dev.partialjson:partialjson-binding-jackson3 (Jackson 3), or give the binder a"
              + " databind with StreamingBinder.Builder#databind");
    }
    if (found.size() > 1) {
      List<String> names = new ArrayList<>();
      for (DatabindProvider provider : found) {
        names.add(provider.artifact());
      }
      throw new IllegalStateException(
          "More than one Jackson side for binding on the class path "
              + names
              + ": choose with StreamingBinder.Builder#databind (Jackson2Databind.of(objectMapper)"
              + " or Jackson3Databind.of(jsonMapper))");
    }
    return found.get(0).defaultDatabind();
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
