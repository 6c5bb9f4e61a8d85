package dev.partialjson.langchain4j;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.output.FinishReason;
import dev.partialjson.binding.BindingResult;
import dev.partialjson.binding.FailurePolicy;
import dev.partialjson.binding.StreamingBinder;
import dev.partialjson.binding.TokenUsage;
import dev.partialjson.embeddedmodel.EmbeddedModelExtension;
import dev.partialjson.embeddedmodel.ServedStream;
import dev.partialjson.parser.IncompleteJsonException;
import dev.partialjson.schema.ModelSchema;
import dev.partialjson.schema.SchemaMode;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The handler behind the real LangChain4j OpenAI client, over the embedded model's scenarios. */
class OpenAiStreamingChatModelTest {
  @RegisterExtension static final EmbeddedModelExtension MODEL = EmbeddedModelExtension.create();

  private static final StreamingBinder<Trip> TRIPS = StreamingBinder.of(Trip.class);

  private static ChatRequest request(StreamingBinder<?> binder) {
    return ChatRequest.builder()
        .messages(UserMessage.from("Plan a weekend in Lisbon"))
        .responseFormat(LangChain4jSchemas.responseFormat(binder))
        .build();
  }

  private static <T> BindingResult<T> chat(
      String scenario, StreamingBinder<T> binder, BindingHandler<T> handler) throws Exception {
    EmbeddedModels.client(MODEL.model(), "embedded/" + scenario)
        .build()
        .chat(request(binder), handler);
    return handler.result().get(60, SECONDS);
  }

  /** Returns how many list items of a trip are complete in {@code text}. */
  private static int itemsIn(String text) {
    List<Object> items = new ArrayList<>();
    var session =
        StreamingBinder.of(Trip.class)
            .open()
            .onCheckedItem("$.activities[*]", Trip.Activity.class, items::add);
    session.feed(text);
    session.close();
    return items.size();
  }

  @Test
  void bindsAValidAnswerEachItemInTheDeltaThatClosesIt() throws Exception {
    List<Trip.Activity> items = new ArrayList<>();
    List<String> misplaced = new ArrayList<>();
    BindingHandler<Trip> handler = BindingHandler.of(TRIPS.open());
    DeltaRecorder recorder = new DeltaRecorder(handler);
    handler
        .session()
        .onItem(
            "$.activities[*]",
            Trip.Activity.class,
            item -> {
              // Not complete before the delta being fed, and complete with it.
              if (itemsIn(recorder.before()) != items.size()
                  || itemsIn(recorder.before() + recorder.current()) < items.size() + 1) {
                misplaced.add(item + " in " + recorder.current());
              }
              items.add(item);
            });
    EmbeddedModels.client(MODEL.model(), "embedded/valid").build().chat(request(TRIPS), recorder);
    BindingResult<Trip> result = handler.result().get(60, SECONDS);

    assertThat(result.isValid()).as("%s", result).isTrue();
    assertThat(items).isNotEmpty().isEqualTo(result.value().activities());
    assertThat(misplaced).isEmpty();
    assertThat(recorder.deltas().size()).isGreaterThan(items.size());
    assertThat(handler.finishReason()).isEqualTo(FinishReason.STOP);
    var usage = handler.response().tokenUsage();
    assertThat(usage.outputTokenCount()).isPositive();
    assertThat(handler.session().stats().usage())
        .isEqualTo(new TokenUsage(usage.inputTokenCount(), usage.outputTokenCount()));
  }

  @Test
  void sendsTheBoundTypesSchemaInStrictMode() throws Exception {
    chat("valid", TRIPS, BindingHandler.of(TRIPS.open()));

    JsonNode body = new ObjectMapper().readTree(MODEL.model().lastStream().requestBody());
    JsonNode format = body.get("response_format");
    assertThat(format.get("type").asText()).isEqualTo("json_schema");
    assertThat(format.at("/json_schema/name").asText()).isEqualTo("Trip");
    assertThat(format.at("/json_schema/strict").asBoolean()).isTrue();
    assertThat(format.at("/json_schema/schema").toString())
        .isEqualTo(ModelSchema.of(TRIPS, SchemaMode.OPENAI_STRICT).toJson());
  }

