package dev.partialjson.embeddedmodel;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The records the answers are bound to, with their schemas from {@code ModelSchema}. */
final class Records {
  private Records() {}

  enum Priority {
    @JsonProperty("low")
    LOW,
    @JsonProperty("medium")
    MEDIUM,
    @JsonProperty("high")
    HIGH
  }

  /** Bounds on numbers, an enum, a pattern on the items of a nested list, nullable fields. */
  record Task(
      @NotBlank String title,
      @NotNull Priority priority,
      @Min(1) @Max(5) int effort,
      @DecimalMin("0.5") @DecimalMax("40.0") Double hours,
      @Size(max = 3) List<@Pattern(regexp = "[a-z]{2,10}") String> tags,
      String notes) {}

  record Plan(
      @NotBlank String goal,
      @Size(min = 1, max = 6) List<@Valid Task> tasks,
      @Positive Integer budget) {}

  /** Lists of lists, with bounds on the inner lists and on their items. */
  record Cell(@Min(0) @Max(9) int value, @Positive double weight) {}

  record Grid(
      @NotBlank String name,
      @Size(min = 2, max = 4) List<@Size(min = 2, max = 3) List<@Valid Cell>> rows) {}

  /** Recursion: replies to replies. */
  record Comment(
      @NotBlank String author,
      String text,
      @PositiveOrZero int likes,
      List<@Valid Comment> replies) {}

  record Discussion(@NotBlank String topic, List<@Valid Comment> comments) {}

  /** A discriminated union, as a list of a sealed interface. */
  @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
  @JsonSubTypes({
    @JsonSubTypes.Type(value = Circle.class, name = "circle"),
    @JsonSubTypes.Type(value = Rect.class, name = "rect")
  })
  sealed interface Shape permits Circle, Rect {}

  record Circle(@NotBlank String label, @Positive @Max(100) double radius) implements Shape {}

  record Rect(String label, @Positive double width, @Positive @Max(50) double height)
      implements Shape {}

  record Drawing(String title, @Size(max = 8) List<@Valid Shape> shapes) {}

  /** Renamed properties, an email, a UUID, and lengths (kept by the plain schema only). */
  record Contact(
      @JsonProperty("full_name") @NotBlank @Size(max = 40) String name,
      @Email @NotNull String email,
      UUID id,
      @Size(min = 3, max = 12) String nickname) {}

  record Team(@NotBlank String name, @Size(min = 1, max = 5) List<@Valid Contact> members) {}

  /** The same people without length bounds, for the strict schema, which has none. */
  record Member(
      @NotBlank String name,
      @Email @NotNull String email,
      UUID id,
      @Min(18) @Max(99) Integer age) {}

  record Crew(@NotBlank String name, @Size(min = 1, max = 5) List<@Valid Member> members) {}

  /** A map, which only the plain schema can express. */
  record Scores(
      @NotBlank String game,
      Map<String, @Min(0) @Max(100) Integer> points,
      List<@Valid Task> tasks) {}

  /** The book of the recorded streams (see the test resources' README). */
  record Author(@NotNull String name, @NotNull String nationality) {}

  record Book(
      @NotNull String title,
      @NotNull Author author,
      @NotNull List<String> genres,
      @JsonProperty("published_year") int publishedYear) {}
}
