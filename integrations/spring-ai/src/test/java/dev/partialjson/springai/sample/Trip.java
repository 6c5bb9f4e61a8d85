package dev.partialjson.springai.sample;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.util.List;

/** The answer the page shows: its schema goes to the model, which answers to it. */
public record Trip(
    @NotBlank String title,
    @NotBlank String summary,
    @NotNull @Valid List<Trip.Activity> activities) {

  /** A list item, with a bound the embedded model's invalid-item scenario breaks. */
  public record Activity(@NotBlank String name, @NotNull Day day, @Min(0) @Max(12) int hours) {}

  /** The days a trip's activities fall on. */
  public enum Day {
    SATURDAY,
    SUNDAY
  }
}
