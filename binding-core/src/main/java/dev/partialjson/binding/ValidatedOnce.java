package dev.partialjson.binding;

import dev.partialjson.binding.spi.DataType;
import dev.partialjson.binding.spi.Databind;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.validation.TraversableResolver;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import java.lang.annotation.ElementType;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * The validators of a binder that do not cascade into a list whose items a session validated as
 * they closed ({@code once}, patterns such as {@code $.sections[*].items}), so that each item is
 * validated once, in an item's validation as in the final value's. Constraints on the list itself
 * ({@code @Size}) and on its elements as such ({@code List<@NotNull Task>}) are not cascades, so
 * they are still checked. Items are matched by path pattern, as the final value's items are other
 * instances than those bound as they closed. Thread-safe.
 *
 * <p>What to cut depends on where the validated bean stands in the document, which a {@link
 * TraversableResolver} is not told; so there is one validator per pattern of that place ({@code $},
 * {@code $.sections[*]}), whose resolver knows it. Only the patterns some list of {@code once} lies
 * under need one (every other bean is validated by the plain validator, which cuts nothing), so
 * their number is bounded by the binder's type. Each is made once per binder, when first asked for:
 * a validator made per session cost more than validating a small document.
 */
final class ValidatedOnce {

  /** How many answers each validator's resolver keeps; past that, each is worked out when asked. */
  private static final int MAX_CUTS = 1024;

  private final ValidatorFactory factory;
  private final Validator plain;
  private final TypeModel model;
  private final Set<String> once;
  private final TraversableResolver delegate;
  private final Map<String, Validator> cutters = new ConcurrentHashMap<>();

  /**
   * {@code plain} is a validator of {@code factory}, ours; {@code once} is not empty (see {@link
   * CascadedItems}).
   */
  ValidatedOnce(ValidatorFactory factory, Validator plain, TypeModel model, Set<String> once) {
    this.factory = factory;
    this.plain = plain;
    this.model = model;
    this.once = Set.copyOf(once);
    this.delegate = factory.getTraversableResolver();
  }

  /** Returns whether {@code list} (a pattern) is one whose items are validated as they close. */
  boolean contains(String list) {
    return once.contains(list);
  }

  /**
   * Returns the validator for a bean bound from the JSON at a path of pattern {@code base}: one
   * that does not cascade into the lists of {@code once} under it, or the plain one if none lies
   * under it.
   */
  Validator at(String base) {
    Validator known = cutters.get(base);
    if (known != null) {
      return known;
    }
    if (!under(base)) {
      return plain; // not kept: such patterns come from the data (a map's keys) and are unbounded
    }
    return cutters.computeIfAbsent(base, this::cutter);
  }

  /** Whether a list of {@code once} may lie under {@code base}; a false yes only costs a cutter. */
  private boolean under(String base) {
    for (String list : once) {
      if (list.length() > base.length() && list.startsWith(base)) {
        char next = list.charAt(base.length());
        if (next == '.' || next == '[') {
          return true;
        }
      }
    }
    return false;
  }

  private Validator cutter(String base) {
    Cutter resolver = new Cutter(base);
    Validator hibernate =
        HibernateValidatorSupport.PRESENT
            ? HibernateValidatorSupport.withResolver(factory, resolver)
            : null;
    return hibernate != null
        ? hibernate
        : factory.usingContext().traversableResolver(resolver).getValidator();
  }

  /**
   * The resolver of the validator for beans at pattern {@code base}: does not cascade into a list
   * of {@code once}; otherwise asks the factory's own resolver.
   */
  private final class Cutter implements TraversableResolver {
    private final String base;
    private final Map<Cut, Boolean> cuts = new ConcurrentHashMap<>();

    Cutter(String base) {
      this.base = base;
    }

