/**
 * {@link java.util.concurrent.Flow} adapters for binding sessions: {@link
 * dev.partialjson.binding.flow.DeltaSubscriber} feeds a session from a publisher of deltas, {@link
 * dev.partialjson.binding.flow.SessionPublisher} publishes what a session produces (its list items
 * or its parser events). Reactor, RxJava and Mutiny adapt {@code Flow} in one line. Built on the
 * public API of {@code dev.partialjson.binding} alone.
 */
@NullMarked
package dev.partialjson.binding.flow;

import org.jspecify.annotations.NullMarked;
