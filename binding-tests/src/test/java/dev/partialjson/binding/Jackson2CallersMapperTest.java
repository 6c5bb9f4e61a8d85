package dev.partialjson.binding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.exc.InvalidTypeIdException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.jsontype.impl.LaissezFaireSubTypeValidator;
import dev.partialjson.binding.jackson2.Jackson2Databind;
import dev.partialjson.testkit.Splits;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

/**
 * A caller's mapper is used through a copy made when the binder is built, guarded as the default
 * mapper is: a class name in the input is refused before the class is loaded, on routes no
 * build-time check can see, and later changes to the caller's mapper do not reach the binder.
 */
class Jackson2CallersMapperTest {
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

  static final class NotAfterDefaultTyping {
    static {
      INITIALIZED.add("NotAfterDefaultTyping");
    }
  }

  static final class NotAfterMixIn {
    static {
      INITIALIZED.add("NotAfterMixIn");
    }
  }

  /** Reads its value as a {@link ByClass}: a route the binder's build-time check cannot see. */
  static final class AsByClass extends JsonDeserializer<Object> {
    @Override
    public Object deserialize(JsonParser parser, DeserializationContext context)
        throws IOException {
      return context.readValue(parser, ByClass.class);
    }
  }

  record Envelope(String title, @JsonDeserialize(using = AsByClass.class) Object payload) {}

  @Test
  void noStaticInitializerOfAClassNamedInTheInputRuns() {
    ObjectMapper mapper = JsonMapper.builder().build(); // Jackson's validator allows any class
    StreamingBinder<Envelope> binder =
        StreamingBinder.builder(Envelope.class).databind(Jackson2Databind.of(mapper)).build();
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

  record Note(String title, Object extra) {}

  @Test
  void defaultTypingActivatedAfterTheBuildDoesNotReachTheBinder() throws IOException {
    ObjectMapper mapper = JsonMapper.builder().build();
    StreamingBinder<Note> binder =
        StreamingBinder.builder(Note.class).databind(Jackson2Databind.of(mapper)).build();
    mapper.activateDefaultTyping(
        LaissezFaireSubTypeValidator.instance, ObjectMapper.DefaultTyping.NON_FINAL);
    // The caller goes on using its mapper: what databind caches for it must not serve the binder.
    Note typed =
        mapper.readValue("{\"title\":\"t\",\"extra\":[\"java.util.HashMap\",{}]}", Note.class);
    assertThat(typed.extra()).isEqualTo(Map.of());
    String named = NotAfterDefaultTyping.class.getName();
    String json = "{\"title\":\"t\",\"extra\":[\"" + named + "\",{}]}";
    for (Splits.Split split : Sweep.of(json)) {
      BindingSession<Note> session = binder.open();
      Sweep.feed(split, session);
      assertThat(session.complete().extra()).as(split.name()).isEqualTo(List.of(named, Map.of()));
    }
    assertThat(INITIALIZED).doesNotContain("NotAfterDefaultTyping");
  }

  abstract static class ClassIdOnExtra {
    @JsonTypeInfo(use = JsonTypeInfo.Id.CLASS)
    Object extra;
  }

  @Test
  void aMixInAddedAfterTheBuildDoesNotReachTheBinder() {
    ObjectMapper mapper = JsonMapper.builder().build();
    StreamingBinder<Note> binder =
        StreamingBinder.builder(Note.class).databind(Jackson2Databind.of(mapper)).build();
    mapper.addMixIn(Note.class, ClassIdOnExtra.class);
    String named = NotAfterMixIn.class.getName();
    String json = "{\"title\":\"t\",\"extra\":{\"@class\":\"" + named + "\"}}";
    for (Splits.Split split : Sweep.of(json)) {
      BindingSession<Note> session = binder.open();
      Sweep.feed(split, session);
      assertThat(session.complete().extra()).as(split.name()).isEqualTo(Map.of("@class", named));
    }
    assertThat(INITIALIZED).doesNotContain("NotAfterMixIn");
  }

  @Test
  void refusesAMapperThatCannotBeCopied() {
    ObjectMapper subclass = new ObjectMapper() {}; // does not override copy()
    assertThatThrownBy(
            () ->
                StreamingBinder.builder(Note.class).databind(Jackson2Databind.of(subclass)).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "the ObjectMapper cannot be copied: its class "
                + subclass.getClass().getName()
                + " does not override copy(), and the binder works on a copy, which later changes"
                + " to the mapper do not reach");
  }

  @Test
  void refusesAMapperWithDefaultTyping() {
    ObjectMapper everything =
        JsonMapper.builder()
            .activateDefaultTyping(
                LaissezFaireSubTypeValidator.instance, ObjectMapper.DefaultTyping.NON_FINAL)
            .build();
    ObjectMapper asProperty =
        JsonMapper.builder()
            .activateDefaultTypingAsProperty(
                LaissezFaireSubTypeValidator.instance,
                ObjectMapper.DefaultTyping.JAVA_LANG_OBJECT,
                "@class")
            .build();
    for (ObjectMapper mapper : List.of(everything, asProperty)) {
      assertThatThrownBy(
              () ->
                  StreamingBinder.builder(Models.Drawing.class)
                      .databind(Jackson2Databind.of(mapper))
                      .build())
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage(
              "the ObjectMapper has default typing activated, which lets the input name any class"
                  + " to instantiate: bind model output with a mapper without it, and declare"
                  + " polymorphic types with @JsonTypeInfo(use = Id.NAME) and @JsonSubTypes");
    }
  }

  @Test
  void defaultTypingSwitchedOnAfterTheBuildDoesNotApply() {
    // The binder's readers keep the mapper's configuration as it was when it was built.
    ObjectMapper mapper = JsonMapper.builder().build();
    StreamingBinder<BindingSafetyTest.Note> binder =
        StreamingBinder.builder(BindingSafetyTest.Note.class)
            .databind(Jackson2Databind.of(mapper))
            .build();
    mapper.activateDefaultTyping(
        LaissezFaireSubTypeValidator.instance, ObjectMapper.DefaultTyping.NON_FINAL);
    BindingSession<BindingSafetyTest.Note> session = binder.open();
    session.feed("{\"title\":\"t\",\"extra\":[\"java.util.HashMap\",{}],\"more\":[]}");
    assertThat(session.complete().extra()).isEqualTo(List.of("java.util.HashMap", Map.of()));
  }
}
