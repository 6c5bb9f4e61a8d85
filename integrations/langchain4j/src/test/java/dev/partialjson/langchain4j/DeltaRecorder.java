package dev.partialjson.langchain4j;

import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.CompleteToolCall;
import dev.langchain4j.model.chat.response.PartialResponse;
import dev.langchain4j.model.chat.response.PartialResponseContext;
import dev.langchain4j.model.chat.response.PartialThinking;
import dev.langchain4j.model.chat.response.PartialThinkingContext;
import dev.langchain4j.model.chat.response.PartialToolCall;
import dev.langchain4j.model.chat.response.PartialToolCallContext;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import java.util.ArrayList;
import java.util.List;

/**
 * Passes every callback on to a handler and keeps the answer's text deltas, so that a session
 * callback can tell which delta was being fed when it came: {@link #before()} is the text up to the
 * delta being fed.
 */
final class DeltaRecorder implements StreamingChatResponseHandler {
  private final StreamingChatResponseHandler target;
  private final StringBuilder before = new StringBuilder();
  private final List<String> deltas = new ArrayList<>();
  private String current = "";

  DeltaRecorder(StreamingChatResponseHandler target) {
    this.target = target;
  }

  /** Returns the text that had arrived before the delta being fed. */
  String before() {
    return before.toString();
  }

  /** Returns the delta being fed. */
  String current() {
    return current;
  }

  /** Returns every text delta, in order. */
  List<String> deltas() {
    return List.copyOf(deltas);
  }

  @Override
  public void onPartialResponse(PartialResponse partialResponse, PartialResponseContext context) {
    current = partialResponse.text();
    deltas.add(current);
    target.onPartialResponse(partialResponse, context);
    before.append(current);
    current = "";
  }

  @Override
  public void onPartialThinking(PartialThinking partialThinking, PartialThinkingContext context) {
    target.onPartialThinking(partialThinking, context);
  }

  @Override
  public void onPartialToolCall(PartialToolCall partialToolCall, PartialToolCallContext context) {
    target.onPartialToolCall(partialToolCall, context);
  }

  @Override
  public void onCompleteToolCall(CompleteToolCall completeToolCall) {
    target.onCompleteToolCall(completeToolCall);
  }

  @Override
  public void onCompleteResponse(ChatResponse completeResponse) {
    target.onCompleteResponse(completeResponse);
  }

  @Override
  public void onError(Throwable error) {
    target.onError(error);
  }
}
