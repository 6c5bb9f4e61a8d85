package dev.partialjson.binding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.annotation.JacksonAnnotationsInside;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import dev.partialjson.binding.jackson3.Jackson3Databind;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.DatabindContext;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.annotation.JsonDeserialize;
import tools.jackson.databind.annotation.JsonPOJOBuilder;
import tools.jackson.databind.annotation.JsonTypeIdResolver;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.jsontype.PolymorphicTypeValidator;
import tools.jackson.databind.jsontype.impl.ClassNameIdResolver;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.type.TypeFactory;

/**
 * Jackson 3's twin of {@link Jackson2ClassNameRoutesTest}, the same routes with Jackson 3's
 * annotations and mapper: every route by which databind reaches a class-name type id ({@code
 * Id.CLASS}, {@code Id.MINIMAL_CLASS}, or an id resolver that reads class names) is refused when
 * the binder is built, with the default mapper and with the caller's own. Each route is first shown
 * to be real: the caller's mapper, reading the JSON on its own, builds the class the input names.
 */
class Jackson3ClassNameRoutesTest {
  private static final String HINT =
      " lets the input name any class to instantiate: declare the subtypes with"
          + " @JsonTypeInfo(use = Id.NAME) and @JsonSubTypes instead";
  private static final String BY_CLASS =
      "@JsonTypeInfo(use = Id.CLASS) on " + ByClass.class.getName() + HINT;

  /** Counts the instances databind built because the input named their class. */
  static final AtomicInteger BUILT = new AtomicInteger();

  @JsonTypeInfo(use = JsonTypeInfo.Id.CLASS)
  interface ByClass {}

  /** What the input names: a class databind loads, initializes and builds. */
  record Gadget(String cmd) implements ByClass, ByResolver {
    Gadget {
      BUILT.incrementAndGet();
    }
  }

  private static final String GADGET =
      "{\"@class\":\"" + Gadget.class.getName() + "\",\"cmd\":\"id\"}";

  /** A minimal class name is relative to the declared type's package: {@code Object}'s here. */
  private static final String MINIMAL_GADGET =
      "{\"@c\":\"" + Gadget.class.getName() + "\",\"cmd\":\"id\"}";

  interface Api {}

  record Impl(ByClass inner) implements Api {}

  /** {@code @JsonDeserialize(as = ...)} on a property. */
  record ViaAs(@JsonDeserialize(as = Impl.class) Api api) {}

  @JsonDeserialize(as = ClassImpl.class)
  interface ClassApi {}

  record ClassImpl(ByClass inner) implements ClassApi {}

  /** {@code @JsonDeserialize(as = ...)} on the property's class. */
  record ViaClassAs(ClassApi api) {}

  /** {@code @JsonDeserialize(contentAs = ...)}. */
  record ViaContentAs(@JsonDeserialize(contentAs = ByClass.class) List<Object> items) {}

  @JsonTypeInfo(use = JsonTypeInfo.Id.CLASS)
  record KeyByClass(String name) {
    @JsonCreator
    static KeyByClass of(String name) {
      return new KeyByClass(name);
    }
  }

  /**
   * {@code @JsonDeserialize(keyAs = ...)}: a key deserializer reads no type id, but a type that
   * takes class names is refused wherever it appears, as a declared key type always was.
   */
  record ViaKeyAs(@JsonDeserialize(keyAs = KeyByClass.class) Map<Object, String> byKey) {}

  /** A builder's with-method ({@code @JsonDeserialize(builder = ...)}). */
  @JsonDeserialize(builder = ViaBuilder.Builder.class)
  static final class ViaBuilder {
    final ByClass payload;

    ViaBuilder(ByClass payload) {
      this.payload = payload;
    }

    @JsonPOJOBuilder
    static final class Builder {
      private @Nullable ByClass payload;

      public Builder withPayload(ByClass payload) {
        this.payload = payload;
        return this;
      }

      public ViaBuilder build() {
        return new ViaBuilder(payload);
      }
    }
  }

  /** A builder with its own prefix and build method, the id on the with-method. */
  @JsonDeserialize(builder = ViaPrefixedBuilder.Maker.class)
  static final class ViaPrefixedBuilder {
    final Object payload;

    ViaPrefixedBuilder(Object payload) {
      this.payload = payload;
    }

    @JsonPOJOBuilder(withPrefix = "set", buildMethodName = "create")
    static final class Maker {
      private @Nullable Object payload;

      @JsonTypeInfo(use = JsonTypeInfo.Id.MINIMAL_CLASS)
      public Maker setPayload(Object payload) {
        this.payload = payload;
        return this;
      }

