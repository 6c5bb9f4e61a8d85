package dev.partialjson.binding.spi;

import java.lang.reflect.Type;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The port between the binding logic, which is the same for every Jackson, and one Jackson's
 * databind: what the logic asks of databind, and nothing else. Recording a value's tokens, binding
 * a recording to a type, the names, types and type ids of a type's properties, and the checks that
 * keep the input from naming a Java class. {@code partialjson-binding} implements it with Jackson 2
 * and {@code partialjson-binding-jackson3} with Jackson 3; an application passes one to {@code
 * StreamingBinder.Builder#databind} (from those artifacts' factories) or lets the binder find the
 * one on the class path, and never calls it.
 *
 * <p>An implementation wraps one mapper, which it never changes; it is immutable and thread-safe,
 * shared by every session of the binders made with it.
 */
public interface Databind {
  /** Returns a short name for messages: the Jackson and its databind version. */
  String describe();

  /** Returns {@code type} as this databind resolves it. */
  DataType constructType(Type type);

  /** Returns {@code base} narrowed to {@code subclass}, a subclass of its raw class. */
  DataType specialize(DataType base, Class<?> subclass);

  /** Returns whether {@code type} is a class of this Jackson's tree model ({@code JsonNode}). */
  boolean isTree(Class<?> type);

  /** Returns a new, empty recording. */
  Tokens newTokens();

  /**
   * Binds what {@code tokens} recorded to {@code type}; for a {@code partial} value, missing and
   * unknown properties and nulls for primitives do not fail, whatever the mapper demands of a whole
   * value.
   *
   * @throws DatabindFailure if databind cannot bind it; other exceptions of the mapper's own
   *     deserializers pass through as they are
   */
  @Nullable Object bind(DataType type, Tokens tokens, boolean partial);

  /** Returns the properties of a bean type as databind reads them, in databind's order. */
  List<Property> properties(DataType bean);

  /**
   * Returns the value of the property that Java names {@code javaName} of {@code bean}, read by the
   * accessor databind would write it with, or null if there is none or it cannot be read.
   */
  @Nullable Object readProperty(Object bean, String javaName);

  /**
   * Returns whether databind reads a {@code type} value given as an embedded object (a value bound
   * before) as that value itself: a plain bean deserializer, with no type ids, object ids or
   * delegating creator, and no module's replacement.
   */
  boolean takesBoundValue(DataType type);

  /**
   * Returns how a type is polymorphic: null if it is not; a {@link Polymorphism} with its type id
   * property and declared subtypes if the id is a property of the object ({@code Id.NAME} or {@code
   * Id.SIMPLE_NAME}); one with an empty property name for any other kind.
   */
  @Nullable Polymorphism polymorphism(DataType type);

  /**
   * Returns the JSON names databind accepts on an object of {@code type} (properties, their
   * aliases, ignored names) with the type read there, in databind's order; null if any name may be
   * there (not read as an object of properties, an any-setter, an unwrapped property). Names are in
   * lower case when {@link #ignoresPropertyCase()}.
   */
  @Nullable Map<String, DataType> acceptedNames(DataType type);

  /** Returns whether the mapper accepts property names in any case. */
  boolean ignoresPropertyCase();

  /** Returns whether the mapper expects the root value wrapped in an object with its name. */
  boolean unwrapsRootValue();

  /**
   * Checks {@code type} and every type databind reaches from it when reading it.
   *
   * @throws IllegalArgumentException if a type id there would be a class name; the message names
   *     the class or property, and what to declare instead
   */
  void refuseClassNames(DataType type);

  /**
   * A property as JSON names it: Java name, JSON name, declared type, marked show-when-complete;
   * {@code plain} if no Jackson annotation on it changes how its value is read (it has none but
   * names and descriptions), so that its items are read as their type is read at the root.
   */
  record Property(
      String javaName, String jsonName, DataType type, boolean showWhenComplete, boolean plain) {}

  /** A polymorphic type whose id is a property of the object: the property and the subtypes. */
  record Polymorphism(String typeProperty, Map<String, DataType> subtypes) {}
}
