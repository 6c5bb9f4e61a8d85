/**
 * Incremental JSON parsing of streamed model output: events by JSON path, snapshots, and precise
 * errors.
 */
@NullMarked
package dev.partialjson.parser;

import org.jspecify.annotations.NullMarked;
