package dev.partialjson.binding;

/** What a {@link BindingSession} does when a list item turns out invalid while streaming. */
public enum FailurePolicy {
  /**
   * Stops at the first invalid list item: the {@code feed} call that completed it throws a {@link
   * ValidationException} with that item's violations, and the session takes no more input, so the
   * caller can cancel the upstream request. An item that cannot be bound at all, or whose validator
   * throws, throws a {@link BindingException} the same way.
   */
  FAIL_FAST,
  /**
   * Reads the whole input and reports every violation at the end, from {@link
   * BindingSession#complete()} or {@link BindingSession#result()}. Invalid items still reach the
   * callbacks registered with {@link BindingSession#onCheckedItem}. A value a callback waits for
   * that cannot be bound, or whose validator throws, does not stop the input either: the first such
   * failure is the session's error at the end.
   */
  COLLECT_ALL
}
