package dev.partialjson.binding;

import dev.partialjson.binding.spi.DataType;
import dev.partialjson.binding.spi.Databind;
import dev.partialjson.parser.JsonPathPattern;
import dev.partialjson.parser.ParserOptions;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Binds JSON that arrives in pieces to a Java type: a record, a class, or a generic type such as
 * {@code List<Task>} or {@code Map<String, Score>}. Made once per target type, it opens a {@link
 * BindingSession} per stream.
 *
 * <pre>{@code
 * StreamingBinder<Plan> binder = StreamingBinder.of(Plan.class);
 * try (var session = binder.open()) {
 *   session.onItem("$.tasks[*]", Task.class, ui::addTask);
 *   for (String delta : modelDeltas) session.feed(delta);
 *   Plan plan = session.complete();
 * }
 * }</pre>
 *
 * <p>Values are bound by the binder's Jackson mapper (Jackson annotations and the mapper's settings
 * apply), Jackson 2's {@code ObjectMapper} through {@code partialjson-binding} or Jackson 3's
 * through {@code partialjson-binding-jackson3}, given with {@link Builder#databind} or found on the
 * class path, and checked by its Jakarta {@link Validator}. Without configuration it uses that
 * Jackson's mapper with unknown properties ignored and a Hibernate Validator that needs no
 * expression language; both are made once per binder.
 *
 * <p>Model output is untrusted input, and it never chooses a Java class. A type id in the JSON
 * resolves only to a subtype the target declares ({@code @JsonTypeInfo(use = Id.NAME)} with
 * {@code @JsonSubTypes}); any other id, a class name included, fails the value with a {@link
 * BindingException} naming its path and the id, as its item closes or at the end. {@code Object}
 * properties bind as plain maps, lists, strings, numbers and booleans, whatever they contain. To
 * keep it so, a mapper with default typing activated is refused (with {@link
 * IllegalArgumentException}), and {@link Builder#build()} refuses a target through which databind
 * would read a class-name type id ({@code Id.CLASS}, {@code Id.MINIMAL_CLASS}, or an id resolver
 * that reads class names) anywhere: on a class, a subtype or a property, through
 * {@code @JsonDeserialize(as, contentAs, keyAs)}, a builder's with-methods, a creator's parameters,
 * an any-setter, a module's abstract type mapping, with the mapper's mix-ins; {@link
 * BindingSession}'s callbacks refuse such types too. The mapper a binder reads with (the default
 * one, or its copy of the caller's) also denies every class-name type id before loading the class,
 * on routes no build-time check can see (a custom deserializer).
 *
 * <p>Immutable and thread-safe: share one binder between threads and streams.
 */
public final class StreamingBinder<T> {
  /** How many compiled patterns a binder keeps; past that, each is compiled when asked. */
  private static final int MAX_PATTERNS = 256;

  private final Type requested;
  private final DataType type;
  private final Databind databind;
  private final ParserOptions options;
  private final FailurePolicy policy;
  private final Binder binder;
  private final Checker checker;
  private final TypeModel model;
  private final PartialView view;
  private final PatternTypes patternTypes;
  private final List<CascadedItems.Item> items;
  private final LongSupplier nanoTime;
  private final List<Supplier<? extends SessionListener>> listeners;
  private final PropertyOrder propertyOrder;
  private final Map<String, JsonPathPattern> patterns = new ConcurrentHashMap<>(); // see pattern

  private StreamingBinder(Builder<T> builder) {
    this.databind = builder.databind != null ? builder.databind : Defaults.databind();
    // Only a factory of ours can hand out validators that skip items already validated.
    ValidatorFactory factory = builder.validator != null ? null : Defaults.validatorFactory();
    Validator validator = factory != null ? factory.getValidator() : builder.validator;
    this.requested = builder.type;
    this.model = new TypeModel(databind);
    this.type = databind.constructType(builder.type);
    databind.refuseClassNames(type);
    this.options = builder.options;
    this.policy = builder.policy;
    this.binder = new Binder(databind);
    this.view = new PartialView(model, List.copyOf(builder.marked));
    this.patternTypes = new PatternTypes(type, model);
    this.items = CascadedItems.of(type, model, validator);
    Set<String> once = new HashSet<>();
    for (CascadedItems.Item item : items) {
      if (item.once()) {
        once.add(item.list());
      }
    }
    this.checker = new Checker(validator, factory, model, once);
    this.nanoTime = builder.nanoTime;
    this.listeners = List.copyOf(builder.listeners);
    this.propertyOrder = builder.propertyOrder;
  }

  /** Returns a binder for {@code type} with the default mapper, validator and options. */
  public static <T> StreamingBinder<T> of(Class<T> type) {
    return builder(type).build();
  }

  /**
   * Returns a binder for a generic type with the defaults, for example {@code
   * StreamingBinder.of(new GenericType<List<Task>>() {})}.
   */
  public static <T> StreamingBinder<T> of(GenericType<T> type) {
    return builder(type).build();
  }

  /** Returns a builder for a binder of {@code type}. */
  public static <T> Builder<T> builder(Class<T> type) {
    return new Builder<>(Objects.requireNonNull(type, "type == null"));
  }

  /** Returns a builder for a binder of a generic type. */
  public static <T> Builder<T> builder(GenericType<T> type) {
    return new Builder<>(Objects.requireNonNull(type, "type == null").type());
  }

  /** Returns a new session, single-use and confined to one thread at a time. */
  public BindingSession<T> open() {
    return new BindingSession<>(this);
  }

  /** Returns the target type, as given to {@link #builder}. */
  public Type type() {
    return requested;
  }

  /**
   * Returns the class of the target type, without its type arguments: {@code List} for a binder of
   * {@code List<Task>}. Adapters name a schema after it.
   */
  public Class<?> rawType() {
    return type.getRawClass();
  }

  /**
   * Returns the target type as the binder's databind resolved it, in reflection's terms: a class,
   * or a {@code ParameterizedType} whose arguments are resolved the same way (a type variable in
   * the type given to {@link #builder} stands for what the databind resolved it to; an array type
   * is its class). {@code ModelSchema} (partialjson-schema) describes this type.
   */
  public Type resolvedType() {
    return ReflectedType.of(type);
  }

  /**
   * Returns the order in which {@code ModelSchema.of(StreamingBinder, SchemaMode)}
   * (partialjson-schema) lists the target's properties. Sessions do not depend on it: they bind the
   * properties in any order.
   */
  public PropertyOrder propertyOrder() {
    return propertyOrder;
  }

  /** Returns the target type as the databind resolved it. */
  DataType dataType() {
    return type;
  }

  /** Returns the databind that binds values: its Jackson and mapper. */
  Databind databind() {
    return databind;
  }

  /** Returns the options the sessions' parsers are made with. */
  public ParserOptions parserOptions() {
    return options;
  }

  /** Returns what sessions do with an invalid list item. */
  public FailurePolicy failurePolicy() {
    return policy;
  }

  /**
   * Returns {@code pattern} compiled. Sessions register the same few patterns over and over, so
   * they are compiled once per binder (up to a bound: a caller may build patterns from data).
   *
   * @throws IllegalArgumentException if it is not a valid pattern
   */
  JsonPathPattern pattern(String pattern) {
    JsonPathPattern compiled = patterns.get(pattern);
    if (compiled == null) {
      compiled = JsonPathPattern.compile(pattern);
      if (patterns.size() < MAX_PATTERNS) {
        patterns.put(pattern, compiled);
      }
    }
    return compiled;
  }

  Binder binder() {
    return binder;
  }

  Checker checker() {
    return checker;
  }

  TypeModel model() {
    return model;
  }

  PartialView view() {
    return view;
  }

  PatternTypes patternTypes() {
    return patternTypes;
  }

  List<CascadedItems.Item> cascadedItems() {
    return items;
  }

  LongSupplier nanoTime() {
    return nanoTime;
  }

  List<Supplier<? extends SessionListener>> sessionListeners() {
    return listeners;
  }

  /**
   * Builds a {@link StreamingBinder}; not thread-safe. Every setting has a default, so {@code
   * build()} alone works.
   */
  public static final class Builder<T> {
    private final Type type;
    private @Nullable Databind databind;
    private @Nullable Validator validator;
    private ParserOptions options = ParserOptions.defaults();
    private FailurePolicy policy = FailurePolicy.COLLECT_ALL;
    private final List<JsonPathPattern> marked = new ArrayList<>();
    private LongSupplier nanoTime = System::nanoTime;
    private final List<Supplier<? extends SessionListener>> listeners = new ArrayList<>();
    private PropertyOrder propertyOrder = PropertyOrder.DECLARATION;

    private Builder(Type type) {
      this.type = type;
    }

    /**
     * Sets the Jackson mapper that binds values, as the Jackson side's factory wraps it: {@code
     * Jackson2Databind.of(objectMapper)} ({@code partialjson-binding}, Jackson 2) or {@code
     * Jackson3Databind.of(jsonMapper)} ({@code partialjson-binding-jackson3}, Jackson 3). Its
     * annotations handling, naming strategy, modules and features apply (partial values relax only
     * what a half-arrived value cannot satisfy: unknown and missing properties, nulls for
     * primitives). The factory works on a copy of the mapper whose polymorphic type validator
     * denies every class-name type id: what is changed on the mapper afterwards does not reach the
     * binder. Default: the one Jackson side on the class path, with that Jackson's defaults and
     * unknown properties ignored.
     */
    public Builder<T> databind(Databind databind) {
      this.databind = Objects.requireNonNull(databind, "databind == null");
      return this;
    }

    /**
     * Sets the validator. Default: Hibernate Validator with parameter-only message interpolation,
     * which needs no Jakarta Expression Language implementation. With the default, an item
     * validated as it closed is not validated again inside its parent or the final value; a
     * validator given here cannot be told to skip it (its factory's traversable resolver is its
     * own), so such items are validated again there, and only the reporting of what they break is
     * deduplicated.
     */
    public Builder<T> validator(Validator validator) {
      this.validator = Objects.requireNonNull(validator, "validator == null");
      return this;
    }

    /**
     * Sets how the input is read: model text or plain JSON, strict or lenient syntax, limits,
     * snapshots (needed for {@link BindingSession#partial()} and {@link BindingSession#state}).
     * Default: {@link ParserOptions#defaults()}.
     */
    public Builder<T> parserOptions(ParserOptions options) {
      this.options = Objects.requireNonNull(options, "options == null");
      return this;
    }

    /**
     * Sets what sessions do with an invalid list item. Default: {@link FailurePolicy#COLLECT_ALL}.
     */
    public Builder<T> failurePolicy(FailurePolicy policy) {
      this.policy = Objects.requireNonNull(policy, "policy == null");
      return this;
    }

    /**
     * Marks values that {@link BindingSession#partial()} shows only once complete, by JSONPath
     * pattern ({@code $.tasks[*].url}), as {@link ShowWhenComplete} does on a property.
     *
     * @throws IllegalArgumentException if a pattern is not valid
     */
    public Builder<T> showWhenComplete(String... patterns) {
      for (String pattern : patterns) {
        marked.add(JsonPathPattern.compile(Objects.requireNonNull(pattern, "pattern == null")));
      }
      return this;
    }

    /**
     * Sets the clock that {@link BindingSession#stats()} reads, in nanoseconds from any fixed
     * origin, as {@link System#nanoTime()} (the default) counts them. Tests pass a fake clock.
     */
    public Builder<T> nanoTime(LongSupplier nanoTime) {
      this.nanoTime = Objects.requireNonNull(nanoTime, "nanoTime == null");
      return this;
    }

    /**
     * Adds hooks to every session this binder opens: {@code listener} is called once per session,
     * when it opens, for that session's {@link SessionListener} (a new one for per-session state
     * such as a tracing span, or the same stateless one every time).
     */
    public Builder<T> sessionListener(Supplier<? extends SessionListener> listener) {
      listeners.add(Objects.requireNonNull(listener, "listener == null"));
      return this;
    }

    /**
     * Sets the order in which the target's schema ({@code ModelSchema.of(StreamingBinder,
     * SchemaMode)} in partialjson-schema, which the SDK adapters send) lists properties, and so the
     * order a model writes them in: {@link PropertyOrder#STREAMING} puts identifiers, enums and
     * other short values before prose and lists. Default: {@link PropertyOrder#DECLARATION}.
     */
    public Builder<T> propertyOrder(PropertyOrder order) {
      this.propertyOrder = Objects.requireNonNull(order, "order == null");
      return this;
    }

    /**
     * Returns the binder. Makes the default mapper and validator, if needed, here.
     *
     * @throws IllegalArgumentException if databind would read a class-name type id ({@code
     *     Id.CLASS}, {@code Id.MINIMAL_CLASS}, an id resolver that reads class names) anywhere in
     *     the target type; the message names the class or property
     * @throws IllegalStateException if no databind was given and there is not exactly one Jackson
     *     side on the class path, or the Jackson there is older than the side supports, or no
     *     validator was given and there is no Jakarta Validation provider; the message says which,
     *     and the versions
     */
    public StreamingBinder<T> build() {
      return new StreamingBinder<>(this);
    }
  }
}
