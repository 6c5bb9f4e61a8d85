package dev.partialjson.springai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.partialjson.binding.BindingResult;
import dev.partialjson.binding.BindingSession;
import dev.partialjson.binding.FailurePolicy;
import dev.partialjson.binding.SessionListener;
import dev.partialjson.binding.StreamingBinder;
import dev.partialjson.binding.ValidationException;
import dev.partialjson.embeddedmodel.EmbeddedModelExtension;
import dev.partialjson.embeddedmodel.ServedStream;
import dev.partialjson.parser.IncompleteJsonException;
import dev.partialjson.parser.JsonEvent;
import dev.partialjson.parser.JsonPath;
import dev.partialjson.schema.ModelSchema;
import dev.partialjson.schema.SchemaMode;
import dev.partialjson.springai.sample.Trip;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Negative;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.ai.chat.client.ChatClient;
import reactor.core.publisher.Flux;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The adapter through Spring AI's own OpenAI chat model and chat client, against the embedded
 * model: one test per scenario that applies to a streamed structured answer.
 */
class ChatClientBindingTest {
  @RegisterExtension static final EmbeddedModelExtension MODEL = EmbeddedModelExtension.create();

  private static final Duration END = Duration.ofSeconds(30);
  private final ChatClientBinding<Trip> trips =
      ChatClientBinding.of(StreamingBinder.of(Trip.class));

  private StreamedAnswer<Trip> ask(String scenario) {
    ChatClient chat = EmbeddedChat.client(MODEL.model());
    return trips.stream(
        chat.prompt()
            .user("Plan a weekend in Lisbon")
            .options(trips.openAiOptions().model("embedded/" + scenario)));
  }

  @Test
  void sendsTheBoundTypesStrictSchemaAsTheResponseFormat() throws Exception {
    ask("valid").value().block(END);

    JsonNode format =
        JsonMapper.shared()
            .readTree(MODEL.model().lastStream().requestBody())
            .get("response_format");
    assertThat(format.get("type").asString()).isEqualTo("json_schema");
    assertThat(format.get("json_schema").get("strict").asBoolean()).isTrue();
    assertThat(format.get("json_schema").get("schema"))
        .isEqualTo(
            JsonMapper.shared()
                .readTree(ModelSchema.of(trips.binder(), SchemaMode.OPENAI_STRICT).toJson()));
  }

  @Test
  void emitsEveryActivityThenTheValidTripWithTheProvidersUsage() {
    StreamedAnswer<Trip> answer = ask("valid");
    Flux<Trip.Activity> activities = answer.items("$.activities[*]", Trip.Activity.class);
    var outcome = answer.outcome();

    List<Object> seen = Flux.<Object>merge(activities, outcome).collectList().block(END);

    StreamedAnswer.Outcome<?> end = (StreamedAnswer.Outcome<?>) seen.get(seen.size() - 1);
    Trip trip = (Trip) end.result().value();
    assertThat(end.result().isValid()).isTrue();
    assertThat(trip.activities()).isNotEmpty();
    assertThat(seen.subList(0, seen.size() - 1)).containsExactlyElementsOf(trip.activities());
    assertThat(end.finishReason()).isEqualTo("STOP");
    assertThat(end.stats().usage()).isNotNull();
    assertThat(end.stats().usage().outputTokens())
        .isEqualTo(MODEL.model().lastStream().tokensSent());
  }

  @Test
  void emitsEachActivityInTheDeltaThatClosesIt() {
    StreamedAnswer<Trip> answer = ask("valid");
    AtomicReference<BindingSession<Trip>> session = new AtomicReference<>();
    Map<JsonPath, Long> closedIn = new ConcurrentHashMap<>();
    answer.onSession(
        s -> {
          session.set(s);
          s.addListener(
              new SessionListener() {
                @Override
                public void event(JsonEvent event) {
                  if (event.kind() == JsonEvent.Kind.END_OBJECT
                      && event.path().toString().startsWith("$.activities[")) {
                    closedIn.put(event.path(), s.stats().deltas());
                  }
                }
              });
        });
    List<Long> emittedIn = new CopyOnWriteArrayList<>();

    List<Trip.Activity> activities =
        answer
            .items("$.activities[*]", Trip.Activity.class)
            .doOnNext(task -> emittedIn.add(session.get().stats().deltas()))
            .collectList()
            .block(END);

    assertThat(activities).hasSizeGreaterThan(1);
    List<Long> closing =
        closedIn.entrySet().stream()
            .sorted(Map.Entry.comparingByValue())
            .map(Map.Entry::getValue)
            .toList();
    assertThat(emittedIn).containsExactlyElementsOf(closing);
    assertThat(closing.get(0)).isLessThan(session.get().stats().deltas()); // not all at the end
  }

