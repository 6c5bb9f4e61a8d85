/**
 * Typed streaming binding through Jackson 2's databind: the Jackson 2 side of partialjson's binding
 * ({@code Jackson2Databind}), with the binding module itself. Jackson 2's databind is in the public
 * API ({@code ObjectMapper}), so it is {@code transitive}, as the binding module is. JSON Schema
 * generation is a module of its own ({@code dev.partialjson.schema}).
 */
module dev.partialjson.binding.jackson2 {
  requires transitive dev.partialjson.binding;
  requires transitive com.fasterxml.jackson.databind;
  requires static transitive org.jspecify;

  exports dev.partialjson.binding.jackson2;

  provides dev.partialjson.binding.spi.DatabindProvider with
      dev.partialjson.binding.jackson2.Jackson2Provider;
}
