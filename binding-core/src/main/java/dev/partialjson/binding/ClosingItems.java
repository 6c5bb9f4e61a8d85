package dev.partialjson.binding;

import dev.partialjson.binding.spi.DataType;
import dev.partialjson.parser.JsonPath;
import dev.partialjson.parser.PartialJsonException;
import jakarta.validation.Validator;
import java.lang.annotation.Annotation;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * What a session does with each subscribed value when it closes, in one place: binds it, validates
 * it once, keeps its violations once, calls the callbacks back, and stops the session under {@link
 * FailurePolicy#FAIL_FAST}; then binds and validates the final value alike. The values come from
 * the session's {@link Recorder}, with the {@link Subscription} they match. Confined to its
 * session.
 *
 * <p>Validated once: every list item the final validation would cascade into is validated as it
 * closes, callback or not, and with the binder's own validator factory no validation cascades into
 * those items again, in a parent item's as in the final value's (see {@link ValidatedOnce}); the
 * violations of the items inside an item count for it too. Once such an item could not be bound as
 * it closed, nothing is skipped any more: the final validation must cascade into it. With a user's
 * validator nothing is skipped, and a violation found again is not reported twice.
 *
 * <p>A value a callback waits for is never skipped in silence. If it cannot be bound to the
 * callback's type, or its validator throws, {@code onCheckedItem} callbacks get it with the {@link
 * BindingException} and the failure is reported: at once under {@link FailurePolicy#FAIL_FAST},
 * else as the session's error at the end. A value that only the final validation needs (no
 * callback) and cannot be bound is left to the final binding, which reports it where the type is
 * the declared one.
 */
final class ClosingItems implements Recorder.ItemSink, Checker.Validators {

  private record Key(JsonPath path, Class<? extends Annotation> constraint, String message) {}

  private final StreamingBinder<?> binder;
  private final Checker checker;
  private final Map<Key, Violation> violations = new LinkedHashMap<>();
  private @Nullable BindingException failure;
  private boolean skipping;
  // By depth: the list whose items of that depth were validated last, and their validator (see
  // at); made at the first item validated.
  private @Nullable JsonPath @Nullable [] lists;
  private @Nullable Validator @Nullable [] listValidators;

  ClosingItems(StreamingBinder<?> binder) {
    this.binder = binder;
    this.checker = binder.checker();
    this.skipping = checker.skipsValidated();
  }

  @Override
  public @Nullable Object closed(Subscription s, TokenRecorder tokens) {
    JsonPath path = tokens.root();
    Object value;
    try {
      value = binder.binder().bind(s.type, tokens);
    } catch (BindingException e) {
      if (s.validate) {
        skipping = false; // an item not validated here: the final validation must cascade into it
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
      found = checker.validate(value, path, skipping ? this : null);
    } catch (BindingException e) { // a validator threw: the item is bound but not checked
      hand(s, new BoundItem<>(path, value, List.of(), e));
      fail(e);
      return value;
    }
    if (skipping) {
      // Items inside this one were validated as they closed, not again here: theirs count too.
      found = under(path, found);
    }
    addAll(found);
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

  /**
   * Returns the validator for a bean at {@code base}. It depends on the pattern alone, and the
   * items of lists of one pattern share it, so an item's is looked up only when the pattern of the
   * list at its depth changed, not per list or item: the list last seen is kept by depth, since a
   * list's items and its parent's come in turn ({@code $.sections[0].items[*]}, {@code
   * $.sections[0]}, {@code $.sections[1].items[*]}, ...).
   */
  @Override
  public Validator at(JsonPath base) {
    JsonPath list = base.parent();
    if (!base.isIndex() || list == null) {
      return checker.at(Checker.pattern(base)); // a bean at a field: the root, or a callback's
    }
    int depth = list.depth();
    JsonPath[] known = lists;
    Validator[] validators = listValidators;
    if (known == null || validators == null || depth >= known.length) {
      int size = Math.max(depth + 1, known == null ? 4 : 2 * known.length);
      known = known == null ? new JsonPath[size] : Arrays.copyOf(known, size);
      validators = validators == null ? new Validator[size] : Arrays.copyOf(validators, size);
      lists = known;
      listValidators = validators;
    }
    Validator found = validators[depth];
    if (found == null || !samePattern(list, known[depth])) {
      found = checker.at(Checker.pattern(base));
      validators[depth] = found;
    }
    known[depth] = list; // the next item of this list is then found at the first comparison
    return found;
  }

  /**
   * Returns whether two paths have one pattern ({@link Checker#pattern}): the same names where each
   * has a name, an index where each has one. Walks up to the first ancestor they share, without
   * making the pattern: {@code $.sections[3].items} against {@code $.sections[2].items} is three
   * steps.
   */
  static boolean samePattern(@Nullable JsonPath a, @Nullable JsonPath b) {
    if (a == null || b == null || a.depth() != b.depth()) {
      return a == b;
    }
    while (a != b) { // one depth, so both reach the root together, at the latest
      if (a.isIndex() != b.isIndex() || (a.isField() && !a.name().equals(b.name()))) {
        return false;
      }
      a = Objects.requireNonNull(a.parent());
      b = Objects.requireNonNull(b.parent());
    }
    return true;
  }

  /**
   * Binds the final value from {@code whole} and validates it, without validating again the items
   * validated as they closed; or, with {@code failure}, returns it with the violations found so
   * far. The final binding's error comes first: it is the earliest in the document. Else a value a
   * callback waited for and did not get (or whose validator threw) fails the result.
   */
  BindingResult<Object> result(
      DataType type, TokenRecorder whole, @Nullable PartialJsonException failure) {
    if (failure != null) {
      return new BindingResult<>(null, violations(), failure);
    }
    BindingException failed;
    try {
      Object value = binder.binder().bind(type, whole);
      failed = this.failure;
      if (failed == null) {
        addAll(checker.validate(value, JsonPath.root(), skipping ? this : null));
        return new BindingResult<>(value, violations(), null);
      }
    } catch (BindingException e) {
      failed = e; // cannot be bound, or a validator threw
    }
    return new BindingResult<>(null, violations(), failed);
  }

  /** Returns every violation found so far, each once, in document order. */
  List<Violation> violations() {
    List<Violation> out = new ArrayList<>(violations.values());
    out.sort(Checker.DOCUMENT_ORDER);
    return out;
  }

  private void addAll(List<Violation> found) {
    for (Violation v : found) {
      violations.putIfAbsent(new Key(v.path(), v.constraint(), v.message()), v);
    }
  }

  /**
   * Returns {@code own} and the violations found so far at or below {@code path}, each once, in
   * document order: those of an item and of the items inside it, validated as they closed.
   */
  private List<Violation> under(JsonPath path, List<Violation> own) {
    Map<Key, Violation> out = new LinkedHashMap<>();
    for (Violation v : own) {
      out.putIfAbsent(new Key(v.path(), v.constraint(), v.message()), v);
    }
    for (Map.Entry<Key, Violation> e : violations.entrySet()) {
      if (e.getKey().path().startsWith(path)) {
        out.putIfAbsent(e.getKey(), e.getValue());
      }
    }
    if (out.size() == own.size()) {
      return own;
    }
    List<Violation> all = new ArrayList<>(out.values());
    all.sort(Checker.DOCUMENT_ORDER);
    return all;
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
