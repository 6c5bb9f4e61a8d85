package dev.partialjson.binding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.partialjson.binding.Models.Plan;
import dev.partialjson.parser.ParserOptions;
import org.junit.jupiter.api.Test;

/** A binder made with no configuration works, and needs no expression language. */
class DefaultsTest {
  @Test
  void interpolatesMessagesWithNoExpressionLanguageOnTheClassPath() {
    assertThatThrownBy(() -> Class.forName("jakarta.el.ExpressionFactory"))
        .isInstanceOf(ClassNotFoundException.class);
    BindingSession<Plan> session = StreamingBinder.of(Plan.class).open();
    String notes = "x".repeat(201);
    session.feed(
        "{\"goal\":\" \",\"tasks\":[{\"title\":\"t\",\"priority\":\"LOW\",\"notes\":\""
            + notes
            + "\"}]}");
    assertThat(session.result().violations())
        .extracting(Violation::toString)
        .containsExactly(
            "$.goal must not be blank", "$.tasks[0].notes size must be between 0 and 200");
  }

  @Test
  void ignoresUnknownPropertiesByDefault() {
    BindingSession<Plan> session = StreamingBinder.of(Plan.class).open();
    session.feed("{\"goal\":\"g\",\"confidence\":0.9,\"tasks\":[]}");
    assertThat(session.result().value()).isEqualTo(new Plan("g", java.util.List.of()));
  }

  @Test
  void exposesItsSettings() {
    StreamingBinder<Plan> binder = StreamingBinder.of(Plan.class);
    assertThat(binder.failurePolicy()).isEqualTo(FailurePolicy.COLLECT_ALL);
    assertThat(binder.parserOptions()).isSameAs(ParserOptions.defaults());
    assertThat(binder.type()).isEqualTo(Plan.class);
    assertThat(binder.rawType()).isEqualTo(Plan.class);
  }

  @Test
  void theRawTypeOfAGenericTargetIsItsClass() {
    StreamingBinder<java.util.List<Plan>> binder =
        StreamingBinder.of(new GenericType<java.util.List<Plan>>() {});
    assertThat(binder.type().getTypeName())
        .isEqualTo("java.util.List<" + Plan.class.getTypeName() + ">");
    assertThat(binder.rawType()).isEqualTo(java.util.List.class);
  }
}
