package dev.partialjson.binding;

import static org.assertj.core.api.Assertions.assertThat;

import dev.partialjson.binding.Models.Document;
import dev.partialjson.binding.Models.Plan;
import dev.partialjson.binding.Models.Recipe;
import dev.partialjson.binding.Models.Task;
import dev.partialjson.testkit.Splits;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Violations are named by their JSON path, exactly, under every split. */
class ViolationPathTest {

  private static <T> List<String> violations(StreamingBinder<T> binder, String json) {
    List<String> first = null;
    for (Splits.Split split : Sweep.of(json)) {
      BindingSession<T> session = binder.open();
      Sweep.feed(split, session);
      BindingResult<T> result = session.result();
      assertThat(result.error()).as(split.name()).isNull();
      List<String> found =
          result.violations().stream()
              .map(v -> v.path() + " " + v.constraint().getSimpleName() + " " + v.message())
              .toList();
      if (first == null) {
        first = found;
      }
      assertThat(found).as(split.name()).isEqualTo(first);
    }
    return first;
  }

  @Test
  void namesListItemPropertiesByIndex() {
    String json =
        "{\"goal\":\"\",\"tasks\":[{\"title\":\"a\",\"priority\":\"LOW\"},"
            + "{\"title\":\"b\",\"priority\":\"LOW\"},{\"title\":\" \",\"priority\":null}]}";
    assertThat(violations(StreamingBinder.of(Plan.class), json))
        .containsExactly(
            "$.goal NotBlank must not be blank",
            "$.tasks[2].priority NotNull must not be null",
            "$.tasks[2].title NotBlank must not be blank");
  }

  @Test
  void reportsAListConstraintAtTheList() {
    assertThat(violations(StreamingBinder.of(Plan.class), "{\"goal\":\"g\",\"tasks\":[]}"))
        .containsExactly("$.tasks Size size must be between 1 and 2147483647");
  }

  @Test
  void usesJsonPropertyNamesAndMapKeys() {
    String json =
        "{\"recipe_name\":\"Soup\",\"steps\":[{\"step_title\":\"Boil\",\"minutes\":5},"
            + "{\"step_title\":\"\",\"minutes\":0}],"
            + "\"scores\":{\"alice\":3,\"odd key\":-1},"
            + "\"variants\":{\"quick\":{\"step_title\":\"x\",\"minutes\":-2}}}";
    assertThat(violations(StreamingBinder.of(Recipe.class), json))
        .containsExactly(
            "$.scores['odd key'] Min must be greater than or equal to 0",
            "$.steps[1].minutes Positive must be greater than 0",
            "$.steps[1].step_title NotBlank must not be blank",
            "$.variants.quick.minutes Positive must be greater than 0");
  }

  @Test
  void namesItemsOfNestedLists() {
    String json =
        "{\"name\":\"d\",\"sections\":[{\"title\":\"ok\",\"items\":[{\"name\":\"a\",\"value\":1}]},"
            + "{\"title\":\"\",\"items\":[{\"name\":\"b\",\"value\":1},{\"name\":\"\",\"value\":-1}]}]}";
    assertThat(violations(StreamingBinder.of(Document.class), json))
        .containsExactly(
            "$.sections[1].items[1].name NotBlank must not be blank",
            "$.sections[1].items[1].value Min must be greater than or equal to 0",
            "$.sections[1].title NotBlank must not be blank");
  }

  @Test
  void namesItemsOfAListAtTheRoot() {
    String json = "[{\"title\":\"a\",\"priority\":\"LOW\"},{\"title\":\"\",\"priority\":\"LOW\"}]";
    assertThat(violations(StreamingBinder.of(new GenericType<List<Task>>() {}), json))
        .containsExactly("$[1].title NotBlank must not be blank");
  }

  record Reading(@NotNull String stationId, @Positive double celsiusValue) {}

  record Weather(@NotBlank String cityName, @Size(min = 1) List<Reading> hourlyReadings) {}

  record Survey(@Min(18) int respondentAge, List<@NotBlank String> freeTextAnswers) {}

  @Test
  void followsTheMappersNamingStrategy() {
    StreamingBinder<Weather> binder =
        StreamingBinder.builder(Weather.class)
            .databind(Side.current().namingStrategy("SNAKE_CASE", false))
            .build();
    assertThat(violations(binder, "{\"city_name\":\" \",\"hourly_readings\":[]}"))
        .containsExactly(
            "$.city_name NotBlank must not be blank",
            "$.hourly_readings Size size must be between 1 and 2147483647");
  }

  @Test
  void namesContainerElementsByIndex() {
    StreamingBinder<Survey> binder =
        StreamingBinder.builder(Survey.class)
            .databind(Side.current().namingStrategy("KEBAB_CASE", false))
            .build();
    assertThat(
            violations(
                binder, "{\"respondent-age\":17,\"free-text-answers\":[\"yes\",\"\",\"no\"]}"))
        .containsExactly(
            "$['free-text-answers'][1] NotBlank must not be blank",
            "$['respondent-age'] Min must be greater than or equal to 18");
  }
}
