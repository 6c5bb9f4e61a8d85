package dev.partialjson.langchain4j;

import dev.langchain4j.service.TokenStream;

/**
 * Registers a {@link BindingHandler} on an AI Services {@link TokenStream}. Kept apart so that an
 * application with langchain4j-core alone (no AI Services) never loads {@code TokenStream}.
 */
final class TokenStreamWiring {
  private TokenStreamWiring() {}

  static TokenStream attach(TokenStream stream, BindingHandler<?> handler) {
    return stream
        .onPartialResponseWithContext(handler::onPartialResponse)
        .onPartialThinkingWithContext(handler::onPartialThinking)
        .onPartialToolCallWithContext(handler::onPartialToolCall)
        .onIntermediateResponse(handler::completeRound)
        .onCompleteResponse(handler::onCompleteResponse)
        .onError(handler::onError);
  }
}