  @Test
  void collectsTheInvalidItemsViolation() throws Exception {
    List<Trip.Activity> valid = new ArrayList<>();
    BindingResult<Trip> result =
        chat(
            "invalid-item",
            TRIPS,
            BindingHandler.of(
                TRIPS.open().onItem("$.activities[*]", Trip.Activity.class, valid::add)));

    assertThat(result.error()).isNull();
    assertThat(result.violations()).hasSize(1);
    // The scenario breaks the one bound an activity carries in the schema, on either side.
    assertThat(result.violations().get(0).message())
        .isIn("must be less than or equal to 12", "must be greater than or equal to 1");
    assertThat(result.violations().get(0).path().toString())
        .matches("\\$\\.activities\\[\\d+]\\.hours");
    assertThat(valid).hasSize(result.value().activities().size() - 1);
  }

  @Test
  void failsFastAtTheInvalidItemAndCancelsTheRequest() throws Exception {
    StreamingBinder<Trip> binder =
        StreamingBinder.builder(Trip.class).failurePolicy(FailurePolicy.FAIL_FAST).build();
    BindingHandler<Trip> handler = BindingHandler.of(binder.open());
    BindingResult<Trip> result = chat("invalid-item", binder, handler);

    assertThat(handler.isCancelled()).isTrue();
    assertThat(handler.response()).isNull();
    assertThat(result.error()).isNotNull();
    assertThat(result.error().getMessage())
        .matches(
            "1 constraint violation: \\$\\.activities\\[\\d+]\\.hours must be"
                + " (less than or equal to 12|greater than or equal to 1)");
  }

  @Test
  void reportsACutOffAnswerAsIncompleteWithTheLengthFinishReason() throws Exception {
    BindingHandler<Trip> handler = BindingHandler.of(TRIPS.open());
    BindingResult<Trip> result = chat("cut-off", TRIPS, handler);

    assertThat(handler.finishReason()).isEqualTo(FinishReason.LENGTH);
    assertThat(result.error()).isInstanceOf(IncompleteJsonException.class);
    assertThat(handler.session().partial().title()).isNotEmpty();
    assertThat(handler.session().stats().usage().outputTokens()).isEqualTo(40);
  }

  @Test
  void findsTheAnswerInsideAMarkdownFence() throws Exception {
    BindingResult<Trip> result = chat("fenced", TRIPS, BindingHandler.of(TRIPS.open()));

    assertThat(result.isValid()).as("%s", result).isTrue();
  }

  @Test
  void keepsAThinkBlockOutOfTheValue() throws Exception {
    StringBuilder thinking = new StringBuilder();
    BindingHandler<Trip> handler = BindingHandler.of(TRIPS.open()).onThinking(thinking::append);
    DeltaRecorder recorder = new DeltaRecorder(handler);
    EmbeddedModels.client(MODEL.model(), "embedded/think").build().chat(request(TRIPS), recorder);
    BindingResult<Trip> result = handler.result().get(60, SECONDS);

    String text = String.join("", recorder.deltas());
    assertThat(result.isValid()).as("%s", result).isTrue();
    assertThat(thinking.toString())
        .isEqualTo(text.substring("<think>".length(), text.indexOf("</think>")))
        .isNotBlank();
    assertThat(handler.session().stats().bytes())
        .isEqualTo(text.getBytes(java.nio.charset.StandardCharsets.UTF_8).length);
  }

  @Test
  void passesTheProvidersReasoningToTheThinkingCallback() throws Exception {
    StringBuilder thinking = new StringBuilder();
    BindingHandler<Trip> handler = BindingHandler.of(TRIPS.open()).onThinking(thinking::append);
    BindingResult<Trip> result = chat("reasoning", TRIPS, handler);

    assertThat(result.isValid()).as("%s", result).isTrue();
    assertThat(thinking.toString()).isEqualTo(handler.response().aiMessage().thinking());
    assertThat(thinking.toString()).isNotBlank();
  }

