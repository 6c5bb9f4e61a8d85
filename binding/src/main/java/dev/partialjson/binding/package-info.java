/**
 * Typed streaming binding: a {@link dev.partialjson.binding.StreamingBinder} turns JSON arriving in
 * pieces into a typed value, with callbacks for growing strings and completed list items, a typed
 * partial value on demand, and Jakarta Validation of each item as it closes and of the whole value
 * at the end.
 *
 * <p>Needs Java 17 or newer, jackson-databind (and jackson-core) 2.21.8 or a later 2.21 patch, or
 * 2.22.4 or newer within 2.x, and a Jakarta Validation 3.1 provider.
 */
@NullMarked
package dev.partialjson.binding;

import org.jspecify.annotations.NullMarked;
