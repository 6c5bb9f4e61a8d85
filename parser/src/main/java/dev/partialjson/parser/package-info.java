/**
 * Incremental JSON parsing of streamed model output: events by JSON path, snapshots, and precise
 * errors.
 *
 * <p>Needs Java 17 or newer and nothing else at run time: the jar carries the jackson-core it is
 * built and tested with, relocated inside this module, so the application's Jackson (any 2.x or
 * 3.x, or none) changes nothing here.
 */
@NullMarked
package dev.partialjson.parser;

import org.jspecify.annotations.NullMarked;
