/**
 * The port between partialjson's binding logic and a Jackson: implemented by {@code
 * partialjson-binding} (Jackson 2) and {@code partialjson-binding-jackson3} (Jackson 3). Not an API
 * for applications: it changes with the library.
 */
@NullMarked
package dev.partialjson.binding.spi;

import org.jspecify.annotations.NullMarked;
