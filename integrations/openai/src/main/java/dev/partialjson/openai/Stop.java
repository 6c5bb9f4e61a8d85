package dev.partialjson.openai;

import dev.partialjson.parser.PartialJsonException;

/**
 * Unwinds a reader when a session failed fast, carrying the session's exception and which part of
 * the answer it was. Never leaves the package.
 */
final class Stop extends RuntimeException {
  private static final long serialVersionUID = 1L;

  final transient PartialJsonException error;
  final String source;

  Stop(PartialJsonException error, String source) {
    super(source, error, false, false);
    this.error = error;
    this.source = source;
  }
}
