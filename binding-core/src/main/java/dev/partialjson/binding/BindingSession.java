package dev.partialjson.binding;

import dev.partialjson.parser.IncompleteJsonException;
import dev.partialjson.parser.IncrementalJsonParser;
import dev.partialjson.parser.JsonPath;
import dev.partialjson.parser.PartialJsonException;
import dev.partialjson.parser.ReasoningListener;
import dev.partialjson.parser.Snapshot;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * One stream being bound: feed it deltas, get callbacks as values arrive, a typed partial value on
 * demand, and the validated final value at the end. Opened by {@link StreamingBinder#open()}.
 *
 * <pre>{@code
 * try (var session = binder.open()) {
 *   session.onText("$.goal", (path, full, delta) -> ui.goal(full));
 *   session.onItem("$.tasks[*]", Task.class, ui::addTask);     // bound and valid, at its '}'
 *   for (String delta : modelDeltas) session.feed(delta);
 *   Plan plan = session.complete();
 * }
 * }</pre>
 *
 * <p>Callbacks are registered before the first {@code feed} and called synchronously from inside
 * {@code feed} (and {@code complete}), in document order. A callback's exception (an {@link Error}
 * too) propagates out of {@code feed} and stops the session. Every list item the final validation
 * would cascade into ({@code List<@Valid Task>}, or a list at the root) is validated as it closes,
 * callback or not; the whole value is validated at the end, without validating those items again
 * (with a validator given to {@link StreamingBinder.Builder#validator}, they are, and a violation
 * found on an item is not reported again). Those items are bound once, too: the instance a callback
 * gets is the one in its parent and in the final value, wherever Jackson reads the item in its list
 * as it reads it alone (no Jackson annotation on the list's property, a plain bean deserializer);
 * elsewhere the final value is bound from the item's tokens again.
 *
 * <p>Single-use and not thread-safe: one stream, fed from one thread at a time.
 */
public final class BindingSession<T> implements AutoCloseable {

  /** Receives a string as it grows; see {@link #onText}. */
  @FunctionalInterface
  public interface TextListener {
    /**
     * Called when the string at {@code path} grew by {@code delta}; {@code full} is all of it so
     * far (a new string each call, so this costs time proportional to the string's length).
     */
    void onText(JsonPath path, String full, String delta);
  }

  private final StreamingBinder<T> binder;
  // Read here for snapshots only; fed through input, which owns whatever changes the session.
  private final IncrementalJsonParser parser;
  private final SessionMeter meter;
  private final Registrations callbacks;
  private final SessionInput<T> input;

  BindingSession(StreamingBinder<T> binder) {
    this.binder = binder;
    this.callbacks = new Registrations(binder);
    ClosingItems items = new ClosingItems(binder);
    Recorder recorder = new Recorder(binder.databind(), List.of(), List.of(), items);
    this.meter = new SessionMeter(binder.nanoTime(), recorder);
    this.parser = IncrementalJsonParser.create(binder.parserOptions(), meter);
    meter.counts(parser::bytesFed, parser::reasoningChars);
    for (Supplier<? extends SessionListener> listener : binder.sessionListeners()) {
      meter.add(Objects.requireNonNull(listener.get(), "sessionListener supplied null"));
    }
    this.input = new SessionInput<>(binder, parser, recorder, items, meter, callbacks);
  }

  /**
   * Adds hooks for this session's start, events and end, after those of the binder ({@link
   * StreamingBinder.Builder#sessionListener}); see {@link SessionListener}.
   *
   * @throws IllegalStateException if input has been fed already
   */
  public BindingSession<T> addListener(SessionListener listener) {
    Objects.requireNonNull(listener, "listener == null");
    if (callbacks.frozen()) {
      throw new IllegalStateException("listeners must be added before the first feed");
    }
    meter.add(listener);
    return this;
  }

  /**
   * Returns what the session has done so far (bytes, deltas, events, times); at any time, also
   * after it ended, when the figures stay as they were at the end.
   */
  public SessionStats stats() {
    return meter.stats();
  }

  /**
   * Records the tokens the request used, as the provider reported them, for {@link
   * SessionStats#usage()}. The SDK adapters call this from the provider's final event, before they
   * complete the session, so {@link SessionListener#completed} sees it; callable at any time, also
   * after the session ended, and the last report wins.
   */
  public BindingSession<T> reportUsage(TokenUsage usage) {
    meter.usage(Objects.requireNonNull(usage, "usage == null"));
    return this;
  }

  /**
   * Calls {@code listener} with the model's reasoning, kept apart from the answer: a think block
   * before the JSON in the text, and what the SDK adapters (or the caller) feed through {@link
   * #feedReasoning}; see {@link ReasoningListener}. Its exception stops the session as any
   * callback's does.
   *
   * @throws IllegalStateException if input has been fed already
   */
  public BindingSession<T> onReasoning(ReasoningListener listener) {
    Objects.requireNonNull(listener, "listener == null");
    if (callbacks.frozen()) {
      throw new IllegalStateException("callbacks must be registered before the first feed");
    }
    meter.add(listener);
    return this;
  }

  /**
   * Calls {@code listener} each time a string at a path matching {@code pattern} grows, with its
   * full text so far and the new piece; the pieces concatenate to the final string. An empty string
   * never grows, so it causes no call.
   *
   * @throws IllegalArgumentException if the pattern is not valid, or matches no path of the
   *     binder's type (see {@link #onValue})
   * @throws IllegalStateException if input has been fed already
   */
  public BindingSession<T> onText(String pattern, TextListener listener) {
    Objects.requireNonNull(listener, "listener == null");
    callbacks.text(pattern, listener);
    return this;
  }

  /**
   * Calls {@code consumer} with each value at a path matching {@code pattern} once it is complete,
   * bound to {@code type} (not validated). A JSON {@code null} is not passed on. A value that
   * cannot be bound to {@code type} is a failure, never skipped in silence: under {@link
   * FailurePolicy#FAIL_FAST} the {@code feed} call throws its {@link BindingException}, else it is
   * the session's error at the end ({@link #result()} has no value, {@link #complete()} throws it).
   *
   * <p>The pattern and the type are checked against the binder's type when registered. The pattern
   * must be able to match: each name a property of the type there (by its JSON name or an alias, of
   * any declared subtype, or the type id property), each index or {@code [*]} an element of a list
   * or array; under a map, an {@code Object}, a {@code JsonNode}, a bean with an any-setter, or a
   * type not read as an object of properties, anything matches. {@code type} must be able to hold
   * what the binder's type declares at those paths: that type or a supertype of it (boxed, for a
   * primitive), {@code Object} or a {@code JsonNode}, a {@code Map} for an object, a collection or
   * array for a list, {@code String} for an enum.
   *
   * @throws IllegalArgumentException if the pattern is not valid or matches no path of the binder's
   *     type, if {@code type} cannot hold what is declared there (the message names both), or if
   *     {@code type} takes class names as type ids (see {@link StreamingBinder})
   * @throws IllegalStateException if input has been fed already
   */
  public <V> BindingSession<T> onValue(
      String pattern, Class<V> type, Consumer<? super V> consumer) {
    callbacks.subscribe(pattern, type, false).values.add(Registrations.cast(consumer, type));
    return this;
  }

  /**
   * Calls {@code consumer} with each list item at a path matching {@code pattern} ({@code
   * $.tasks[*]}, {@code $[*]}, {@code $.sections[*].items[*]}) as soon as it closes, bound to
   * {@code type} and valid. An invalid item is not passed on: it is reported as the {@link
   * FailurePolicy} says, and to {@link #onCheckedItem} callbacks. Nor is an item that cannot be
   * bound to {@code type}, or whose validator throws: that is a failure, as for {@link #onValue}.
   *
   * @throws IllegalArgumentException if the pattern does not end in an array index or {@code [*]},
   *     matches no list item of the binder's type, or {@code type} cannot hold the items declared
   *     there (see {@link #onValue}), or takes class names as type ids (see {@link
   *     StreamingBinder})
   * @throws IllegalStateException if input has been fed already
   */
  public <E> BindingSession<T> onItem(String pattern, Class<E> type, Consumer<? super E> consumer) {
    callbacks.subscribe(pattern, type, true).validItems.add(Registrations.cast(consumer, type));
    return this;
  }

  /**
   * Calls {@code consumer} with each list item at a path matching {@code pattern} as soon as it
   * closes, bound to {@code type}, with its violations: valid or not, so that a UI can mark each
   * item. An item that cannot be bound to {@code type} is passed on too, with a null value and its
   * {@link BoundItem#error()}, and so is one whose validator threw (with the value, unchecked);
   * either is also a failure of the session, as for {@link #onValue}. Under {@link
   * FailurePolicy#FAIL_FAST} an invalid or failed item is passed on before {@code feed} throws.
   *
   * @throws IllegalArgumentException as {@link #onItem} does
   * @throws IllegalStateException if input has been fed already
   */
  public <E> BindingSession<T> onCheckedItem(
      String pattern, Class<E> type, Consumer<? super BoundItem<E>> consumer) {
    Objects.requireNonNull(consumer, "consumer == null");
    @SuppressWarnings("unchecked") // items of this subscription are bound to E
    Consumer<BoundItem<Object>> checked = item -> consumer.accept((BoundItem<E>) (Object) item);
    callbacks.subscribe(pattern, type, true).checkedItems.add(checked);
    return this;
  }

  /**
   * Feeds a text delta; see {@link IncrementalJsonParser#feed(CharSequence)}.
   *
   * @throws PartialJsonException if the input is malformed or over a limit, or (under {@link
   *     FailurePolicy#FAIL_FAST}) a list item it completed is invalid or cannot be bound
   * @throws IllegalStateException if the session is complete, closed, or failed before
   */
  public void feed(CharSequence text) {
    Objects.requireNonNull(text, "text == null");
    input.feed(text);
  }

  /**
   * Feeds {@code length} bytes of UTF-8 at {@code offset}; see {@link
   * IncrementalJsonParser#feed(byte[], int, int)}. Throws as {@link #feed(CharSequence)} does, and
   * {@link IllegalArgumentException} for a slice outside the array.
   */
  public void feed(byte[] bytes, int offset, int length) {
    Objects.requireNonNull(bytes, "bytes == null");
    input.feed(bytes, offset, length);
  }

  /**
   * Feeds the remaining bytes of {@code buffer} as UTF-8 and advances its position; throws as
   * {@link #feed(CharSequence)} does.
   */
  public void feed(ByteBuffer buffer) {
    Objects.requireNonNull(buffer, "buffer == null");
    input.feed(buffer);
  }

  /**
   * Feeds a piece of the model's reasoning that arrived apart from the answer; see {@link
   * IncrementalJsonParser#feedReasoning}. It goes to the {@link #onReasoning} listeners and the
   * statistics, never into the value.
   *
   * @throws IllegalStateException if the session is complete, closed, or failed before
   */
  public void feedReasoning(CharSequence text) {
    Objects.requireNonNull(text, "text == null");
    input.feedReasoning(text);
  }

  /**
   * Ends the segment of reasoning {@link #feedReasoning} opened, if one is open; see {@link
   * IncrementalJsonParser#endReasoning}.
   *
   * @throws IllegalStateException if the session is complete, closed, or failed before
   */
  public void endReasoning() {
    input.endReasoning();
  }

  /**
   * Returns the exception that stopped the session while it read its input (in a feed, or at the
   * end of the input in {@link #result()}), as it was thrown: malformed, incomplete or over-limit
   * input, an invalid item under {@link FailurePolicy#FAIL_FAST}, or a callback's own exception,
   * which {@link #result()} wraps in an {@link IllegalStateException}. Null while none has, and
   * when the input was read whole (a value that cannot be bound at the end is {@link
   * BindingResult#error()}). For adapters that hand the original exception on, such as {@code
   * DeltaSubscriber}.
   */
  public @Nullable Throwable failure() {
    return input.failure();
  }

  /**
   * Returns the target type with what has arrived so far, or null if nothing has: fields not seen
   * yet are null, or their Java default where null cannot be held (a primitive {@code int} is
   * {@code 0}: {@link #partialState()} tells such a field from one that arrived), strings as far as
   * they have arrived, lists with the items begun so far. Values that must not be shown half-done
   * stay null until complete: strings bound to anything but text (enums, numbers, dates),
   * properties marked {@link ShowWhenComplete} or by {@link
   * StreamingBinder.Builder#showWhenComplete}, and objects of a polymorphic type until their type
   * id has arrived. Available at any time, also after an error.
   *
   * <p>Built on demand from the parser's snapshot: the hidden values are found in time proportional
   * to the nesting depth, and binding costs time proportional to the document, per call.
   *
   * @throws BindingException if what has arrived cannot be bound (a string where a number is
   *     expected, say)
   * @throws IllegalStateException if the parser options disabled snapshots
   */
  public @Nullable T partial() {
    return partialState().value();
  }

  /**
   * Returns the value of {@link #partial()} with, for every path, how far it has arrived and
   * whether the value shows it ({@link Partial#state}, {@link Partial#shows}), all as of this
   * moment: what a UI needs to render a field only once something of it has arrived. Costs what
   * {@link #partial()} costs.
   *
   * @throws BindingException if what has arrived cannot be bound
   * @throws IllegalStateException if the parser options disabled snapshots
   */
  public Partial<T> partialState() {
    Snapshot snapshot = parser.snapshot();
    if (!snapshot.hasValue()) {
      return new Partial<>(null, snapshot, null);
    }
    PartialView.Visible visible = binder.view().visible(snapshot, binder.dataType());
    if (visible.value() == null) {
      return new Partial<>(null, snapshot, visible.hidden());
    }
    TokenRecorder tokens = new TokenRecorder(binder.databind(), JsonPath.root());
    tokens.tree(JsonPath.root(), visible.value());
    @SuppressWarnings("unchecked") // bound to the binder's type
    T value = (T) binder.binder().bindPartial(binder.dataType(), tokens);
    return new Partial<>(value, snapshot, visible.hidden());
  }

  /**
   * Returns how far the value at {@code path} (JSONPath, {@code $.tasks[2].title}) has arrived.
   *
   * @throws IllegalArgumentException if the path is not valid
   * @throws IllegalStateException if the parser options disabled snapshots
   */
  public FieldState state(String path) {
    return state(JsonPath.parse(Objects.requireNonNull(path, "path == null")));
  }

  /** Returns how far the value at {@code path} has arrived; see {@link #state(String)}. */
  public FieldState state(JsonPath path) {
    Objects.requireNonNull(path, "path == null");
    return Partial.stateIn(parser.snapshot(), path);
  }

  /**
   * Ends the input, then returns the final value: bound from the tokens already read and validated.
   * Calling it again returns the same value or throws the same exception.
   *
   * @throws IncompleteJsonException if the input ended before the value was complete ({@link
   *     #partial()} still shows what arrived)
   * @throws PartialJsonException the exception that stopped an earlier {@code feed}, if any
   * @throws BindingException if the value cannot be bound
   * @throws ValidationException with every violation (of the items and of the whole), if any
   * @throws IllegalStateException if a callback's own exception stopped the session
   */
  public @Nullable T complete() {
    return result().valueOrThrow();
  }

  /**
   * Ends the input and returns the outcome without throwing for what the input did wrong: the
   * value, its violations, or the error that left no value; see {@link BindingResult}. Calling it
   * again returns the same result.
   *
   * @throws IllegalStateException if a callback's own exception stopped the session
   */
  public BindingResult<T> result() {
    return input.result();
  }

  /**
   * Ends the session without completing it, for example when the caller cancels the stream: later
   * feeds throw {@link IllegalStateException}; {@link #partial()} stays available. Never throws
   * (unless a {@link SessionListener#cancelled} hook does); does nothing after {@link #complete()}
   * or {@link #result()}.
   */
  @Override
  public void close() {
    input.close();
  }
}
