package dev.partialjson.binding;

import dev.partialjson.binding.spi.DataType;
import dev.partialjson.binding.spi.Databind;
import dev.partialjson.parser.JsonPath;
import dev.partialjson.parser.JsonPathPattern;
import jakarta.validation.Validator;
import jakarta.validation.metadata.BeanDescriptor;
import jakarta.validation.metadata.ContainerElementTypeDescriptor;
import jakarta.validation.metadata.PropertyDescriptor;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Finds the lists whose items the final validation cascades into ({@code List<@Valid Task>}, or a
 * list at the root), so that a session validates each of those items as it closes, with or without
 * a callback, and {@link FailurePolicy#FAIL_FAST} can stop at the first invalid one. Computed once
 * per binder. A recursive type is followed once along each chain; deeper items are validated with
 * the final value.
 */
final class CascadedItems {

  /**
   * Items at paths matching {@code pattern}, bound to {@code type}. {@code list} is the pattern of
   * their list ({@code $.sections[*].items}); {@code once} says that validating an item on its own
   * is what the cascade into the list would do (no {@code @ConvertGroup} on the way), so a
   * validation need not cascade into that list again; {@code holds} says that an item bound as it
   * closed can stand in for its tokens when its parents and the final value are bound: databind
   * reads the item there as it reads it alone (see {@link TypeModel#takesBoundValue}, and no
   * Jackson annotation on the list's property changes how its items are read).
   */
  record Item(JsonPathPattern pattern, DataType type, String list, boolean once, boolean holds) {}

  private final TypeModel model;
  private final Validator validator;
  private final List<Item> found = new ArrayList<>();

  private CascadedItems(TypeModel model, Validator validator) {
    this.model = model;
    this.validator = validator;
  }

  static List<Item> of(DataType root, TypeModel model, Validator validator) {
    CascadedItems items = new CascadedItems(model, validator);
    items.walk("$", root, new HashSet<>());
    return List.copyOf(items.found);
  }

  private void walk(String pattern, DataType type, Set<Class<?>> chain) {
    if (type.isCollectionLikeType() || type.isArrayType()) {
      if (pattern.equals("$")) {
        items(pattern, type, true, true, chain); // a list at the root: its items are the point
      }
      return;
    }
    if (!TypeModel.isBean(type) || !chain.add(type.getRawClass())) {
      return;
    }
    BeanDescriptor bean = validator.getConstraintsForClass(type.getRawClass());
    for (Databind.Property property : model.properties(type).values()) {
      PropertyDescriptor descriptor = bean.getConstraintsForProperty(property.javaName());
      if (descriptor == null || !cascaded(descriptor)) {
        continue;
      }
      // Rendering one field as a path gives its name in pattern syntax, quoted where needed.
      String child = pattern + JsonPath.root().field(property.jsonName()).toString().substring(1);
      if (property.type().isCollectionLikeType() || property.type().isArrayType()) {
        items(child, property.type(), !converted(descriptor), property.plain(), chain);
      } else {
        walk(child, property.type(), chain);
      }
    }
    chain.remove(type.getRawClass());
  }

  private void items(String list, DataType type, boolean once, boolean plain, Set<Class<?>> chain) {
    DataType element = type.getContentType();
    if (element != null && TypeModel.isBean(element)) {
      String item = list + "[*]";
      boolean holds = plain && model.takesBoundValue(element);
      found.add(new Item(JsonPathPattern.compile(item), element, list, once, holds));
      walk(item, element, chain);
    }
  }

  private static boolean converted(PropertyDescriptor descriptor) {
    if (!descriptor.getGroupConversions().isEmpty()) {
      return true;
    }
    for (ContainerElementTypeDescriptor element :
        descriptor.getConstrainedContainerElementTypes()) {
      if (!element.getGroupConversions().isEmpty()) {
        return true;
      }
    }
    return false;
  }

  private static boolean cascaded(PropertyDescriptor descriptor) {
    if (descriptor.isCascaded()) {
      return true;
    }
    for (ContainerElementTypeDescriptor element :
        descriptor.getConstrainedContainerElementTypes()) {
      if (element.isCascaded()) {
        return true;
      }
    }
    return false;
  }
}
