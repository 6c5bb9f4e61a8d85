/**
 * Binding through Jackson 3's databind ({@code tools.jackson.databind}): {@link
 * dev.partialjson.binding.jackson3.Jackson3Databind} wraps the application's {@code JsonMapper} for
 * {@code StreamingBinder.Builder#databind}.
 */
@NullMarked
package dev.partialjson.binding.jackson3;

import org.jspecify.annotations.NullMarked;
