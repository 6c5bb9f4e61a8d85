package dev.partialjson.binding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.partialjson.binding.Models.Plan;
import dev.partialjson.binding.Models.Task;
import dev.partialjson.parser.JsonPath;
import dev.partialjson.testkit.Splits;
import jakarta.validation.constraints.NotBlank;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FailurePolicyTest {
  static final String TWO_INVALID = Models.TWO_INVALID;

  @Test
  void failFastStopsInThePieceThatClosesTheFirstInvalidItem() {
    StreamingBinder<Plan> binder =
        StreamingBinder.builder(Plan.class).failurePolicy(FailurePolicy.FAIL_FAST).build();
    byte[] bytes = TWO_INVALID.getBytes(StandardCharsets.UTF_8);
    long secondClose = TWO_INVALID.indexOf('}', TWO_INVALID.indexOf('}') + 1);
    for (Splits.Split split : Sweep.of(bytes)) {
      BindingSession<Plan> session = binder.open();
      List<BoundItem<Task>> checked = new ArrayList<>();
      List<Task> valid = new ArrayList<>();
      session.onCheckedItem("$.tasks[*]", Task.class, checked::add);
      session.onItem("$.tasks[*]", Task.class, valid::add);
      Splits.Counting counter = Sweep.counting(session);
      assertThatThrownBy(() -> split.feed(counter))
          .as(split.name())
          .isInstanceOf(ValidationException.class)
          .hasMessage("1 constraint violation: $.tasks[1].title must not be blank")
          .satisfies(e -> assertThat(((ValidationException) e).path()).hasToString("$.tasks[1]"));
      assertThat(counter.inCurrentPiece(secondClose)).as(split.name()).isTrue();
      assertThat(valid).containsExactly(new Task("ok", Models.Priority.LOW, null));
      assertThat(checked).extracting(BoundItem::isValid).containsExactly(true, false);
      assertThatThrownBy(() -> session.feed("]}"))
          .isInstanceOf(IllegalStateException.class)
          .hasMessage(
              "the session failed: 1 constraint violation: $.tasks[1].title must not be blank");
      BindingResult<Plan> result = session.result();
      assertThat(result.value()).isNull();
      assertThat(result.error()).isInstanceOf(ValidationException.class);
      assertThat(result.violations())
          .extracting(Violation::toString)
          .containsExactly("$.tasks[1].title must not be blank");
      assertThat(session.partial().tasks()).hasSize(2);
    }
  }

  @Test
  void collectAllReportsEveryViolationAtTheEnd() {
    StreamingBinder<Plan> binder = StreamingBinder.of(Plan.class);
    for (Splits.Split split : Sweep.of(TWO_INVALID)) {
      BindingSession<Plan> session = binder.open();
      List<Boolean> checked = new ArrayList<>();
      session.onCheckedItem("$.tasks[*]", Task.class, item -> checked.add(item.isValid()));
      Sweep.feed(split, session);
      assertThat(checked).as(split.name()).containsExactly(true, false, false);
      assertThatThrownBy(session::complete)
          .isInstanceOf(ValidationException.class)
          .hasMessage(
              "2 constraint violations: $.tasks[1].title must not be blank;"
                  + " $.tasks[2].priority must not be null");
    }
  }

  @Test
  void resultReportsViolationsWithTheValueWithoutThrowing() {
    BindingSession<Plan> session = StreamingBinder.of(Plan.class).open();
    session.feed(TWO_INVALID);
    BindingResult<Plan> result = session.result();
    assertThat(result.isValid()).isFalse();
    assertThat(result.error()).isNull();
    assertThat(result.value().tasks()).hasSize(3);
    assertThat(result.violations())
        .containsExactly(
            new Violation(
                JsonPath.parse("$.tasks[1].title"), "must not be blank", NotBlank.class, ""),
            new Violation(
                JsonPath.parse("$.tasks[2].priority"),
                "must not be null",
                jakarta.validation.constraints.NotNull.class,
                null));
    assertThat(session.result()).isSameAs(result);
  }

  @Test
  void validatesListItemsAsTheyCloseWithoutACallback() {
    StreamingBinder<Plan> binder =
        StreamingBinder.builder(Plan.class).failurePolicy(FailurePolicy.FAIL_FAST).build();
    BindingSession<Plan> session = binder.open();
    session.feed("{\"goal\":\"g\",\"tasks\":[{\"title\":\"ok\",\"priority\":\"LOW\"},");
    assertThatThrownBy(() -> session.feed("{\"title\":\" \",\"priority\":\"LOW\"}"))
        .isInstanceOf(ValidationException.class)
        .hasMessage("1 constraint violation: $.tasks[1].title must not be blank");
  }
}
