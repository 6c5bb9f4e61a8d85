/**
 * Typed streaming binding: a {@link dev.partialjson.binding.StreamingBinder} turns JSON arriving in
 * pieces into a typed value, with callbacks for growing strings and completed list items, a typed
 * partial value on demand, and Jakarta Validation of each item as it closes and of the whole value
 * at the end.
 *
 * <p>Needs Java 17 or newer, one Jackson side (partialjson-binding: jackson-databind 2.15 or newer
 * within 2.x; partialjson-binding-jackson3: 3.1 or newer within 3.x), and a Jakarta Validation 3.0
 * or 3.1 provider (Hibernate Validator 8.0 or newer is used best; any other works), unless a {@code
 * Validator} is given to the builder.
 */
@NullMarked
package dev.partialjson.binding;

import org.jspecify.annotations.NullMarked;