      public ViaPrefixedBuilder create() {
        return new ViaPrefixedBuilder(payload);
      }
    }
  }

  /** A delegating creator's parameter: no property names it. */
  static final class ViaDelegate {
    final ByClass inner;

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    ViaDelegate(ByClass inner) {
      this.inner = inner;
    }
  }

  /** A creator factory whose parameter, not the canonical constructor's, carries the id. */
  record ViaFactory(Object payload) {
    @JsonCreator
    static ViaFactory of(
        @JsonProperty("payload") @JsonTypeInfo(use = JsonTypeInfo.Id.CLASS) Object payload) {
      return new ViaFactory(payload);
    }
  }

  /** An any-setter's value. */
  static final class ViaAnySetter {
    final List<ByClass> extras = new ArrayList<>();

    @JsonAnySetter
    void put(String name, ByClass value) {
      extras.add(value);
    }
  }

  /**
   * A property mapped by a mix-in on the caller's mapper. A class, not a record: Jackson 2.15, the
   * oldest databind binding supports, applies no mix-in to a record's components.
   */
  static final class Plain {
    public Api api;
  }

  abstract static class PlainMixIn {
    @JsonDeserialize(as = Impl.class)
    Api api;
  }

  /** A JDK list given class-name ids by a mix-in on the caller's mapper. */
  record Names(List<String> names) {}

  @JsonTypeInfo(use = JsonTypeInfo.Id.CLASS)
  interface ClassIds {}

  /** What the input names for a list: built as {@link Gadget} is. */
  static final class GadgetList extends ArrayList<String> {
    private static final long serialVersionUID = 1L;

    GadgetList() {
      BUILT.incrementAndGet();
    }
  }

  /** An abstract type mapped by a module on the caller's mapper. */
  record Mapped(Api api) {}

  /** An annotation bundle that carries the id. */
  @Retention(RetentionPolicy.RUNTIME)
  @JacksonAnnotationsInside
  @JsonTypeInfo(use = JsonTypeInfo.Id.MINIMAL_CLASS)
  @interface Polymorphic {}

  record ViaBundle(@Polymorphic Object payload) {}

  /** The id on an interface's accessor, reached through a type argument. */
  interface Carrier<T> {
    @JsonTypeInfo(use = JsonTypeInfo.Id.CLASS)
    T payload();
  }

  record Parcel(Object payload) implements Carrier<Object> {}

  record Box<T>(List<T> items) {}

  record ViaGeneric(Box<Parcel> box) {}

  /** Allows every class name (Jackson 3 keeps its own permissive validator package-private). */
  static final class AllowAll extends PolymorphicTypeValidator.Base {
    private static final long serialVersionUID = 1L;
    static final AllowAll INSTANCE = new AllowAll();

    @Override
    public Validity validateSubClassName(DatabindContext context, JavaType base, String name) {
      return Validity.ALLOWED;
    }

    @Override
    public Validity validateSubType(DatabindContext context, JavaType base, JavaType subType) {
      return Validity.ALLOWED;
    }
  }

  /** A custom id resolver that reads class names ({@code Id.CUSTOM}, and no validator asked). */
  public static final class PermissiveResolver extends ClassNameIdResolver {
    public PermissiveResolver() {
      super(TypeFactory.unknownType(), null, AllowAll.INSTANCE);
    }

    @Override
    public JavaType typeFromId(DatabindContext context, String id) {
      return context.getTypeFactory().constructFromCanonical(id);
    }
  }

  @JsonTypeInfo(use = JsonTypeInfo.Id.CUSTOM, property = "@type")
  @JsonTypeIdResolver(PermissiveResolver.class)
  interface ByResolver {}

  record ViaResolver(ByResolver payload) {}

