package dev.partialjson.embeddedmodel;

/**
 * Thrown while writing an answer when a (sub)schema admits no value that can be written, for
 * example a {@code false} schema or {@code minimum} above {@code maximum}. Choices (a branch of
 * {@code anyOf}, an optional property, one of several types) catch it and take another way; only
 * one that escapes the root becomes the caller's {@link IllegalArgumentException}.
 */
final class Unsatisfiable extends RuntimeException {
  private static final long serialVersionUID = 1L;

  Unsatisfiable(String what, String pointer) {
    // No stack trace: it is thrown and caught as a way of backtracking.
    super(what + " (at " + (pointer.isEmpty() ? "the root" : pointer) + ")", null, false, false);
  }
}
