package dev.partialjson.binding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.partialjson.testkit.Splits;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A constraint validator that throws fails the value it checks with a {@link BindingException}
 * naming the path and the constraint, never with the provider's own exception: {@code result()}
 * still returns a result.
 */
class ThrowingValidatorTest {

  /** Checked by a validator that cannot check the word "boom". */
  @Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.TYPE_USE})
  @Retention(RetentionPolicy.RUNTIME)
  @Constraint(validatedBy = Checked.Checker.class)
  @interface Checked {
    String message() default "unchecked";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    final class Checker implements ConstraintValidator<Checked, String> {
      @Override
      public boolean isValid(String value, ConstraintValidatorContext context) {
        if ("boom".equals(value)) {
          throw new IllegalStateException("cannot check " + value);
        }
        return true;
      }
    }
  }

  record Step(@NotBlank @Checked String title, int minutes) {}

  record Recipe(String name, @Valid Step main, List<@Valid Step> steps) {}

  private static final String BOOM_IN_AN_ITEM =
      "{\"name\":\"n\",\"main\":{\"title\":\"ok\",\"minutes\":1},\"steps\":[{\"title\":\"a\","
          + "\"minutes\":1},{\"title\":\"boom\",\"minutes\":2},{\"title\":\"c\",\"minutes\":3}]}";

  private static final String MESSAGE =
      "Validating @Checked failed: java.lang.IllegalStateException: cannot check boom at ";

  private static void assertValidatorFailure(Throwable e, String path) {
    assertThat(e).isInstanceOf(BindingException.class).hasMessage(MESSAGE + path);
    assertThat(((BindingException) e).path()).hasToString(path);
    assertThat(e.getCause()).isInstanceOf(jakarta.validation.ValidationException.class);
    assertThat(e.getCause().getCause())
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("cannot check boom");
  }

  @Test
  void anItemWhoseValidatorThrowsIsAReportedFailureAndTheRestGoesOn() {
    StreamingBinder<Recipe> binder = StreamingBinder.of(Recipe.class);
    for (Splits.Split split : Sweep.of(BOOM_IN_AN_ITEM)) {
      BindingSession<Recipe> session = binder.open();
      List<BoundItem<Step>> checked = new ArrayList<>();
      List<Step> valid = new ArrayList<>();
      session.onCheckedItem("$.steps[*]", Step.class, checked::add);
      session.onItem("$.steps[*]", Step.class, valid::add);
      Sweep.feed(split, session);
      assertThat(valid).as(split.name()).extracting(Step::title).containsExactly("a", "c");
      assertThat(checked).extracting(BoundItem::isValid).containsExactly(true, false, true);
      BoundItem<Step> failed = checked.get(1);
      assertThat(failed.value()).isEqualTo(new Step("boom", 2));
      assertThat(failed.violations()).isEmpty();
      assertValidatorFailure(failed.error(), "$.steps[1].title");
      BindingResult<Recipe> result = session.result();
      assertThat(result.value()).isNull();
      assertValidatorFailure(result.error(), "$.steps[1].title");
      assertThatThrownBy(session::complete)
          .satisfies(e -> assertValidatorFailure(e, "$.steps[1].title"));
    }
  }

  @Test
  void failFastStopsAtTheItemWhoseValidatorThrows() {
    StreamingBinder<Recipe> binder =
        StreamingBinder.builder(Recipe.class).failurePolicy(FailurePolicy.FAIL_FAST).build();
    for (Splits.Split split : Sweep.of(BOOM_IN_AN_ITEM)) {
      BindingSession<Recipe> session = binder.open();
      assertThatThrownBy(() -> Sweep.feed(split, session))
          .as(split.name())
          .satisfies(e -> assertValidatorFailure(e, "$.steps[1].title"));
      assertValidatorFailure(session.result().error(), "$.steps[1].title");
    }
  }

  @Test
  void aValidatorThatThrowsInTheFinalValidationNamesTheNestedPath() {
    String json =
        "{\"name\":\"n\",\"main\":{\"title\":\"boom\",\"minutes\":1},\"steps\":[{\"title\":\"a\","
            + "\"minutes\":1}]}";
    StreamingBinder<Recipe> binder = StreamingBinder.of(Recipe.class);
    for (Splits.Split split : Sweep.of(json)) {
      BindingSession<Recipe> session = binder.open();
      Sweep.feed(split, session);
      BindingResult<Recipe> result = session.result();
      assertThat(result.value()).as(split.name()).isNull();
      assertValidatorFailure(result.error(), "$.main.title");
      assertThatThrownBy(session::complete)
          .satisfies(e -> assertValidatorFailure(e, "$.main.title"));
    }
  }

  @Test
  void aUsersValidatorThatThrowsIsReportedTheSameWay() {
    StreamingBinder<Recipe> binder =
        StreamingBinder.builder(Recipe.class).validator(Defaults.validator()).build();
    BindingSession<Recipe> session = binder.open();
    session.feed(BOOM_IN_AN_ITEM);
    assertValidatorFailure(session.result().error(), "$.steps[1].title");
  }
}
