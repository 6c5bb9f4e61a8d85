package dev.partialjson.samples;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class LangChain4jDemoTest {

  @Test
  void feedsThePartialResponsesAndCompletesWithTheValue() {
    List<String> lines = DemoOutput.of(LangChain4jDemo::run);

    assertThat(lines)
        .containsSubsequence(
            "location: San",
            "location: San Francisco, CA",
            "day: Day[day=Monday, high=20°C, low=14°C, condition=Sunny]",
            "day: Day[day=Tuesday, high=19°C, low=15°C, condition=Mostly Cloudy]",
            "day: Day[day=Wednesday, high=18°C, low=14°C, condition=Cloudy]",
            "finish reason: STOP",
            "valid: true");
    assertThat(lines).anyMatch(line -> line.startsWith("value: Forecast[location=San Francisco"));
  }
}
