package dev.partialjson.binding.jackson2;

import com.fasterxml.jackson.core.TreeNode;
import com.fasterxml.jackson.databind.JavaType;
import dev.partialjson.binding.spi.DataType;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** A Jackson 2 {@link JavaType} as the binding logic sees it. Immutable, thread-safe. */
final class Jackson2Type implements DataType {
  final JavaType type;

  private Jackson2Type(JavaType type) {
    this.type = type;
  }

  static Jackson2Type of(JavaType type) {
    return new Jackson2Type(type);
  }

  static @Nullable Jackson2Type ofNullable(@Nullable JavaType type) {
    return type == null ? null : new Jackson2Type(type);
  }

  static JavaType unwrap(DataType type) {
    return ((Jackson2Type) type).type;
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
    return other instanceof Jackson2Type t && type.equals(t.type);
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
