package dev.partialjson.embeddedmodel;

import org.jspecify.annotations.Nullable;

/**
 * Where the JSON of an answer comes from: written from the request's JSON schema by {@link
 * SchemaAnswers}, seeded; {@link Scenario#INVALID_ITEM} breaks one list item's bound (or answers
 * validly when no list item has a bound to break). A request without a schema gets a built-in trip
 * plan, whose third activity lasts 14 hours (at most 12 allowed) under {@link
 * Scenario#INVALID_ITEM}. The one place that decides an answer's JSON. Thread-safe.
 */
final class AnswerSource {
  private AnswerSource() {}

  /**
   * Returns the JSON answer to {@code schemaJson} (null when the request has none).
   *
   * @throws IllegalArgumentException if the schema uses a construct no answer can be written for,
   *     naming it and where it is
   */
  static String answer(@Nullable String schemaJson, Scenario scenario, long seed) {
    if (schemaJson == null) {
      return plan(scenario == Scenario.INVALID_ITEM ? 14 : 4);
    }
    SchemaAnswers answers = SchemaAnswers.forSchema(schemaJson);
    if (scenario == Scenario.INVALID_ITEM) {
      return answers.withInvalidItem(seed).orElseGet(() -> answers.valid(seed));
    }
    return answers.valid(seed);
  }

  /** Returns the plan, with {@code hours} for the third activity (at most 12 is valid). */
  private static String plan(int hours) {
    return """
        {"title": "A slow weekend in Lisbon", \
        "summary": "Trams, tiles and custard tarts, with time to sit by the river.", \
        "activities": [\
        {"name": "Tram 28 through Alfama", "day": "SATURDAY", "hours": 2}, \
        {"name": "Tile museum (Museu do Azulejo)", "day": "SATURDAY", "hours": 3}, \
        {"name": "Belém: the tower, the monastery and pastéis", "day": "SUNDAY", "hours": %d}, \
        {"name": "Sunset at the Miradouro da Graça", "day": "SUNDAY", "hours": 1}]}"""
        .formatted(hours);
  }
}
