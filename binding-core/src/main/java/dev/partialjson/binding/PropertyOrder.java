package dev.partialjson.binding;

/**
 * The order in which a binder's schema ({@code ModelSchema} in partialjson-schema, set with {@link
 * StreamingBinder.Builder#propertyOrder}) lists an object's properties. A model under a schema
 * writes the properties in the schema's order, so the order decides what a user sees first; the
 * binding itself reads them in any order.
 *
 * <p>Either way, a class with an explicit order ({@code @JsonPropertyOrder} with property names or
 * {@code alphabetic = true}; the annotation is the same for Jackson 2 and Jackson 3) is listed in
 * that order, as Jackson writes it.
 */
public enum PropertyOrder {
  /**
   * As the class declares them (the record's components in order), the default: the author's order
   * is kept, such as reasoning steps before the final answer.
   */
  DECLARATION,

  /**
   * Short values first, so that something useful arrives early: in each object, the polymorphic
   * type property (a {@code const}) first, then identifiers (a scalar named {@code id} or ending in
   * {@code Id}, {@code ID}, {@code _id} or {@code -id}), then short scalars (enums, booleans,
   * numbers, strings with a {@code format} or a {@code maxLength} of at most 100 characters, as
   * {@code @Size(max = ...)} writes it), then the rest in declaration order: unbounded strings
   * (prose), lists, maps and nested objects. Nested objects and every {@code $defs} entry are
   * ordered the same way. The sort is stable: properties of the same kind keep their declaration
   * order, so the result is deterministic. {@code required} lists the same names as before, in the
   * new order.
   */
  STREAMING
}
