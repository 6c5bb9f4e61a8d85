package dev.partialjson.binding;

import dev.partialjson.parser.PartialJsonException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Binds several streams that arrive interleaved, one {@link BindingSession} per key: the {@code n}
 * choices of one response, parallel tool calls (keyed by their index). (A reasoning stream is not
 * one: it goes to the answer's session, {@link BindingSession#feedReasoning}.) A session is opened
 * by the factory on a key's first delta, so each key can bind its own type (tool calls with
 * different argument records); each key ends on its own ({@link #end}) or with the rest ({@link
 * #endAll()}), and has its own result: one key's malformed or invalid input does not disturb the
 * others.
 *
 * <pre>{@code
 * SessionRouter<Integer, Object> calls =
 *     SessionRouter.create(index -> binderFor(toolNames.get(index)).open());
 * for (ToolCallDelta d : toolCallDeltas) calls.feed(d.index(), d.argumentsDelta());
 * Map<Integer, BindingResult<Object>> results = calls.endAll();
 * }</pre>
 *
 * <p>Not thread-safe, like the sessions it holds: feed it from one thread at a time.
 *
 * @param <K> the key, compared with {@code equals}
 * @param <T> what the sessions bind, a common supertype ({@code Object} for unrelated types)
 */
public final class SessionRouter<K, T> implements AutoCloseable {
  private final Function<? super K, ? extends BindingSession<? extends T>> factory;
  private final Map<K, Route<T>> routes = new LinkedHashMap<>();

  private static final class Route<T> {
    final BindingSession<? extends T> session;
    boolean failed;
    @Nullable BindingResult<T> result;

    Route(BindingSession<? extends T> session) {
      this.session = session;
    }
  }

  private SessionRouter(Function<? super K, ? extends BindingSession<? extends T>> factory) {
    this.factory = factory;
  }

  /**
   * Returns a router that opens a session for a key, on its first delta, with {@code factory}
   * (which registers the session's callbacks before handing it over).
   */
  public static <K, T> SessionRouter<K, T> create(
      Function<? super K, ? extends BindingSession<? extends T>> factory) {
    return new SessionRouter<>(Objects.requireNonNull(factory, "factory == null"));
  }

  /**
   * Feeds a text delta to the session for {@code key}, opening it first if the key is new. Returns
   * false, and feeds nothing, if that session has stopped on its input (malformed or over-limit, or
   * an invalid item under {@link FailurePolicy#FAIL_FAST}), with this delta or an earlier one; its
   * {@link #end} result says why. The other keys go on.
   *
   * @throws IllegalStateException if {@code key} has ended
   * @throws RuntimeException a callback's own exception, unchanged
   */
  public boolean feed(K key, CharSequence text) {
    Objects.requireNonNull(text, "text == null");
    Route<T> route = open(key);
    if (route.failed) {
      return false;
    }
    try {
      route.session.feed(text);
      return true;
    } catch (PartialJsonException e) {
      route.failed = true;
      return false;
    }
  }

  /**
   * Feeds {@code length} bytes of UTF-8 at {@code offset} to the session for {@code key}; see
   * {@link #feed(Object, CharSequence)}.
   *
   * @throws IllegalArgumentException if the slice lies outside the array
   */
  public boolean feed(K key, byte[] bytes, int offset, int length) {
    Objects.requireNonNull(bytes, "bytes == null");
    Route<T> route = open(key);
    if (route.failed) {
      return false;
    }
    try {
      route.session.feed(bytes, offset, length);
      return true;
    } catch (PartialJsonException e) {
      route.failed = true;
      return false;
    }
  }

  private Route<T> open(K key) {
    Objects.requireNonNull(key, "key == null");
    Route<T> route = routes.get(key);
    if (route == null) {
      BindingSession<? extends T> session =
          Objects.requireNonNull(factory.apply(key), "factory returned null");
      route = new Route<>(session);
      routes.put(key, route);
    } else if (route.result != null) {
      throw new IllegalStateException("ended: " + key);
    }
    return route;
  }

  /**
   * Ends the input for {@code key} and returns its result (see {@link BindingSession#result()});
   * calling it again returns the same result. A key that had no delta is opened and ended: its
   * result is an {@link dev.partialjson.parser.IncompleteJsonException}.
   *
   * @throws IllegalStateException if a callback's own exception stopped that session
   */
  public BindingResult<T> end(K key) {
    Objects.requireNonNull(key, "key == null");
    Route<T> route = routes.get(key);
    if (route == null) {
      route = open(key);
    }
    if (route.result == null) {
      route.result = widen(route.session.result());
    }
    return route.result;
  }

  // A result is read-only, so a BindingResult<? extends T> is safely a BindingResult<T>.
  @SuppressWarnings("unchecked")
  private static <T> BindingResult<T> widen(BindingResult<? extends T> result) {
    return (BindingResult<T>) result;
  }

  /**
   * Ends every key still open and returns every key's result, in the order the keys first came.
   * Each key is ended even if another fails.
   *
   * @throws IllegalStateException if a callback's own exception stopped a session (after ending the
   *     others; further such exceptions are suppressed into it)
   */
  public Map<K, BindingResult<T>> endAll() {
    IllegalStateException first = null;
    for (K key : routes.keySet()) {
      try {
        end(key);
      } catch (IllegalStateException e) {
        if (first == null) {
          first = e;
        } else {
          first.addSuppressed(e);
        }
      }
    }
    if (first != null) {
      throw first;
    }
    return results();
  }

  /** Returns the results of the keys that have ended so far, in the order the keys first came. */
  public Map<K, BindingResult<T>> results() {
    Map<K, BindingResult<T>> results = new LinkedHashMap<>();
    routes.forEach(
        (key, route) -> {
          if (route.result != null) {
            results.put(key, route.result);
          }
        });
    return Collections.unmodifiableMap(results);
  }

  /** Returns the session for {@code key}, or null if the key has had no delta. */
  public @Nullable BindingSession<? extends T> session(K key) {
    Route<T> route = routes.get(Objects.requireNonNull(key, "key == null"));
    return route == null ? null : route.session;
  }

  /** Returns the keys seen so far, in the order they first came; unmodifiable. */
  public Set<K> keys() {
    return Collections.unmodifiableSet(routes.keySet());
  }

  /**
   * Closes every session that has not ended (see {@link BindingSession#close()}), for a cancelled
   * response; their keys get no result. Never throws unless a {@link SessionListener} does.
   */
  @Override
  public void close() {
    for (Route<T> route : routes.values()) {
      if (route.result == null) {
        route.session.close();
      }
    }
  }
}
