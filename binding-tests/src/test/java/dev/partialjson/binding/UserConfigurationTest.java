package dev.partialjson.binding;

import static org.assertj.core.api.Assertions.assertThat;

import dev.partialjson.binding.Models.Plan;
import dev.partialjson.testkit.Splits;
import jakarta.validation.MessageInterpolator;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.constraints.NotBlank;
import java.util.List;
import java.util.Locale;
import org.hibernate.validator.HibernateValidator;
import org.junit.jupiter.api.Test;

/** The user's own mapper and validator are the ones used. */
class UserConfigurationTest {
  record Forecast(@NotBlank String cityName, int highCelsius, List<String> weatherAlerts) {}

  @Test
  void bindsWithTheUsersMapper() {
    StreamingBinder<Forecast> binder =
        StreamingBinder.builder(Forecast.class)
            .databind(Side.current().namingStrategy("SNAKE_CASE", true))
            .build();
    String json = "{\"city_name\":\"Oslo\",\"high_celsius\":-3,\"weather_alerts\":[\"snow\"]}";
    for (Splits.Split split : Sweep.of(json)) {
      BindingSession<Forecast> session = binder.open();
      Sweep.feed(split, session);
      assertThat(session.complete()).isEqualTo(new Forecast("Oslo", -3, List.of("snow")));
    }
    BindingSession<Forecast> unknown = binder.open();
    unknown.feed("{\"city_name\":\"Oslo\",\"high_celsius\":1,\"weather_alerts\":[],\"extra\":1}");
    assertThat(unknown.result().error())
        .isInstanceOf(BindingException.class)
        .hasMessageStartingWith(Side.current().unrecognized("extra"));
    BindingSession<Forecast> partial = binder.open();
    partial.feed("{\"city_name\":\"Os");
    assertThat(partial.partial()).isEqualTo(new Forecast("Os", 0, null));
  }

  @Test
  void validatesWithTheUsersValidator() {
    MessageInterpolator shouting =
        new MessageInterpolator() {
          @Override
          public String interpolate(String template, Context context) {
            return "CHECK "
                + context
                    .getConstraintDescriptor()
                    .getAnnotation()
                    .annotationType()
                    .getSimpleName();
          }

          @Override
          public String interpolate(String template, Context context, Locale locale) {
            return interpolate(template, context);
          }
        };
    Validator validator =
        Validation.byProvider(HibernateValidator.class)
            .configure()
            .messageInterpolator(shouting)
            .buildValidatorFactory()
            .getValidator();
    StreamingBinder<Plan> binder = StreamingBinder.builder(Plan.class).validator(validator).build();
    BindingSession<Plan> session = binder.open();
    session.feed("{\"goal\":\"\",\"tasks\":[{\"title\":\"x\",\"priority\":\"LOW\"}]}");
    assertThat(session.result().violations())
        .containsExactly(
            new Violation(
                dev.partialjson.parser.JsonPath.parse("$.goal"),
                "CHECK NotBlank",
                NotBlank.class,
                ""));
  }
}
