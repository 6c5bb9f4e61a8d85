package dev.partialjson.binding.spi;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A Java type as the databind of one Jackson resolves it (its {@code JavaType}), seen through the
 * few questions the binding logic asks. The names are those of Jackson's {@code JavaType}, which
 * both Jackson 2 and Jackson 3 answer alike. Equal when the resolved types are equal.
 *
 * <p>Part of the port between the binding logic and a Jackson; not for applications. Immutable and
 * thread-safe.
 */
public interface DataType {
  /** Returns the class of the type, without type arguments. */
  Class<?> getRawClass();

  /** Returns whether it is a collection, map, array or reference type such as Optional. */
  boolean isContainerType();

  boolean isEnumType();

  boolean isPrimitive();

  boolean isArrayType();

  boolean isAbstract();

  boolean isMapLikeType();

  boolean isCollectionLikeType();

  /** Returns whether it holds one value ({@code Optional}, {@code AtomicReference}). */
  boolean isReferenceType();

  /** Returns whether it is the Jackson tree model's node type ({@code JsonNode}, or below). */
  boolean isTree();

  /** Returns the element type of a container, or null. */
  @Nullable DataType getContentType();

  /** Returns the key type of a map, or null. */
  @Nullable DataType getKeyType();

  /** Returns the type arguments of the class ({@code Task} of {@code List<Task>}), in order. */
  List<DataType> typeParameters();

  /** Returns the Jackson's own {@code JavaType}, for the side that made this. */
  Object unwrap();
}