  @Test
  void reportsTheInvalidActivityByItsPathAndStillEmitsTheValidOnes() {
    StreamedAnswer<Trip> answer = ask("invalid-item");
    Flux<Trip.Activity> activities = answer.items("$.activities[*]", Trip.Activity.class);
    var result = answer.result();
    List<Trip.Activity> valid = new CopyOnWriteArrayList<>();
    AtomicReference<Throwable> error = new AtomicReference<>();

    @SuppressWarnings("unchecked") // the result view's only value
    BindingResult<Trip> end =
        (BindingResult<Trip>)
            Flux.<Object>merge(
                    activities.doOnNext(valid::add).doOnError(error::set).onErrorComplete().then(),
                    result)
                .blockLast(END);

    assertThat(end.violations()).hasSize(1);
    String path = end.violations().get(0).path().toString();
    assertThat(path).matches("\\$\\.activities\\[\\d+]\\.\\w+");
    assertThat(valid).hasSize(end.value().activities().size() - 1);
    assertThat(error.get()).isInstanceOf(ValidationException.class).hasMessageContaining(path);
  }

  @Test
  void failsTheValueWithTheIncompleteJsonWhenTheAnswerIsCutOff() {
    StreamedAnswer<Trip> answer = ask("cut-off");
    var outcome = answer.outcome().block(END);

    assertThat(outcome.finishReason()).isEqualTo("LENGTH");
    assertThat(outcome.result().error()).isInstanceOf(IncompleteJsonException.class);
    assertThat(MODEL.model().lastStream().tokensSent()).isEqualTo(40);
  }

  @Test
  void valueFailsWithTheIncompleteJsonWhenTheAnswerIsCutOff() {
    assertThatThrownBy(() -> ask("cut-off").value().block(END))
        .isInstanceOf(IncompleteJsonException.class);
  }

  @Test
  void bindsTheJsonInsideAMarkdownFence() {
    Trip trip = ask("fenced").value().block(END);

    assertThat(trip.activities()).isNotEmpty();
    assertThat(MODEL.model().lastStream().scenario().id()).isEqualTo("fenced");
  }

  @Test
  void bindsTheContentStreamToo() {
    ChatClient chat = EmbeddedChat.client(MODEL.model());
    StreamedAnswer<Trip> answer =
        trips.bindContent(
            chat.prompt().user("Plan a weekend in Lisbon").options(trips.openAiOptions()).stream()
                .content());

    var outcome = answer.outcome().block(END);

    assertThat(outcome.result().isValid()).isTrue();
    assertThat(outcome.stats().usage()).isNull(); // the content stream carries none
    assertThat(outcome.finishReason()).isNull();
  }

  @Test
  void cancellingTheItemsCancelsTheRequestAtTheModel() throws Exception {
    Trip.Activity first = ask("slow").items("$.activities[*]", Trip.Activity.class).blockFirst(END);

    assertThat(first).isNotNull();
    ServedStream served = MODEL.model().lastStream();
    assertThat(served.awaitEnd(END)).isEqualTo(ServedStream.Ending.CANCELLED_BY_CLIENT);
  }

  /** The trip again, with a bound every activity breaks (hours are never negative). */
  record Impossible(String title, String summary, @NotNull @Valid List<Activity> activities) {
    record Activity(String name, Trip.Day day, @Negative int hours) {}
  }

  @Test
  void failingFastOnTheFirstInvalidItemCancelsTheRequestAtTheModel() throws Exception {
    ChatClientBinding<Impossible> impossible =
        ChatClientBinding.of(
            StreamingBinder.builder(Impossible.class)
                .failurePolicy(FailurePolicy.FAIL_FAST)
                .build());
    StreamedAnswer<Impossible> answer =
        impossible.stream(
            EmbeddedChat.client(MODEL.model())
                .prompt()
                .user("Plan a weekend in Lisbon")
                .options(trips.openAiOptions().model("embedded/slow"))); // the lax schema

    var outcome = answer.outcome().block(END);

    assertThat(outcome.result().error())
        .isInstanceOf(ValidationException.class)
        .hasMessageStartingWith(
            "1 constraint violation: $.activities[0].hours must be less than 0");
    assertThat(outcome.finishReason()).isNull();
    ServedStream served = MODEL.model().lastStream();
    assertThat(served.awaitEnd(END)).isEqualTo(ServedStream.Ending.CANCELLED_BY_CLIENT);
  }

  @Test
  void keepsTheProvidersReasoningApartFromTheAnswer() {
    StreamedAnswer<Trip> answer = ask("reasoning");
    var reasoning = answer.reasoning().collectList();
    var value = answer.value();

    List<Object> seen = Flux.<Object>merge(reasoning, value).collectList().block(END);

    @SuppressWarnings("unchecked") // the reasoning view's pieces
    List<String> pieces =
        (List<String>) seen.stream().filter(List.class::isInstance).findFirst().orElseThrow();
    assertThat(pieces).hasSizeGreaterThan(1);
    assertThat(String.join("", pieces))
        .startsWith("The user wants an answer that follows the schema.");
    assertThat(seen).anyMatch(Trip.class::isInstance); // the answer bound, the reasoning not in it
  }

  @Test
  void bindsTheJsonAfterAThinkBlockInTheText() {
    StreamedAnswer<Trip> answer = ask("think");
    var reasoning = answer.reasoning().collectList();
    var value = answer.value();

    List<Object> seen = Flux.<Object>merge(reasoning, value).collectList().block(END);

    assertThat(seen).contains(List.of()); // a <think> block in the text is no provider reasoning
    assertThat(seen).anyMatch(Trip.class::isInstance);
  }
}
