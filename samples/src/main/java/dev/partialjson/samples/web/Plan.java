package dev.partialjson.samples.web;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * The answer the browser demo asks the model for: a plan with a title and its tasks, each checked
 * by Jakarta Validation as it closes.
 *
 * @param title what the plan is for
 * @param tasks the steps, at least one
 */
public record Plan(@NotBlank String title, @NotNull @Size(min = 1) List<@Valid Task> tasks) {

  /** How urgent a task is; written in lower case in the JSON. */
  public enum Priority {
    /** Can wait. */
    @JsonProperty("low")
    LOW,
    /** Soon. */
    @JsonProperty("medium")
    MEDIUM,
    /** First. */
    @JsonProperty("high")
    HIGH
  }

  /**
   * One step of the plan.
   *
   * @param title what to do
   * @param priority how urgent it is
   * @param hours the estimate, more than zero
   */
  public record Task(@NotBlank String title, @NotNull Priority priority, @Positive int hours) {}
}
