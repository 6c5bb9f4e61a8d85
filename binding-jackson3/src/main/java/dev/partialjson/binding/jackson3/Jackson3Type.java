package dev.partialjson.binding.jackson3;

import dev.partialjson.binding.spi.DataType;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.TreeNode;
import tools.jackson.databind.JavaType;

/** A Jackson 3 {@link JavaType} as the binding logic sees it. Immutable, thread-safe. */
final class Jackson3Type implements DataType {
  final JavaType type;

  private Jackson3Type(JavaType type) {
    this.type = type;
  }

  static Jackson3Type of(JavaType type) {
    return new Jackson3Type(type);
  }

  static @Nullable Jackson3Type ofNullable(@Nullable JavaType type) {
    return type == null ? null : new Jackson3Type(type);
  }

  static JavaType unwrap(DataType type) {
    return ((Jackson3Type) type).type;
  }

  @Override
  public Class<?> getRawClass() {
    return type.getRawClass();
  }

  @Override
  public boolean isContainerType() {
    return type.isContainerType();
  }

  @Override
  public boolean isEnumType() {
    return type.isEnumType();
  }

  @Override
  public boolean isPrimitive() {
    return type.isPrimitive();
  }

  @Override
  public boolean isArrayType() {
    return type.isArrayType();
  }

  @Override
  public boolean isAbstract() {
    return type.isAbstract();
  }

  @Override
  public boolean isMapLikeType() {
    return type.isMapLikeType();
  }

  @Override
  public boolean isCollectionLikeType() {
    return type.isCollectionLikeType();
  }

  @Override
  public boolean isReferenceType() {
    return type.isReferenceType();
  }

  @Override
  public boolean isTree() {
    return TreeNode.class.isAssignableFrom(type.getRawClass());
  }

  @Override
  public @Nullable DataType getContentType() {
    return ofNullable(type.getContentType());
  }

  @Override
  public @Nullable DataType getKeyType() {
    return ofNullable(type.getKeyType());
  }

  @Override
  public List<DataType> typeParameters() {
    List<JavaType> parameters = type.getBindings().getTypeParameters();
    List<DataType> out = new ArrayList<>(parameters.size());
    for (JavaType parameter : parameters) {
      out.add(of(parameter));
    }
    return out;
  }

  @Override
  public Object unwrap() {
    return type;
  }

  @Override
  public boolean equals(@Nullable Object other) {
    return other instanceof Jackson3Type t && type.equals(t.type);
  }

  @Override
  public int hashCode() {
    return type.hashCode();
  }

  @Override
  public String toString() {
    return type.toString();
  }
}