  /** A route: a target, the caller's mapper settings, input that names a class, the refusal. */
  record Route(
      String name,
      Class<?> target,
      @Nullable Consumer<JsonMapper.Builder> mapper,
      @Nullable String input,
      String refusal) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Route> routes() {
    return Stream.of(
        new Route("as", ViaAs.class, null, "{\"api\":{\"inner\":" + GADGET + "}}", BY_CLASS),
        new Route(
            "as on the class",
            ViaClassAs.class,
            null,
            "{\"api\":{\"inner\":" + GADGET + "}}",
            BY_CLASS),
        new Route("contentAs", ViaContentAs.class, null, "{\"items\":[" + GADGET + "]}", BY_CLASS),
        new Route(
            "keyAs",
            ViaKeyAs.class,
            null,
            null,
            "@JsonTypeInfo(use = Id.CLASS) on " + KeyByClass.class.getName() + HINT),
        new Route("builder", ViaBuilder.class, null, "{\"payload\":" + GADGET + "}", BY_CLASS),
        new Route(
            "builder with a prefix",
            ViaPrefixedBuilder.class,
            null,
            "{\"payload\":" + MINIMAL_GADGET + "}",
            "@JsonTypeInfo(use = Id.MINIMAL_CLASS) on property 'payload' of "
                + ViaPrefixedBuilder.Maker.class.getName()
                + HINT),
        new Route("delegating creator", ViaDelegate.class, null, GADGET, BY_CLASS),
        new Route(
            "creator factory",
            ViaFactory.class,
            null,
            "{\"payload\":" + GADGET + "}",
            "@JsonTypeInfo(use = Id.CLASS) on property 'payload' of "
                + ViaFactory.class.getName()
                + HINT),
        new Route("any-setter", ViaAnySetter.class, null, "{\"x\":" + GADGET + "}", BY_CLASS),
        new Route(
            "mix-in with as",
            Plain.class,
            m -> m.addMixIn(Plain.class, PlainMixIn.class),
            "{\"api\":{\"inner\":" + GADGET + "}}",
            BY_CLASS),
        new Route(
            "mix-in on a JDK list",
            Names.class,
            m -> m.addMixIn(List.class, ClassIds.class),
            "{\"names\":[\"" + GadgetList.class.getName() + "\",[\"a\"]]}",
            "@JsonTypeInfo(use = Id.CLASS) on java.util.List" + HINT),
        new Route(
            "abstract type mapping",
            Mapped.class,
            m -> m.addModule(new SimpleModule().addAbstractTypeMapping(Api.class, Impl.class)),
            "{\"api\":{\"inner\":" + GADGET + "}}",
            BY_CLASS),
        new Route(
            "annotation bundle",
            ViaBundle.class,
            null,
            "{\"payload\":" + MINIMAL_GADGET + "}",
            "@JsonTypeInfo(use = Id.MINIMAL_CLASS) on property 'payload' of "
                + ViaBundle.class.getName()
                + HINT),
        new Route(
            "interface accessor through a type argument",
            ViaGeneric.class,
            null,
            "{\"box\":{\"items\":[{\"payload\":" + GADGET + "}]}}",
            "@JsonTypeInfo(use = Id.CLASS) on property 'payload' of "
                + Parcel.class.getName()
                + HINT),
        new Route(
            "custom class-name id resolver",
            ViaResolver.class,
            null,
            "{\"payload\":{\"@type\":\"" + Gadget.class.getName() + "\",\"cmd\":\"id\"}}",
            "a class-name type id resolver ("
                + PermissiveResolver.class.getName()
                + ") on "
                + ByResolver.class.getName()
                + HINT));
  }

  /**
   * Jackson 3's default polymorphic type validator refuses more class names than Jackson 2's; the
   * caller's mapper here allows any, as a caller may, to show each route is real and that the
   * binder does not rely on the caller's validator.
   */
  private static JsonMapper callersMapper(Route route) {
    JsonMapper.Builder builder = JsonMapper.builder().polymorphicTypeValidator(AllowAll.INSTANCE);
    if (route.mapper() != null) {
      route.mapper().accept(builder);
    }
    return builder.build();
  }

  @ParameterizedTest
  @MethodSource("routes")
  void theRouteIsRealForAMapperOnItsOwn(Route route) {
    if (route.input() == null) {
      return; // a key deserializer reads no type id: nothing to show
    }
    int before = BUILT.get();
    callersMapper(route).readValue(route.input(), route.target());
    assertThat(BUILT.get()).as("databind built the class the input named").isGreaterThan(before);
  }

  @ParameterizedTest
  @MethodSource("routes")
  void buildRefusesTheRouteWithTheCallersMapper(Route route) {
    JsonMapper mapper = callersMapper(route);
    assertThatThrownBy(
            () ->
                StreamingBinder.builder(route.target())
                    .databind(Jackson3Databind.of(mapper))
                    .build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(route.refusal());
  }

  @ParameterizedTest
  @MethodSource("routes")
  void buildRefusesTheRouteWithTheDefaultMapper(Route route) {
    if (route.mapper() != null) {
      return; // the route is a setting of the caller's mapper
    }
    assertThatThrownBy(() -> StreamingBinder.of(route.target()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(route.refusal());
  }

  @ParameterizedTest
  @MethodSource("routes")
  void aCallbackTypeOnTheRouteIsRefused(Route route) {
    BindingSession<Object> session =
        StreamingBinder.builder(Object.class)
            .databind(Jackson3Databind.of(callersMapper(route)))
            .build()
            .open();
    assertThatThrownBy(() -> session.onValue("$.*", route.target(), value -> {}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(route.refusal());
  }
}
