package dev.partialjson.binding;

import dev.partialjson.parser.JsonListener;
import dev.partialjson.parser.JsonPath;
import dev.partialjson.parser.ReasoningListener;
import dev.partialjson.parser.Repair;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;
import org.jspecify.annotations.Nullable;

/**
 * The session's listener on the parser, in front of its {@link Recorder}: counts events, times the
 * first event, the first piece of reasoning, the first complete value and the end, hands events and
 * the session's start and end to {@link SessionListener}s, and the reasoning to the session's
 * {@link ReasoningListener}s. The clock is read only at those moments, not per event, and event
 * objects are made only when a listener wants them. Confined to its session.
 */
final class SessionMeter implements JsonListener {
  private final LongSupplier clock;
  private final JsonListener recorder;
  private final List<SessionListener> listeners = new ArrayList<>(0);
  private final List<ReasoningListener> reasoning = new ArrayList<>(0);
  private JsonListener events = JsonListener.NONE;
  private LongSupplier bytes = () -> 0;
  private LongSupplier reasoningChars = () -> 0;
  private SessionStats.Phase phase = SessionStats.Phase.NOT_STARTED;
  private long deltas;
  private long count;
  private long start;
  // Offsets from start in nanoseconds, -1 until the moment comes.
  private long firstEvent = -1;
  private long firstReasoning = -1;
  private long firstValue = -1;
  private long end = -1;
  private @Nullable TokenUsage usage;

  SessionMeter(LongSupplier clock, JsonListener recorder) {
    this.clock = clock;
    this.recorder = recorder;
  }

  void add(SessionListener listener) {
    if (listeners.isEmpty()) {
      events =
          JsonListener.of(
              event -> {
                for (SessionListener l : listeners) {
                  l.event(event);
                }
              });
    }
    listeners.add(listener);
  }

  void add(ReasoningListener listener) {
    reasoning.add(listener);
  }

  /**
   * Sets where the counts of bytes and reasoning come from: the parser, which is made after this
   * meter.
   */
  void counts(LongSupplier bytes, LongSupplier reasoningChars) {
    this.bytes = bytes;
    this.reasoningChars = reasoningChars;
  }

  /** Marks the first input; later calls do nothing. */
  void start() {
    if (phase != SessionStats.Phase.NOT_STARTED) {
      return;
    }
    phase = SessionStats.Phase.STREAMING;
    start = clock.getAsLong();
    SessionStats stats = stats();
    for (SessionListener l : listeners) {
      l.started(stats);
    }
  }

  /** Counts a delta that reaches the parser. */
  void fed() {
    deltas++;
  }

  void completed(BindingResult<?> result) {
    if (end(SessionStats.Phase.COMPLETED)) {
      SessionStats stats = stats();
      for (SessionListener l : listeners) {
        l.completed(result, stats);
      }
    }
  }

  void failed(Throwable error) {
    if (end(SessionStats.Phase.FAILED)) {
      SessionStats stats = stats();
      for (SessionListener l : listeners) {
        l.failed(error, stats);
      }
    }
  }

  void cancelled() {
    if (phase == SessionStats.Phase.STREAMING && end(SessionStats.Phase.CANCELLED)) {
      SessionStats stats = stats();
      for (SessionListener l : listeners) {
        l.cancelled(stats);
      }
    }
  }

  /** Ends the session in {@code terminal} unless it has ended; returns whether it did now. */
  private boolean end(SessionStats.Phase terminal) {
    if (phase.isTerminal()) {
      return false;
    }
    start();
    end = clock.getAsLong() - start;
    phase = terminal;
    return true;
  }

  SessionStats stats() {
    long elapsed;
    if (phase.isTerminal()) {
      elapsed = end;
    } else if (phase == SessionStats.Phase.STREAMING) {
      elapsed = clock.getAsLong() - start;
    } else {
      elapsed = 0;
    }
    return new SessionStats(
        phase,
        bytes.getAsLong(),
        reasoningChars.getAsLong(),
        deltas,
        count,
        duration(firstEvent),
        duration(firstReasoning),
        duration(firstValue),
        duration(end),
        Duration.ofNanos(elapsed),
        usage);
  }

  void usage(TokenUsage usage) {
    this.usage = usage;
  }

  private static @Nullable Duration duration(long nanos) {
    return nanos < 0 ? null : Duration.ofNanos(nanos);
  }

  private void event() {
    count++;
    if (firstEvent < 0) {
      firstEvent = clock.getAsLong() - start;
    }
  }

  private void value() {
    count++;
    if (firstValue < 0) {
      firstValue = clock.getAsLong() - start;
      if (firstEvent < 0) {
        firstEvent = firstValue;
      }
    }
  }

  @Override
  public void startObject(JsonPath path) {
    event();
    events.startObject(path);
    recorder.startObject(path);
  }

  @Override
  public void endObject(JsonPath path) {
    value();
    events.endObject(path);
    recorder.endObject(path);
  }

  @Override
  public void startArray(JsonPath path) {
    event();
    events.startArray(path);
    recorder.startArray(path);
  }

  @Override
  public void endArray(JsonPath path) {
    value();
    events.endArray(path);
    recorder.endArray(path);
  }

  @Override
  public void stringDelta(JsonPath path, CharSequence delta) {
    event();
    events.stringDelta(path, delta);
    recorder.stringDelta(path, delta);
  }

  @Override
  public void stringValue(JsonPath path, String value) {
    value();
    events.stringValue(path, value);
    recorder.stringValue(path, value);
  }

  @Override
  public void numberValue(JsonPath path, Number value) {
    value();
    events.numberValue(path, value);
    recorder.numberValue(path, value);
  }

  @Override
  public void booleanValue(JsonPath path, boolean value) {
    value();
    events.booleanValue(path, value);
    recorder.booleanValue(path, value);
  }

  @Override
  public void nullValue(JsonPath path) {
    value();
    events.nullValue(path);
    recorder.nullValue(path);
  }

  @Override
  public void documentEnd() {
    event();
    events.documentEnd();
    recorder.documentEnd();
  }

  @Override
  public void repair(Repair repair) {
    event();
    events.repair(repair);
    recorder.repair(repair);
  }

  @Override
  public void reasoningStart() {
    event();
    events.reasoningStart();
    for (ReasoningListener l : reasoning) {
      l.reasoningStart();
    }
  }

  @Override
  public void reasoningDelta(CharSequence delta) {
    event();
    if (firstReasoning < 0) {
      firstReasoning = clock.getAsLong() - start;
    }
    events.reasoningDelta(delta);
    for (ReasoningListener l : reasoning) {
      l.reasoningDelta(delta);
    }
  }

  @Override
  public void reasoningEnd() {
    event();
    events.reasoningEnd();
    for (ReasoningListener l : reasoning) {
      l.reasoningEnd();
    }
  }
}
