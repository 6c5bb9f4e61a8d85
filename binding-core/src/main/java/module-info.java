/**
 * Typed streaming binding: records bound with Jackson and validated with Jakarta Validation while
 * the JSON is still arriving. The logic, the same for every Jackson, and the port it asks databind
 * through ({@code dev.partialjson.binding.spi}); the Jackson sides are the modules {@code
 * dev.partialjson.binding.jackson2} (artifact partialjson-binding) and {@code
 * dev.partialjson.binding.jackson3} (partialjson-binding-jackson3). The {@code Flow} adapters are
 * in {@code dev.partialjson.binding.flow}. No Jackson type is in its API.
 *
 * <p>The parser and Jakarta Validation appear in the public API ({@code ParserOptions}, {@code
 * Validator}), so they are {@code transitive}. Hibernate Validator is used directly only to build
 * the default validator: it is optional, read when the application has it. JSON Schema generation
 * is the module {@code dev.partialjson.schema} (partialjson-schema): binding never needs it.
 */
module dev.partialjson.binding {
  requires transitive dev.partialjson.parser;
  requires transitive jakarta.validation;
  // Optional: used when the application has Hibernate Validator (HibernateValidatorSupport); any
  // other Jakarta Validation provider works without it. "static" is the module system's optional
  // dependency: never resolved because of this module, read when the application resolves it.
  requires static org.hibernate.validator;
  requires static transitive org.jspecify;

  exports dev.partialjson.binding;
  exports dev.partialjson.binding.flow;
  exports dev.partialjson.binding.spi;

  uses dev.partialjson.binding.spi.DatabindProvider;
}
