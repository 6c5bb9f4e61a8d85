package dev.partialjson.binding;

import dev.partialjson.binding.spi.DataType;
import dev.partialjson.binding.spi.Databind;
import dev.partialjson.parser.JsonPath;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.Validator;
import jakarta.validation.metadata.BeanDescriptor;
import jakarta.validation.metadata.ConstraintDescriptor;
import jakarta.validation.metadata.ContainerElementTypeDescriptor;
import jakarta.validation.metadata.PropertyDescriptor;
import java.lang.annotation.Annotation;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.Collection;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Turns an exception that escaped the validator (a constraint validator that threw, which Hibernate
 * Validator wraps as {@code HV000028: Unexpected exception during isValid call}; a constraint with
 * no validator for its type) into a {@link BindingException} that names the value's JSON path and
 * the constraint. The provider's exception names neither, so both are worked out after the fact,
 * with the Jakarta API alone: the property is the one whose {@code validateProperty} throws, in the
 * bean validated or, going down the cascaded properties, in the bean inside it whose own validation
 * throws; the constraint is the one of the {@link ConstraintValidator} in the stack trace of what
 * was thrown, or the property's only constraint. This runs only on failure, so it may validate
 * again. Where nothing narrower is found the path is the validated value's.
 */
final class ValidatorFailure {
  /** How deep the search follows cascaded beans: a cycle of beans ends it too. */
  private static final int MAX_DEPTH = 32;

  private final Validator validator;
  private final TypeModel model;
  private final Set<Object> visited = Collections.newSetFromMap(new IdentityHashMap<>());

  private ValidatorFailure(Validator validator, TypeModel model) {
    this.validator = validator;
    this.model = model;
  }

  /** Where the validation failed: the path, and the constraints that may have failed there. */
  private record Place(JsonPath path, Set<ConstraintDescriptor<?>> constraints) {}

  /**
   * Returns {@code thrown}, which validating the bean {@code value} at {@code base} threw, as a
   * {@link BindingException} (unchanged if it is one already: a nested validation's).
   */
  static BindingException of(
      RuntimeException thrown, Validator validator, TypeModel model, Object value, JsonPath base) {
    if (thrown instanceof BindingException done) {
      return done;
    }
    Place place;
    try {
      place = new ValidatorFailure(validator, model).locate(value, base, 0);
    } catch (RuntimeException e) {
      place = new Place(base, Set.of()); // the metadata itself fails: report where it was asked
    }
    Class<? extends Annotation> constraint = fromStack(thrown, value.getClass().getClassLoader());
    if (constraint == null && place.constraints().size() == 1) {
      constraint = place.constraints().iterator().next().getAnnotation().annotationType();
    }
    // Hibernate's own exception says only that isValid threw: what it threw is the news.
    Throwable shown =
        thrown instanceof jakarta.validation.ValidationException && thrown.getCause() != null
            ? thrown.getCause()
            : thrown;
    String what =
        shown.getMessage() == null
            ? shown.getClass().getName()
            : shown.getClass().getName() + ": " + shown.getMessage();
    String reason =
        constraint == null
            ? "Validation failed: " + what
            : "Validating @" + constraint.getSimpleName() + " failed: " + what;
    return new BindingException(reason, place.path(), thrown);
  }

  private Place locate(Object bean, JsonPath base, int depth) {
    BeanDescriptor descriptor = validator.getConstraintsForClass(bean.getClass());
    DataType type = model.typeOf(bean);
    for (PropertyDescriptor property : descriptor.getConstrainedProperties()) {
      if (throwsOn(bean, property.getPropertyName())) {
        return new Place(field(base, type, property), property.getConstraintDescriptors());
      }
    }
    if (depth < MAX_DEPTH && visited.add(bean)) {
      for (PropertyDescriptor property : descriptor.getConstrainedProperties()) {
        if (cascaded(property)) {
          Object child = model.read(bean, property.getPropertyName());
          Place inside = locateIn(child, field(base, type, property), depth + 1);
          if (inside != null) {
            return inside;
          }
        }
      }
    }
    return new Place(base, descriptor.getConstraintDescriptors()); // a constraint on the class
  }

