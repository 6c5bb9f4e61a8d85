package dev.partialjson.springai;

import dev.partialjson.binding.BindingSession;
import dev.partialjson.binding.SessionListener;
import dev.partialjson.binding.StreamingBinder;
import dev.partialjson.parser.JsonEvent;
import dev.partialjson.parser.PartialJsonException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;

/**
 * One pass over a stream of deltas through a new session: the signals each delta causes, in
 * document order, then the {@link AnswerSignal.End}. Cold: every subscription opens a session and
 * subscribes the deltas again.
 *
 * <p>Deltas are fed as the signals are demanded ({@code concatMapIterable} requests a few deltas
 * ahead of the demand, never more), so a slow consumer slows the reading of the stream instead of
 * filling a buffer. When the session stops on its input (malformed JSON, an invalid item under
 * {@code FAIL_FAST}), the pass emits the end at once and cancels the deltas, which closes the HTTP
 * response. Anything else a feed throws (a callback's exception) fails the pass, which cancels the
 * deltas too. The session is closed when the pass ends or is cancelled, so a cancelled stream is a
 * cancelled session.
 */
final class AnswerPass<T> {
  /** Deltas read ahead of the demand: a chunk is a token or two, so this is a few hundred bytes. */
  static final int PREFETCH = 8;

  /**
   * A list item view: its pattern, the type its items are bound to, and whether it takes every item
   * with its violations ({@code onCheckedItem}) or the valid ones ({@code onItem}).
   */
  record ItemView(String pattern, Class<?> type, boolean checked) {}

  private final StreamingBinder<T> binder;
  private final Flux<Delta> deltas;
  private final List<ItemView> items;
  private final boolean events;
  private final @Nullable Consumer<? super BindingSession<T>> setup;

  AnswerPass(
      StreamingBinder<T> binder,
      Flux<Delta> deltas,
      List<ItemView> items,
      boolean events,
      @Nullable Consumer<? super BindingSession<T>> setup) {
    this.binder = binder;
    this.deltas = deltas;
    this.items = List.copyOf(items);
    this.events = events;
    this.setup = setup;
  }

  Flux<AnswerSignal> flux() {
    return Flux.using(binder::open, this::run, BindingSession::close);
  }

  private Flux<AnswerSignal> run(BindingSession<T> session) {
    List<AnswerSignal> pending = new ArrayList<>(); // what the delta being fed caused
    for (int i = 0; i < items.size(); i++) {
      int view = i;
      ItemView v = items.get(i);
      if (v.checked()) {
        session.onCheckedItem(
            v.pattern(), v.type(), item -> pending.add(new AnswerSignal.Item(view, item)));
      } else {
        session.onItem(
            v.pattern(), v.type(), item -> pending.add(new AnswerSignal.Item(view, item)));
      }
    }
    if (events) {
      session.addListener(
          new SessionListener() {
            @Override
            public void event(JsonEvent event) {
              pending.add(new AnswerSignal.Event(event));
            }
          });
    }
    if (setup != null) {
      setup.accept(session);
    }
    Ending ending = new Ending();
    return deltas
        .concatMapIterable(
            delta -> {
              if (delta.usage() != null) {
                session.reportUsage(delta.usage());
              }
              if (delta.finishReason() != null) {
                ending.finishReason = delta.finishReason();
              }
              if (delta.refusal() != null) {
                ending.refusal.append(delta.refusal());
              }
              String reasoning = delta.reasoningSoFar();
              try {
                if (reasoning != null && !Objects.equals(delta.response(), ending.response)) {
                  // The tool loop's next completion: its reasoning starts anew, as a new segment.
                  if (ending.response != null) {
                    session.endReasoning();
                  }
                  ending.response = delta.response();
                  ending.reasoned = 0;
                }
                if (reasoning != null && reasoning.length() > ending.reasoned) {
                  String piece = reasoning.substring(ending.reasoned);
                  ending.reasoned = reasoning.length();
                  pending.add(new AnswerSignal.Reasoning(piece));
                  // The answer's first text ends the segment: Chat Completions marks no end.
                  session.feedReasoning(piece);
                }
                session.feed(delta.text());
              } catch (PartialJsonException e) {
                pending.add(end(session, ending)); // the session holds e in its result
              }
              List<AnswerSignal> out = List.copyOf(pending);
              pending.clear();
              return out;
            },
            PREFETCH)
        .concatWith(
            Flux.defer(
                () -> {
                  // Ending the input can complete a value (a trailing number) and its events.
                  AnswerSignal end = end(session, ending);
                  pending.add(end);
                  return Flux.fromIterable(List.copyOf(pending));
                }))
        .takeUntil(signal -> signal instanceof AnswerSignal.End);
  }

  /** What the chunks said about the end, apart from the answer. Confined to one pass. */
  private static final class Ending {
    @Nullable String finishReason;
    final StringBuilder refusal = new StringBuilder();
    @Nullable Object response; // the id of the completion whose reasoning is being passed on
    int reasoned; // how much of that completion's reasoning has been passed on
  }

  private static AnswerSignal.End end(BindingSession<?> session, Ending ending) {
    StreamedAnswer.Outcome<?> outcome =
        new StreamedAnswer.Outcome<>(
            session.result(),
            session.stats(),
            ending.finishReason,
            ending.refusal.length() == 0 ? null : ending.refusal.toString());
    PartialJsonException failure = null;
    try {
      session.complete(); // the same result again: its exception, as the views report it
    } catch (PartialJsonException e) {
      failure = e;
    }
    return new AnswerSignal.End(outcome, failure);
  }
}
