/**
 * A typed, validated answer streamed out of the official Anthropic Java SDK: {@link
 * dev.partialjson.anthropic.AnthropicBinding} sets the schema of the request from the bound type
 * and turns the SDK's {@code StreamResponse<RawMessageStreamEvent>} into binding sessions, one for
 * the answer and one per tool call, with thinking kept apart from the value as the answer's
 * reasoning.
 *
 * <p>Needs anthropic-java 2.12.0 or newer (the first with structured outputs in {@code
 * output_config}); the application brings its own version.
 */
@NullMarked
package dev.partialjson.anthropic;

import org.jspecify.annotations.NullMarked;
