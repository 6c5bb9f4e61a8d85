package dev.partialjson.samples;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * What {@link TerminalDemo} asks the model for: a weekend plan. Its JSON Schema, sent as the
 * response format, is generated from these records; the same annotations validate the answer.
 *
 * @param title the plan's title, shown as it grows
 * @param summary one line about the plan
 * @param activities what to do, each validated as soon as it closes
 */
public record TripPlan(
    @NotBlank String title,
    @NotBlank String summary,
    @Size(min = 1, max = 8) List<@Valid Activity> activities) {

  /**
   * One thing to do.
   *
   * @param name what it is
   * @param day which day of the weekend
   * @param hours how long it takes, at most a long day
   */
  public record Activity(@NotBlank String name, @NotNull Day day, @Positive @Max(12) int hours) {}

  /** A day of the weekend. */
  public enum Day {
    /** The first day. */
    SATURDAY,
    /** The second day. */
    SUNDAY
  }
}
