package dev.partialjson.binding;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;

/**
 * A generic target type, captured by an anonymous subclass: {@code new GenericType<List<Task>>()
 * {}}. The same idea as Jackson's {@code TypeReference}, without naming a Jackson.
 *
 * <pre>{@code
 * StreamingBinder<List<Task>> binder = StreamingBinder.of(new GenericType<List<Task>>() {});
 * }</pre>
 *
 * @param <T> the type to bind
 */
public abstract class GenericType<T> {
  private final Type type;

  /**
   * Captures the type argument of the anonymous subclass.
   *
   * @throws IllegalStateException if the subclass does not give the type argument
   */
  protected GenericType() {
    Type superclass = getClass().getGenericSuperclass();
    if (!(superclass instanceof ParameterizedType parameterized)
        || getClass().getSuperclass() != GenericType.class) {
      throw new IllegalStateException(
          "GenericType must be created as an anonymous subclass with its type argument: new"
              + " GenericType<List<Task>>() {}");
    }
    this.type = parameterized.getActualTypeArguments()[0];
  }

  /** Returns the captured type. */
  public Type type() {
    return type;
  }

  @Override
  public String toString() {
    return "GenericType<" + type.getTypeName() + ">";
  }
}
