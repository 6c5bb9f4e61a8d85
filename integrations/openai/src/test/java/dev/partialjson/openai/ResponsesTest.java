package dev.partialjson.openai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.openai.client.OpenAIClient;
import com.openai.core.http.StreamResponse;
import com.openai.models.responses.ResponseCreateParams;
import com.openai.models.responses.ResponseStreamEvent;
import dev.partialjson.binding.BindingSession;
import dev.partialjson.binding.BoundItem;
import dev.partialjson.binding.SessionListener;
import dev.partialjson.binding.SessionStats;
import dev.partialjson.binding.StreamingBinder;
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

/** The Responses API through the real openai-java client against the embedded model. */
class ResponsesTest {
  @RegisterExtension static final EmbeddedModelExtension MODEL = EmbeddedModelExtension.create();

  private static final StreamingBinder<Trip> TRIP = ChatCompletionsTest.TRIP;
  private static final ObjectMapper JSON = new ObjectMapper();
  private static OpenAIClient client;

  @Test
  void bindsTheOutputTextWithEachActivityInTheDeltaThatClosesIt() throws Exception {
    Pieces pieces = new Pieces();
    List<Integer> arrivedIn = new ArrayList<>();

    ResponseResult<Trip> result =
        OpenAiStreams.responses(TRIP)
            .onText(pieces::add)
            .onSession(
                session ->
                    session.onItem(
                        "$.activities[*]",
                        Trip.Activity.class,
                        activity -> arrivedIn.add(pieces.current())))
            .stream(stream(trip("valid")));

    Trip trip = result.value();
    assertThat(trip.activities()).hasSize(arrivedIn.size()).isNotEmpty();
    assertThat(arrivedIn).isEqualTo(pieces.closingPieces("activities"));
    assertThat(result.status()).contains("completed");
    assertThat(result.messages())
        .singleElement()
        .satisfies(m -> assertThat(m.itemId()).isPresent());
    assertThat(result.usage()).isPresent();
    BindingSession<Trip> session = result.messages().get(0).session().orElseThrow();
    assertThat(session.stats().usage()).isEqualTo(result.usage().get());
  }

  @Test
  void asksForTheBoundTypesStrictSchemaAsTheTextFormat() throws Exception {
    OpenAiStreams.responses(TRIP).stream(stream(trip("valid")));

    JsonNode format =
        JSON.readTree(MODEL.model().lastStream().requestBody()).get("text").get("format");
    assertThat(format.get("type").asText()).isEqualTo("json_schema");
    assertThat(format.get("strict").asBoolean()).isTrue();
    assertThat(format.get("schema"))
        .isEqualTo(JSON.readTree(ModelSchema.of(TRIP, SchemaMode.OPENAI_STRICT).toJson()));
  }

  @Test
  void reportsTheInvalidItemAndKeepsTheOthers() {
    List<BoundItem<Trip.Activity>> checked = new ArrayList<>();

    ResponseResult<Trip> result =
        OpenAiStreams.responses(TRIP)
            .onSession(
                session ->
                    session.onCheckedItem("$.activities[*]", Trip.Activity.class, checked::add))
            .stream(stream(trip("invalid-item")));

    assertThat(checked).filteredOn(item -> !item.violations().isEmpty()).hasSize(1);
    assertThat(checked).filteredOn(item -> item.violations().isEmpty()).isNotEmpty();
    assertThatThrownBy(result::value).isInstanceOf(ValidationException.class);
  }

  @Test
  void failingFastStopsReadingAndSaysWhichOutput() {
    ResponseResult<Trip> result =
        OpenAiStreams.responses(ChatCompletionsTest.FAIL_FAST).stream(stream(trip("invalid-item")));

    assertThat(result.error()).containsInstanceOf(ValidationException.class);
    assertThat(result.errorSource()).hasValueSatisfying(s -> assertThat(s).startsWith("output 0"));
    assertThat(result.status()).isEmpty();
  }

