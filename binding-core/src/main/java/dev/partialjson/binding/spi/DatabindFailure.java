package dev.partialjson.binding.spi;

import java.util.List;

/**
 * Thrown by {@link Databind#bind} when databind cannot bind the recorded value: its own message
 * (without location), and where in the value it failed, as field names ({@code String}) and list
 * indexes ({@code Integer}) below the value's root.
 */
public final class DatabindFailure extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final transient List<Object> path;

  public DatabindFailure(String message, List<Object> path, Throwable cause) {
    super(message, cause);
    this.path = List.copyOf(path);
  }

  /** Returns the field names and indexes from the value's root to where it failed. */
  public List<Object> path() {
    return path;
  }
}
