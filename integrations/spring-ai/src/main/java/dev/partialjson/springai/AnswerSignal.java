package dev.partialjson.springai;

import dev.partialjson.parser.JsonEvent;
import dev.partialjson.parser.PartialJsonException;
import org.jspecify.annotations.Nullable;

/**
 * What the one shared pass over a stream hands to the views of a {@link StreamedAnswer}: an item
 * for one of them, a parser event, and the end.
 */
sealed interface AnswerSignal {

  /** A list item that closed, bound and valid, for the view at {@code view}. */
  record Item(int view, Object value) implements AnswerSignal {}

  /** A piece of the reasoning the provider streamed apart from the answer. */
  record Reasoning(String delta) implements AnswerSignal {}

  /** A parser event. */
  record Event(JsonEvent event) implements AnswerSignal {}

  /**
   * The end of the session, always the last signal, with what {@code complete()} threw (the error,
   * or a {@code ValidationException} with every violation) or null.
   */
  record End(StreamedAnswer.Outcome<?> outcome, @Nullable PartialJsonException failure)
      implements AnswerSignal {}
}
