package dev.partialjson.samples;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ReactorDemoTest {
  private final List<String> lines = DemoOutput.of(ReactorDemo::run);

  @Test
  void publishesEachDayAsItClosesWhileTheDeltasAreStillComing() {
    assertThat(lines)
        .containsSubsequence(
            "Flux<Day> onNext after delta 102 of 177: Day[day=Monday, high=20°C, low=14°C,"
                + " condition=Sunny]",
            "Flux<Day> onNext after delta 138 of 177: Day[day=Tuesday, high=19°C, low=15°C,"
                + " condition=Mostly Cloudy]",
            "Flux<Day> onNext after delta 173 of 177: Day[day=Wednesday, high=18°C, low=14°C,"
                + " condition=Cloudy]",
            "Flux<Day> onComplete after delta 177");
  }

  @Test
  void completesTheSessionWithTheWholeValue() {
    assertThat(lines)
        .containsSubsequence(
            "value: Forecast[location=San Francisco, CA, weather=Conditions[temperature=18°C,"
                + " condition=Partly Cloudy, humidity=72%, windSpeed=15 km/h, windDirection=NW],"
                + " forecast=[Day[day=Monday, high=20°C, low=14°C, condition=Sunny],"
                + " Day[day=Tuesday, high=19°C, low=15°C, condition=Mostly Cloudy],"
                + " Day[day=Wednesday, high=18°C, low=14°C, condition=Cloudy]]]",
            "session: COMPLETED, 177 deltas, 615 bytes, 68 events");
  }
}
