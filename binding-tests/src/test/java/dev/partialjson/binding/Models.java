package dev.partialjson.binding;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;

/** The target types the tests bind; public for the tests in subpackages ({@code flow}). */
public final class Models {
  private Models() {}

  /** A {@link Plan} whose second and third tasks are invalid (a blank title, a null priority). */
  public static final String TWO_INVALID =
      "{\"goal\":\"g\",\"tasks\":[{\"title\":\"ok\",\"priority\":\"LOW\"},"
          + "{\"title\":\"\",\"priority\":\"LOW\"},{\"title\":\"x\",\"priority\":null}]}";

  public enum Priority {
    LOW,
    MEDIUM,
    HIGH
  }

  public record Task(
      @NotBlank String title, @NotNull Priority priority, @Size(max = 200) String notes) {}

  public record Plan(@NotBlank String goal, @Size(min = 1) List<@Valid Task> tasks) {}

  /** Renamed properties: violations must use the JSON names. */
  record Step(
      @JsonProperty("step_title") @NotBlank String title,
      @JsonProperty("minutes") @Positive int durationMinutes) {}

  record Recipe(
      @JsonProperty("recipe_name") @NotBlank String name,
      @JsonProperty("steps") List<@Valid Step> instructions,
      Map<String, @Min(0) Integer> scores,
      Map<String, @Valid Step> variants) {}

  /** Nested lists. */
  record Item(@NotBlank String name, @Min(0) int value) {}

  record Section(@NotBlank String title, List<@Valid Item> items) {}

  record Document(String name, List<@Valid Section> sections) {}

  /** A link whose URL must not be shown half-written. */
  record Link(String title, @ShowWhenComplete String url, Priority priority) {}

  record Links(List<Link> links) {}

  /** A discriminated union. */
  @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
  @JsonSubTypes({
    @JsonSubTypes.Type(value = Circle.class, name = "circle"),
    @JsonSubTypes.Type(value = Rect.class, name = "rect")
  })
  sealed interface Shape permits Circle, Rect {}

  record Circle(String label, @Positive double radius) implements Shape {}

  record Rect(String label, @Positive double width, @Positive double height) implements Shape {}

  record Drawing(String title, List<@Valid Shape> shapes) {}

  /** Counts as numbers: for binding errors. */
  record Estimate(String title, int hours) {}

  record Estimates(List<Estimate> estimates) {}
}
