package dev.partialjson.compat;

import static org.assertj.core.api.Assertions.assertThat;

import dev.partialjson.binding.BindingSession;
import dev.partialjson.binding.StreamingBinder;
import dev.partialjson.binding.jackson3.Jackson3Databind;
import dev.partialjson.testkit.Splits;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import tools.jackson.databind.json.JsonMapper;

/**
 * A Spring Boot 4 application binds through the JsonMapper Boot configured (here its naming
 * strategy, from {@code spring.jackson.property-naming-strategy}), with Jackson 3 as the platform
 * manages it: records with camel-case components read from snake-case JSON, items as they close.
 */
class BootJsonMapperTest {
  record Step(String stepTitle, @Max(10) int estimatedMinutes) {}

  record Recipe(String dishName, @Valid List<Step> cookingSteps) {}

  @Configuration(proxyBeanMethods = false)
  @Import(JacksonAutoConfiguration.class)
  static class App {}

  @Test
  void bindsThroughBootsJsonMapper() {
    try (ConfigurableApplicationContext context =
        new SpringApplicationBuilder(App.class)
            .web(WebApplicationType.NONE)
            .properties("spring.jackson.property-naming-strategy=SNAKE_CASE")
            .run()) {
      JsonMapper mapper = context.getBean(JsonMapper.class);
      StreamingBinder<Recipe> binder =
          StreamingBinder.builder(Recipe.class).databind(Jackson3Databind.of(mapper)).build();
      String json =
          "{\"dish_name\":\"soup\",\"cooking_steps\":[{\"step_title\":\"boil\","
              + "\"estimated_minutes\":5},{\"step_title\":\"stir\",\"estimated_minutes\":99}]}";
      byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
      for (Splits.Split split : Splits.sweep(bytes)) {
        List<Step> valid = new ArrayList<>();
        Recipe recipe;
        try (BindingSession<Recipe> session = binder.open()) {
          session.onItem("$.cooking_steps[*]", Step.class, valid::add);
          split.feed(TypedStreamTest.feeder(session));
          recipe = session.result().value();
          assertThat(session.result().violations())
              .as(split.name())
              .extracting(v -> v.path().toString())
              .containsExactly("$.cooking_steps[1].estimated_minutes");
        }
        assertThat(valid).as(split.name()).containsExactly(new Step("boil", 5));
        assertThat(recipe)
            .as(split.name())
            .isEqualTo(
                new Recipe("soup", List.of(new Step("boil", 5), new Step("stir", 99))));
      }
    }
  }
}
