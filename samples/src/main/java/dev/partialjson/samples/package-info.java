/**
 * Runnable programs that show partialjson at work; each is small, runs offline, and is tested.
 * Start with {@link dev.partialjson.samples.TerminalDemo}, the README's first command.
 */
@NullMarked
package dev.partialjson.samples;

import org.jspecify.annotations.NullMarked;
