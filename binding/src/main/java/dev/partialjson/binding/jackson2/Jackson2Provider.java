package dev.partialjson.binding.jackson2;

import dev.partialjson.binding.spi.Databind;
import dev.partialjson.binding.spi.DatabindProvider;

/** Makes Jackson 2 the default of binders given no databind, when it is the one side present. */
public final class Jackson2Provider implements DatabindProvider {
  /**
   * Called by {@link java.util.ServiceLoader}.
   *
   * @throws IllegalStateException if this side's Jackson is not on the class path (the binding
   *     artifact can be, without it), so that the side is not counted
   */
  public Jackson2Provider() {
    try {
      Class.forName(
          "com.fasterxml.jackson.databind.ObjectMapper", false, getClass().getClassLoader());
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException(
          "no com.fasterxml.jackson.databind.ObjectMapper on the class path", e);
    }
  }

  @Override
  public String artifact() {
    return "partialjson-binding (Jackson 2)";
  }

  @Override
  public Databind defaultDatabind() {
    return Jackson2Databind.defaults();
  }
}
