package dev.partialjson.binding;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
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
 * <p>Values are bound by the binder's {@link ObjectMapper} (Jackson annotations and the mapper's
 * settings apply) and checked by its Jakarta {@link Validator}. Without configuration it uses a
 * mapper that ignores unknown properties and a Hibernate Validator that needs no expression
 * language; both are made once per binder.
 *
 * <p>Model output is untrusted input, and it never chooses a Java class. A type id in the JSON
 * resolves only to a subtype the target declares ({@code @JsonTypeInfo(use = Id.NAME)} with
 * {@code @JsonSubTypes}); any other id, a class name included, fails the value with a {@link
 * BindingException} naming its path and the id, as its item closes or at the end. {@code Object}
 * properties bind as plain maps, lists, strings, numbers and booleans, whatever they contain. To
 * keep it so, {@link Builder#build()} refuses (with {@link IllegalArgumentException}) a mapper with
 * default typing activated, and a target through which databind would read a class-name type id
 * ({@code Id.CLASS}, {@code Id.MINIMAL_CLASS}, or an id resolver that reads class names) anywhere:
 * on a class, a subtype or a property, through {@code @JsonDeserialize(as, contentAs, keyAs)}, a
 * builder's with-methods, a creator's parameters, an any-setter, a module's abstract type mapping,
 * with the mapper's mix-ins; {@link BindingSession}'s callbacks refuse such types too. The mapper a
 * binder reads with (the default one, or its copy of the caller's) also denies every class-name
 * type id before loading the class, on routes no build-time check can see (a custom deserializer).
 *
 * <p>Immutable and thread-safe: share one binder between threads and streams.
 */
public final class StreamingBinder<T> {
  /** How many compiled patterns a binder keeps; past that, each is compiled when asked. */
  private static final int MAX_PATTERNS = 256;

  private final JavaType type;
  private final ParserOptions options;
  private final FailurePolicy policy;
  private final Binder binder;
  private final SubtypePolicy subtypes;
  private final Checker checker;
  private final TypeModel model;
  private final PartialView view;
  private final PatternTypes patternTypes;
  private final List<CascadedItems.Item> items;
  private final LongSupplier nanoTime;
  private final List<Supplier<? extends SessionListener>> listeners;
  private final Map<String, JsonPathPattern> patterns = new ConcurrentHashMap<>(); // see pattern

  private StreamingBinder(Builder<T> builder) {
    ObjectMapper mapper =
        builder.mapper != null ? SubtypePolicy.guarded(builder.mapper) : Defaults.mapper();
    // Only a factory of ours can hand out validators that skip items already validated.
    ValidatorFactory factory = builder.validator != null ? null : Defaults.validatorFactory();
    Validator validator = factory != null ? factory.getValidator() : builder.validator;
    this.subtypes = new SubtypePolicy(mapper);
    this.type = mapper.getTypeFactory().constructType(builder.type);
    subtypes.check(type);
    this.options = builder.options;
    this.policy = builder.policy;
    this.binder = new Binder(mapper);
    this.model = new TypeModel(mapper);
    this.view = new PartialView(model, List.copyOf(builder.marked));
    this.patternTypes = new PatternTypes(type, model, mapper);
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
  }

  /** Returns a binder for {@code type} with the default mapper, validator and options. */
  public static <T> StreamingBinder<T> of(Class<T> type) {
    return builder(type).build();
  }

  /**
   * Returns a binder for a generic type with the defaults, for example {@code
   * StreamingBinder.of(new TypeReference<List<Task>>() {})}.
   */
  public static <T> StreamingBinder<T> of(TypeReference<T> type) {
    return builder(type).build();
  }

  /** Returns a builder for a binder of {@code type}. */
  public static <T> Builder<T> builder(Class<T> type) {
    return new Builder<>(Objects.requireNonNull(type, "type == null"));
  }

  /** Returns a builder for a binder of a generic type. */
  public static <T> Builder<T> builder(TypeReference<T> type) {
    return new Builder<>(Objects.requireNonNull(type, "type == null").getType());
  }

  /** Returns a new session, single-use and confined to one thread at a time. */
  public BindingSession<T> open() {
    return new BindingSession<>(this);
  }

  /** Returns the target type as Jackson resolved it. */
  public JavaType type() {
    return type;
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

  SubtypePolicy subtypes() {
    return subtypes;
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
    private @Nullable ObjectMapper mapper;
    private @Nullable Validator validator;
    private ParserOptions options = ParserOptions.defaults();
    private FailurePolicy policy = FailurePolicy.COLLECT_ALL;
    private final List<JsonPathPattern> marked = new ArrayList<>();
    private LongSupplier nanoTime = System::nanoTime;
    private final List<Supplier<? extends SessionListener>> listeners = new ArrayList<>();

    private Builder(Type type) {
      this.type = type;
    }

    /**
     * Sets the mapper that binds values; its annotations handling, naming strategy, modules and
     * features apply (partial values relax only what a half-arrived value cannot satisfy: unknown
     * and missing properties, nulls for primitives). Default: Jackson's defaults with unknown
     * properties ignored. {@link #build()} takes a copy ({@code ObjectMapper.copy()}) whose
     * polymorphic type validator denies every class-name type id: what is changed on {@code mapper}
     * after the build (modules, mix-ins, default typing) does not reach the binder. A mapper with
     * default typing activated, or of a subclass that cannot be copied, is refused by {@link
     * #build()}.
     */
    public Builder<T> objectMapper(ObjectMapper mapper) {
      this.mapper = Objects.requireNonNull(mapper, "mapper == null");
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
     * Returns the binder. Makes the default mapper and validator, if needed, here.
     *
     * @throws IllegalArgumentException if the mapper has default typing activated or cannot be
     *     copied, or databind would read a class-name type id ({@code Id.CLASS}, {@code
     *     Id.MINIMAL_CLASS}, an id resolver that reads class names) anywhere in the target type;
     *     the message names the class or property
     * @throws IllegalStateException if the jackson-databind on the class path is older than 2.15,
     *     or no validator was given and there is no Jakarta Validation provider; the message says
     *     which, and the versions
     */
    public StreamingBinder<T> build() {
      DatabindVersion.check();
      return new StreamingBinder<>(this);
    }
  }
}
