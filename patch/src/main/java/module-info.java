/**
 * A patch stream for user interfaces: JSON Patch operations from the parser's events, coalesced
 * into batches, as AG-UI or plain server-sent events, and a JavaScript client that applies them.
 *
 * <p>The parser is {@code transitive}: its types ({@code JsonListener}, {@code JsonEvent}, {@code
 * Snapshot}, {@code ParserOptions}) appear in this API. Nothing else is needed at run time: the
 * JSON this module writes comes from its own small writer.
 */
module dev.partialjson.patch {
  requires transitive dev.partialjson.parser;
  requires static transitive org.jspecify;

  exports dev.partialjson.patch;
}
