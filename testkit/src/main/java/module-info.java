/**
 * Chunk-boundary test kit for code built on partialjson: the split sweep, an event recorder that
 * checks the delta rules, the monotone-snapshot check, and {@code SplitSweep}, which runs them all.
 * Framework-neutral: failures are {@link AssertionError}s.
 *
 * <p>The parser is {@code transitive}: its types ({@code ParserOptions}, {@code JsonEvent}, {@code
 * Snapshot}) appear in this API. jtokkit cuts the o200k token splits and stays internal.
 */
module dev.partialjson.testkit {
  requires transitive dev.partialjson.parser;
  requires jtokkit;
  requires static transitive org.jspecify;

  exports dev.partialjson.testkit;
}
