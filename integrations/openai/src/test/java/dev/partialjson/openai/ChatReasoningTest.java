package dev.partialjson.openai;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.openai.client.OpenAIClient;
import com.openai.core.http.StreamResponse;
import com.openai.models.chat.completions.ChatCompletionChunk;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import dev.partialjson.binding.BindingSession;
import dev.partialjson.binding.SessionStats;
import dev.partialjson.binding.StreamingBinder;
import dev.partialjson.embeddedmodel.EmbeddedModelExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Chat Completions reasoning reaching the choice's session ({@code session.onReasoning}) through
 * the real openai-java client: the embedded model's {@code reasoning_content} and inline {@code
 * <think>} block, and recorded OpenAI-compatible streams.
 */
class ChatReasoningTest {
  @RegisterExtension static final EmbeddedModelExtension MODEL = EmbeddedModelExtension.create();

  record Place(String location) {}

  private static final StreamingBinder<Trip> TRIP = ChatCompletionsTest.TRIP;
  private static final StreamingBinder<JsonNode> ANY = StreamingBinder.of(JsonNode.class);
  private static OpenAIClient client;

  @Test
  void reasoningContentReachesTheSessionBeforeTheAnswerAndEndsAtItsFirstText() {
    Pieces pieces = new Pieces();
    Thoughts thoughts = new Thoughts(pieces);
    StringBuilder raw = new StringBuilder();

    ChatResult<Trip> result =
        OpenAiStreams.chat(TRIP)
            .onText(pieces::add)
            .onReasoning((choice, delta) -> raw.append(delta))
            .onSession(thoughts::attach)
            .stream(stream(ChatCompletionsTest.trip("reasoning")));

    assertThat(raw).isNotEmpty();
    assertThat(thoughts.text).hasToString(raw.toString());
    assertThat(thoughts.log).containsExactly("start", "delta", "end", "answer");
    assertThat(thoughts.piecesAtEnd).containsExactly(1); // ended by the answer's first piece
    BindingSession<Trip> session = result.choice(0).session().orElseThrow();
    assertThat(thoughts.sessions).containsExactly(session);
    assertThat(session.stats().reasoningChars()).isEqualTo(raw.length());
    assertThat(result.value().activities()).isNotEmpty();
    assertThat(pieces.text()).startsWith("{").doesNotContain(raw);
  }

  @Test
  void aThinkBlockInTheContentReachesTheSessionOnce() {
    Pieces pieces = new Pieces();
    Thoughts thoughts = new Thoughts(pieces);
    StringBuilder raw = new StringBuilder();

    ChatResult<Trip> result =
        OpenAiStreams.chat(TRIP)
            .onText(pieces::add)
            .onReasoning((choice, delta) -> raw.append(delta))
            .onSession(thoughts::attach)
            .stream(stream(ChatCompletionsTest.trip("think")));

    String content = pieces.text();
    String block = content.substring("<think>".length(), content.indexOf("</think>"));
    assertThat(thoughts.text).hasToString(block);
    assertThat(thoughts.log).containsExactly("start", "delta", "end", "answer");
    assertThat(result.choice(0).session().orElseThrow().stats().reasoningChars())
        .isEqualTo(block.length());
    assertThat(raw).isEmpty(); // the raw callback is for the provider's field, not the content
    assertThat(result.value().activities()).isNotEmpty();
  }

  @Test
  void reasoningBeforeOnlyAToolCallLeavesTheChoiceWithoutContent() {
    Thoughts thoughts = new Thoughts(new Pieces());
    StringBuilder raw = new StringBuilder();

    ChatResult<Trip> result =
        OpenAiStreams.chat(TRIP)
            .onReasoning((choice, delta) -> raw.append(delta))
            .onSession(thoughts::attach)
            .tool("get_weather", ChatCompletionsTest.WEATHER, session -> {})
            .stream(stream(ChatCompletionsTest.tools("reasoning")));

    assertThat(thoughts.text).isNotEmpty().hasToString(raw.toString());
    assertThat(thoughts.log).containsExactly("start", "delta", "end");
    assertThat(thoughts.sessions)
        .singleElement()
        .satisfies(
            s -> {
              assertThat(s.stats().reasoningChars()).isEqualTo(raw.length());
              assertThat(s.stats().bytes()).isZero();
              assertThat(s.stats().phase()).isNotEqualTo(SessionStats.Phase.STREAMING);
            });
    ChatResult.Choice<Trip> choice = result.choice(0);
    assertThat(choice.session()).isEmpty();
    assertThat(result.error()).isEmpty();
    assertThat(choice.toolCalls().get(0).arguments(Trip.Weather.class)).isNotNull();
    assertThatThrownBy(result::value)
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("choice 0 has no bound content (finish_reason tool_calls, 1 tool call(s))");
  }

