package dev.partialjson.openai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.openai.client.OpenAIClient;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import com.openai.models.chat.completions.ChatCompletionStreamOptions;
import dev.partialjson.binding.BindingResult;
import dev.partialjson.binding.BindingSession;
import dev.partialjson.binding.BoundItem;
import dev.partialjson.binding.FailurePolicy;
import dev.partialjson.binding.SessionListener;
import dev.partialjson.binding.SessionStats;
import dev.partialjson.binding.StreamingBinder;
import dev.partialjson.binding.TokenUsage;
import dev.partialjson.binding.ValidationException;
import dev.partialjson.embeddedmodel.EmbeddedModelExtension;
import dev.partialjson.parser.IncompleteJsonException;
import dev.partialjson.parser.JsonEvent;
import dev.partialjson.schema.ModelSchema;
import dev.partialjson.schema.SchemaMode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Chat Completions through the real openai-java client against the embedded model. */
class ChatCompletionsTest {
  @RegisterExtension static final EmbeddedModelExtension MODEL = EmbeddedModelExtension.create();

  static final StreamingBinder<Trip> TRIP = StreamingBinder.of(Trip.class);
  static final StreamingBinder<Trip> FAIL_FAST =
      StreamingBinder.builder(Trip.class).failurePolicy(FailurePolicy.FAIL_FAST).build();
  static final StreamingBinder<Trip.Weather> WEATHER = StreamingBinder.of(Trip.Weather.class);
  static final StreamingBinder<Trip.Tickets> TICKETS = StreamingBinder.of(Trip.Tickets.class);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static OpenAIClient client;

  @Test
  void bindsTheAnswerWithEachActivityInTheDeltaThatClosesIt() throws Exception {
    Pieces pieces = new Pieces();
    List<Trip.Activity> activities = new ArrayList<>();
    List<Integer> arrivedIn = new ArrayList<>();

    ChatResult<Trip> result =
        OpenAiStreams.chat(TRIP)
            .onText(pieces::add)
            .onSession(
                session ->
                    session.onItem(
                        "$.activities[*]",
                        Trip.Activity.class,
                        activity -> {
                          activities.add(activity);
                          arrivedIn.add(pieces.current());
                        }))
            .stream(stream(trip("valid")));

    Trip trip = result.value();
    assertThat(trip.activities()).isNotEmpty().containsExactlyElementsOf(activities);
    assertThat(arrivedIn).isEqualTo(pieces.closingPieces("activities"));
    assertThat(pieces.pieces).hasSizeGreaterThan(trip.activities().size() * 4);
    assertThat(result.choice(0).finishReason()).contains("stop");
    assertThat(result.error()).isEmpty();
  }

  @Test
  void asksForTheBoundTypesStrictSchema() throws Exception {
    OpenAiStreams.chat(TRIP).stream(stream(trip("valid")));

    JsonNode format =
        JSON.readTree(MODEL.model().lastStream().requestBody()).get("response_format");
    assertThat(format.get("type").asText()).isEqualTo("json_schema");
    assertThat(format.get("json_schema").get("strict").asBoolean()).isTrue();
    assertThat(format.get("json_schema").get("schema"))
        .isEqualTo(JSON.readTree(ModelSchema.of(TRIP, SchemaMode.OPENAI_STRICT).toJson()));
  }

  @Test
  void reportsTheFinalChunksUsageToTheSessionBeforeItCompletes() {
    List<SessionStats> completed = new ArrayList<>();

    ChatResult<Trip> result =
        OpenAiStreams.chat(TRIP)
            .onSession(
                session ->
                    session.addListener(
                        new SessionListener() {
                          @Override
                          public void completed(BindingResult<?> outcome, SessionStats stats) {
                            completed.add(stats);
                          }
                        }))
            .stream(stream(trip("valid")));

    TokenUsage usage = result.usage().orElseThrow();
    assertThat(usage.inputTokens()).isPositive();
    assertThat(usage.outputTokens()).isPositive();
    assertThat(completed).singleElement().extracting(SessionStats::usage).isEqualTo(usage);
  }

  @Test
  void reportsTheInvalidItemByItsPathAndKeepsTheOthers() {
    List<BoundItem<Trip.Activity>> checked = new ArrayList<>();
    StreamingBinder<Trip> collecting =
        StreamingBinder.builder(Trip.class).failurePolicy(FailurePolicy.COLLECT_ALL).build();

    ChatResult<Trip> result =
        OpenAiStreams.chat(collecting)
            .onSession(
                session ->
                    session.onCheckedItem("$.activities[*]", Trip.Activity.class, checked::add))
            .stream(stream(trip("invalid-item")));

    assertThat(result.error()).isEmpty();
    assertThat(checked).hasSizeGreaterThan(1);
    List<BoundItem<Trip.Activity>> invalid =
        checked.stream().filter(item -> !item.violations().isEmpty()).toList();
    assertThat(invalid).hasSize(1);
    assertThatThrownBy(result::value)
        .isInstanceOfSatisfying(
            ValidationException.class,
            e ->
                assertThat(e.violations())
                    .singleElement()
                    .satisfies(v -> assertThat(v.path().toString()).startsWith("$.activities[")));
  }

  @Test
  void failingFastStopsReadingAndSaysWhichChoice() {
    ChatResult<Trip> result = OpenAiStreams.chat(FAIL_FAST).stream(stream(trip("invalid-item")));

    assertThat(result.error()).containsInstanceOf(ValidationException.class);
    assertThat(result.errorSource()).contains("choice 0");
    BindingSession<Trip> session = result.choice(0).session().orElseThrow();
    assertThat(session.stats().phase()).isEqualTo(SessionStats.Phase.FAILED);
    assertThatThrownBy(result::value).isSameAs(result.error().get());
  }

