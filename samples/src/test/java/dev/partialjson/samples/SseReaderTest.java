package dev.partialjson.samples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SseReaderTest {

  @Test
  void readsTypedEventsEndedByBlankLines() {
    assertThat(events("event: ping\ndata: {\"type\": \"ping\"}\n\ndata: [DONE]\n\n"))
        .containsExactly(
            new SseReader.Event("ping", "{\"type\": \"ping\"}"),
            new SseReader.Event("message", "[DONE]"));
  }

  @Test
  void joinsDataLinesAndSkipsComments() {
    assertThat(events(": keep-alive\ndata:a\ndata: b\n\n"))
        .containsExactly(new SseReader.Event("message", "a\nb"));
  }

  @Test
  void acceptsCrLfAndALastEventWithoutItsBlankLine() {
    assertThat(events("event: x\r\ndata: 1\r\n\r\nevent: y\r\ndata: 2"))
        .containsExactly(new SseReader.Event("x", "1"), new SseReader.Event("y", "2"));
  }

  @Test
  void skipsAnEventWithoutData() {
    assertThat(events("event: lonely\n\ndata: 1\n\n"))
        .containsExactly(new SseReader.Event("message", "1"));
  }

  @Test
  void marksOpenAiEndMarker() {
    assertThat(new SseReader.Event("message", "[DONE]").isDone()).isTrue();
    assertThat(new SseReader.Event("message", "{}").isDone()).isFalse();
  }

  private static List<SseReader.Event> events(String text) {
    SseReader reader = new SseReader(new StringReader(text));
    List<SseReader.Event> events = new ArrayList<>();
    for (SseReader.Event e; (e = reader.next()) != null; ) {
      events.add(e);
    }
    return events;
  }
}
