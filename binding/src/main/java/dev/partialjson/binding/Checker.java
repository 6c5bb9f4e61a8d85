package dev.partialjson.binding;

import com.fasterxml.jackson.databind.JavaType;
import dev.partialjson.parser.JsonPath;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.validation.Validator;
import java.lang.reflect.Array;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.hibernate.validator.path.ContainerElementNode;
import org.hibernate.validator.path.PropertyNode;
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

  Checker(Validator validator, TypeModel model) {
    this.validator = validator;
    this.model = model;
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
    collect(value, base, out);
    out.sort(DOCUMENT_ORDER);
    return out;
  }

  private void collect(@Nullable Object value, JsonPath base, List<Violation> out) {
    if (value == null) {
      return;
    }
    if (value instanceof Collection<?> collection) {
      int i = 0;
      for (Object element : collection) {
        collect(element, base.index(i++), out);
      }
    } else if (value instanceof Map<?, ?> map) {
      for (Map.Entry<?, ?> entry : map.entrySet()) {
        collect(entry.getValue(), base.field(String.valueOf(entry.getKey())), out);
      }
    } else if (value.getClass().isArray()) {
      for (int i = 0; i < Array.getLength(value); i++) {
        collect(Array.get(value, i), base.index(i), out);
      }
    } else if (TypeModel.isBean(model.typeOf(value))) {
      for (ConstraintViolation<Object> violation : validator.validate(value)) {
        out.add(toViolation(violation, value, base));
      }
    }
  }

  private Violation toViolation(ConstraintViolation<?> violation, Object root, JsonPath base) {
    JsonPath path = base;
    Object current = root;
    JavaType type = model.typeOf(root);
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
        JavaType content = type.getContentType();
        type = model.refine(content == null ? model.objectType() : content, element);
        current = element;
      }
      if (node.getKind() == ElementKind.PROPERTY) {
        TypeModel.Property property = model.byJavaName(type, node.getName());
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
    if (node instanceof PropertyNode property) {
      return property.getValue();
    }
    if (node instanceof ContainerElementNode element) {
      return element.getValue();
    }
    return null;
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
