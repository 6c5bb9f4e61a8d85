package dev.partialjson.embeddedmodel;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;

/** What the model should have answered to a request it served, from the schema the request had. */
final class Expected {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private Expected() {}

  /**
   * Returns the JSON answer to the schema at {@code pointer} in the served request (none when the
   * pointer finds nothing), as {@link AnswerSource} makes it for {@code scenario}.
   */
  static String json(ServedStream served, String pointer, Scenario scenario, long seed) {
    try {
      JsonNode schema = MAPPER.readTree(served.requestBody()).at(pointer);
      return Answers.brokenIf(
          scenario,
          AnswerSource.answer(schema.isObject() ? schema.toString() : null, scenario, seed));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Returns whether {@code text} parses as one JSON value. */
  static boolean parses(String text) {
    try {
      MAPPER.readTree(text);
      return true;
    } catch (IOException e) {
      return false;
    }
  }
}
