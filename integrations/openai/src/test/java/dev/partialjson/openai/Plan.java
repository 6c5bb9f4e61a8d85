package dev.partialjson.openai;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;

/** The answer the tests ask for: a goal and a list of tasks with a bounded priority. */
record Plan(@NotBlank String goal, @Size(min = 1) List<@Valid Task> tasks) {
  record Task(@NotBlank String title, @Min(1) @Max(5) int priority) {}

  /** A tool's arguments. */
  record Weather(@NotBlank String city, String units) {}
}
