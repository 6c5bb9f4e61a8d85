package dev.partialjson.binding;

import dev.partialjson.binding.spi.DataType;
import dev.partialjson.binding.spi.Databind;
import dev.partialjson.parser.JsonPath;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import java.lang.reflect.Array;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
  private final TypeModel model;

  /** The validators that skip items validated as they closed; null when nothing is skipped. */
  private final @Nullable ValidatedOnce once;

  /**
   * Picks the validator for each bean of a validation, from {@link Checker#at} for the pattern of
   * the bean's place. Implemented by {@link ClosingItems}, which knows whether its session still
   * skips the items validated as they closed, and remembers the validator of the list whose items
   * it validates, so that the items of one list look it up once.
   */
  interface Validators {
    /** Returns the validator for a bean bound from the JSON at {@code base}. */
    Validator at(JsonPath base);
  }

  /**
   * {@code factory} is the one {@code validator} came from, when it is ours (null for a user's
   * validator); {@code once} holds the patterns of the lists ({@code $.sections[*].items}) whose
   * items a session validates as they close (see {@link CascadedItems}). With a user's validator
   * nothing is skipped: items are validated again inside their parents and the final value.
   */
  Checker(
      Validator validator, @Nullable ValidatorFactory factory, TypeModel model, Set<String> once) {
    this.validator = validator;
    this.model = model;
    this.once =
        factory != null && !once.isEmpty()
            ? new ValidatedOnce(factory, validator, model, once)
            : null;
  }

  Validator validator() {
    return validator;
  }

  /** Returns whether a session's validations skip the items validated as they closed. */
  boolean skipsValidated() {
    return once != null;
  }

  /**
   * Returns the validator for a bean bound from the JSON at a path of pattern {@code base}, one
   * that does not cascade into the lists whose items were validated as they closed (see {@link
   * ValidatedOnce}); the plain validator if {@link #skipsValidated} is false.
   */
  Validator at(String base) {
    return once != null ? once.at(base) : validator;
  }

  /**
   * Validates {@code value}, bound from the JSON at {@code base}. A collection, array or map (a
   * generic root such as {@code List<Task>}) is validated element by element, as {@code @Valid}
   * would cascade. With {@code skip} (only when {@link #skipsValidated}), the items of the lists
   * whose items were validated as they closed are not validated again: a list at the root is not
   * walked, and each bean is validated by the validator {@code skip} picks for it. Returns the
   * violations in document order.
   */
  List<Violation> validate(@Nullable Object value, JsonPath base, @Nullable Validators skip) {
    List<Violation> out = new ArrayList<>();
    collect(skip, value, base, out);
    out.sort(DOCUMENT_ORDER);
    return out;
  }

  private void collect(
      @Nullable Validators skip, @Nullable Object value, JsonPath base, List<Violation> out) {
    if (value == null) {
      return;
    }
    if (value instanceof Collection<?> || value.getClass().isArray()) {
      if (skip != null && once != null && once.contains(pattern(base))) {
        return; // a list at the root: each item was validated as it closed
      }
    }
    if (value instanceof Collection<?> collection) {
      int i = 0;
      for (Object element : collection) {
        collect(skip, element, base.index(i++), out);
      }
    } else if (value instanceof Map<?, ?> map) {
      for (Map.Entry<?, ?> entry : map.entrySet()) {
        collect(skip, entry.getValue(), base.field(String.valueOf(entry.getKey())), out);
      }
    } else if (value.getClass().isArray()) {
      for (int i = 0; i < Array.getLength(value); i++) {
        collect(skip, Array.get(value, i), base.index(i), out);
      }
    } else if (TypeModel.isBean(model.typeOf(value))) {
      Set<ConstraintViolation<Object>> found;
      try {
        found = (skip == null ? validator : skip.at(base)).validate(value);
      } catch (RuntimeException e) {
        // a constraint validator threw: the provider's exception names no path and no constraint
        throw ValidatorFailure.of(e, validator, model, value, base);
      }
      for (ConstraintViolation<Object> violation : found) {
        out.add(toViolation(violation, value, base));
      }
    }
  }

  /** Returns {@code path} as a pattern: each index a wildcard ({@code $.sections[*].items}). */
  static String pattern(JsonPath path) {
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
  static void appendField(StringBuilder out, String name) {
    String field = JsonPath.root().field(name).toString();
    out.append(field, 1, field.length());
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

  static @Nullable Object valueOf(Path.Node node) {
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
