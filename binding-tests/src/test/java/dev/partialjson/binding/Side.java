package dev.partialjson.binding;

import dev.partialjson.binding.jackson2.Jackson2Databind;
import dev.partialjson.binding.jackson3.Jackson3Databind;
import dev.partialjson.binding.spi.Databind;

/**
 * The Jackson side this run of the suite binds through: the build runs every test class of this
 * package twice, once per side, with the other side's artifact off the class path (system property
 * {@code binding.side}: {@code jackson2}, the default, or {@code jackson3}). A test that configures
 * a mapper asks the side for it here, so that the same test says the same thing of both Jacksons.
 * Only the running side's Jackson is touched.
 */
enum Side {
  JACKSON2 {
    @Override
    Databind namingStrategy(String strategy, boolean failOnUnknown) {
      var builder =
          com.fasterxml.jackson.databind.json.JsonMapper.builder()
              .propertyNamingStrategy(
                  strategy.equals("SNAKE_CASE")
                      ? com.fasterxml.jackson.databind.PropertyNamingStrategies.SNAKE_CASE
                      : com.fasterxml.jackson.databind.PropertyNamingStrategies.KEBAB_CASE);
      if (failOnUnknown) {
        builder.enable(
            com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
      }
      return Jackson2Databind.of(builder.build());
    }

    @Override
    Class<?> treeType() {
      return com.fasterxml.jackson.databind.JsonNode.class;
    }

    @Override
    Class<?> objectTreeType() {
      return com.fasterxml.jackson.databind.node.ObjectNode.class;
    }

    @Override
    Class<? extends Throwable> invalidTypeId() {
      return com.fasterxml.jackson.databind.exc.InvalidTypeIdException.class;
    }

    @Override
    String unrecognized(String name) {
      return "Unrecognized field \"" + name + "\"";
    }
  },

  JACKSON3 {
    @Override
    Databind namingStrategy(String strategy, boolean failOnUnknown) {
      var builder =
          tools.jackson.databind.json.JsonMapper.builder()
              .propertyNamingStrategy(
                  strategy.equals("SNAKE_CASE")
                      ? tools.jackson.databind.PropertyNamingStrategies.SNAKE_CASE
                      : tools.jackson.databind.PropertyNamingStrategies.KEBAB_CASE);
      if (failOnUnknown) {
        builder.enable(tools.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
      }
      return Jackson3Databind.of(builder.build());
    }

    @Override
    Class<?> treeType() {
      return tools.jackson.databind.JsonNode.class;
    }

    @Override
    Class<?> objectTreeType() {
      return tools.jackson.databind.node.ObjectNode.class;
    }

    @Override
    Class<? extends Throwable> invalidTypeId() {
      return tools.jackson.databind.exc.InvalidTypeIdException.class;
    }

    @Override
    String unrecognized(String name) {
      return "Unrecognized property \"" + name + "\"";
    }
  };

  /** Returns the side of this run. */
  static Side current() {
    return "jackson3".equals(System.getProperty("binding.side")) ? JACKSON3 : JACKSON2;
  }

  /**
   * Returns a databind whose mapper names properties by {@code strategy} ({@code SNAKE_CASE} or
   * {@code KEBAB_CASE}) and, if {@code failOnUnknown}, fails on unknown properties.
   */
  abstract Databind namingStrategy(String strategy, boolean failOnUnknown);

  /** Returns the Jackson's tree node type ({@code JsonNode}). */
  abstract Class<?> treeType();

  /** Returns the Jackson's object node type ({@code ObjectNode}). */
  abstract Class<?> objectTreeType();

  /** Returns the exception databind throws for a type id it does not know. */
  abstract Class<? extends Throwable> invalidTypeId();

  /** Returns how databind's message for an unknown property starts. */
  abstract String unrecognized(String name);
}
