package dev.partialjson.openai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.openai.client.OpenAIClient;
import com.openai.core.ObjectMappers;
import com.openai.core.http.StreamResponse;
import com.openai.errors.OpenAIException;
import com.openai.models.responses.ResponseCreateParams;
import com.openai.models.responses.ResponseStreamEvent;
import dev.partialjson.binding.BindingSession;
import dev.partialjson.binding.StreamingBinder;
import dev.partialjson.embeddedmodel.EmbeddedModelExtension;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Responses reasoning reaching the answer's session ({@code session.onReasoning}) through the real
 * openai-java client: the embedded model's reasoning summary and inline {@code <think>} block, and
 * recorded streams whose reasoning precedes a function call.
 */
class ResponseReasoningTest {
  @RegisterExtension static final EmbeddedModelExtension MODEL = EmbeddedModelExtension.create();

  record Place(String location) {}

  record City(String city) {}

  private static final StreamingBinder<Trip> TRIP = ChatCompletionsTest.TRIP;
  private static final StreamingBinder<JsonNode> ANY = StreamingBinder.of(JsonNode.class);
  private static OpenAIClient client;

  @Test
  void theSummaryReachesTheMessagesSessionAndEndsAtItsPartDone() {
    Pieces pieces = new Pieces();
    Thoughts thoughts = new Thoughts(pieces);
    StringBuilder raw = new StringBuilder();
    List<Integer> outputs = new ArrayList<>();

    ResponseResult<Trip> result =
        OpenAiStreams.responses(TRIP)
            .onText(pieces::add)
            .onReasoning(
                (output, delta) -> {
                  raw.append(delta);
                  outputs.add(output);
                })
            .onSession(thoughts::attach)
            .stream(stream(trip("reasoning")));

    assertThat(raw).isNotEmpty();
    assertThat(outputs).containsOnly(0); // the raw view keeps the reasoning item's index
    assertThat(thoughts.text).hasToString(raw.toString());
    assertThat(thoughts.log).containsExactly("start", "delta", "end", "answer");
    assertThat(thoughts.piecesAtEnd).containsExactly(0); // ended before any answer text
    ResponseResult.Message<Trip> message = result.messages().get(0);
    assertThat(result.messages()).singleElement();
    assertThat(message.outputIndex()).isEqualTo(1);
    BindingSession<Trip> session = message.session().orElseThrow();
    assertThat(thoughts.sessions).containsExactly(session);
    assertThat(session.stats().reasoningChars()).isEqualTo(raw.length());
    assertThat(result.value().activities()).isNotEmpty();
    assertThat(pieces.text()).startsWith("{");
  }

  @Test
  void aThinkBlockInTheOutputTextReachesTheSessionOnce() {
    Pieces pieces = new Pieces();
    Thoughts thoughts = new Thoughts(pieces);
    StringBuilder raw = new StringBuilder();

    ResponseResult<Trip> result =
        OpenAiStreams.responses(TRIP)
            .onText(pieces::add)
            .onReasoning((output, delta) -> raw.append(delta))
            .onSession(thoughts::attach)
            .stream(stream(trip("think")));

    String text = pieces.text();
    String block = text.substring("<think>".length(), text.indexOf("</think>"));
    assertThat(thoughts.text).hasToString(block);
    assertThat(thoughts.log).containsExactly("start", "delta", "end", "answer");
    assertThat(result.messages().get(0).session().orElseThrow().stats().reasoningChars())
        .isEqualTo(block.length());
    assertThat(raw).isEmpty();
    assertThat(result.value().activities()).isNotEmpty();
  }

  @Test
  void reasoningBeforeOnlyAFunctionCallGainsNoMessage() {
    Thoughts thoughts = new Thoughts(new Pieces());
    StringBuilder raw = new StringBuilder();

    ResponseResult<Trip> result =
        OpenAiStreams.responses(TRIP)
            .onReasoning((output, delta) -> raw.append(delta))
            .onSession(thoughts::attach)
            .tool("get_weather", ChatCompletionsTest.WEATHER, session -> {})
            .stream(
                stream(
                    ResponseCreateParams.builder()
                        .model("embedded/reasoning")
                        .input("Weather in Lisbon")
                        .addTool(
                            OpenAiStreams.responsesTool(
                                "get_weather", "The weather", ChatCompletionsTest.WEATHER))
                        .build()));

    assertThat(thoughts.text).isNotEmpty().hasToString(raw.toString());
    assertThat(thoughts.log).containsExactly("start", "delta", "end");
    assertThat(thoughts.sessions)
        .singleElement()
        .satisfies(s -> assertThat(s.stats().reasoningChars()).isEqualTo(raw.length()));
    assertThat(result.messages()).isEmpty();
    assertThat(result.error()).isEmpty();
    assertThat(result.toolCalls().get(0).arguments(Trip.Weather.class)).isNotNull();
    assertThatThrownBy(result::value)
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("the response has no message (status completed, 1 function call(s))");
  }

