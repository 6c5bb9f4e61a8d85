package dev.partialjson.anthropic;

import dev.partialjson.binding.BindingSession;
import dev.partialjson.binding.SessionListener;
import dev.partialjson.parser.JsonEvent;
import dev.partialjson.parser.ReasoningListener;
import java.util.ArrayList;
import java.util.List;

/**
 * What one session's {@code onReasoning} listener saw, in order with the answer's events: {@link
 * #order()} is {@code start}, {@code delta}, {@code end} and {@code answer}, each run of deltas (or
 * of answer events) written once, so a segment before the answer reads {@code [start, delta, end,
 * answer]}. A repair (the skipped prefix) is not an answer event.
 */
final class ReasoningLog implements ReasoningListener {
  private final List<String> order = new ArrayList<>();
  private final List<String> segments = new ArrayList<>();
  private final StringBuilder segment = new StringBuilder();

  /** Registers a new log on {@code session}, which must not have been fed. */
  static ReasoningLog on(BindingSession<?> session) {
    ReasoningLog log = new ReasoningLog();
    session.onReasoning(log);
    session.addListener(
        new SessionListener() {
          @Override
          public void event(JsonEvent event) {
            switch (event.kind()) {
              case REASONING_START, REASONING_DELTA, REASONING_END, REPAIR -> {}
              default -> log.add("answer");
            }
          }
        });
    return log;
  }

  @Override
  public void reasoningStart() {
    add("start");
    segment.setLength(0);
  }

  @Override
  public void reasoningDelta(CharSequence delta) {
    if (delta.length() == 0) {
      add("an empty delta");
    }
    add("delta");
    segment.append(delta);
  }

  @Override
  public void reasoningEnd() {
    add("end");
    segments.add(segment.toString());
  }

  private void add(String what) {
    if (order.isEmpty() || !order.get(order.size() - 1).equals(what) || what.equals("start")) {
      order.add(what);
    }
  }

  /** Returns what happened, in order, runs of deltas and of answer events collapsed. */
  List<String> order() {
    return order;
  }

  /** Returns the text of each ended segment. */
  List<String> segments() {
    return segments;
  }

  /** Returns the text of every ended segment, joined. */
  String text() {
    return String.join("", segments);
  }
}
