package dev.partialjson.springai;

import static org.assertj.core.api.Assertions.assertThat;

import dev.partialjson.binding.BindingSession;
import dev.partialjson.binding.SessionListener;
import dev.partialjson.binding.StreamingBinder;
import dev.partialjson.embeddedmodel.EmbeddedModel;
import dev.partialjson.embeddedmodel.EmbeddedModelExtension;
import dev.partialjson.parser.JsonEvent;
import dev.partialjson.parser.ReasoningListener;
import dev.partialjson.springai.sample.Trip;
import io.micrometer.observation.ObservationRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.ai.chat.client.ChatClient;
import org.springframework.ai.chat.client.advisor.ToolCallingAdvisor;
import org.springframework.ai.chat.prompt.Prompt;
import org.springframework.ai.model.tool.ToolCallLimitBehavior;
import org.springframework.ai.model.tool.ToolCallingManager;
import org.springframework.ai.openai.OpenAiChatOptions;
import org.springframework.ai.tool.function.FunctionToolCallback;
import reactor.core.publisher.Flux;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The model's reasoning in each form Spring AI's OpenAI chat model reads (the {@code
 * reasoning_content} and {@code reasoning} delta fields, an inline {@code <think>} block), through
 * its real client against the embedded model: the session's {@code onReasoning} gets each piece
 * once, as one segment before the answer.
 */
class ReasoningTest {
  @RegisterExtension static final EmbeddedModelExtension MODEL = EmbeddedModelExtension.create();

  private static final Duration END = Duration.ofSeconds(30);
  private final ChatClientBinding<Trip> trips =
      ChatClientBinding.of(StreamingBinder.of(Trip.class));

  /**
   * What a session's reasoning listener and its first answer event showed, in order: {@code start},
   * {@code delta} (once for a run of deltas), {@code end}, {@code answer}; and the reasoning's
   * text.
   */
  private static final class Log implements ReasoningListener {
    final List<String> marks = new ArrayList<>();
    final StringBuilder text = new StringBuilder();

    @Override
    public void reasoningStart() {
      marks.add("start");
    }

    @Override
    public void reasoningDelta(CharSequence delta) {
      text.append(delta);
      if (!marks.get(marks.size() - 1).equals("delta")) {
        marks.add("delta");
      }
    }

    @Override
    public void reasoningEnd() {
      marks.add("end");
    }

    /** Registers this log on {@code session}: its reasoning, and its first answer event. */
    void register(BindingSession<?> session) {
      session.onReasoning(this);
      session.addListener(
          new SessionListener() {
            @Override
            public void event(JsonEvent event) {
              if (!event.kind().name().startsWith("REASONING") && !marks.contains("answer")) {
                marks.add("answer");
              }
            }
          });
    }
  }

  /** An answer's outcome, its raw reasoning view's pieces, and what its session's log showed. */
  private record Seen(StreamedAnswer.Outcome<Trip> outcome, List<String> raw, Log log) {}

  private static Seen watch(StreamedAnswer<Trip> answer) {
    Log log = new Log();
    answer.onSession(log::register);
    var raw = answer.reasoning().collectList();
    var outcome = answer.outcome();
    List<Object> seen = Flux.<Object>merge(raw, outcome).collectList().block(END);
    @SuppressWarnings("unchecked") // the two views' signals
    List<String> pieces =
        (List<String>) seen.stream().filter(List.class::isInstance).findFirst().orElseThrow();
    @SuppressWarnings("unchecked")
    StreamedAnswer.Outcome<Trip> end =
        (StreamedAnswer.Outcome<Trip>)
            seen.stream()
                .filter(StreamedAnswer.Outcome.class::isInstance)
                .findFirst()
                .orElseThrow();
    return new Seen(end, pieces, log);
  }

  private StreamedAnswer<Trip> ask(String scenario) {
    ChatClient chat = EmbeddedChat.client(MODEL.model());
    return trips.stream(
        chat.prompt()
            .user("Plan a weekend in Lisbon")
            .options(trips.openAiOptions().model("embedded/" + scenario)));
  }

  @Test
  void theReasoningContentFieldReachesTheSessionAsOneSegmentBeforeTheAnswer() {
    Seen seen = watch(ask("reasoning"));

    assertThat(seen.log().marks).containsExactly("start", "delta", "end", "answer");
    assertThat(seen.raw()).hasSizeGreaterThan(1);
    assertThat(seen.log().text.toString())
        .isEqualTo(String.join("", seen.raw()))
        .startsWith("The user wants an answer that follows the schema.");
    assertThat(seen.outcome().stats().reasoningChars()).isEqualTo(seen.log().text.length());
    assertThat(seen.outcome().result().isValid()).isTrue();
    assertThat(seen.outcome().result().value().activities()).isNotEmpty();
  }

