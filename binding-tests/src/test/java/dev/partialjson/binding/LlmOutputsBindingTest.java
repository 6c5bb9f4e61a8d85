package dev.partialjson.binding;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.partialjson.testkit.Splits;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Real model outputs (see the README in the test resources) bound to records written after the JSON
 * Schema each was produced against, under the sweep: the value equals Jackson's own binding of the
 * whole text, items arrive one by one, and the schema's required fields validate.
 */
class LlmOutputsBindingTest {
  private static final ObjectMapper JACKSON = new ObjectMapper();

  enum Units {
    @JsonProperty("c")
    C,
    @JsonProperty("f")
    F
  }

  /** openai-python: city, temperature, units in {c, f}, all required. */
  record Weather(@NotBlank String city, @NotNull BigDecimal temperature, @NotNull Units units) {}

  /** pydantic-ai: answers of label and answer. */
  record Answer(@NotBlank String label, @NotBlank String answer) {}

  record Answers(@NotNull List<@Valid Answer> answers) {}

  /** pydantic-ai: city, country, population (integer), all required. */
  record CityInfo(@NotBlank String city, @NotBlank String country, @Positive long population) {}

  /** pydantic-ai: a collection of pages of named items. */
  record NestedModel(@NotBlank String name, @NotNull Integer value) {}

  record MiddleModel(@NotBlank String title, @NotNull List<@Valid NestedModel> items) {}

  record TopModel(@NotBlank String name, @NotNull List<@Valid MiddleModel> pages) {}

  /** ToolBench's Finish tool: return_type in {give_answer, give_up_and_restart}. */
  enum ReturnType {
    give_answer,
    give_up_and_restart
  }

  record Finish(
      @JsonProperty("return_type") @NotNull ReturnType returnType,
      @JsonProperty("final_answer") String finalAnswer) {}

  /** openai-cookbook: math reasoning steps. */
  record Step(@NotBlank String explanation, @NotBlank String output) {}

  record MathReasoning(
      @NotNull List<@Valid Step> steps, @JsonProperty("final_answer") @NotBlank String answer) {}

  @ParameterizedTest
  @ValueSource(strings = {"0002", "0004", "0005"})
  void bindsWeatherWithUnits(String file) {
    check(file, Weather.class, null, null);
  }

  @ParameterizedTest
  @ValueSource(strings = {"0082", "0087", "0090", "0092", "0095"})
  void bindsAnswersOneByOne(String file) {
    check(file, Answers.class, "$.answers[*]", Answer.class);
  }

  @ParameterizedTest
  @ValueSource(strings = {"0127", "0129", "0132", "0133", "0135", "0138", "0143", "0148"})
  void bindsCityInfo(String file) {
    check(file, CityInfo.class, null, null);
  }

  @ParameterizedTest
  @ValueSource(strings = {"0204", "0205"})
  void bindsNestedPagesItemByItem(String file) {
    check(file, TopModel.class, "$.pages[*].items[*]", NestedModel.class);
  }

  @ParameterizedTest
  @ValueSource(strings = {"0011", "0014", "0016", "0020"})
  void bindsTheFinishTool(String file) {
    check(file, Finish.class, null, null);
  }

  @ParameterizedTest
  @ValueSource(strings = {"0010"})
  void bindsMathStepsOneByOne(String file) {
    check(file, MathReasoning.class, "$.steps[*]", Step.class);
  }

  private static <T, E> void check(
      String file, Class<T> type, String itemPattern, Class<E> itemType) {
    byte[] bytes = read(file);
    T expected;
    try {
      expected = JACKSON.readValue(bytes, type);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    StreamingBinder<T> binder = StreamingBinder.of(type);
    for (Splits.Split split : Sweep.of(bytes)) {
      BindingSession<T> session = binder.open();
      List<E> items = new ArrayList<>();
      if (itemPattern != null) {
        session.onItem(itemPattern, itemType, items::add);
      }
      Sweep.feed(split, session);
      assertThat(session.complete()).as("%s, %s", file, split.name()).isEqualTo(expected);
      if (itemPattern != null) {
        assertThat(items).as("%s, %s", file, split.name()).isNotEmpty();
      }
    }
  }

  private static byte[] read(String file) {
    String name = "/llm-outputs/" + file + ".json";
    try (InputStream in = LlmOutputsBindingTest.class.getResourceAsStream(name)) {
      return Objects.requireNonNull(in, "no resource " + name).readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
