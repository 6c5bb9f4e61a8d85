/**
 * A patch stream for user interfaces. {@link dev.partialjson.patch.PatchStream} turns the parser's
 * events into JSON Patch operations ({@code add}, {@code replace}, and {@code append} for a string
 * that grows), {@link dev.partialjson.patch.PatchBatcher} coalesces them into batches a user
 * interface can keep up with, {@link dev.partialjson.patch.AgUiEvents} and {@link
 * dev.partialjson.patch.SseEvents} write the batches as events, and {@link
 * dev.partialjson.patch.PatchClient} serves the JavaScript that applies them in a browser.
 */
@NullMarked
package dev.partialjson.patch;

import org.jspecify.annotations.NullMarked;
