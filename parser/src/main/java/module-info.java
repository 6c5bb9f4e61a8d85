/**
 * Incremental JSON parsing of streamed model output.
 *
 * <p>Jackson is used internally only: no Jackson type appears in the public API, so it is neither
 * re-exported nor needed by users at compile time. JSpecify's nullness annotations do appear in the
 * public API: {@code static} because they are not needed at run time, {@code transitive} so that
 * modules compiling against this one can read them.
 */
module dev.partialjson.parser {
  requires com.fasterxml.jackson.core;
  requires static transitive org.jspecify;

  exports dev.partialjson.parser;
}
