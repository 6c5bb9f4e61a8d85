package dev.partialjson.anthropic;

import com.anthropic.core.http.StreamResponse;
import com.anthropic.models.messages.RawContentBlockDelta;
import com.anthropic.models.messages.RawMessageStreamEvent;
import dev.partialjson.testkit.Splits;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;

/**
 * The SDK's stream, passed on event by event, counting the bytes of one content block's deltas as
 * each event goes to the adapter: a callback that runs while the adapter handles an event can ask
 * which bytes of the block that event carried ({@link #fed()}), and the test knows the whole block
 * afterwards ({@link #text()}). The events are the SDK's own; nothing here reads the wire format.
 */
final class RecordingEvents implements StreamResponse<RawMessageStreamEvent> {
  private final StreamResponse<RawMessageStreamEvent> events;
  private final long block;
  private final Splits.Counting fed = new Splits.Counting(new Nowhere());
  private final ByteArrayOutputStream text = new ByteArrayOutputStream();
  private boolean closed;

  RecordingEvents(StreamResponse<RawMessageStreamEvent> events, long block) {
    this.events = events;
    this.block = block;
  }

  @Override
  public Stream<RawMessageStreamEvent> stream() {
    return events.stream().peek(this::record);
  }

  private void record(RawMessageStreamEvent event) {
    if (!event.isContentBlockDelta() || event.asContentBlockDelta().index() != block) {
      return;
    }
    RawContentBlockDelta delta = event.asContentBlockDelta().delta();
    String piece =
        delta.isText()
            ? delta.asText().text()
            : delta.isInputJson() ? delta.asInputJson().partialJson() : "";
    fed.feed(piece);
    text.writeBytes(piece.getBytes(StandardCharsets.UTF_8));
  }

  /** Returns the counter: which bytes of the block the event being handled carried. */
  Splits.Counting fed() {
    return fed;
  }

  /** Returns the block's text so far, as UTF-8. */
  byte[] text() {
    return text.toByteArray();
  }

  boolean closed() {
    return closed;
  }

  /** Counting is all the test needs of the pieces: the adapter feeds the sessions itself. */
  private static final class Nowhere implements Splits.Feeder {
    @Override
    public void feed(CharSequence text) {}

    @Override
    public void feed(byte[] bytes, int offset, int length) {}

    @Override
    public void feed(ByteBuffer buffer) {}
  }

  @Override
  public void close() {
    closed = true;
    events.close();
  }
}
