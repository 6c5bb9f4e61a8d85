/**
 * Streams the official OpenAI Java SDK's answers into typed {@link
 * dev.partialjson.binding.BindingSession}s: the Chat Completions stream ({@link
 * ChatCompletionBinding}) and the Responses stream ({@link ResponseBinding}), with the request's
 * JSON schema written from the bound type ({@link OpenAiStreams}).
 *
 * <p>No {@code module-info}: openai-java's jars name no module, and a descriptor that required one
 * would depend on a name derived from a file name.
 */
@NullMarked
package dev.partialjson.openai;

import org.jspecify.annotations.NullMarked;
