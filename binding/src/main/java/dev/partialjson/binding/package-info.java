/**
 * Typed streaming binding: a {@link dev.partialjson.binding.StreamingBinder} turns JSON arriving in
 * pieces into a typed value, with callbacks for growing strings and completed list items, a typed
 * partial value on demand, and Jakarta Validation of each item as it closes and of the whole value
 * at the end.
 */
@NullMarked
package dev.partialjson.binding;

import org.jspecify.annotations.NullMarked;