  /**
   * LangChain4j's OpenAI client (through 1.19.0) assembles tool calls one after the other: when the
   * fragments of two calls interleave, as some OpenAI-compatible servers send them, it loses the
   * first call's name on coming back to it and fails inside the client. The handler reports that
   * error as the result; the recorded OpenAI stream of parallel calls (sent one after the other)
   * binds, see {@code RecordedStreamsTest}.
   */
  @Test
  void reportsTheClientsErrorOnToolCallFragmentsThatInterleave() throws Exception {
    BindingHandler<Trip> handler =
        BindingHandler.of(TRIPS.open())
            .onToolCall("plan_trip", TRIPS, s -> {})
            .onToolCall("plan_backup_trip", TRIPS, s -> {});
    ChatRequest request =
        ChatRequest.builder()
            .messages(UserMessage.from("Plan a weekend in Lisbon, and a backup"))
            .toolSpecifications(
                LangChain4jSchemas.toolSpecification("plan_trip", "Plans a trip", TRIPS),
                LangChain4jSchemas.toolSpecification("plan_backup_trip", "Plans another", TRIPS))
            .build();
    EmbeddedModels.client(MODEL.model(), "embedded/parallel-tools").build().chat(request, handler);

    assertThatThrownBy(() -> handler.result().get(60, SECONDS))
        .isInstanceOf(ExecutionException.class)
        .cause()
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("name cannot be null or blank");
    JsonNode tools =
        new ObjectMapper().readTree(MODEL.model().lastStream().requestBody()).get("tools");
    assertThat(tools.at("/0/function/name").asText()).isEqualTo("plan_trip");
    assertThat(tools.at("/0/function/strict").asBoolean()).isTrue();
    assertThat(tools.at("/0/function/parameters/properties").toString())
        .isEqualTo(
            new ObjectMapper()
                .readTree(ModelSchema.of(TRIPS, SchemaMode.OPENAI_STRICT).toJson())
                .get("properties")
                .toString());
  }

  @Test
  void bindsAToolCallsArgumentsAsTheyStream() throws Exception {
    List<String> titles = new ArrayList<>();
    BindingHandler<Trip> handler =
        BindingHandler.of(TRIPS.open())
            .onToolCall("plan_trip", TRIPS, s -> s.onValue("$.title", String.class, titles::add));
    ChatRequest request =
        ChatRequest.builder()
            .messages(UserMessage.from("Plan a weekend in Lisbon"))
            .toolSpecifications(
                LangChain4jSchemas.toolSpecification("plan_trip", "Plans a trip", TRIPS))
            .build();
    EmbeddedModels.client(MODEL.model(), "embedded/valid").build().chat(request, handler);
    handler.result().get(60, SECONDS);

    List<BoundToolCall> calls = handler.toolCalls();
    assertThat(calls).hasSize(1);
    BoundToolCall call = calls.get(0);
    assertThat(call.arguments().isValid()).as("%s", call).isTrue();
    var request0 = handler.response().aiMessage().toolExecutionRequests().get(0);
    assertThat(call.id()).isEqualTo(request0.id()).isNotNull();
    assertThat(call.argumentsAs(Trip.class))
        .isEqualTo(new ObjectMapper().readValue(request0.arguments(), Trip.class));
    assertThat(titles).containsExactly(call.argumentsAs(Trip.class).title());
    assertThat(handler.finishReason()).isEqualTo(FinishReason.TOOL_EXECUTION);
  }

  /** A trip whose activity names may have one character: a bound the schema does not carry. */
  record TightTrip(
      String title,
      String summary,
      @jakarta.validation.constraints.NotEmpty List<@Valid TightActivity> activities) {}

  record TightActivity(@Size(max = 1) String name, Trip.Day day, int hours) {}

  @Test
  void cancelsASlowStreamAtTheServerWhenTheSessionFailsFast() throws Exception {
    StreamingBinder<TightTrip> binder =
        StreamingBinder.builder(TightTrip.class).failurePolicy(FailurePolicy.FAIL_FAST).build();
    BindingHandler<TightTrip> handler = BindingHandler.of(binder.open());
    BindingResult<TightTrip> result = chat("slow", binder, handler);

    assertThat(result.error().getMessage())
        .isEqualTo("1 constraint violation: $.activities[0].name size must be between 0 and 1");
    assertThat(handler.isCancelled()).isTrue();
    ServedStream stream = MODEL.model().lastStream();
    assertThat(stream.awaitEnd(Duration.ofSeconds(30)))
        .isEqualTo(ServedStream.Ending.CANCELLED_BY_CLIENT);
  }
}
