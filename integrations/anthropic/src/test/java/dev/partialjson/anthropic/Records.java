package dev.partialjson.anthropic;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.util.List;

/** The types the tests bind: an answer with a list, and tool arguments. */
final class Records {
  private Records() {}

  /**
   * An answer with bounds a tool's {@code input_schema} carries but Anthropic's structured outputs
   * cannot (numbers): for forced-tool answers and the schemas of requests.
   */
  record Plan(@NotBlank String goal, @NotNull List<@Valid Task> tasks) {}

  record Task(@NotBlank String title, @Min(1) @Max(5) int priority) {}

  /** An answer whose every constraint structured outputs carry, so a valid answer binds valid. */
  record Trip(@NotNull String goal, @NotNull List<@Valid Stop> stops) {}

  record Stop(@NotNull String place, int hours) {}

  record Weather(@NotBlank String city, @Min(1) @Max(7) int days) {}
}
