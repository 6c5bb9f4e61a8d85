package dev.partialjson.binding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.partialjson.binding.Models.Estimate;
import dev.partialjson.binding.Models.Estimates;
import dev.partialjson.binding.Models.Plan;
import dev.partialjson.binding.Models.Task;
import dev.partialjson.parser.IncompleteJsonException;
import dev.partialjson.parser.MalformedJsonException;
import dev.partialjson.parser.ParserOptions;
import dev.partialjson.parser.PartialJsonException;
import dev.partialjson.testkit.Splits;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ErrorsTest {
  private static final StreamingBinder<Plan> PLANS = StreamingBinder.of(Plan.class);

  @Test
  void reportsTruncatedInputAsIncompleteAndKeepsThePartialValue() {
    String cut = "{\"goal\":\"Ship\",\"tasks\":[{\"title\":\"Wri";
    for (Splits.Split split : Sweep.of(cut)) {
      BindingSession<Plan> session = PLANS.open();
      Sweep.feed(split, session);
      assertThatThrownBy(session::complete)
          .isInstanceOf(IncompleteJsonException.class)
          .hasMessage(
              "Incomplete JSON: the input ended inside a string at $.tasks[0].title (offset 37,"
                  + " line 1, column 38); open: $, $.tasks, $.tasks[0], $.tasks[0].title");
      assertThat(session.partial())
          .isEqualTo(new Plan("Ship", List.of(new Task("Wri", null, null))));
      assertThat(session.result().error()).isInstanceOf(IncompleteJsonException.class);
    }
  }

  @Test
  void surfacesMalformedInputFromFeedUnchanged() {
    String bad = "{\"goal\":\"Ship\",\"tasks\":[}";
    for (Splits.Split split : Sweep.of(bad)) {
      BindingSession<Plan> session = PLANS.open();
      assertThatThrownBy(() -> Sweep.feed(split, session))
          .isInstanceOf(MalformedJsonException.class)
          .hasMessageStartingWith("Unexpected close marker '}': expected ']'");
      assertThat(session.partial()).isEqualTo(new Plan("Ship", List.of()));
      assertThatThrownBy(session::complete).isInstanceOf(MalformedJsonException.class);
    }
  }

  @Test
  void namesTheJsonPathOfAValueThatCannotBeBound() {
    String json =
        "{\"estimates\":[{\"title\":\"a\",\"hours\":3},{\"title\":\"b\",\"hours\":\"soon\"}]}";
    StreamingBinder<Estimates> binder = StreamingBinder.of(Estimates.class);
    for (Splits.Split split : Sweep.of(json)) {
      BindingSession<Estimates> session = binder.open();
      Sweep.feed(split, session);
      assertThatThrownBy(session::complete)
          .isInstanceOf(BindingException.class)
          .hasMessage(
              "Cannot deserialize value of type `int` from String \"soon\": not a valid `int`"
                  + " value at $.estimates[1].hours")
          .satisfies(
              e -> {
                BindingException b = (BindingException) e;
                assertThat(b.path()).hasToString("$.estimates[1].hours");
                assertThat(b.byteOffset()).isEqualTo(-1);
                assertThat(b).isInstanceOf(PartialJsonException.class);
              });
    }
  }

  @Test
  void failFastThrowsTheBindingErrorOfAnItemWhenItCloses() {
    StreamingBinder<Estimates> binder =
        StreamingBinder.builder(Estimates.class).failurePolicy(FailurePolicy.FAIL_FAST).build();
    BindingSession<Estimates> session = binder.open();
    List<Estimate> items = new ArrayList<>();
    session.onItem("$.estimates[*]", Estimate.class, items::add);
    session.feed("{\"estimates\":[{\"title\":\"a\",\"hours\":3},");
    assertThatThrownBy(() -> session.feed("{\"title\":\"b\",\"hours\":\"soon\"}"))
        .isInstanceOf(BindingException.class)
        .hasMessage(
            "Cannot deserialize value of type `int` from String \"soon\": not a valid `int`"
                + " value at $.estimates[1].hours");
    assertThat(items).containsExactly(new Estimate("a", 3));
  }

  record Strict(
      @com.fasterxml.jackson.annotation.JsonProperty(required = true) String id, String name) {}

  @Test
  void namesAMissingCreatorProperty() {
    BindingSession<Strict> session = StreamingBinder.of(Strict.class).open();
    session.feed("{\"name\":\"x\"}");
    assertThatThrownBy(session::complete)
        .isInstanceOf(BindingException.class)
        .hasMessage("Missing required creator property 'id' (index 0) at $.id");
  }

  @Test
  void passesParserOptionsThrough() {
    StreamingBinder<Plan> strict =
        StreamingBinder.builder(Plan.class).parserOptions(ParserOptions.strict()).build();
    BindingSession<Plan> session = strict.open();
    assertThatThrownBy(() -> session.feed("Here: {\"goal\":\"x\"}"))
        .isInstanceOf(MalformedJsonException.class)
        .hasMessage(
            "Unexpected character ('H' (code 72)): expected a valid value (JSON String, Number,"
                + " Array, Object or token 'null', 'true' or 'false') at $ (offset 0, line 1,"
                + " column 1) near \"\"");
  }
}
