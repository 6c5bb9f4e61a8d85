package dev.partialjson.binding;

import dev.partialjson.binding.spi.DataType;
import dev.partialjson.parser.JsonPathPattern;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * The values at paths matching one pattern, bound to one type, and who wants them: completed-value
 * consumers, valid-item consumers and checked-item consumers. Callbacks on the same pattern and
 * type share one subscription, so each value is bound (and validated) once. Confined to its
 * session.
 */
final class Subscription {
  final JsonPathPattern pattern;
  final DataType type;
  boolean validate;
  // Its values stand in for their tokens in the values around them (see Recorder): set for the
  // items the final validation cascades into, where databind takes the bound item as it is.
  boolean holds;
  final List<Consumer<Object>> values = new ArrayList<>(1);
  final List<Consumer<Object>> validItems = new ArrayList<>(1);
  final List<Consumer<BoundItem<Object>>> checkedItems = new ArrayList<>(1);

  Subscription(JsonPathPattern pattern, DataType type, boolean validate) {
    this.pattern = pattern;
    this.type = type;
    this.validate = validate;
  }

  /** Returns whether a callback waits for these values (not only the final validation). */
  boolean wanted() {
    return !values.isEmpty() || !validItems.isEmpty() || !checkedItems.isEmpty();
  }

  /**
   * Returns {@code consumer} as a consumer of the values this subscription binds to {@code type}.
   */
  static Consumer<Object> cast(Consumer<?> consumer, Class<?> type) {
    Objects.requireNonNull(consumer, "consumer == null");
    @SuppressWarnings("unchecked") // the value was bound to type
    Consumer<Object> c = value -> ((Consumer<Object>) consumer).accept(type.cast(value));
    return c;
  }

  /** Returns the subscription for pattern and type in {@code all}, added if new. */
  static Subscription find(List<Subscription> all, JsonPathPattern pattern, DataType type) {
    for (Subscription s : all) {
      if (s.pattern.equals(pattern) && s.type.equals(type)) {
        return s;
      }
    }
    Subscription added = new Subscription(pattern, type, false);
    all.add(added);
    return added;
  }
}