  @Test
  void aResponseCutOffWhileThinkingGainsNoMessage() {
    Thoughts thoughts = new Thoughts(new Pieces());
    StringBuilder raw = new StringBuilder();

    ResponseResult<Trip> result =
        OpenAiStreams.responses(TRIP)
            .onReasoning((output, delta) -> raw.append(delta))
            .onSession(thoughts::attach)
            .stream(stream(trip("reasoning").toBuilder().maxOutputTokens(5).build()));

    assertThat(raw).isNotEmpty();
    assertThat(thoughts.text).hasToString(raw.toString());
    assertThat(thoughts.log).containsExactly("start", "delta", "end");
    assertThat(result.status()).contains("incomplete");
    assertThat(result.messages()).isEmpty();
    assertThatThrownBy(result::value)
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("the response has no message (status incomplete)");
  }

  @Test
  void gpt5SummaryBeforeAFunctionCallReachesTheSessionHook() {
    Thoughts thoughts = new Thoughts(new Pieces());
    StringBuilder raw = new StringBuilder();

    ResponseResult<JsonNode> result =
        OpenAiStreams.responses(ANY)
            .onReasoning((output, delta) -> raw.append(delta))
            .onSession(thoughts::attach)
            .tool("weather", StreamingBinder.of(Place.class), session -> {})
            .stream(replay("responses-reasoning-summary-function-call"));

    assertThat(raw).hasSize(424);
    assertThat(thoughts.text).hasToString(raw.toString());
    assertThat(thoughts.log).containsExactly("start", "delta", "end");
    assertThat(thoughts.sessions.get(0).stats().reasoningChars()).isEqualTo(424);
    assertThat(result.messages()).isEmpty();
    assertThat(result.toolCalls().get(0).arguments(Place.class))
        .isEqualTo(new Place("Florence, Italy"));
    assertThatThrownBy(result::value)
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("the response has no message (status completed, 1 function call(s))");
  }

  @Test
  void deepSeekReasoningTextEndsAtItsDoneEvent() {
    Thoughts thoughts = new Thoughts(new Pieces());
    List<String> order = new ArrayList<>();

    ResponseResult<JsonNode> result =
        OpenAiStreams.responses(ANY)
            .onSession(
                session -> {
                  thoughts.attach(session);
                  session.onReasoning(
                      new dev.partialjson.parser.ReasoningListener() {
                        @Override
                        public void reasoningEnd() {
                          order.add("end");
                        }
                      });
                })
            .tool(
                "get_temperature",
                StreamingBinder.of(City.class),
                session -> order.add("function call"))
            .stream(replay("responses-deepseek-reasoning-function-call"));

    assertThat(thoughts.text)
        .hasToString("The user asks about temperature in Tokyo. I'll call the tool.");
    assertThat(order).containsExactly("end", "function call");
    assertThat(result.toolCalls().get(0).arguments(City.class)).isEqualTo(new City("Tokyo"));
  }

  @Test
  void aMessageThatAdoptsTheReasoningButOnlyRefusesHasNoSession() throws Exception {
    // No scenario or recording refuses after reasoning: the SDK's own events, read by its mapper.
    List<ResponseStreamEvent> events = new ArrayList<>();
    for (String json :
        List.of(
            "{\"type\":\"response.reasoning_summary_text.delta\",\"item_id\":\"rs_1\","
                + "\"output_index\":0,\"summary_index\":0,\"delta\":\"Unsafe.\","
                + "\"sequence_number\":1}",
            "{\"type\":\"response.output_item.added\",\"output_index\":1,\"sequence_number\":2,"
                + "\"item\":{\"type\":\"message\",\"id\":\"msg_1\",\"role\":\"assistant\","
                + "\"status\":\"in_progress\",\"content\":[]}}",
            "{\"type\":\"response.refusal.delta\",\"item_id\":\"msg_1\",\"output_index\":1,"
                + "\"content_index\":0,\"delta\":\"No.\",\"sequence_number\":3}",
            "{\"type\":\"response.completed\",\"sequence_number\":4,"
                + "\"response\":{\"id\":\"r\",\"status\":\"completed\"}}")) {
      events.add(ObjectMappers.jsonMapper().readValue(json, ResponseStreamEvent.class));
    }
    Thoughts thoughts = new Thoughts(new Pieces());

    ResponseResult<Trip> result =
        OpenAiStreams.responses(TRIP).onSession(thoughts::attach).stream(
            new StreamResponse<>() {
              @Override
              public Stream<ResponseStreamEvent> stream() {
                return events.stream();
              }

              @Override
              public void close() {}
            });

    assertThat(thoughts.text).hasToString("Unsafe.");
    assertThat(thoughts.log).containsExactly("start", "delta", "end");
    ResponseResult.Message<Trip> message = result.messages().get(0);
    assertThat(result.messages()).singleElement();
    assertThat(message.refusal()).contains("No.");
    assertThat(message.session()).isEmpty();
    assertThatThrownBy(result::value)
        .isInstanceOf(OpenAIException.class)
        .hasMessage("output 1 refused: No.");
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

  private static StreamResponse<ResponseStreamEvent> replay(String name) {
    return stream(
        ResponseCreateParams.builder().model("embedded/replay/" + name).input("replayed").build());
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
