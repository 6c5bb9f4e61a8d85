/**
 * Typed streaming binding through Jackson 3's databind ({@code tools.jackson}): the Jackson 3 side
 * of partialjson's binding, for applications on Jackson 3 such as Spring Boot 4's.
 */
module dev.partialjson.binding.jackson3 {
  requires transitive dev.partialjson.binding;
  requires transitive tools.jackson.databind;
  requires static transitive org.jspecify;

  exports dev.partialjson.binding.jackson3;

  provides dev.partialjson.binding.spi.DatabindProvider with
      dev.partialjson.binding.jackson3.Jackson3Provider;
}
