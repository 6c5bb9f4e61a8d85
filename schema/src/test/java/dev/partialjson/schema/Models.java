package dev.partialjson.schema;

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

/** Target types the schema tests describe: the same as some that the binding tests bind. */
final class Models {
  private Models() {}

  enum Priority {
    LOW,
    MEDIUM,
    HIGH
  }

  record Task(@NotBlank String title, @NotNull Priority priority, @Size(max = 200) String notes) {}

  /** Renamed properties. */
  record Step(
      @JsonProperty("step_title") @NotBlank String title,
      @JsonProperty("minutes") @Positive int durationMinutes) {}

  record Recipe(
      @JsonProperty("recipe_name") @NotBlank String name,
      @JsonProperty("steps") List<@Valid Step> instructions,
      Map<String, @Min(0) Integer> scores,
      Map<String, @Valid Step> variants) {}

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
}
