package dev.partialjson.binding;

import dev.partialjson.binding.spi.DataType;
import dev.partialjson.binding.spi.Databind;
import dev.partialjson.parser.JsonPath;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.validation.TraversableResolver;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import java.lang.annotation.ElementType;
import java.lang.reflect.Array;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * Validates bound values and names each violation by its JSON path. The path is built from the
 * constraint's property path nodes, with each Java property name mapped to the name Jackson reads
 * ({@code @JsonProperty}, naming strategy) for the class the node belongs to. Where the validator
 * is Hibernate Validator, the nodes carry their values, so a subtype's own names are used; with
 * another provider the declared types are. Thread-safe.
 */
final class Checker {

  /** Orders violations as the document does: by path (indexes numerically), then constraint. */
  static final Comparator<Violation> DOCUMENT_ORDER =
      Comparator.comparing(Violation::path, Checker::comparePaths)
          .thenComparing(v -> v.constraint().getName())
          .thenComparing(Violation::message);

  private final Validator validator;
  private final @Nullable ValidatorFactory factory;
  private final TypeModel model;
  private final Set<String> once;

  /**
   * The binder's validator, with a resolver that asks the scope validating on the current thread
   * ({@link #active}) what to cut; null when there is nothing to cut (a user's validator, or no
   * items validated as they close). Made once per binder: a validator made per session cost more
   * than validating a small document.
   */
  private final @Nullable Validator cutter;

  private final @Nullable TraversableResolver delegate;
  private final ThreadLocal<@Nullable Scope> active = new ThreadLocal<>();
  private final Map<Cut, Boolean> cuts = new ConcurrentHashMap<>(); // see Scope#validatedOnce

  /** How many of those answers a binder keeps; past that, each is worked out when asked. */
  private static final int MAX_CUTS = 1024;

  /**
   * {@code factory} is the one {@code validator} came from, when it is ours (null for a user's
   * validator); {@code once} holds the patterns of the lists ({@code $.sections[*].items}) whose
   * items a session validates as they close (see {@link CascadedItems}).
   */
  Checker(
      Validator validator, @Nullable ValidatorFactory factory, TypeModel model, Set<String> once) {
    this.validator = validator;
    this.factory = factory;
    this.model = model;
    this.once = Set.copyOf(once);
    if (factory != null && !once.isEmpty()) {
      this.delegate = factory.getTraversableResolver();
      Validator hibernate =
          HibernateValidatorSupport.PRESENT
              ? HibernateValidatorSupport.withResolver(factory, new Cutter())
              : null;
      this.cutter =
          hibernate != null
              ? hibernate
              : factory.usingContext().traversableResolver(new Cutter()).getValidator();
    } else {
      this.delegate = null;
      this.cutter = null;
    }
  }

  /** Returns the validation of one session; see {@link Scope}. */
  Scope scope() {
    return new Scope();
  }

  Validator validator() {
    return validator;
  }

  /**
   * Validates {@code value}, bound from the JSON at {@code base}. A collection, array or map (a
   * generic root such as {@code List<Task>}) is validated element by element, as {@code @Valid}
   * would cascade. Returns the violations in document order.
   */
  List<Violation> validate(@Nullable Object value, JsonPath base) {
    List<Violation> out = new ArrayList<>();
    collect(validator, null, value, base, out);
    out.sort(DOCUMENT_ORDER);
    return out;
  }

  /**
   * Collects the violations of {@code value} at {@code base}; with a {@code scope} that cuts,
   * skipping the items of the lists whose items were validated as they closed.
   */
  private void collect(
      Validator with,
      @Nullable Scope scope,
      @Nullable Object value,
      JsonPath base,
      List<Violation> out) {
    if (value == null) {
      return;
    }
    if (value instanceof Collection<?> || value.getClass().isArray()) {
      if (scope != null && scope.cutting() && once.contains(pattern(base))) {
        return; // a list at the root: each item was validated as it closed
      }
    }
    if (value instanceof Collection<?> collection) {
      int i = 0;
      for (Object element : collection) {
        collect(with, scope, element, base.index(i++), out);
      }
    } else if (value instanceof Map<?, ?> map) {
      for (Map.Entry<?, ?> entry : map.entrySet()) {
        collect(with, scope, entry.getValue(), base.field(String.valueOf(entry.getKey())), out);
      }
    } else if (value.getClass().isArray()) {
      for (int i = 0; i < Array.getLength(value); i++) {
        collect(with, scope, Array.get(value, i), base.index(i), out);
      }
    } else if (TypeModel.isBean(model.typeOf(value))) {
      Set<ConstraintViolation<Object>> found;
      try {
        found = validateBean(with, scope, value, base);
      } catch (RuntimeException e) {
        // a constraint validator threw: the provider's exception names no path and no constraint
        throw ValidatorFailure.of(e, validator, model, value, base);
      }
      for (ConstraintViolation<Object> violation : found) {
        out.add(toViolation(violation, value, base));
      }
    }
  }

