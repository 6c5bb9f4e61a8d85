/**
 * LangChain4j adapter: a {@code StreamingChatResponseHandler} ({@link
 * dev.partialjson.langchain4j.BindingHandler}), also for AI Services' {@code TokenStream}, that
 * binds the streamed answer and tool calls to typed, validated values while they arrive; and the
 * JSON schema of the bound type for the request ({@link
 * dev.partialjson.langchain4j.LangChain4jSchemas}).
 */
@NullMarked
package dev.partialjson.langchain4j;

import org.jspecify.annotations.NullMarked;
