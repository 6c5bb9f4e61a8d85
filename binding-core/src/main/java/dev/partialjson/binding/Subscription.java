package dev.partialjson.binding;

import dev.partialjson.binding.spi.DataType;
import dev.partialjson.parser.JsonPathPattern;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The values at paths matching one pattern, bound to one type, and who wants them: completed-value
 * consumers, valid-item consumers and checked-item consumers. Callbacks on the same pattern and
 * type share one subscription, so each value is bound (and validated) once. Made by {@link
 * ClosingItems} when the session's registrations are frozen, at the first feed; immutable.
 */
final class Subscription {
  final JsonPathPattern pattern;
  final DataType type;

  /** Whether its values are validated as they close: list items, of a callback or the cascade. */
  final boolean validate;

  /**
   * Whether its values stand in for their tokens in the values around them (see {@link Recorder}):
   * set for the items the final validation cascades into, where databind takes the bound item as it
   * is.
   */
  final boolean holds;

  final List<Consumer<Object>> values;
  final List<Consumer<Object>> validItems;
  final List<Consumer<BoundItem<Object>>> checkedItems;

  /** Returns a subscription that no callback waits for, so that a recorder can be tried alone. */
  Subscription(JsonPathPattern pattern, DataType type, boolean validate, boolean holds) {
    this.pattern = pattern;
    this.type = type;
    this.validate = validate;
    this.holds = holds;
    this.values = List.of();
    this.validItems = List.of();
    this.checkedItems = List.of();
  }

  private Subscription(Builder b) {
    this.pattern = b.pattern;
    this.type = b.type;
    this.validate = b.validate;
    this.holds = b.holds;
    this.values = List.copyOf(b.values);
    this.validItems = List.copyOf(b.validItems);
    this.checkedItems = List.copyOf(b.checkedItems);
  }

  /** Returns whether a callback waits for these values (not only the final validation). */
  boolean wanted() {
    return !values.isEmpty() || !validItems.isEmpty() || !checkedItems.isEmpty();
  }

  /** A subscription while callbacks are registered, before the first feed. */
  static final class Builder {
    final JsonPathPattern pattern;
    final DataType type;
    boolean validate;
    boolean holds;
    final List<Consumer<Object>> values = new ArrayList<>(1);
    final List<Consumer<Object>> validItems = new ArrayList<>(1);
    final List<Consumer<BoundItem<Object>>> checkedItems = new ArrayList<>(1);

    Builder(JsonPathPattern pattern, DataType type) {
      this.pattern = pattern;
      this.type = type;
    }

    Subscription build() {
      return new Subscription(this);
    }
  }
}
