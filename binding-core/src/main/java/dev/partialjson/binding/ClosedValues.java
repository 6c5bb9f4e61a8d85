package dev.partialjson.binding;

import dev.partialjson.parser.JsonPath;
import java.util.List;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * The session's {@link Recorder.ItemSink}: binds, validates and hands on each subscribed value as
 * it closes, and keeps what the session reports at the end: the violations found so far, and the
 * first failure of a value that could not be bound or checked. Confined to its session.
 *
 * <p>A value a callback waits for is never skipped in silence. If it cannot be bound to the
 * callback's type, or its validator throws, {@code onCheckedItem} callbacks get it with the {@link
 * BindingException} and the failure is reported: at once under {@link FailurePolicy#FAIL_FAST},
 * else as the session's error at the end. A value that only the final validation needs (no
 * callback) and cannot be bound is left to the final binding, which reports it where the type is
 * the declared one.
 */
final class ClosedValues implements Recorder.ItemSink {
  private final StreamingBinder<?> binder;
  private final Checker.Scope checks;
  private final Violations violations = new Violations();
  private @Nullable BindingException failure;

  ClosedValues(StreamingBinder<?> binder, Checker.Scope checks) {
    this.binder = binder;
    this.checks = checks;
  }

  /** Returns every violation found in the values that closed so far. */
  Violations violations() {
    return violations;
  }

  /** Returns the first value that could not be bound or checked under COLLECT_ALL, or null. */
  @Nullable BindingException failure() {
    return failure;
  }

  @Override
  public @Nullable Object closed(Subscription s, TokenRecorder tokens) {
    JsonPath path = tokens.root();
    Object value;
    try {
      value = binder.binder().bind(s.type, tokens);
    } catch (BindingException e) {
      if (s.validate) {
        checks.missed(); // an item not validated here: the final validation must cascade into it
      }
      if (s.wanted()) {
        hand(s, new BoundItem<>(path, null, List.of(), e));
        fail(e);
      } else if (binder.failurePolicy() == FailurePolicy.FAIL_FAST) {
        throw e;
      }
      return Recorder.NOT_BOUND;
    }
    if (value == null) {
      return null;
    }
    for (Consumer<Object> c : s.values) {
      c.accept(value);
    }
    if (!s.validate) {
      return value;
    }
    List<Violation> found;
    try {
      found = checks.validate(value, path);
    } catch (BindingException e) { // a validator threw: the item is bound but not checked
      hand(s, new BoundItem<>(path, value, List.of(), e));
      fail(e);
      return value;
    }
    if (checks.cutting()) {
      // Items inside this one were validated as they closed, not again here: theirs count too.
      found = violations.under(path, found);
    }
    violations.addAll(found);
    hand(s, new BoundItem<>(path, value, found));
    if (!found.isEmpty() && binder.failurePolicy() == FailurePolicy.FAIL_FAST) {
      throw new ValidationException(path, found);
    }
    if (found.isEmpty()) {
      for (Consumer<Object> c : s.validItems) {
        c.accept(value);
      }
    }
    return value;
  }

  private static void hand(Subscription s, BoundItem<Object> item) {
    for (Consumer<BoundItem<Object>> c : s.checkedItems) {
      c.accept(item);
    }
  }

  /** Stops the session under FAIL_FAST; else keeps the first failure for the end. */
  private void fail(BindingException e) {
    if (binder.failurePolicy() == FailurePolicy.FAIL_FAST) {
      throw e;
    }
    if (failure == null) {
      failure = e;
    }
  }
}
