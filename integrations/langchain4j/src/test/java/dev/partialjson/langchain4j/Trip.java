package dev.partialjson.langchain4j;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import java.util.List;

/** The answer the tests ask the model for: a trip with a list of activities. */
record Trip(@NotBlank String title, String summary, @NotEmpty List<@Valid Activity> activities) {

  /** One activity; at most 12 hours, a bound the invalid-item scenario breaks. */
  record Activity(@NotBlank String name, Day day, @Min(1) @Max(12) int hours) {}

  enum Day {
    SATURDAY,
    SUNDAY
  }
}
