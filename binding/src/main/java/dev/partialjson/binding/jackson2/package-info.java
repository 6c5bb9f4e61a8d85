/**
 * Binding through Jackson 2's databind: {@link dev.partialjson.binding.jackson2.Jackson2Databind}
 * wraps the application's {@code ObjectMapper} for {@code StreamingBinder.Builder#databind}.
 */
@NullMarked
package dev.partialjson.binding.jackson2;

import org.jspecify.annotations.NullMarked;