    @Override
    public boolean isReachable(
        Object traversableObject,
        Path.Node traversableProperty,
        Class<?> rootBeanType,
        Path pathToTraversableObject,
        ElementType elementType) {
      return delegate.isReachable(
          traversableObject,
          traversableProperty,
          rootBeanType,
          pathToTraversableObject,
          elementType);
    }

    @Override
    public boolean isCascadable(
        Object traversableObject,
        Path.Node traversableProperty,
        Class<?> rootBeanType,
        Path pathToTraversableObject,
        ElementType elementType) {
      if (validatedOnce(
          traversableObject, traversableProperty, rootBeanType, pathToTraversableObject)) {
        return false;
      }
      return delegate.isCascadable(
          traversableObject,
          traversableProperty,
          rootBeanType,
          pathToTraversableObject,
          elementType);
    }

    /**
     * Whether {@code property} of {@code owner} is a list whose items were validated as they
     * closed: its path, as a pattern, is one of {@code once}. The path to the owner is mapped to
     * JSON names bean by bean, as violation paths are; its nodes carry no indexes here, which a
     * pattern does not need. Anything but beans and lists of beans on the way: not cut.
     */
    private boolean validatedOnce(
        Object owner, Path.Node property, Class<?> rootType, Path pathToOwner) {
      if (property.getKind() != ElementKind.PROPERTY) {
        return false;
      }
      if (!isRoot(pathToOwner)) {
        return validatedOnce(owner, property, model.typeOf(rootType), pathToOwner);
      }
      // a property of the validated bean itself, asked alike for each item of a list and in
      // each session: the answer depends on the types alone
      Cut cut = new Cut(owner.getClass(), property.getName());
      Boolean known = cuts.get(cut);
      if (known == null) {
        known = validatedOnce(owner, property, model.typeOf(rootType), pathToOwner);
        if (cuts.size() < MAX_CUTS) {
          cuts.put(cut, known); // bounded: a pattern of the user's may match at any depth
        }
      }
      return known;
    }

    private boolean validatedOnce(
        Object owner, Path.Node property, DataType rootType, Path pathToOwner) {
      StringBuilder pattern = new StringBuilder(base);
      DataType type = rootType;
      for (Path.Node node : pathToOwner) {
        if (node.getKind() == ElementKind.BEAN && node.getName() == null) {
          continue; // the root bean
        }
        if (node.getKind() != ElementKind.PROPERTY) {
          return false;
        }
        Databind.Property step = model.byJavaName(type, node.getName());
        if (step == null) {
          return false;
        }
        Checker.appendField(pattern, step.jsonName());
        DataType declared = step.type();
        if (declared.isCollectionLikeType() || declared.isArrayType()) {
          pattern.append("[*]");
          declared = declared.getContentType();
        }
        if (declared == null || !TypeModel.isBean(declared)) {
          return false;
        }
        type = model.refine(declared, Checker.valueOf(node));
      }
      Databind.Property last = model.byJavaName(model.typeOf(owner), property.getName());
      if (last == null) {
        return false;
      }
      Checker.appendField(pattern, last.jsonName());
      return once.contains(pattern.toString());
    }
  }

  /**
   * A property of a bean type, as {@link Cutter#validatedOnce} asks. Not a record: a record's
   * equals and hashCode go through a method handle that showed in profiles.
   */
  private static final class Cut {
    private final Class<?> owner;
    private final String property;

    Cut(Class<?> owner, String property) {
      this.owner = owner;
      this.property = property;
    }

    @Override
    public boolean equals(@Nullable Object other) {
      return other instanceof Cut that && owner == that.owner && property.equals(that.property);
    }

    @Override
    public int hashCode() {
      return owner.hashCode() * 31 + property.hashCode();
    }
  }

  /** Returns whether {@code path} leads to the validated bean itself. */
  private static boolean isRoot(Path path) {
    for (Path.Node node : path) {
      if (node.getKind() != ElementKind.BEAN || node.getName() != null) {
        return false;
      }
    }
    return true;
  }
}
