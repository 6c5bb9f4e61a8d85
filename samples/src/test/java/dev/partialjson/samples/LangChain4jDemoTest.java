package dev.partialjson.samples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.partialjson.binding.BindingResult;
import dev.partialjson.binding.BindingSession;
import dev.partialjson.binding.SessionStats;
import dev.partialjson.binding.StreamingBinder;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.CompletionException;
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
            "valid: true");
    assertThat(lines).anyMatch(line -> line.startsWith("value: Forecast[location=San Francisco"));
  }

  @Test
  void closesTheSessionAndFailsTheResultOnError() {
    BindingSession<ReactorDemo.Forecast> session =
        StreamingBinder.of(ReactorDemo.Forecast.class).open();
    var handler = new LangChain4jDemo.SessionHandler<>(session);
    List<ModelDeltas.Delta> deltas = Recording.OPENAI_FORECAST.deltas();
    deltas.subList(0, 50).forEach(delta -> handler.onPartialResponse(delta.text()));

    handler.onError(new IOException("connection reset"));

    assertThat(session.stats().phase()).isEqualTo(SessionStats.Phase.CANCELLED);
    assertThatThrownBy(() -> handler.result().join())
        .isInstanceOf(CompletionException.class)
        .cause()
        .hasMessage("connection reset");
  }

  @Test
  void endsWithTheFailedResultOnMalformedTextAndIgnoresTheRest() {
    BindingSession<ReactorDemo.Forecast> session =
        StreamingBinder.of(ReactorDemo.Forecast.class).open();
    var handler = new LangChain4jDemo.SessionHandler<>(session);

    handler.onPartialResponse("{\"location\": \"Oslo\",,");
    handler.onPartialResponse("\"weather\": {}}");
    handler.onCompleteResponse(ChatResponse.builder().aiMessage(AiMessage.from("…")).build());

    BindingResult<ReactorDemo.Forecast> result = handler.result().join();
    assertThat(result.error())
        .hasMessage(
            "Unexpected character (',' (code 44)): was expecting either valid name character (for"
                + " unquoted name) or double-quote (for quoted) to start field name at $ (offset"
                + " 20, line 1, column 21) near \"{\\\"location\\\": \\\"Oslo\\\",\"");
    assertThat(session.stats().phase()).isEqualTo(SessionStats.Phase.FAILED);
  }
}
