package dev.partialjson.binding.jackson3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import dev.partialjson.binding.BindingException;
import dev.partialjson.binding.BindingSession;
import dev.partialjson.binding.StreamingBinder;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;

/**
 * Binding through Jackson 3, with no jackson-databind 2 on the class path: the default side, the
 * application's mapper, items as they close, and the polymorphism rules.
 */
class Jackson3BindingTest {
  record Task(String title, @Max(5) int priority) {}

  record Plan(@JsonProperty("plan_goal") String goal, @Valid List<Task> tasks) {}

  record Camel(String planGoal) {}

  @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "kind")
  @JsonSubTypes({@JsonSubTypes.Type(value = Circle.class, name = "circle")})
  interface Shape {}

  record Circle(double r) implements Shape {}

  record Drawing(List<Shape> shapes) {}

  @JsonTypeInfo(use = JsonTypeInfo.Id.CLASS)
  interface ByClass {}

  record Unsafe(ByClass hit) {}

  @Test
  void theOnlySideOnTheClassPathIsTheDefault() {
    StreamingBinder<Plan> binder = StreamingBinder.of(Plan.class);
    List<Task> items = new ArrayList<>();
    Plan plan;
    try (BindingSession<Plan> session = binder.open()) {
      session.onItem("$.tasks[*]", Task.class, items::add);
      for (String delta :
          new String[] {
            "{\"plan_goal\":\"g\",\"tasks\":[{\"title\":\"a\",", "\"priority\":1}", "]}"
          }) {
        session.feed(delta);
      }
      plan = session.complete();
    }
    assertThat(plan).isEqualTo(new Plan("g", List.of(new Task("a", 1))));
    assertThat(items).containsExactly(new Task("a", 1));
  }

  @Test
  void bindsThroughTheApplicationsMapper() {
    JsonMapper mapper =
        JsonMapper.builder().propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE).build();
    StreamingBinder<Camel> binder =
        StreamingBinder.builder(Camel.class).databind(Jackson3Databind.of(mapper)).build();
    try (BindingSession<Camel> session = binder.open()) {
      session.feed("{\"plan_goal\":\"g\"}");
      assertThat(session.complete()).isEqualTo(new Camel("g"));
    }
  }

  @Test
  void namesAnInvalidItemByItsPath() {
    try (BindingSession<Plan> session = StreamingBinder.of(Plan.class).open()) {
      session.feed("{\"plan_goal\":\"g\",\"tasks\":[{\"title\":\"a\",\"priority\":9}]}");
      assertThat(session.result().violations())
          .extracting(v -> v.path().toString())
          .containsExactly("$.tasks[0].priority");
    }
  }

  @Test
  void refusesAClassNameTypeIdWhenTheBinderIsBuilt() {
    assertThatThrownBy(() -> StreamingBinder.of(Unsafe.class))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "@JsonTypeInfo(use = Id.CLASS) on "
                + ByClass.class.getName()
                + " lets the input name any class to instantiate: declare the subtypes with"
                + " @JsonTypeInfo(use = Id.NAME) and @JsonSubTypes instead");
  }

  @Test
  void refusesAnUndeclaredTypeIdAtRunTime() {
    try (BindingSession<Drawing> session = StreamingBinder.of(Drawing.class).open()) {
      session.feed("{\"shapes\":[{\"kind\":\"java.lang.ProcessBuilder\",\"r\":1}]}");
      assertThatThrownBy(session::complete)
          .isInstanceOf(BindingException.class)
          .hasMessageContaining("'java.lang.ProcessBuilder'");
    }
  }
}
