/**
 * An offline language model for building and testing against: an HTTP server on the loopback
 * interface that speaks the streaming protocols of OpenAI Chat Completions, OpenAI Responses and
 * Anthropic Messages closely enough that the official SDKs parse it unchanged, and answers to the
 * caller's JSON schema.
 */
@NullMarked
package dev.partialjson.embeddedmodel;

import org.jspecify.annotations.NullMarked;