  /** Validates one bean; with the binder's {@link #cutter}, as {@code scope} on this thread. */
  private Set<ConstraintViolation<Object>> validateBean(
      Validator with, @Nullable Scope scope, Object value, JsonPath base) {
    if (scope == null || with != cutter) {
      return with.validate(value);
    }
    scope.root = value;
    scope.basePath = base;
    scope.base = null; // made when a cascade asks, which most beans never do
    Scope outer = active.get(); // a constraint validator may validate in turn
    active.set(scope);
    try {
      return with.validate(value);
    } finally {
      if (outer == null) {
        active.remove();
      } else {
        active.set(outer);
      }
    }
  }

  /** Returns {@code path} as a pattern: each index a wildcard ({@code $.sections[*].items}). */
  private static String pattern(JsonPath path) {
    StringBuilder out = new StringBuilder("$");
    for (Object segment : path.segments()) {
      if (segment instanceof String name) {
        appendField(out, name);
      } else {
        out.append("[*]");
      }
    }
    return out.toString();
  }

  /** Appends a field in pattern syntax, as {@link CascadedItems} writes it, quoted where needed. */
  private static void appendField(StringBuilder out, String name) {
    String field = JsonPath.root().field(name).toString();
    out.append(field, 1, field.length());
  }

  /**
   * The validation of one session, confined to it. With the binder's own validator factory, it
   * validates with the binder's {@link #cutter}, whose {@link TraversableResolver} asks the scope
   * validating on the thread, so that it does not cascade into a list whose items the session
   * validated as they closed ({@code once}), in an item's validation as in the final value's: each
   * item is validated once. Constraints on the list itself ({@code @Size}) and on its elements as
   * such ({@code List<@NotNull Task>}) are not cascades, so they are still checked. Items are
   * matched by path pattern, as the final value's items are other instances than those bound as
   * they closed. Once an item could not be bound as it closed ({@link #missed}), nothing is cut any
   * more. With a user's validator nothing is cut: items are validated again inside their parents
   * and the final value.
   */
  final class Scope {
    private final Validator scoped;
    private boolean cutting;
    private @Nullable Object root;
    private JsonPath basePath = JsonPath.root();
    private @Nullable String base = "$"; // basePath as a pattern, once asked for
    private @Nullable JsonPath itemsOf; // the list whose items' pattern is itemPattern
    private String itemPattern = "";

    private Scope() {
      this.scoped = cutter != null ? cutter : validator;
      this.cutting = cutter != null;
    }

    /** True while lists whose items were validated as they closed are not cascaded into. */
    boolean cutting() {
      return cutting;
    }

    /** Notes that an item the session validates as it closes could not be bound there. */
    void missed() {
      cutting = false;
    }

    /** As {@link Checker#validate}, without validating again items validated as they closed. */
    List<Violation> validate(@Nullable Object value, JsonPath base) {
      List<Violation> out = new ArrayList<>();
      collect(scoped, this, value, base, out);
      out.sort(DOCUMENT_ORDER);
      return out;
    }

    /**
     * Whether {@code property} of {@code owner} is a list whose items were validated as they
     * closed: its path, as a pattern, is one of {@code once}. The path to the owner is mapped to
     * JSON names bean by bean, as violation paths are; its nodes carry no indexes here, which a
     * pattern does not need. Anything but beans and lists of beans on the way: not cut.
     */
    private boolean validatedOnce(Object owner, Path.Node property, Path pathToOwner) {
      if (property.getKind() != ElementKind.PROPERTY || root == null) {
        return false;
      }
      String prefix = base;
      if (prefix == null) {
        JsonPath parent = basePath.parent();
        if (basePath.isIndex() && parent != null && parent == itemsOf) {
          prefix = itemPattern; // another item of the same list
        } else {
          prefix = pattern(basePath);
          if (basePath.isIndex()) {
            itemsOf = parent;
            itemPattern = prefix;
          }
        }
        base = prefix;
      }
      if (owner != root || !isRoot(pathToOwner)) {
        return validatedOnce(prefix, owner, property, pathToOwner);
      }
      // a property of the validated bean itself, asked alike for each item of a list and in
      // each session: the answer depends on the types alone
      Cut cut = new Cut(prefix, owner.getClass(), property.getName());
      Boolean known = cuts.get(cut);
      if (known == null) {
        known = validatedOnce(prefix, owner, property, pathToOwner);
        if (cuts.size() < MAX_CUTS) {
          cuts.put(cut, known); // bounded: a pattern of the user's may match at any depth
        }
      }
      return known;
    }

