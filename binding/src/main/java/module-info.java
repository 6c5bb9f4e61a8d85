/**
 * Typed streaming binding: records bound with Jackson and validated with Jakarta Validation while
 * the JSON is still arriving.
 *
 * <p>The parser, Jackson's databind and Jakarta Validation appear in the public API ({@code
 * ObjectMapper}, {@code TypeReference}, {@code Validator}, {@code ParserOptions}), so they are
 * {@code transitive}. Hibernate Validator is used directly only to build the default validator, and
 * victools jsonschema-generator only inside {@code ModelSchema}.
 */
module dev.partialjson.binding {
  requires transitive dev.partialjson.parser;
  // Static (read when the application resolves it): the Jackson 2 side (package jackson2) and
  // ModelSchema use it, and a Jackson 3 application, through partialjson-binding-jackson3, has
  // neither it nor victools.
  requires static com.fasterxml.jackson.databind;
  requires transitive jakarta.validation;
  // Optional: used when the application has Hibernate Validator (HibernateValidatorSupport); any
  // other Jakarta Validation provider works without it. "static" is the module system's optional
  // dependency: never resolved because of this module, read when the application resolves it.
  requires static org.hibernate.validator;
  requires static com.github.victools.jsonschema.generator;
  requires static com.fasterxml.classmate;
  requires static com.github.victools.jsonschema.module.jackson;
  requires static com.github.victools.jsonschema.module.jakarta.validation;
  requires static transitive org.jspecify;

  exports dev.partialjson.binding;
  exports dev.partialjson.binding.spi;
  exports dev.partialjson.binding.jackson2;

  uses dev.partialjson.binding.spi.DatabindProvider;

  provides dev.partialjson.binding.spi.DatabindProvider with
      dev.partialjson.binding.jackson2.Jackson2Provider;
}
