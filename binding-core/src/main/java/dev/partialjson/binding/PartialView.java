package dev.partialjson.binding;

import dev.partialjson.binding.spi.DataType;
import dev.partialjson.binding.spi.Databind;
import dev.partialjson.parser.JsonPath;
import dev.partialjson.parser.JsonPathPattern;
import dev.partialjson.parser.Snapshot;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Decides what of a snapshot a partial value may show. Everything complete is shown; only the
 * values still open (the chain of containers down to the growing string, {@link
 * Snapshot#openPaths()}) are looked at, so this costs time proportional to the nesting depth. An
 * open value is hidden when:
 *
 * <ul>
 *   <li>it is a growing string whose target is not text (an enum, a number, a date, a UUID: half of
 *       one is a different value or none);
 *   <li>its property is marked {@link ShowWhenComplete}, or its path matches a pattern given to
 *       {@link StreamingBinder.Builder#showWhenComplete(String...)};
 *   <li>it is an object of a polymorphic type whose type id property has not arrived whole (or
 *       whose type id is not a property at all).
 * </ul>
 *
 * <p>A hidden value is left out of its parent, so the bound partial value has null there (or a
 * shorter list). The parents along the open chain are copied shallowly; the rest is shared. As only
 * open values are hidden, and they form one chain, at most one path is hidden (with what lies below
 * it): {@link Visible#hidden()}.
 */
final class PartialView {
  private static final Object HIDDEN = new Object();

  private final TypeModel model;
  private final List<JsonPathPattern> marked;

  PartialView(TypeModel model, List<JsonPathPattern> marked) {
    this.model = model;
    this.marked = marked;
  }

  /**
   * What a partial value may show: {@code value} (null for nothing at all), and the one open path
   * left out of it, or null.
   */
  record Visible(@Nullable Object value, @Nullable JsonPath hidden) {}

  /** Returns the visible part of the snapshot's value. */
  Visible visible(Snapshot snapshot, DataType rootType) {
    List<JsonPath> open = snapshot.openPaths();
    JsonPath[] hidden = new JsonPath[1];
    Object result = prune(snapshot.value(), rootType, false, 0, open, hidden);
    return new Visible(result == HIDDEN ? null : result, hidden[0]);
  }

  /** Returns the value at {@code open[i]}, pruned, or {@link #HIDDEN} (noting its path). */
  private @Nullable Object prune(
      @Nullable Object value,
      DataType type,
      boolean markedProperty,
      int i,
      List<JsonPath> open,
      JsonPath[] hidden) {
    if (i >= open.size()) {
      return value; // complete
    }
    JsonPath path = open.get(i);
    Object pruned = pruneOpen(value, type, markedProperty, i, open, hidden);
    if (pruned == HIDDEN && hidden[0] == null) {
      hidden[0] = path;
    }
    return pruned;
  }

  private @Nullable Object pruneOpen(
      @Nullable Object value,
      DataType type,
      boolean markedProperty,
      int i,
      List<JsonPath> open,
      JsonPath[] hidden) {
    JsonPath path = open.get(i);
    if (markedProperty || matchesMarked(path)) {
      return HIDDEN;
    }
    if (value instanceof String) {
      return showsPartialText(type) ? value : HIDDEN;
    }
    DataType concrete = type;
    Databind.Polymorphism polymorphism = model.polymorphism(type);
    if (polymorphism != null) {
      DataType subtype = subtype(polymorphism, value, path, open, i);
      if (subtype == null) {
        return HIDDEN;
      }
      concrete = subtype;
    }
    if (i + 1 >= open.size()) {
      return value;
    }
    JsonPath child = open.get(i + 1);
    if (value instanceof Map<?, ?> map && child.isField()) {
      Databind.Property property = null;
      DataType childType;
      if (concrete.isMapLikeType()) {
        childType = concrete.getContentType();
      } else {
        property = model.byJsonName(concrete, child.name());
        childType = property == null ? model.objectType() : property.type();
      }
      boolean childMarked = property != null && property.showWhenComplete();
      Object pruned = prune(map.get(child.name()), childType, childMarked, i + 1, open, hidden);
      Map<Object, Object> copy = new LinkedHashMap<>(map);
      if (pruned == HIDDEN) {
        copy.remove(child.name());
      } else {
        copy.put(child.name(), pruned);
      }
      return copy;
    }
    if (value instanceof List<?> list && child.isIndex() && child.arrayIndex() < list.size()) {
      DataType content = concrete.getContentType();
      DataType childType = content == null ? model.objectType() : content;
      Object pruned = prune(list.get(child.arrayIndex()), childType, false, i + 1, open, hidden);
      List<Object> copy = new ArrayList<>(list);
      if (pruned == HIDDEN) {
        copy.remove(child.arrayIndex());
      } else {
        copy.set(child.arrayIndex(), pruned);
      }
      return copy;
    }
    return value;
  }

  private boolean matchesMarked(JsonPath path) {
    for (JsonPathPattern pattern : marked) {
      if (pattern.matches(path)) {
        return true;
      }
    }
    return false;
  }

  /** Returns the subtype named by the object's complete type id, or null if not there yet. */
  private static @Nullable DataType subtype(
      Databind.Polymorphism polymorphism,
      @Nullable Object value,
      JsonPath path,
      List<JsonPath> open,
      int i) {
    String property = polymorphism.typeProperty();
    if (property.isEmpty() || !(value instanceof Map<?, ?> map)) {
      return null;
    }
    boolean idOpen = i + 1 < open.size() && open.get(i + 1).equals(path.field(property));
    if (idOpen || !(map.get(property) instanceof String id)) {
      return null;
    }
    return polymorphism.subtypes().get(id);
  }

  private static boolean showsPartialText(DataType type) {
    Class<?> raw = type.getRawClass();
    return raw == String.class || raw == CharSequence.class || raw == Object.class || type.isTree();
  }
}