  @Test
  void aThinkBlockInTheTextReachesTheSessionOnceAndNotTheProvidersReasoningView() {
    // The same request without the adapter: the embedded model answers it the same way each time.
    String content =
        String.join(
            "",
            EmbeddedChat.client(MODEL.model())
                .prompt()
                .user("Plan a weekend in Lisbon")
                .options(trips.openAiOptions().model("embedded/think"))
                .stream()
                .content()
                .collectList()
                .block(END));
    String block =
        content.substring(
            content.indexOf("<think>") + "<think>".length(), content.indexOf("</think>"));

    Seen seen = watch(ask("think"));

    assertThat(seen.log().marks).containsExactly("start", "delta", "end", "answer");
    assertThat(seen.log().text.toString()).isEqualTo(block).contains("follows the schema");
    assertThat(seen.outcome().stats().reasoningChars()).isEqualTo(block.length());
    assertThat(seen.raw()).isEmpty(); // the raw view is the provider's own field only
    assertThat(seen.outcome().result().isValid()).isTrue();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "chat-deepseek-reasoning-content", // reasoning_content, then prose
        "chat-llama-cpp-reasoning-tool-call", // reasoning_content, then a tool call
        "chat-openrouter-reasoning-tool-call" // the reasoning field, then a tool call
      })
  void aRecordedStreamsReasoningReachesTheSessionAsTheServerSentIt(String name) throws IOException {
    Seen seen = watch(trips.bind(replay(name)));

    String sent = reasoningSent(name);
    assertThat(sent).isNotEmpty();
    assertThat(seen.log().marks).containsExactly("start", "delta", "end");
    assertThat(seen.log().text.toString()).isEqualTo(sent);
    assertThat(String.join("", seen.raw())).isEqualTo(sent);
    assertThat(seen.outcome().stats().reasoningChars()).isEqualTo(sent.length());
  }

  @Test
  void aToolCallAfterReasoningEndsTheSessionAsOneWithNoContent() {
    StreamedAnswer.Outcome<Trip> nothing = trips.bindContent(Flux.just("")).outcome().block(END);

    Seen seen = watch(trips.bind(replay("chat-llama-cpp-reasoning-tool-call")));

    StreamedAnswer.Outcome<Trip> outcome = seen.outcome();
    assertThat(outcome.finishReason()).isEqualTo("TOOL_CALLS");
    assertThat(outcome.stats().bytes()).isZero();
    assertThat(outcome.stats().reasoningChars()).isPositive();
    assertThat(outcome.result().value()).isNull();
    assertThat(outcome.result().error())
        .isNotNull()
        .isInstanceOf(nothing.result().error().getClass())
        .hasMessage(nothing.result().error().getMessage());
  }

  /** What the test's tool takes: the embedded model answers a tool's schema. */
  record Place(String city) {}

  @Test
  void eachCompletionOfTheChatClientsToolLoopIsASegmentOfItsOwn() {
    // The embedded model calls a tool whenever the request offers one: the second call is over the
    // limit of one, which ends the loop after two completions.
    ChatClient chat =
        ChatClient.builder(
                EmbeddedChat.chatModel(MODEL.model()),
                ObservationRegistry.NOOP,
                null,
                null,
                ToolCallingAdvisor.builder()
                    .toolCallingManager(
                        ToolCallingManager.builder()
                            .maxTotalToolCalls(1)
                            .onLimitExceeded(ToolCallLimitBehavior.THROW)
                            .build()))
            .build();
    int before = MODEL.model().streams().size();
    StreamedAnswer<Trip> answer =
        trips.stream(
            chat.prompt()
                .user("Plan a weekend in Lisbon")
                .options(trips.openAiOptions().model("embedded/reasoning"))
                .toolCallbacks(
                    FunctionToolCallback.builder("weather", (Place place) -> "sunny")
                        .description("The weather in a city")
                        .inputType(Place.class)
                        // Spring AI's own schema generator needs a victools module not here.
                        .inputSchema(
                            "{\"type\": \"object\", \"properties\": {\"city\": {\"type\":"
                                + " \"string\"}}, \"required\": [\"city\"]}")
                        .build()));

    Seen seen = watch(answer);

    assertThat(MODEL.model().streams()).hasSize(before + 2);
    assertThat(seen.log().marks).containsExactly("start", "delta", "end", "start", "delta", "end");
    String reasoning = seen.log().text.toString();
    String once = reasoning.substring(0, reasoning.length() / 2); // each completion reasons alike
    assertThat(once).startsWith("The user wants an answer that follows the schema.");
    assertThat(reasoning).isEqualTo(once + once);
    assertThat(String.join("", seen.raw())).isEqualTo(reasoning);
    assertThat(seen.outcome().stats().reasoningChars()).isEqualTo(reasoning.length());
  }

  /** Returns Spring AI's stream of the recording {@code name}, replayed by the embedded model. */
  private static Flux<org.springframework.ai.chat.model.ChatResponse> replay(String name) {
    EmbeddedModel model = MODEL.model();
    return EmbeddedChat.chatModel(model).stream(
        new Prompt(
            "The weather in Florence",
            OpenAiChatOptions.builder().model("embedded/replay/" + name).build()));
  }

  /**
   * Returns the reasoning the recording {@code name} holds, read from its bytes as Spring AI's
   * OpenAI chat model reads it: each delta's {@code reasoning_content}, or its {@code reasoning}.
   */
  private static String reasoningSent(String name) throws IOException {
    String sse;
    try (InputStream in =
        Objects.requireNonNull(
            EmbeddedModel.class.getResourceAsStream("replays/" + name + ".sse"), name)) {
      sse = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    StringBuilder reasoning = new StringBuilder();
    for (String line : sse.split("\n")) {
      if (line.startsWith("data: {")) {
        for (JsonNode choice : JsonMapper.shared().readTree(line.substring(6)).path("choices")) {
          JsonNode delta = choice.path("delta");
          JsonNode piece =
              delta.has("reasoning_content")
                  ? delta.get("reasoning_content")
                  : delta.get("reasoning");
          if (choice.path("index").asInt() == 0 && piece != null && piece.isString()) {
            reasoning.append(piece.asString());
          }
        }
      }
    }
    return reasoning.toString();
  }
}
