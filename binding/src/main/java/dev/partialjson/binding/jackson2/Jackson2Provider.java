package dev.partialjson.binding.jackson2;

import dev.partialjson.binding.spi.Databind;
import dev.partialjson.binding.spi.DatabindProvider;

/** Makes Jackson 2 the default of binders given no databind, when it is the one side present. */
public final class Jackson2Provider implements DatabindProvider {
  /** Called by {@link java.util.ServiceLoader}. */
  public Jackson2Provider() {}

  @Override
  public String artifact() {
    return "partialjson-binding (Jackson 2)";
  }

  @Override
  public Databind defaultDatabind() {
    return Jackson2Databind.defaults();
  }
}