  @Test
  void anAnswerCutOffWhileThinkingHasNoContentButKeepsItsReasoning() {
    Thoughts thoughts = new Thoughts(new Pieces());
    StringBuilder raw = new StringBuilder();

    ChatResult<Trip> result =
        OpenAiStreams.chat(TRIP)
            .onReasoning((choice, delta) -> raw.append(delta))
            .onSession(thoughts::attach)
            .stream(stream(ChatCompletionsTest.trip("reasoning").toBuilder().maxTokens(5).build()));

    assertThat(raw).isNotEmpty();
    assertThat(thoughts.text).hasToString(raw.toString());
    assertThat(thoughts.log).containsExactly("start", "delta", "end");
    ChatResult.Choice<Trip> choice = result.choice(0);
    assertThat(choice.finishReason()).contains("length");
    assertThat(choice.session()).isEmpty();
    assertThatThrownBy(result::value)
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("choice 0 has no bound content (finish_reason length)");
  }

  @Test
  void llamaCppReasoningBeforeAToolCallReachesTheSessionHook() {
    Thoughts thoughts = new Thoughts(new Pieces());
    StringBuilder raw = new StringBuilder();

    ChatResult<JsonNode> result =
        OpenAiStreams.chat(ANY)
            .onReasoning((choice, delta) -> raw.append(delta))
            .onSession(thoughts::attach)
            .tool("weather", StreamingBinder.of(Place.class), session -> {})
            .stream(replay("chat-llama-cpp-reasoning-tool-call"));

    assertThat(raw).hasSize(67);
    assertThat(thoughts.text).hasToString(raw.toString());
    assertThat(thoughts.log).containsExactly("start", "delta", "end");
    assertThat(thoughts.sessions.get(0).stats().reasoningChars()).isEqualTo(67);
    assertThat(result.choice(0).session()).isEmpty();
    assertThat(result.choice(0).toolCalls().get(0).arguments(Place.class))
        .isEqualTo(new Place("Florence, Italy"));
    assertThatThrownBy(result::value)
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("choice 0 has no bound content (finish_reason tool_calls, 1 tool call(s))");
  }

  @Test
  void deepSeekReasoningContentEndsAtTheFirstTextOfTheAnswer() {
    Pieces pieces = new Pieces();
    Thoughts thoughts = new Thoughts(pieces);
    StringBuilder raw = new StringBuilder();

    ChatResult<JsonNode> result =
        OpenAiStreams.chat(ANY)
            .onText(pieces::add)
            .onReasoning((choice, delta) -> raw.append(delta))
            .onSession(thoughts::attach)
            .stream(replay("chat-deepseek-reasoning-content"));

    assertThat(raw).hasSize(882);
    assertThat(thoughts.text).hasToString(raw.toString());
    assertThat(thoughts.log).startsWith("start", "delta", "end");
    assertThat(thoughts.piecesAtEnd).containsExactly(1);
    BindingSession<JsonNode> session = result.choice(0).session().orElseThrow();
    assertThat(session.stats().reasoningChars()).isEqualTo(882);
    assertThat(session.stats().bytes()).isEqualTo(pieces.text().getBytes(UTF_8).length);
  }

  private static StreamResponse<ChatCompletionChunk> stream(ChatCompletionCreateParams params) {
    return client().chat().completions().createStreaming(params);
  }

  private static StreamResponse<ChatCompletionChunk> replay(String name) {
    return stream(
        ChatCompletionCreateParams.builder()
            .model("embedded/replay/" + name)
            .addUserMessage("replayed")
            .build());
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
