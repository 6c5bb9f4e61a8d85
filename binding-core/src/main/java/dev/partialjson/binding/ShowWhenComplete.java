package dev.partialjson.binding;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a property that {@link BindingSession#partial()} shows only once its value has arrived
 * whole: a string that must not be shown half-written (an id, a URL, a code), or an object that is
 * meaningless until complete. Until then the property is null in the partial value.
 *
 * <pre>{@code
 * record Link(String title, @ShowWhenComplete String url) {}
 * }</pre>
 *
 * <p>Enums and other non-text types built from strings are always shown only when complete; this
 * annotation is for the rest. {@link StreamingBinder.Builder#showWhenComplete(String...)} marks
 * paths the same way without touching the class.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({
  ElementType.FIELD,
  ElementType.METHOD,
  ElementType.PARAMETER,
  ElementType.RECORD_COMPONENT
})
public @interface ShowWhenComplete {}
