package dev.partialjson.embeddedmodel;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;

final class Messages {
  Messages(ModelRequest request) {}

  void stream(EventSink sink) throws IOException {
    throw new IOException("not yet");
  }

  ObjectNode whole(ServedStream served) {
    return EventSink.MAPPER.createObjectNode();
  }
}