  @Test
  void anAnswerCutOffAtTheTokenLimitEndsWithFinishReasonLengthAndKeepsWhatArrived() {
    ChatResult<Trip> result = OpenAiStreams.chat(TRIP).stream(stream(trip("cut-off")));

    ChatResult.Choice<Trip> choice = result.choice(0);
    assertThat(choice.finishReason()).contains("length");
    assertThatThrownBy(choice::value).isInstanceOf(IncompleteJsonException.class);
    Trip partial = choice.session().orElseThrow().partial();
    assertThat(partial).isNotNull();
    assertThat(partial.title()).isNotBlank();
    assertThat(result.usage()).isPresent();
    assertThat(choice.session().orElseThrow().stats().usage()).isEqualTo(result.usage().get());
  }

  @Test
  void bindsTheJsonInsideAMarkdownFence() {
    Pieces pieces = new Pieces();

    Trip trip = OpenAiStreams.chat(TRIP).onText(pieces::add).stream(stream(trip("fenced"))).value();

    assertThat(pieces.text()).contains("```json");
    assertThat(trip.activities()).isNotEmpty();
  }

  @Test
  void bindsTheJsonAfterAThinkBlockInTheContent() {
    Pieces pieces = new Pieces();

    Trip trip = OpenAiStreams.chat(TRIP).onText(pieces::add).stream(stream(trip("think"))).value();

    assertThat(pieces.text()).startsWith("<think>");
    assertThat(trip.activities()).isNotEmpty();
  }

  @Test
  void keepsReasoningContentApartFromTheAnswer() {
    StringBuilder reasoning = new StringBuilder();
    Pieces pieces = new Pieces();

    Trip trip =
        OpenAiStreams.chat(TRIP)
            .onText(pieces::add)
            .onReasoning((choice, delta) -> reasoning.append(delta))
            .stream(stream(trip("reasoning")))
            .value();

    assertThat(reasoning).isNotEmpty();
    assertThat(pieces.text()).startsWith("{").doesNotContain(reasoning);
    assertThat(trip.activities()).isNotEmpty();
  }

  @Test
  void bindsInterleavedToolCallsEachInItsOwnSessionWithTheLateId() {
    List<String> events = new ArrayList<>();

    ChatResult<Void> result =
        OpenAiStreams.chat()
            .tool("get_weather", WEATHER, session -> session.addListener(recorder(events, "W")))
            .tool("find_tickets", TICKETS, session -> session.addListener(recorder(events, "T")))
            .stream(stream(tools("parallel-tools")));

    List<ToolCall> calls = result.choice(0).toolCalls();
    assertThat(calls)
        .extracting(call -> call.name().orElseThrow())
        .containsExactly("get_weather", "find_tickets");
    assertThat(calls)
        .allSatisfy(
            call ->
                assertThat(call.id()).hasValueSatisfying(id -> assertThat(id).startsWith("call_")));
    assertThat(calls.get(0).arguments(Trip.Weather.class)).isNotNull();
    assertThat(calls.get(1).arguments(Trip.Tickets.class)).isNotNull();
    assertThat(calls)
        .allSatisfy(
            call ->
                assertThat(call.session().orElseThrow().stats().phase())
                    .isEqualTo(SessionStats.Phase.COMPLETED));
    assertThat(String.join("", events)).containsPattern("W+T+W+");
    assertThat(result.choice(0).finishReason()).contains("tool_calls");
  }

  @Test
  void bindsEachOfNChoicesInItsOwnSession() {
    List<BindingSession<Trip>> sessions = new ArrayList<>();

    ChatResult<Trip> result =
        OpenAiStreams.chat(TRIP).onSession(sessions::add).stream(
            stream(trip("valid").toBuilder().n(3).build()));

    assertThat(result.choices()).extracting(ChatResult.Choice::index).containsExactly(0, 1, 2);
    assertThat(sessions).hasSize(3).doesNotHaveDuplicates();
    for (ChatResult.Choice<Trip> choice : result.choices()) {
      assertThat(choice.value().activities()).isNotEmpty();
      assertThat(choice.finishReason()).contains("stop");
    }
  }

  private static SessionListener recorder(List<String> events, String tag) {
    return new SessionListener() {
      @Override
      public void event(JsonEvent event) {
        events.add(tag);
      }
    };
  }

  static ChatCompletionCreateParams trip(String scenario) {
    return ChatCompletionCreateParams.builder()
        .model("embedded/" + scenario)
        .addUserMessage("Plan a weekend in Lisbon")
        .responseFormat(OpenAiStreams.responseFormat(TRIP))
        .streamOptions(ChatCompletionStreamOptions.builder().includeUsage(true).build())
        .build();
  }

  static ChatCompletionCreateParams tools(String scenario) {
    return ChatCompletionCreateParams.builder()
        .model("embedded/" + scenario)
        .addUserMessage("Weather in Lisbon, and tickets for the castle")
        .addTool(OpenAiStreams.chatTool("get_weather", "The weather in a city", WEATHER))
        .addTool(OpenAiStreams.chatTool("find_tickets", "Tickets for a place", TICKETS))
        .build();
  }

  static com.openai.core.http.StreamResponse<com.openai.models.chat.completions.ChatCompletionChunk>
      stream(ChatCompletionCreateParams params) {
    return client().chat().completions().createStreaming(params);
  }

  static synchronized OpenAIClient client() {
    if (client == null) {
      client = Clients.of(MODEL.model());
    }
    return client;
  }

  @AfterAll
  static void closeClient() {
    if (client != null) {
      client.close();
      client = null;
    }
  }
}
