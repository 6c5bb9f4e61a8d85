package dev.partialjson.binding.jackson3;

import dev.partialjson.binding.spi.Tokens;
import java.math.BigDecimal;
import java.math.BigInteger;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.util.TokenBuffer;

/**
 * Tokens in a Jackson 3 {@link TokenBuffer}, which databind reads as a parser. Confined to one
 * thread at a time.
 */
final class Jackson3Tokens implements Tokens {
  final TokenBuffer buffer = TokenBuffer.forGeneration();

  @Override
  public void startObject() {
    buffer.writeStartObject();
  }

  @Override
  public void endObject() {
    buffer.writeEndObject();
  }

  @Override
  public void startArray() {
    buffer.writeStartArray();
  }

  @Override
  public void endArray() {
    buffer.writeEndArray();
  }

  @Override
  public void fieldName(String name) {
    buffer.writeName(name);
  }

  @Override
  public void nullValue() {
    buffer.writeNull();
  }

  @Override
  public void string(String value) {
    buffer.writeString(value);
  }

  @Override
  public void bool(boolean value) {
    buffer.writeBoolean(value);
  }

  @Override
  public void number(int value) {
    buffer.writeNumber(value);
  }

  @Override
  public void number(long value) {
    buffer.writeNumber(value);
  }

  @Override
  public void number(BigInteger value) {
    buffer.writeNumber(value);
  }

  @Override
  public void number(BigDecimal value) {
    buffer.writeNumber(value);
  }

  @Override
  public void numberText(String value) {
    buffer.writeNumber(value);
  }

  @Override
  public void embedded(Object value) {
    buffer.writeEmbeddedObject(value);
  }

  @Override
  public void replay(Tokens out, EmbeddedHandler embedded) {
    TokenBuffer to = ((Jackson3Tokens) out).buffer;
    int next = 0;
    try (JsonParser tokens = buffer.asParser()) {
      for (JsonToken t = tokens.nextToken(); t != null; t = tokens.nextToken()) {
        if (t == JsonToken.VALUE_EMBEDDED_OBJECT) {
          embedded.at(next++, tokens.getEmbeddedObject(), out);
        } else {
          to.copyCurrentEvent(tokens);
        }
      }
    }
  }
}
