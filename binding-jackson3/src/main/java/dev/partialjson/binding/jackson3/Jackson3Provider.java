package dev.partialjson.binding.jackson3;

import dev.partialjson.binding.spi.Databind;
import dev.partialjson.binding.spi.DatabindProvider;

/** Makes Jackson 3 the default of binders given no databind, when it is the one side present. */
public final class Jackson3Provider implements DatabindProvider {
  /**
   * Called by {@link java.util.ServiceLoader}.
   *
   * @throws IllegalStateException if this side's Jackson is not on the class path (the binding
   *     artifact can be, without it), so that the side is not counted
   */
  public Jackson3Provider() {
    try {
      Class.forName("tools.jackson.databind.json.JsonMapper", false, getClass().getClassLoader());
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException(
          "no tools.jackson.databind.json.JsonMapper on the class path", e);
    }
  }

  @Override
  public String artifact() {
    return "partialjson-binding-jackson3 (Jackson 3)";
  }

  @Override
  public Databind defaultDatabind() {
    return Jackson3Databind.defaults();
  }
}
