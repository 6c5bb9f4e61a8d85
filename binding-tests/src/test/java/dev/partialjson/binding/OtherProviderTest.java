package dev.partialjson.binding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.partialjson.binding.Models.Plan;
import dev.partialjson.binding.Models.Recipe;
import dev.partialjson.binding.Models.Task;
import dev.partialjson.testkit.Splits;
import jakarta.validation.Validation;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Binding with a Jakarta Validation provider other than Hibernate Validator: the {@code
 * other-provider} execution in binding/pom.xml runs this class with Hibernate Validator left off
 * the class path and Apache BVal in its place. The default binder finds that provider, names every
 * violation by its JSON path and validates list items as they close.
 */
@Tag("other-provider")
class OtherProviderTest {
  private static final String PLAN =
      "{\"goal\":\" \",\"tasks\":[{\"title\":\"a\",\"priority\":\"LOW\"},"
          + "{\"title\":\"\",\"priority\":null},{\"title\":\"c\",\"priority\":\"HIGH\"}]}";

  @Test
  void runsWithoutHibernateValidator() {
    assertThatThrownBy(() -> Class.forName("org.hibernate.validator.HibernateValidator"))
        .isInstanceOf(ClassNotFoundException.class);
    assertThat(HibernateValidatorSupport.PRESENT).isFalse();
    assertThat(Validation.byDefaultProvider().configure().getClass().getName())
        .startsWith("org.apache.bval.");
  }

  @Test
  void namesViolationsByTheirJsonPaths() {
    StreamingBinder<Plan> binder = StreamingBinder.of(Plan.class);
    for (Splits.Split split : Sweep.of(PLAN)) {
      BindingSession<Plan> session = binder.open();
      Sweep.feed(split, session);
      assertThat(session.result().violations())
          .as(split.name())
          .extracting(v -> v.path() + " " + v.constraint().getSimpleName())
          .containsExactly(
              "$.goal NotBlank", "$.tasks[1].priority NotNull", "$.tasks[1].title NotBlank");
    }
  }

  @Test
  void usesTheJsonNamesOfRenamedProperties() {
    BindingSession<Recipe> session = StreamingBinder.of(Recipe.class).open();
    session.feed("{\"recipe_name\":\"\",\"steps\":[{\"step_title\":\"\",\"minutes\":0}]}");
    assertThat(session.result().violations())
        .extracting(v -> v.path() + " " + v.constraint().getSimpleName())
        .containsExactly(
            "$.recipe_name NotBlank",
            "$.steps[0].minutes Positive",
            "$.steps[0].step_title NotBlank");
  }

  @Test
  void validatesEachItemAsItCloses() {
    BindingSession<Plan> session = StreamingBinder.of(Plan.class).open();
    List<BoundItem<Task>> items = new ArrayList<>();
    session.onCheckedItem("$.tasks[*]", Task.class, items::add);
    int third = PLAN.indexOf("{\"title\":\"c\"");
    session.feed(PLAN.substring(0, third));
    assertThat(items).hasSize(2); // both closed before the third began
    assertThat(items.get(1).violations())
        .extracting(v -> v.path() + " " + v.constraint().getSimpleName())
        .containsExactly("$.tasks[1].priority NotNull", "$.tasks[1].title NotBlank");
    session.feed(PLAN.substring(third));
    assertThat(session.result().violations()).hasSize(3);
    assertThat(items).extracting(BoundItem::isValid).containsExactly(true, false, true);
  }
}
