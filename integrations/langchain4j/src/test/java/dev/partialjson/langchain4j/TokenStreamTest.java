package dev.partialjson.langchain4j;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;

import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.service.AiServices;
import dev.langchain4j.service.TokenStream;
import dev.langchain4j.service.tool.ToolExecutor;
import dev.partialjson.binding.BindingResult;
import dev.partialjson.binding.FailurePolicy;
import dev.partialjson.binding.StreamingBinder;
import dev.partialjson.binding.TokenUsage;
import dev.partialjson.embeddedmodel.EmbeddedModelExtension;
import dev.partialjson.embeddedmodel.ServedStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The handler on an AI Services {@code TokenStream}, behind the real OpenAI client. */
class TokenStreamTest {
  @RegisterExtension static final EmbeddedModelExtension MODEL = EmbeddedModelExtension.create();

  private static final StreamingBinder<Trip> TRIPS = StreamingBinder.of(Trip.class);

  interface Planner {
    TokenStream plan(String request);
  }

  private static <T> Planner planner(String scenario, StreamingBinder<T> binder) {
    return AiServices.create(
        Planner.class,
        EmbeddedModels.client(MODEL.model(), "embedded/" + scenario)
            .responseFormat(LangChain4jSchemas.responseFormat(binder))
            .build());
  }

  @Test
  void bindsTheAnswerKeepingTheThinkBlockApart() throws Exception {
    List<Trip.Activity> items = new ArrayList<>();
    StringBuilder thinking = new StringBuilder();
    BindingHandler<Trip> handler =
        BindingHandler.of(TRIPS.open().onItem("$.activities[*]", Trip.Activity.class, items::add))
            .onThinking(thinking::append);
    handler.attachTo(planner("think", TRIPS).plan("Plan a weekend in Lisbon")).start();
    BindingResult<Trip> result = handler.result().get(60, SECONDS);

    assertThat(result.isValid()).as("%s", result).isTrue();
    assertThat(items).isNotEmpty().isEqualTo(result.value().activities());
    assertThat(thinking.toString()).isNotBlank().doesNotContain("{\"");
    var usage = handler.response().tokenUsage();
    assertThat(handler.session().stats().usage())
        .isEqualTo(new TokenUsage(usage.inputTokenCount(), usage.outputTokenCount()));
  }

  @Test
  void theProvidersReasoningIsTheSessionsReasoningBeforeItsJson() throws Exception {
    StringBuilder thinking = new StringBuilder();
    var session = TRIPS.open();
    ReasoningLog log = ReasoningLog.on(session);
    BindingHandler<Trip> handler = BindingHandler.of(session).onThinking(thinking::append);
    handler.attachTo(planner("reasoning", TRIPS).plan("Plan a weekend in Lisbon")).start();
    BindingResult<Trip> result = handler.result().get(60, SECONDS);

    assertThat(result.isValid()).as("%s", result).isTrue();
    assertThat(log.order()).containsExactly("start", "delta", "end", "answer");
    assertThat(log.segments()).containsExactly(handler.response().aiMessage().thinking());
    assertThat(thinking.toString()).isEqualTo(log.text()).isNotBlank();
    assertThat(session.stats().reasoningChars()).isEqualTo(log.text().length());
  }

  @Test
  void cancelsASlowStreamAtTheServerWhenTheSessionFailsFast() throws Exception {
    StreamingBinder<OpenAiStreamingChatModelTest.TightTrip> binder =
        StreamingBinder.builder(OpenAiStreamingChatModelTest.TightTrip.class)
            .failurePolicy(FailurePolicy.FAIL_FAST)
            .build();
    BindingHandler<OpenAiStreamingChatModelTest.TightTrip> handler =
        BindingHandler.of(binder.open());
    handler.attachTo(planner("slow", binder).plan("Plan a weekend in Lisbon")).start();
    var result = handler.result().get(60, SECONDS);

    assertThat(result.error().getMessage())
        .isEqualTo("1 constraint violation: $.activities[0].name size must be between 0 and 1");
    assertThat(handler.isCancelled()).isTrue();
    assertThat(MODEL.model().lastStream().awaitEnd(Duration.ofSeconds(30)))
        .isEqualTo(ServedStream.Ending.CANCELLED_BY_CLIENT);
  }

  @Test
  void bindsAToolCallOnceWhenTheToolReturnsImmediately() throws Exception {
    List<String> titles = new ArrayList<>();
    ToolSpecification planTrip =
        LangChain4jSchemas.toolSpecification("plan_trip", "Plans a trip", TRIPS);
    ToolExecutor executor = (request, memoryId) -> "planned";
    Planner planner =
        AiServices.builder(Planner.class)
            .streamingChatModel(EmbeddedModels.client(MODEL.model(), "embedded/valid").build())
            .tools(Map.of(planTrip, executor), Set.of("plan_trip"))
            .build();
    BindingHandler<Trip> handler =
        BindingHandler.of(TRIPS.open())
            .onToolCall("plan_trip", TRIPS, s -> s.onValue("$.title", String.class, titles::add));
    handler.attachTo(planner.plan("Plan a weekend in Lisbon")).start();
    handler.result().get(60, SECONDS);

    assertThat(handler.toolCalls()).hasSize(1);
    BoundToolCall call = handler.toolCalls().get(0);
    assertThat(call.arguments().isValid()).as("%s", call).isTrue();
    assertThat(call.id()).isNotNull();
    assertThat(titles).containsExactly(call.argumentsAs(Trip.class).title());
  }
}
