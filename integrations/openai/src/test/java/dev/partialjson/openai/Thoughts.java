package dev.partialjson.openai;

import dev.partialjson.binding.BindingSession;
import dev.partialjson.binding.SessionListener;
import dev.partialjson.parser.JsonEvent;
import dev.partialjson.parser.ReasoningListener;
import java.util.ArrayList;
import java.util.List;

/**
 * What a session's {@link BindingSession#onReasoning} listener saw, in order with the answer: a log
 * of {@code start}, {@code delta} (a run of deltas logged once), {@code end} and {@code answer}
 * (the session's first event of the answer), the reasoning's text, and how many raw answer pieces
 * had arrived when each segment ended (to tell a provider's end event from the answer's first
 * text).
 */
final class Thoughts implements ReasoningListener {
  final List<String> log = new ArrayList<>();
  final StringBuilder text = new StringBuilder();
  final List<Integer> piecesAtEnd = new ArrayList<>();
  final List<BindingSession<?>> sessions = new ArrayList<>();
  private final Pieces pieces;

  Thoughts(Pieces pieces) {
    this.pieces = pieces;
  }

  /** Registers on {@code session}; call it in the binding's session hook. */
  void attach(BindingSession<?> session) {
    sessions.add(session);
    session.onReasoning(this);
    session.addListener(
        new SessionListener() {
          @Override
          public void event(JsonEvent event) {
            boolean reasoning =
                switch (event.kind()) {
                  case REASONING_START, REASONING_DELTA, REASONING_END -> true;
                  default -> false;
                };
            if (!reasoning && !log.contains("answer")) {
              log.add("answer");
            }
          }
        });
  }

  @Override
  public void reasoningStart() {
    log.add("start");
  }

  @Override
  public void reasoningDelta(CharSequence delta) {
    text.append(delta);
    if (!log.get(log.size() - 1).equals("delta")) {
      log.add("delta");
    }
  }

  @Override
  public void reasoningEnd() {
    log.add("end");
    piecesAtEnd.add(pieces.pieces.size());
  }
}
