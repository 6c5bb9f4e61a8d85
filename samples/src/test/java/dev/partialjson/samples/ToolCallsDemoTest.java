package dev.partialjson.samples;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ToolCallsDemoTest {
  private final List<String> lines = DemoOutput.of(ToolCallsDemo::run);

  @Test
  void bindsEachParallelToolCallToTheRecordItsToolNames() {
    assertThat(lines)
        .containsSubsequence(
            "call 0 GetWeatherArgs -> WeatherArgs",
            "call 1 get_stock_price -> StockPriceArgs",
            "call 0 GetWeatherArgs: WeatherArgs[city=Edinburgh, country=GB, units=c]",
            "call 1 get_stock_price: StockPriceArgs[ticker=AAPL, exchange=NASDAQ]");
  }

  @Test
  void printsEachFieldAsItGrowsBeforeTheResult() {
    assertThat(lines)
        .containsSubsequence(
            "  call 0 $.city \"Edinb\"",
            "  call 0 $.city \"Edinburgh\"",
            "  call 0 $.country \"GB\"",
            "  call 0 $.units \"c\"",
            "  call 1 $.ticker \"AAP\"",
            "  call 1 $.ticker \"AAPL\"",
            "  call 1 $.exchange \"NA\"",
            "  call 1 $.exchange \"NASDAQ\"",
            "call 0 GetWeatherArgs: WeatherArgs[city=Edinburgh, country=GB, units=c]");
  }

  @Test
  void bindsTheAnthropicInputJsonDeltasToARecord() {
    assertThat(lines)
        .containsSubsequence(
            "== Anthropic Claude, tool_use input in input_json_delta fragments, through anthropic-java",
            "call 1 get_weather -> WeatherQuery",
            "  call 1 $.location \"P\"",
            "  call 1 $.location \"Par\"",
            "  call 1 $.location \"Paris\"",
            "call 1 get_weather: WeatherQuery[location=Paris]");
  }
}