  @Test
  void anAnswerCutOffEndsIncompleteWithItsReasonAndKeepsWhatArrived() {
    ResponseResult<Trip> result = OpenAiStreams.responses(TRIP).stream(stream(trip("cut-off")));

    assertThat(result.status()).contains("incomplete");
    assertThat(result.incompleteReason()).contains("max_output_tokens");
    assertThatThrownBy(result::value).isInstanceOf(IncompleteJsonException.class);
    Trip partial = result.messages().get(0).session().orElseThrow().partial();
    assertThat(partial).isNotNull();
    assertThat(partial.title()).isNotBlank();
    assertThat(result.usage()).isPresent();
  }

  @Test
  void bindsTheJsonInsideAFenceAndAfterAThinkBlock() {
    for (String scenario : List.of("fenced", "think")) {
      Pieces pieces = new Pieces();

      Trip trip =
          OpenAiStreams.responses(TRIP).onText(pieces::add).stream(stream(trip(scenario))).value();

      assertThat(pieces.text()).doesNotStartWith("{");
      assertThat(trip.activities()).isNotEmpty();
    }
  }

  @Test
  void keepsTheReasoningSummaryApartFromTheAnswer() {
    StringBuilder reasoning = new StringBuilder();
    Pieces pieces = new Pieces();

    Trip trip =
        OpenAiStreams.responses(TRIP)
            .onText(pieces::add)
            .onReasoning((output, delta) -> reasoning.append(delta))
            .stream(stream(trip("reasoning")))
            .value();

    assertThat(reasoning).isNotEmpty();
    assertThat(pieces.text()).startsWith("{").doesNotContain(reasoning);
    assertThat(trip.activities()).isNotEmpty();
  }

  @Test
  void bindsInterleavedFunctionCallsByOutputIndex() {
    List<String> events = new ArrayList<>();

    ResponseResult<Void> result =
        OpenAiStreams.responses()
            .tool(
                "get_weather",
                ChatCompletionsTest.WEATHER,
                session -> session.addListener(recorder(events, "W")))
            .tool(
                "find_tickets",
                ChatCompletionsTest.TICKETS,
                session -> session.addListener(recorder(events, "T")))
            .stream(
                client()
                    .responses()
                    .createStreaming(
                        ResponseCreateParams.builder()
                            .model("embedded/parallel-tools")
                            .input("Weather in Lisbon, and tickets for the castle")
                            .addTool(
                                OpenAiStreams.responsesTool(
                                    "get_weather", "The weather", ChatCompletionsTest.WEATHER))
                            .addTool(
                                OpenAiStreams.responsesTool(
                                    "find_tickets", "Tickets", ChatCompletionsTest.TICKETS))
                            .build()));

    List<ToolCall> calls = result.toolCalls();
    assertThat(calls)
        .extracting(call -> call.name().orElseThrow())
        .containsExactly("get_weather", "find_tickets");
    assertThat(calls).allSatisfy(call -> assertThat(call.id()).isPresent());
    assertThat(calls).allSatisfy(call -> assertThat(call.itemId()).isPresent());
    assertThat(calls.get(0).arguments(Trip.Weather.class)).isNotNull();
    assertThat(calls.get(1).arguments(Trip.Tickets.class)).isNotNull();
    assertThat(calls)
        .allSatisfy(
            call ->
                assertThat(call.session().orElseThrow().stats().phase())
                    .isEqualTo(SessionStats.Phase.COMPLETED));
    assertThat(String.join("", events)).containsPattern("W+T+W+");
    assertThat(result.status()).contains("completed");
  }

  private static SessionListener recorder(List<String> events, String tag) {
    return new SessionListener() {
      @Override
      public void event(JsonEvent event) {
        events.add(tag);
      }
    };
  }

  private static ResponseCreateParams trip(String scenario) {
    return ResponseCreateParams.builder()
        .model("embedded/" + scenario)
        .input("Plan a weekend in Lisbon")
        .text(OpenAiStreams.textFormat(TRIP))
        .build();
  }

  private static StreamResponse<ResponseStreamEvent> stream(ResponseCreateParams params) {
    return client().responses().createStreaming(params);
  }

  private static synchronized OpenAIClient client() {
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
