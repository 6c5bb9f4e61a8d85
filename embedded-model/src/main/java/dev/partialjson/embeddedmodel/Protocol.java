package dev.partialjson.embeddedmodel;

import java.util.Optional;

/** The three APIs the model speaks, each at its path. */
enum Protocol {
  CHAT_COMPLETIONS("/v1/chat/completions"),
  RESPONSES("/v1/responses"),
  MESSAGES("/v1/messages");

  private final String path;

  Protocol(String path) {
    this.path = path;
  }

  String path() {
    return path;
  }

  static Optional<Protocol> byPath(String path) {
    for (Protocol protocol : values()) {
      if (protocol.path.equals(path)) {
        return Optional.of(protocol);
      }
    }
    return Optional.empty();
  }
}
