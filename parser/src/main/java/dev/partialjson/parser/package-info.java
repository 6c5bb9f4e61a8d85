/**
 * Incremental JSON parsing of streamed model output: events by JSON path, snapshots, and precise
 * errors.
 *
 * <p>Needs Java 17 or newer and jackson-core 2.21.8 or a later 2.21 patch, or 2.22.4 or newer
 * within 2.x; older releases (2.22.0 to 2.22.3 too) locate some errors differently depending on how
 * the input was split, or do not enforce the number-length limit.
 */
@NullMarked
package dev.partialjson.parser;

import org.jspecify.annotations.NullMarked;
