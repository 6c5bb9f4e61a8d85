package dev.partialjson.binding;

import jakarta.validation.Path;
import jakarta.validation.TraversableResolver;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import java.util.List;
import org.hibernate.validator.HibernateValidator;
import org.hibernate.validator.HibernateValidatorFactory;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;
import org.hibernate.validator.path.ContainerElementNode;
import org.hibernate.validator.path.PropertyNode;
import org.jspecify.annotations.Nullable;

/**
 * What binding does better when the validation provider is Hibernate Validator, which is optional:
 * the only class that names its types, loaded only after {@link #PRESENT} says the provider is on
 * the class path (or readable on the module path), so that any other Jakarta Validation 3.0 or 3.1
 * provider works without it. Each use has a provider-neutral path beside it, in the caller.
 */
final class HibernateValidatorSupport {
  /** Whether Hibernate Validator (8.0 or later) can be loaded by binding. */
  static final boolean PRESENT = present();

  private HibernateValidatorSupport() {}

  /**
   * Returns a factory whose messages are interpolated by {@link ParameterMessageInterpolator}:
   * parameters such as {@code {max}} are filled in, but no Jakarta Expression Language is needed
   * (messages with {@code ${...}} expressions are left as written). The provider is named directly
   * rather than found by {@code ServiceLoader}, which behaves differently on the module path.
   */
  static ValidatorFactory factory() {
    return Validation.byProvider(HibernateValidator.class)
        .providerResolver(() -> List.of(new HibernateValidator()))
        .configure()
        .messageInterpolator(new ParameterMessageInterpolator())
        .buildValidatorFactory();
  }

  /**
   * Returns a validator of {@code factory} that asks {@code resolver}, or null when {@code factory}
   * is not Hibernate Validator's. Its cache of the resolver's answers within one call is off: the
   * answers are cheap, and caching them costs more than it saves.
   */
  static @Nullable Validator withResolver(ValidatorFactory factory, TraversableResolver resolver) {
    if (!(factory instanceof HibernateValidatorFactory hibernate)) {
      return null;
    }
    return hibernate
        .usingContext()
        .traversableResolver(resolver)
        .enableTraversableResolverResultCache(false)
        .getValidator();
  }

  /**
   * Returns the value a property or container element node carries, which only Hibernate Validator
   * records; null for another provider's node or one without a value.
   */
  static @Nullable Object valueOf(Path.Node node) {
    if (node instanceof PropertyNode property) {
      return property.getValue();
    }
    if (node instanceof ContainerElementNode element) {
      return element.getValue();
    }
    return null;
  }

  private static boolean present() {
    try {
      Class.forName(
          "org.hibernate.validator.HibernateValidator",
          false,
          HibernateValidatorSupport.class.getClassLoader());
    } catch (ClassNotFoundException | LinkageError e) {
      return false;
    }
    // On the module path, binding reads the module only when the application resolved it.
    Module binding = HibernateValidatorSupport.class.getModule();
    return !binding.isNamed()
        || binding.getLayer() == null
        || binding.getLayer().findModule("org.hibernate.validator").isPresent();
  }
}
