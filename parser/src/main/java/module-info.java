/**
 * Incremental JSON parsing of streamed model output.
 *
 * <p>The jar carries the jackson-core it is built and tested with, relocated into {@code
 * dev.partialjson.parser.internal.jackson} packages that belong to this module and are not
 * exported; so this module requires no Jackson module, and no Jackson type appears in its API. The
 * build compiles it with the module reading the class path, where jackson-core sits until it is
 * relocated (parser/pom.xml). JSpecify's nullness annotations do appear in the public API: {@code
 * static} because they are not needed at run time, {@code transitive} so that modules compiling
 * against this one can read them.
 */
module dev.partialjson.parser {
  requires static transitive org.jspecify;

  exports dev.partialjson.parser;
}
