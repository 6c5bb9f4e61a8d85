package dev.partialjson.langchain4j;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.output.FinishReason;
import dev.partialjson.binding.BindingResult;
import dev.partialjson.binding.StreamingBinder;
import dev.partialjson.binding.TokenUsage;
import dev.partialjson.embeddedmodel.EmbeddedModelExtension;
import dev.partialjson.parser.IncompleteJsonException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Real providers' Chat Completions streams, recorded and replayed byte for byte by the embedded
 * model ({@code embedded/replay/<name>}), through the real LangChain4j OpenAI client.
 */
class RecordedStreamsTest {
  @RegisterExtension static final EmbeddedModelExtension MODEL = EmbeddedModelExtension.create();

  record Weather(String city, int temperature, String units) {}

  record WeatherArgs(String city, String country, String units) {}

  record StockArgs(String ticker, String exchange) {}

  record Operands(int a, int b) {}

  private static void replay(String name, BindingHandler<?> handler) {
    EmbeddedModels.client(MODEL.model(), "embedded/replay/" + name)
        .build()
        .chat(ChatRequest.builder().messages(UserMessage.from("replayed")).build(), handler);
  }

  @Test
  void bindsOpenAisStructuredOutput() throws Exception {
    List<String> cities = new ArrayList<>();
    BindingHandler<Weather> handler =
        BindingHandler.of(
            StreamingBinder.of(Weather.class)
                .open()
                .onText("$.city", (path, full, delta) -> cities.add(full)));
    replay("chat-structured-output", handler);
    BindingResult<Weather> result = handler.result().get(60, SECONDS);

    assertThat(result.value()).isEqualTo(new Weather("San Francisco", 61, "f"));
    assertThat(cities).last().isEqualTo("San Francisco");
    assertThat(cities).hasSizeGreaterThan(1);
    assertThat(handler.session().stats().usage()).isEqualTo(new TokenUsage(79, 14));
    assertThat(handler.finishReason()).isEqualTo(FinishReason.STOP);
  }

  @Test
  void bindsOpenAisParallelToolCalls() throws Exception {
    BindingHandler<Weather> handler =
        BindingHandler.of(StreamingBinder.of(Weather.class).open())
            .onToolCall("GetWeatherArgs", StreamingBinder.of(WeatherArgs.class), s -> {})
            .onToolCall("get_stock_price", StreamingBinder.of(StockArgs.class), s -> {});
    replay("chat-parallel-tools", handler);
    handler.result().get(60, SECONDS);

    List<BoundToolCall> calls = handler.toolCalls();
    assertThat(calls)
        .extracting(BoundToolCall::id)
        .containsExactly("call_JMW1whyEaYG438VE1OIflxA2", "call_DNYTawLBoN8fj3KN6qU9N1Ou");
    assertThat(calls.get(0).argumentsAs(WeatherArgs.class))
        .isEqualTo(new WeatherArgs("Edinburgh", "GB", "c"));
    assertThat(calls.get(1).argumentsAs(StockArgs.class))
        .isEqualTo(new StockArgs("AAPL", "NASDAQ"));
    assertThat(handler.finishReason()).isEqualTo(FinishReason.TOOL_EXECUTION);
    assertThat(handler.session().stats().usage()).isEqualTo(new TokenUsage(149, 60));
  }

  @Test
  void keepsKimisReasoningApartAndBindsItsParallelCalls() throws Exception {
    StringBuilder thinking = new StringBuilder();
    BindingHandler<Operands> handler =
        BindingHandler.of(StreamingBinder.of(Operands.class).open())
            .onThinking(thinking::append)
            .onToolCall("add", StreamingBinder.of(Operands.class), s -> {})
            .onToolCall("multiply", StreamingBinder.of(Operands.class), s -> {});
    replay("chat-kimi-reasoning-parallel-tools", handler);
    handler.result().get(60, SECONDS);

    assertThat(thinking.toString()).startsWith("The user wants me to add and multiply");
    assertThat(handler.toolCalls())
        .extracting(BoundToolCall::name, BoundToolCall::id, c -> c.argumentsAs(Operands.class))
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("add", "functions.add:0", new Operands(2, 3)),
            org.assertj.core.groups.Tuple.tuple(
                "multiply", "functions.multiply:1", new Operands(2, 3)));
  }

  @Test
  void keepsDeepSeeksReasoningContentOutOfTheValue() throws Exception {
    StringBuilder thinking = new StringBuilder();
    BindingHandler<Weather> handler =
        BindingHandler.of(StreamingBinder.of(Weather.class).open()).onThinking(thinking::append);
    replay("chat-deepseek-reasoning-content", handler);
    handler.result().get(60, SECONDS);

    assertThat(thinking.toString()).startsWith("Hmm, the user just said \"Hello\".");
    assertThat(thinking.toString()).isEqualTo(handler.response().aiMessage().thinking());
    String answer = handler.response().aiMessage().text();
    assertThat(handler.session().stats().bytes())
        .isEqualTo(answer.getBytes(java.nio.charset.StandardCharsets.UTF_8).length);
  }

  @Test
  void reportsAnAnswerCutAfterOneTokenAsIncomplete() throws Exception {
    BindingHandler<Weather> handler = BindingHandler.of(StreamingBinder.of(Weather.class).open());
    replay("chat-max-tokens-1", handler);
    BindingResult<Weather> result = handler.result().get(60, SECONDS);

    assertThat(handler.finishReason()).isEqualTo(FinishReason.LENGTH);
    assertThat(result.error()).isInstanceOf(IncompleteJsonException.class);
    assertThat(handler.session().stats().usage()).isEqualTo(new TokenUsage(79, 1));
  }

  @Test
  void failsWithTheProvidersErrorEvent() {
    BindingHandler<Weather> handler = BindingHandler.of(StreamingBinder.of(Weather.class).open());
    replay("chat-groq-reasoning-error-event", handler);

    assertThatThrownBy(() -> handler.result().get(60, SECONDS))
        .isInstanceOf(ExecutionException.class)
        .cause()
        .hasMessageContaining("Tool call validation failed");
  }
}
