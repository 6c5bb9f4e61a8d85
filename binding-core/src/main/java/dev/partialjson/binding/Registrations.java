package dev.partialjson.binding;

import dev.partialjson.binding.spi.DataType;
import dev.partialjson.parser.JsonPathPattern;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * A session's callbacks on paths while they are registered, each checked against the binder's type
 * when registered, and frozen at the first feed: the subscriptions to values and list items (which
 * {@link ClosingItems} binds and checks as they close), beginning with the items the final
 * validation cascades into, and the text callbacks. Confined to its session.
 */
final class Registrations {
  private static final String FROZEN = "callbacks must be registered before the first feed";

  private final StreamingBinder<?> binder;
  // Null once frozen.
  private @Nullable List<Subscription.Builder> subscriptions = new ArrayList<>();
  private @Nullable List<Recorder.Text> texts = new ArrayList<>();

  /** Subscribes the items the final validation cascades into (see {@link CascadedItems}). */
  Registrations(StreamingBinder<?> binder) {
    this.binder = binder;
    for (CascadedItems.Item item : binder.cascadedItems()) {
      find(item.pattern(), item.type(), true).holds = item.holds();
    }
  }

  /** Returns whether the callbacks are frozen: the session has been fed (or ended). */
  boolean frozen() {
    return subscriptions == null;
  }

  /**
   * Registers a text callback on {@code pattern}.
   *
   * @throws IllegalArgumentException if the pattern is not valid or matches no path of the type
   * @throws IllegalStateException if frozen
   */
  void text(String pattern, BindingSession.TextListener listener) {
    JsonPathPattern compiled = compile(pattern);
    binder.patternTypes().check(compiled, null);
    Objects.requireNonNull(texts, FROZEN).add(new Recorder.Text(compiled, listener));
  }

  /**
   * Returns the subscription for {@code pattern} and {@code type}, added if new, to add a consumer
   * to; {@code item} says the values are list items, validated as they close.
   *
   * @throws IllegalArgumentException as {@link BindingSession#onValue} and {@link
   *     BindingSession#onItem} say
   * @throws IllegalStateException if frozen
   */
  Subscription.Builder subscribe(String pattern, Class<?> type, boolean item) {
    Objects.requireNonNull(type, "type == null");
    JsonPathPattern compiled = compile(pattern);
    if (item && !PatternSegments.endsInItem(compiled)) {
      throw new IllegalArgumentException(
          "not a list item pattern (it must end in [*] or an index): " + pattern);
    }
    DataType javaType = binder.model().typeOf(type);
    binder.databind().refuseClassNames(javaType);
    binder.patternTypes().check(compiled, type);
    return find(compiled, javaType, item);
  }

  /** Returns {@code consumer} as a consumer of the values a subscription binds to {@code type}. */
  static Consumer<Object> cast(Consumer<?> consumer, Class<?> type) {
    Objects.requireNonNull(consumer, "consumer == null");
    @SuppressWarnings("unchecked") // the value was bound to type
    Consumer<Object> c = value -> ((Consumer<Object>) consumer).accept(type.cast(value));
    return c;
  }

  /**
   * Freezes the callbacks and hands them to {@code recorder}, the subscriptions in the order they
   * were first registered; does nothing once frozen.
   */
  void freeze(Recorder recorder) {
    List<Subscription.Builder> registered = subscriptions;
    List<Recorder.Text> text = texts;
    if (registered == null || text == null) {
      return;
    }
    subscriptions = null;
    texts = null;
    Subscription[] frozen = new Subscription[registered.size()];
    for (int i = 0; i < frozen.length; i++) {
      frozen[i] = registered.get(i).build();
    }
    recorder.use(frozen, text.toArray(new Recorder.Text[0]));
  }

  private JsonPathPattern compile(String pattern) {
    Objects.requireNonNull(pattern, "pattern == null");
    if (frozen()) {
      throw new IllegalStateException(FROZEN);
    }
    return binder.pattern(pattern);
  }

  private Subscription.Builder find(JsonPathPattern pattern, DataType type, boolean item) {
    List<Subscription.Builder> all = Objects.requireNonNull(subscriptions, FROZEN);
    Subscription.Builder found = null;
    for (Subscription.Builder s : all) {
      if (s.pattern.equals(pattern) && s.type.equals(type)) {
        found = s;
        break;
      }
    }
    if (found == null) {
      found = new Subscription.Builder(pattern, type);
      all.add(found);
    }
    found.validate |= item;
    return found;
  }
}
