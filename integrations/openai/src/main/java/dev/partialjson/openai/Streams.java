package dev.partialjson.openai;

/** Closing the SDK's stream without hiding the exception that made us close it. */
final class Streams {
  private Streams() {}

  static void closeQuietly(AutoCloseable upstream, Throwable cause) {
    try {
      upstream.close();
    } catch (Exception e) {
      cause.addSuppressed(e);
    }
  }
}
