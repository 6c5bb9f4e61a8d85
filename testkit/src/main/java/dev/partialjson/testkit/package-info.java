/**
 * Chunk-boundary test kit: {@link dev.partialjson.testkit.SplitSweep} replays a document under
 * every split of the sweep ({@link dev.partialjson.testkit.Splits}) and checks that the events do
 * not depend on the split ({@link dev.partialjson.testkit.EventLog}) and that each snapshot extends
 * the one before ({@link dev.partialjson.testkit.Monotone}). Failures are {@link AssertionError}s
 * naming the split, so the kit works under any test framework.
 */
@NullMarked
package dev.partialjson.testkit;

import org.jspecify.annotations.NullMarked;
