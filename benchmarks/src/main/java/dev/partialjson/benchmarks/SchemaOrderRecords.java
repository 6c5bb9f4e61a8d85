package dev.partialjson.benchmarks;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;

/**
 * The record types {@link SchemaOrderReport} measures: answers that applications ask models for,
 * declared as such records often are, with the prose or the list where the author thought of it
 * rather than where it streams best. Every property is required, so every answer has them all.
 */
final class SchemaOrderRecords {
  private SchemaOrderRecords() {}

  enum Budget {
    LOW,
    MEDIUM,
    HIGH
  }

  record Stop(
      @NotNull String name,
      @NotNull String description,
      @Min(1) @Max(14) int day,
      @Positive double hours) {}

  /** A trip plan: a title, a long summary, then the stops and the plan's facts. */
  record TripPlan(
      @NotNull @Size(max = 80) String title,
      @NotNull String summary,
      @NotNull @Size(min = 2, max = 6) List<@NotNull Stop> stops,
      @Min(1) @Max(14) int days,
      @NotNull Budget budget,
      @NotNull LocalDate start) {}

  enum Category {
    BILLING,
    BUG,
    ACCOUNT,
    FEATURE_REQUEST
  }

  enum Priority {
    P1,
    P2,
    P3
  }

  enum ActionKind {
    REFUND,
    ESCALATE,
    REPLY,
    CLOSE
  }

  record Action(
      @NotNull ActionKind kind,
      @NotNull String description,
      @NotNull @Size(max = 40) String owner) {}

  /** A support-ticket triage: the reasoning and the reply first, the classification after. */
  record TicketTriage(
      @NotNull String analysis,
      @NotNull String reply,
      @NotNull @Size(min = 1, max = 4) List<@NotNull Action> actions,
      @NotNull Category category,
      @NotNull Priority priority,
      boolean escalate,
      @NotNull @Size(max = 20) String ticketId) {}

  record Spec(@NotNull @Size(max = 40) String name, @NotNull @Size(max = 60) String value) {}

  /** A product extracted from a page: name and description, lists, then the facts. */
  record ProductExtraction(
      @NotNull @Size(max = 100) String name,
      @NotNull String description,
      @NotNull @Size(min = 2, max = 6) List<@NotNull String> features,
      @NotNull @Size(min = 1, max = 8) List<@NotNull Spec> specs,
      @Positive double price,
      @NotNull @Size(min = 3, max = 3) String currency,
      boolean inStock,
      @NotNull @Size(max = 24) String sku) {}

  record Decision(@NotNull String text, @NotNull @Size(max = 40) String owner) {}

  /** Meeting notes: the summary, then the decisions and attendees, the date and length last. */
  record MeetingNotes(
      @NotNull String summary,
      @NotNull @Size(min = 1, max = 5) List<@NotNull Decision> decisions,
      @NotNull @Size(min = 2, max = 8) List<@NotNull @Size(max = 40) String> attendees,
      @NotNull LocalDate date,
      @Min(5) @Max(240) int minutes) {}

  /** A record whose declaration already streams well: the option should change little. */
  record Recipe(
      @NotNull @Size(max = 80) String title,
      @Min(1) @Max(12) int servings,
      @Min(1) @Max(600) int minutes,
      @NotNull @Size(min = 2, max = 10) List<@NotNull @Size(max = 60) String> ingredients,
      @NotNull @Size(min = 2, max = 8) List<@NotNull String> steps) {}

  static final List<Class<?>> TYPES =
      List.of(
          TripPlan.class,
          TicketTriage.class,
          ProductExtraction.class,
          MeetingNotes.class,
          Recipe.class);
}
