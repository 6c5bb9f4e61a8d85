package dev.partialjson.binding;

import dev.partialjson.parser.JsonPath;
import dev.partialjson.parser.Snapshot;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The value a {@link BindingSession} has bound so far, with how far each of its parts has arrived,
 * taken at one moment by {@link BindingSession#partialState()}. A bound value cannot say what has
 * not arrived: a field not yet seen is null, but a primitive one holds its default ({@code 0},
 * {@code false}), and a value hidden until complete (an enum still being written) is null while it
 * streams. So a UI asks {@link #shows} before it renders a field, and {@link #state} to mark one
 * still arriving:
 *
 * <pre>{@code
 * Partial<Estimates> now = session.partialState();
 * List<Estimate> rows = now.value() == null ? null : now.value().estimates();
 * for (int i = 0; rows != null && i < rows.size(); i++) {
 *   String hours = now.shows("$.estimates[" + i + "].hours") ? rows.get(i).hours() + " h" : "…";
 *   ui.row(rows.get(i).title(), hours);                // never "0 h" for hours not yet written
 * }
 * }</pre>
 *
 * <p>Immutable and thread-safe: it never changes after it is taken, so it may be handed to a UI
 * thread while the session goes on.
 *
 * @param <T> the binder's type
 */
public final class Partial<T> {
  private final @Nullable T value;
  private final Snapshot snapshot;
  private final @Nullable JsonPath hidden;

  Partial(@Nullable T value, Snapshot snapshot, @Nullable JsonPath hidden) {
    this.value = value;
    this.snapshot = snapshot;
    this.hidden = hidden;
  }

  /**
   * Returns the value so far, as {@link BindingSession#partial()} does: null if nothing has arrived
   * (or the root is hidden, or JSON {@code null}).
   */
  public @Nullable T value() {
    return value;
  }

  /**
   * Returns how far the value at {@code path} (JSONPath, {@code $.tasks[2].title}) had arrived when
   * this was taken.
   *
   * @throws IllegalArgumentException if the path is not valid
   */
  public FieldState state(String path) {
    return state(JsonPath.parse(Objects.requireNonNull(path, "path == null")));
  }

  /** Returns how far the value at {@code path} had arrived; see {@link #state(String)}. */
  public FieldState state(JsonPath path) {
    Objects.requireNonNull(path, "path == null");
    return stateIn(snapshot, path);
  }

  /**
   * Returns whether {@link #value()} shows what arrived at {@code path}: the value there has begun
   * (a string as far as it arrived, an object or list with the parts that arrived, a number or
   * literal once whole) and is not hidden until complete. False means the value holds nothing of
   * the input there: null, or a primitive's default. A path that the binder's type does not bind
   * (an unknown property) may show as true though the value has no place for it.
   *
   * @throws IllegalArgumentException if the path is not valid
   */
  public boolean shows(String path) {
    return shows(JsonPath.parse(Objects.requireNonNull(path, "path == null")));
  }

  /** Returns whether {@link #value()} shows what arrived at {@code path}; see {@link #shows}. */
  public boolean shows(JsonPath path) {
    Objects.requireNonNull(path, "path == null");
    return snapshot.contains(path) && (hidden == null || !path.startsWith(hidden));
  }

  /** Returns how far the value at {@code path} has arrived in {@code snapshot}. */
  static FieldState stateIn(Snapshot snapshot, JsonPath path) {
    if (!snapshot.contains(path)) {
      return FieldState.NOT_STARTED;
    }
    return snapshot.openPaths().contains(path) ? FieldState.STREAMING : FieldState.COMPLETE;
  }

  /** Returns the value and the paths that were hidden, for debugging. */
  @Override
  public String toString() {
    return "Partial{" + value + (hidden == null ? "" : ", hidden from " + hidden) + "}";
  }
}
