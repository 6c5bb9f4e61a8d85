package dev.partialjson.binding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import dev.partialjson.binding.Models.Circle;
import dev.partialjson.binding.Models.Drawing;
import dev.partialjson.binding.Models.Shape;
import dev.partialjson.binding.spi.Databind;
import dev.partialjson.binding.spi.DatabindFailure;
import dev.partialjson.parser.JsonPath;
import dev.partialjson.testkit.Splits;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Model output never chooses a Java class: type ids name declared subtypes only, default typing is
 * refused, and targets that take class names as ids are refused when the binder is built.
 */
class BindingSafetyTest {

  private static String drawing(String typeId) {
    return "{\"title\":\"t\",\"shapes\":[{\"type\":\"circle\",\"label\":\"sun\",\"radius\":1},"
        + "{\"type\":\""
        + typeId
        + "\",\"command\":[\"sh\",\"-c\",\"id\"],\"label\":\"x\"},"
        + "{\"type\":\"circle\",\"label\":\"moon\",\"radius\":2}]}";
  }

  private static void assertRefusedTypeId(Throwable e, String typeId) {
    assertThat(e).isInstanceOf(BindingException.class);
    BindingException b = (BindingException) e;
    assertThat(b.path()).hasToString("$.shapes[1]");
    assertThat(b.reason())
        .startsWith(
            "Could not resolve type id '"
                + typeId
                + "' as a subtype of `dev.partialjson.binding.Models$Shape`")
        .contains("known type ids = [circle, rect]");
    assertThat(b.getCause()).isInstanceOf(Side.current().invalidTypeId());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "java.lang.ProcessBuilder",
        "java.util.HashMap",
        "com.sun.rowset.JdbcRowSetImpl",
        "org.springframework.context.support.ClassPathXmlApplicationContext",
        "dev.partialjson.binding.Models$Circle",
        "square"
      })
  void refusesAnUndeclaredTypeIdAsTheItemCloses(String typeId) {
    StreamingBinder<Drawing> binder =
        StreamingBinder.builder(Drawing.class).failurePolicy(FailurePolicy.FAIL_FAST).build();
    String json = drawing(typeId);
    for (Splits.Split split : Sweep.of(json)) {
      BindingSession<Drawing> session = binder.open();
      List<Shape> items = new ArrayList<>();
      session.onItem("$.shapes[*]", Shape.class, items::add);
      assertThatThrownBy(() -> Sweep.feed(split, session))
          .as(split.name())
          .satisfies(e -> assertRefusedTypeId(e, typeId));
      assertThat(items).as(split.name()).containsExactly(new Circle("sun", 1));
      assertRefusedTypeId(session.result().error(), typeId);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"java.lang.ProcessBuilder", "java.util.HashMap", "square"})
  void refusesAnUndeclaredTypeIdAtComplete(String typeId) {
    StreamingBinder<Drawing> binder = StreamingBinder.of(Drawing.class);
    String json = drawing(typeId);
    for (Splits.Split split : Sweep.of(json)) {
      BindingSession<Drawing> session = binder.open();
      List<Shape> items = new ArrayList<>();
      session.onItem("$.shapes[*]", Shape.class, items::add);
      Sweep.feed(split, session);
      assertThat(items)
          .as(split.name())
          .containsExactly(new Circle("sun", 1), new Circle("moon", 2));
      assertThatThrownBy(session::complete)
          .as(split.name())
          .satisfies(e -> assertRefusedTypeId(e, typeId));
    }
  }

  /** Takes a class name as type id: any class the input names would be loaded. */
  @JsonTypeInfo(use = JsonTypeInfo.Id.CLASS)
  interface ByClass {}

  record Hit(String name) implements ByClass {}

  record Hits(List<ByClass> hits) {}

  @JsonTypeInfo(use = JsonTypeInfo.Id.MINIMAL_CLASS)
  interface ByMinimalClass {}

  record Nested(Map<String, List<ByMinimalClass>> groups) {}

  record Payload(String title, @JsonTypeInfo(use = JsonTypeInfo.Id.CLASS) Object payload) {}

  /** Declared names, and one subtype that is itself polymorphic by class name. */
  @JsonTypeInfo(use = JsonTypeInfo.Id.NAME)
  @JsonSubTypes({@JsonSubTypes.Type(value = Safe.class, name = "safe")})
  interface Declared {}

  record Safe(ByClass inner) implements Declared {}

  @Test
  void refusesTargetsThatTakeClassNamesAsTypeIds() {
    String hint =
        " lets the input name any class to instantiate: declare the subtypes with"
            + " @JsonTypeInfo(use = Id.NAME) and @JsonSubTypes instead";
    String byClass = "@JsonTypeInfo(use = Id.CLASS) on " + ByClass.class.getName() + hint;
    assertThatThrownBy(() -> StreamingBinder.of(Hits.class))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(byClass);
    assertThatThrownBy(() -> StreamingBinder.of(new GenericType<List<ByClass>>() {}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(byClass);
    assertThatThrownBy(() -> StreamingBinder.of(Declared.class))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(byClass);
    assertThatThrownBy(() -> StreamingBinder.of(Nested.class))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "@JsonTypeInfo(use = Id.MINIMAL_CLASS) on " + ByMinimalClass.class.getName() + hint);
    assertThatThrownBy(() -> StreamingBinder.of(Payload.class))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "@JsonTypeInfo(use = Id.CLASS) on property 'payload' of "
                + Payload.class.getName()
                + hint);
    BindingSession<Drawing> session = StreamingBinder.of(Drawing.class).open();
    assertThatThrownBy(() -> session.onItem("$.shapes[*]", ByClass.class, item -> {}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(byClass);
    // A subtype inherits its supertype's @JsonTypeInfo, and with it the class-name ids.
    assertThatThrownBy(() -> session.onValue("$.shapes[0]", Hit.class, item -> {}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("@JsonTypeInfo(use = Id.CLASS) on " + Hit.class.getName() + hint);
  }

  /** Each level nests the type argument deeper: the check must still end. */
  record Node<T>(T value, Node<List<T>> next) {}

  record Page<T>(List<T> items) {}

  record Pages(Page<String> names, Page<ByClass> hits) {}

  @Test
  void checksEveryParameterizationOfAGenericTypeAndEnds() {
    assertThat(StreamingBinder.of(new GenericType<Node<String>>() {}).dataType().getRawClass())
        .isEqualTo(Node.class);
    assertThatThrownBy(() -> StreamingBinder.of(Pages.class))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("@JsonTypeInfo(use = Id.CLASS) on " + ByClass.class.getName());
  }

  record Note(String title, Object extra, List<Object> more) {}

  @Test
  void objectFieldsBindAsPlainValuesWhateverTypeIdTheyCarry() {
    String json =
        "{\"title\":\"t\",\"extra\":{\"@class\":\"java.lang.ProcessBuilder\",\"command\":[\"sh\"]},"
            + "\"more\":[[\"java.lang.ProcessBuilder\",{\"command\":[\"sh\"]}],"
            + "{\"@type\":\"java.util.HashMap\"}]}";
    StreamingBinder<Note> binder = StreamingBinder.of(Note.class);
    for (Splits.Split split : Sweep.of(json)) {
      BindingSession<Note> session = binder.open();
      Sweep.feed(split, session);
      Note note = session.complete();
      assertThat(note.extra())
          .as(split.name())
          .isEqualTo(Map.of("@class", "java.lang.ProcessBuilder", "command", List.of("sh")));
      assertThat(note.more())
          .as(split.name())
          .containsExactly(
              List.of("java.lang.ProcessBuilder", Map.of("command", List.of("sh"))),
              Map.of("@type", "java.util.HashMap"));
    }
  }

  static final AtomicBoolean TRIPWIRE_LOADED = new AtomicBoolean();

  /** Would say so if the class were ever initialized. */
  static final class Tripwire implements ByClass {
    static {
      TRIPWIRE_LOADED.set(true);
    }
  }

  @Test
  void theDefaultMapperRefusesAClassNameBeforeLoadingTheClass() {
    Databind databind = Defaults.databind();
    TokenRecorder tokens = new TokenRecorder(databind, JsonPath.root());
    tokens.tree(JsonPath.root(), Map.of("@class", Tripwire.class.getName()));
    // Reached without the binder's check, as a custom deserializer could: the second line holds.
    assertThatThrownBy(
            () -> databind.bind(databind.constructType(ByClass.class), tokens.buffer(), false))
        .isInstanceOf(DatabindFailure.class)
        .hasMessageContaining("'" + Tripwire.class.getName() + "'");
    assertThat(TRIPWIRE_LOADED).isFalse();
  }
}
