package dev.partialjson.openai;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;

/** The answer the tests ask for: a trip with a list of activities of bounded length. */
record Trip(
    @NotBlank String title, String summary, @Size(min = 1) List<@Valid Activity> activities) {

  enum Day {
    MONDAY,
    TUESDAY,
    WEDNESDAY,
    THURSDAY,
    FRIDAY,
    SATURDAY,
    SUNDAY
  }

  record Activity(@NotBlank String name, Day day, @Min(1) @Max(12) int hours) {}

  /** A tool's arguments, unconstrained: only that they bind is asserted. */
  record Weather(String city, String unit) {}

  /** Another tool's arguments, unconstrained. */
  record Tickets(String place, String date, Integer people) {}
}
