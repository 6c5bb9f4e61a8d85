package dev.partialjson.benchmarks;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * The typed form of a generated document of {@link Documents#generate}, with a few Jakarta
 * constraints, for the typed-binding row of {@link FeedBenchmark}. Every generated document is
 * valid. The corpus documents have other shapes and are not bound to it.
 */
record Answer(
    @NotBlank String title,
    @NotBlank String summary,
    @NotNull @Valid Metadata metadata,
    @NotNull @Size(min = 1) List<@Valid Section> sections,
    boolean complete) {

  /** The metadata object. */
  record Metadata(
      @NotBlank String model,
      int version,
      double temperature,
      boolean reviewed,
      List<String> tags,
      String parent) {}

  /** One section: a heading, a prose body and its items. */
  record Section(
      @NotBlank String heading, @NotNull String body, @NotNull List<@Valid Item> items) {}

  /** One item of a section. */
  record Item(
      int id,
      @NotBlank String name,
      boolean done,
      @NotNull Priority priority,
      double score,
      @JsonProperty("estimate_hours") int estimateHours,
      @Size(max = 10_000) String notes,
      @NotNull List<@NotNull String> steps) {}

  /** An item's priority, as the documents spell it. */
  enum Priority {
    @JsonProperty("low")
    LOW,
    @JsonProperty("medium")
    MEDIUM,
    @JsonProperty("high")
    HIGH,
    @JsonProperty("urgent")
    URGENT
  }
}