  /** Finds the failing bean in a cascaded value: a bean, or the elements of a container. */
  private @Nullable Place locateIn(@Nullable Object value, JsonPath at, int depth) {
    if (value == null) {
      return null;
    }
    if (value instanceof Optional<?> optional) {
      return locateIn(optional.orElse(null), at, depth);
    }
    if (value instanceof Collection<?> collection) {
      int i = 0;
      for (Object element : collection) {
        Place found = locateIn(element, at.index(i++), depth);
        if (found != null) {
          return found;
        }
      }
      return null;
    }
    if (value instanceof Map<?, ?> map) {
      for (Map.Entry<?, ?> entry : map.entrySet()) {
        Place found = locateIn(entry.getValue(), at.field(String.valueOf(entry.getKey())), depth);
        if (found != null) {
          return found;
        }
      }
      return null;
    }
    if (value instanceof Object[] array) {
      for (int i = 0; i < array.length; i++) {
        Place found = locateIn(array[i], at.index(i), depth);
        if (found != null) {
          return found;
        }
      }
      return null;
    }
    if (!TypeModel.isBean(model.typeOf(value))) {
      return null;
    }
    try {
      validator.validate(value);
      return null;
    } catch (RuntimeException e) {
      return locate(value, at, depth);
    }
  }

  private boolean throwsOn(Object bean, String property) {
    try {
      validator.validateProperty(bean, property);
      return false;
    } catch (RuntimeException e) {
      return true;
    }
  }

  private JsonPath field(JsonPath base, DataType type, PropertyDescriptor property) {
    Databind.Property known = model.byJavaName(type, property.getPropertyName());
    return base.field(known == null ? property.getPropertyName() : known.jsonName());
  }

  private static boolean cascaded(PropertyDescriptor property) {
    if (property.isCascaded()) {
      return true;
    }
    for (ContainerElementTypeDescriptor element : property.getConstrainedContainerElementTypes()) {
      if (element.isCascaded()) {
        return true;
      }
    }
    return false;
  }

  /**
   * Returns the constraint of the first {@link ConstraintValidator} in the stack traces of {@code
   * thrown} and its causes, or null. The classes named there have run already, so looking them up
   * (without initializing) loads nothing new.
   */
  private static @Nullable Class<? extends Annotation> fromStack(
      Throwable thrown, @Nullable ClassLoader loader) {
    ClassLoader search = loader != null ? loader : Thread.currentThread().getContextClassLoader();
    Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    for (Throwable t = thrown; t != null && seen.add(t); t = t.getCause()) {
      for (StackTraceElement frame : t.getStackTrace()) {
        Class<?> type;
        try {
          type = Class.forName(frame.getClassName(), false, search);
        } catch (ClassNotFoundException | LinkageError e) {
          continue;
        }
        if (ConstraintValidator.class.isAssignableFrom(type)) {
          Class<? extends Annotation> constraint = constraintOf(type);
          if (constraint != null) {
            return constraint;
          }
        }
      }
    }
    return null;
  }

  /** Returns {@code A} of a {@code ConstraintValidator<A, T>} that {@code type} implements. */
  private static @Nullable Class<? extends Annotation> constraintOf(Class<?> type) {
    for (Class<?> c = type; c != null; c = c.getSuperclass()) {
      for (Type implemented : c.getGenericInterfaces()) {
        if (implemented instanceof ParameterizedType p
            && p.getRawType() == ConstraintValidator.class
            && p.getActualTypeArguments()[0] instanceof Class<?> a
            && a.isAnnotation()) {
          return a.asSubclass(Annotation.class);
        }
      }
    }
    return null;
  }
}
