package dev.partialjson.embeddedmodel;

import org.jspecify.annotations.Nullable;

/**
 * Where the JSON of an answer comes from: for now one built-in answer, a trip plan, whatever the
 * schema; {@link Scenario#INVALID_ITEM} gets the plan whose third activity lasts 14 hours (at most
 * 12 allowed). The one place that decides an answer's JSON, so that a generator driven by the
 * schema replaces it alone. Thread-safe.
 */
final class AnswerSource {
  private AnswerSource() {}

  /** Returns the JSON answer to {@code schemaJson} (null when the request has none). */
  static String answer(@Nullable String schemaJson, Scenario scenario, long seed) {
    return plan(scenario == Scenario.INVALID_ITEM ? 14 : 4);
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
