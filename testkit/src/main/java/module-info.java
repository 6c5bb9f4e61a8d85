/**
 * Chunk-boundary test kit for code built on partialjson: the split sweep, an event recorder that
 * checks the delta rules, the monotone-snapshot check, and {@code SplitSweep}, which runs them all.
 * Framework-neutral: failures are {@link AssertionError}s.
 *
 * <p>The parser is {@code transitive}: its types ({@code ParserOptions}, {@code JsonEvent}, {@code
 * Snapshot}) appear in this API. JTokkit cuts the o200k token splits: the jar carries it, relocated
 * into {@code dev.partialjson.testkit.internal.jtokkit} packages of this module that are not
 * exported, so this module requires no module of its own for it (testkit/pom.xml).
 */
module dev.partialjson.testkit {
  requires transitive dev.partialjson.parser;
  requires static transitive org.jspecify;

  exports dev.partialjson.testkit;
}
