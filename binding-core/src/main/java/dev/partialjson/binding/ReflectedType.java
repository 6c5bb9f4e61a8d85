package dev.partialjson.binding;

import dev.partialjson.binding.spi.DataType;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A type the databind resolved, turned back into a reflection type ({@link
 * StreamingBinder#resolvedType()}): tools outside Jackson, such as a schema generator, read {@code
 * ParameterizedType} but not Jackson's {@code JavaType}.
 */
final class ReflectedType {
  private ReflectedType() {}

  /**
   * Returns {@code type} as a class, or as a {@code ParameterizedType} whose arguments are turned
   * the same way; an array type is its class.
   */
  static Type of(DataType type) {
    List<DataType> parameters = type.typeParameters();
    int count = parameters.size();
    if (count == 0 || type.isArrayType()) {
      return type.getRawClass();
    }
    Type[] arguments = new Type[count];
    for (int i = 0; i < count; i++) {
      arguments[i] = of(parameters.get(i));
    }
    return new Parameterized(type.getRawClass(), arguments);
  }

  private record Parameterized(Class<?> raw, Type[] arguments) implements ParameterizedType {
    @Override
    public Type[] getActualTypeArguments() {
      return arguments.clone();
    }

    @Override
    public Type getRawType() {
      return raw;
    }

    @Override
    public @Nullable Type getOwnerType() {
      return null;
    }

    @Override
    public boolean equals(@Nullable Object other) {
      return other instanceof Parameterized p
          && raw == p.raw
          && Arrays.equals(arguments, p.arguments);
    }

    @Override
    public int hashCode() {
      return raw.hashCode() * 31 + Arrays.hashCode(arguments);
    }
  }
}