    private boolean validatedOnce(
        String prefix, Object owner, Path.Node property, Path pathToOwner) {
      StringBuilder pattern = new StringBuilder(prefix);
      DataType type = model.typeOf(root);
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
        appendField(pattern, step.jsonName());
        DataType declared = step.type();
        if (declared.isCollectionLikeType() || declared.isArrayType()) {
          pattern.append("[*]");
          declared = declared.getContentType();
        }
        if (declared == null || !TypeModel.isBean(declared)) {
          return false;
        }
        type = model.refine(declared, valueOf(node));
      }
      Databind.Property last = model.byJavaName(model.typeOf(owner), property.getName());
      if (last == null) {
        return false;
      }
      appendField(pattern, last.jsonName());
      return once.contains(pattern.toString());
    }
  }

  /**
   * A property of a bean validated at a path pattern, as {@link Scope#validatedOnce} asks. Not a
   * record: a record's equals and hashCode go through a method handle that showed in profiles.
   */
  private static final class Cut {
    private final String base;
    private final Class<?> owner;
    private final String property;

    Cut(String base, Class<?> owner, String property) {
      this.base = base;
      this.owner = owner;
      this.property = property;
    }

    @Override
    public boolean equals(@Nullable Object other) {
      return other instanceof Cut that
          && owner == that.owner
          && base.equals(that.base)
          && property.equals(that.property);
    }

    @Override
    public int hashCode() {
      return (base.hashCode() * 31 + owner.hashCode()) * 31 + property.hashCode();
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

  /**
   * The resolver of {@link #cutter}: does not cascade into a list whose items the scope validating
   * on this thread validated as they closed; otherwise asks the factory's own resolver.
   */
  private final class Cutter implements TraversableResolver {
    @Override
    public boolean isReachable(
        Object traversableObject,
        Path.Node traversableProperty,
        Class<?> rootBeanType,
        Path pathToTraversableObject,
        ElementType elementType) {
      return resolver()
          .isReachable(
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
      Scope scope = active.get();
      if (scope != null
          && scope.cutting
          && scope.validatedOnce(traversableObject, traversableProperty, pathToTraversableObject)) {
        return false;
      }
      return resolver()
          .isCascadable(
              traversableObject,
              traversableProperty,
              rootBeanType,
              pathToTraversableObject,
              elementType);
    }

    @SuppressWarnings("NullAway") // set whenever this resolver is
    private TraversableResolver resolver() {
      return delegate;
    }
  }

  private Violation toViolation(ConstraintViolation<?> violation, Object root, JsonPath base) {
    JsonPath path = base;
    Object current = root;
    DataType type = model.typeOf(root);
    for (Path.Node node : violation.getPropertyPath()) {
      if (node.isInIterable()) {
        Object element = null;
        if (node.getIndex() != null) {
          path = path.index(node.getIndex());
          element = element(current, node.getIndex());
        } else if (node.getKey() != null) {
          path = path.field(String.valueOf(node.getKey()));
          element = current instanceof Map<?, ?> map ? map.get(node.getKey()) : null;
        }
        DataType content = type.getContentType();
        type = model.refine(content == null ? model.objectType() : content, element);
        current = element;
      }
      if (node.getKind() == ElementKind.PROPERTY) {
        Databind.Property property = model.byJavaName(type, node.getName());
        path = path.field(property == null ? node.getName() : property.jsonName());
        Object value = valueOf(node);
        type = model.refine(property == null ? model.objectType() : property.type(), value);
        current = value;
      }
    }
    return new Violation(
        path,
        violation.getMessage(),
        violation.getConstraintDescriptor().getAnnotation().annotationType(),
        violation.getInvalidValue());
  }

  private static @Nullable Object valueOf(Path.Node node) {
    return HibernateValidatorSupport.PRESENT ? HibernateValidatorSupport.valueOf(node) : null;
  }

  private static @Nullable Object element(@Nullable Object container, int index) {
    if (container instanceof List<?> list) {
      return index < list.size() ? list.get(index) : null;
    }
    if (container instanceof Iterable<?> iterable) {
      Iterator<?> it = iterable.iterator();
      for (int i = 0; i < index && it.hasNext(); i++) {
        it.next();
      }
      return it.hasNext() ? it.next() : null;
    }
    if (container != null && container.getClass().isArray()) {
      return index < Array.getLength(container) ? Array.get(container, index) : null;
    }
    return null;
  }

  private static int comparePaths(JsonPath a, JsonPath b) {
    List<Object> x = a.segments();
    List<Object> y = b.segments();
    for (int i = 0; i < Math.min(x.size(), y.size()); i++) {
      Object p = x.get(i);
      Object q = y.get(i);
      int c;
      if (p instanceof Integer m && q instanceof Integer n) {
        c = Integer.compare(m, n);
      } else if (p instanceof String s && q instanceof String t) {
        c = s.compareTo(t);
      } else {
        c = p instanceof Integer ? -1 : 1;
      }
      if (c != 0) {
        return c;
      }
    }
    return Integer.compare(x.size(), y.size());
  }
}
