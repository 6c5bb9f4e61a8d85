package dev.partialjson.embeddedmodel;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** How the scenarios change an answer's text. */
class AnswersTest {

  @Test
  void invalidToolJsonBreaksCompactAndSpacedJsonInsideAString() {
    assertThat(Answers.brokenIf(Scenario.INVALID_TOOL_JSON, "{\"a\":\"Lisbon in spring\"}"))
        .isEqualTo("{\"a\":\"Lisbon \"quoted\" in spring\"}");
    assertThat(Answers.brokenIf(Scenario.INVALID_TOOL_JSON, "{\"a\": \"Lisbon in spring\"}"))
        .isEqualTo("{\"a\": \"Lisbon \"quoted\" in spring\"}");
    assertThat(Answers.brokenIf(Scenario.INVALID_TOOL_JSON, "{\"n\":1}")).isEqualTo("{\"n\":1,}");
    assertThat(Answers.brokenIf(Scenario.VALID, "{\"a\":\"Lisbon in spring\"}"))
        .isEqualTo("{\"a\":\"Lisbon in spring\"}");
  }
}
