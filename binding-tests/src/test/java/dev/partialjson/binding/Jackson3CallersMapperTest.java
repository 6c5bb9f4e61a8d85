package dev.partialjson.binding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.annotation.JsonTypeInfo;
import dev.partialjson.binding.jackson3.Jackson3Databind;
import dev.partialjson.testkit.Splits;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DatabindContext;
import tools.jackson.databind.DefaultTyping;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.annotation.JsonDeserialize;
import tools.jackson.databind.exc.InvalidTypeIdException;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.jsontype.PolymorphicTypeValidator;

/**
 * Jackson 3's twin of {@link Jackson2CallersMapperTest}: a caller's {@code JsonMapper} is used
 * rebuilt with a validator that refuses a class name in the input before the class is loaded, on
 * routes no build-time check can see, whatever validator the caller configured; a mapper with
 * default typing is refused. (A Jackson 3 mapper cannot change after it is built, so there is no
 * later change to keep out.)
 */
class Jackson3CallersMapperTest {
  /** The classes whose static initializer ran. */
  static final Set<String> INITIALIZED = ConcurrentHashMap.newKeySet();

  @JsonTypeInfo(use = JsonTypeInfo.Id.CLASS)
  interface ByClass {}

  /** Named by the input below; nothing may ever initialize it. */
  static final class NeverInitialized implements ByClass {
    static {
      INITIALIZED.add("NeverInitialized");
    }
  }

  /** Reads its value as a {@link ByClass}: a route the binder's build-time check cannot see. */
  static final class AsByClass extends ValueDeserializer<Object> {
    @Override
    public Object deserialize(JsonParser parser, DeserializationContext context) {
      return context.readValue(parser, ByClass.class);
    }
  }

  record Envelope(String title, @JsonDeserialize(using = AsByClass.class) Object payload) {}

  /** Allows every class name, as a caller's mapper may. */
  static final class AllowAll extends PolymorphicTypeValidator.Base {
    private static final long serialVersionUID = 1L;

    @Override
    public Validity validateSubClassName(DatabindContext context, JavaType base, String name) {
      return Validity.ALLOWED;
    }

    @Override
    public Validity validateSubType(DatabindContext context, JavaType base, JavaType subType) {
      return Validity.ALLOWED;
    }
  }

  @Test
  void noStaticInitializerOfAClassNamedInTheInputRuns() {
    JsonMapper mapper = JsonMapper.builder().polymorphicTypeValidator(new AllowAll()).build();
    StreamingBinder<Envelope> binder =
        StreamingBinder.builder(Envelope.class).databind(Jackson3Databind.of(mapper)).build();
    String named = NeverInitialized.class.getName();
    String json = "{\"title\":\"t\",\"payload\":{\"@class\":\"" + named + "\"}}";
    for (Splits.Split split : Sweep.of(json)) {
      BindingSession<Envelope> session = binder.open();
      Sweep.feed(split, session);
      BindingResult<Envelope> result = session.result();
      assertThat(result.error()).as(split.name()).isInstanceOf(BindingException.class);
      BindingException e = (BindingException) result.error();
      assertThat(e.path()).hasToString("$.payload");
      assertThat(e.reason())
          .startsWith("Could not resolve type id '" + named + "' as a subtype of `")
          .contains("denied resolution");
      assertThat(e.getCause()).isInstanceOf(InvalidTypeIdException.class);
    }
    assertThat(INITIALIZED).doesNotContain("NeverInitialized");
  }

  @Test
  void refusesAMapperWithDefaultTyping() {
    JsonMapper everything =
        JsonMapper.builder().activateDefaultTyping(new AllowAll(), DefaultTyping.NON_FINAL).build();
    JsonMapper asProperty =
        JsonMapper.builder()
            .activateDefaultTypingAsProperty(
                new AllowAll(), DefaultTyping.JAVA_LANG_OBJECT, "@class")
            .build();
    for (JsonMapper mapper : List.of(everything, asProperty)) {
      assertThatThrownBy(() -> Jackson3Databind.of(mapper))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage(
              "the JsonMapper has default typing activated, which lets the input name any class"
                  + " to instantiate: bind model output with a mapper without it, and declare"
                  + " polymorphic types with @JsonTypeInfo(use = Id.NAME) and @JsonSubTypes");
    }
  }
}
