package dev.partialjson.binding;

/** How far the value at a JSON path has arrived; see {@link BindingSession#state}. */
public enum FieldState {
  /** Nothing of the value has arrived: a key whose value has not begun is not started either. */
  NOT_STARTED,
  /** The value has begun and is still open: a growing string, an open object or array. */
  STREAMING,
  /** The value has arrived whole. */
  COMPLETE
}
