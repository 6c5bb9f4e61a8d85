package dev.partialjson.openai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.openai.core.ObjectMappers;
import com.openai.core.http.StreamResponse;
import com.openai.errors.OpenAIException;
import com.openai.models.responses.ResponseStreamEvent;
import dev.partialjson.binding.StreamingBinder;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The terminal event ends the stream: what follows it is not read. No recorded stream has events
 * after it, so the events here are the SDK's own objects, read from JSON by the SDK's mapper.
 */
class ResponseTerminalEventTest {
  record Answer(int a) {}

  @Test
  void eventsAfterTheTerminalOneAreNotRead() throws Exception {
    List<ResponseStreamEvent> events =
        events(
            "{\"type\":\"response.output_text.delta\",\"item_id\":\"msg_1\",\"output_index\":0,"
                + "\"content_index\":0,\"delta\":\"{\\\"a\\\":1}\",\"sequence_number\":1}",
            "{\"type\":\"response.completed\",\"sequence_number\":2,\"response\":{\"id\":\"r\","
                + "\"status\":\"completed\",\"usage\":{\"input_tokens\":3,\"output_tokens\":4,"
                + "\"total_tokens\":7,\"input_tokens_details\":{\"cached_tokens\":0},"
                + "\"output_tokens_details\":{\"reasoning_tokens\":0}}}}",
            "{\"type\":\"response.output_text.delta\",\"item_id\":\"msg_1\",\"output_index\":0,"
                + "\"content_index\":0,\"delta\":\"not json\",\"sequence_number\":3}",
            "{\"type\":\"response.failed\",\"sequence_number\":4,\"response\":{\"id\":\"r\"}}");
    AtomicInteger read = new AtomicInteger();
    AtomicInteger closed = new AtomicInteger();
    StreamResponse<ResponseStreamEvent> response =
        new StreamResponse<>() {
          @Override
          public Stream<ResponseStreamEvent> stream() {
            return events.stream().peek(event -> read.incrementAndGet());
          }

          @Override
          public void close() {
            closed.incrementAndGet();
          }
        };

    ResponseResult<Answer> result =
        OpenAiStreams.responses(StreamingBinder.of(Answer.class)).stream(response);

    assertThat(result.value()).isEqualTo(new Answer(1));
    assertThat(result.status()).contains("completed");
    assertThat(result.usage()).hasValueSatisfying(u -> assertThat(u.totalTokens()).isEqualTo(7));
    assertThat(read).hasValue(2);
    assertThat(closed).hasPositiveValue();
  }

  @Test
  void aFailedResponseIsReportedWithWhatTheProviderSaid() throws Exception {
    List<ResponseStreamEvent> events =
        events(
            "{\"type\":\"response.output_text.delta\",\"item_id\":\"msg_1\",\"output_index\":0,"
                + "\"content_index\":0,\"delta\":\"{\\\"a\\\"\",\"sequence_number\":1}",
            "{\"type\":\"response.failed\",\"sequence_number\":2,\"response\":{\"id\":\"r\","
                + "\"status\":\"failed\",\"error\":{\"code\":\"server_error\","
                + "\"message\":\"The model failed.\"}}}");

    ResponseResult<Answer> result =
        OpenAiStreams.responses(StreamingBinder.of(Answer.class)).stream(of(events));

    assertThat(result.status()).contains("failed");
    assertThat(result.providerError()).contains("server_error: The model failed.");
    assertThatThrownBy(result::value)
        .isInstanceOf(OpenAIException.class)
        .hasMessage("the response failed: server_error: The model failed.");
    assertThat(result.messages().get(0).session().orElseThrow().stats().phase())
        .isEqualTo(dev.partialjson.binding.SessionStats.Phase.FAILED);
  }

  private static List<ResponseStreamEvent> events(String... json) throws Exception {
    List<ResponseStreamEvent> events = new ArrayList<>();
    for (String event : json) {
      events.add(ObjectMappers.jsonMapper().readValue(event, ResponseStreamEvent.class));
    }
    return events;
  }

  private static StreamResponse<ResponseStreamEvent> of(List<ResponseStreamEvent> events) {
    return new StreamResponse<>() {
      @Override
      public Stream<ResponseStreamEvent> stream() {
        return events.stream();
      }

      @Override
      public void close() {}
    };
  }
}
