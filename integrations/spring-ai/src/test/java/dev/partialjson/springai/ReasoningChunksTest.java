package dev.partialjson.springai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.partialjson.binding.StreamingBinder;
import dev.partialjson.parser.JsonEvent;
import dev.partialjson.parser.ReasoningListener;
import dev.partialjson.springai.sample.Trip;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.springframework.ai.chat.messages.AssistantMessage;
import org.springframework.ai.chat.metadata.ChatGenerationMetadata;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.model.Generation;
import reactor.core.publisher.Flux;

/**
 * Reasoning in chunks made in the test as Spring AI's OpenAI chat model makes them (the reasoning
 * so far of the completion, under its id, on every chunk), without a model: what the chat client's
 * tool loop streams, one completion after another.
 */
class ReasoningChunksTest {
  private static final Duration END = Duration.ofSeconds(10);
  private static final String TRIP =
      "{\"title\": \"Lisbon\", \"summary\": \"Trams\", \"activities\": []}";

  private final ChatClientBinding<Trip> trips =
      ChatClientBinding.of(StreamingBinder.of(Trip.class));

  /** A chunk of completion {@code id}: its reasoning so far and its text delta. */
  private static ChatResponse chunk(String id, String reasoningSoFar, String text) {
    AssistantMessage message =
        AssistantMessage.builder()
            .content(text)
            .properties(Map.of("id", id, "index", 0, "reasoningContent", reasoningSoFar))
            .build();
    return new ChatResponse(List.of(new Generation(message, ChatGenerationMetadata.NULL)));
  }

  @Test
  void theReasoningOfEachCompletionOfAToolLoopIsASegmentOfItsOwn() {
    Flux<ChatResponse> chunks =
        Flux.just(
            chunk("first", "Let me ", ""),
            chunk("first", "Let me look it up.", ""),
            chunk("second", "Now", ""), // the tool ran: a new completion, its reasoning anew
            chunk("second", "Now I know.", ""),
            chunk("second", "Now I know.", TRIP));
    List<String> marks = new ArrayList<>();
    StreamedAnswer<Trip> answer =
        trips
            .bind(chunks)
            .onSession(
                session ->
                    session.onReasoning(
                        new ReasoningListener() {
                          @Override
                          public void reasoningStart() {
                            marks.add("start");
                          }

                          @Override
                          public void reasoningDelta(CharSequence delta) {
                            marks.add(delta.toString());
                          }

                          @Override
                          public void reasoningEnd() {
                            marks.add("end");
                          }
                        }));
    var raw = answer.reasoning().collectList();
    var outcome = answer.outcome();

    List<Object> seen = Flux.<Object>merge(raw, outcome).collectList().block(END);

    assertThat(marks)
        .containsExactly(
            "start", "Let me ", "look it up.", "end", "start", "Now", " I know.", "end");
    assertThat(seen).contains(List.of("Let me ", "look it up.", "Now", " I know."));
    StreamedAnswer.Outcome<?> end =
        seen.stream()
            .filter(StreamedAnswer.Outcome.class::isInstance)
            .map(StreamedAnswer.Outcome.class::cast)
            .findFirst()
            .orElseThrow();
    assertThat(end.result().isValid()).isTrue();
    assertThat(end.stats().reasoningChars()).isEqualTo("Let me look it up.Now I know.".length());
  }

  @Test
  void theEventsViewHoldsTheReasoningBeforeTheAnswersEvents() {
    List<JsonEvent.Kind> kinds =
        trips
            .bind(Flux.just(chunk("only", "Hmm", ""), chunk("only", "Hmm, yes", TRIP)))
            .events()
            .map(JsonEvent::kind)
            .collectList()
            .block(END);

    assertThat(kinds.subList(0, 4))
        .containsExactly(
            JsonEvent.Kind.REASONING_START,
            JsonEvent.Kind.REASONING_DELTA,
            JsonEvent.Kind.REASONING_DELTA,
            JsonEvent.Kind.REASONING_END);
    assertThat(kinds.subList(4, kinds.size())).doesNotContain(JsonEvent.Kind.REASONING_START);
    assertThat(kinds.get(4)).isEqualTo(JsonEvent.Kind.START_OBJECT);
  }

  @Test
  void aReasoningListenersExceptionFailsEveryViewAndCancelsTheStream() {
    AtomicBoolean cancelled = new AtomicBoolean();
    IllegalStateException boom = new IllegalStateException("the UI is gone");
    StreamedAnswer<Trip> answer =
        trips
            .bind(
                Flux.just(chunk("only", "Hmm", ""), chunk("only", "Hmm", TRIP))
                    .doOnCancel(() -> cancelled.set(true)))
            .onSession(
                session ->
                    session.onReasoning(
                        new ReasoningListener() {
                          @Override
                          public void reasoningDelta(CharSequence delta) {
                            throw boom;
                          }
                        }));

    assertThatThrownBy(() -> answer.value().block(END)).isSameAs(boom);
    assertThat(cancelled).isTrue();
  }
}
