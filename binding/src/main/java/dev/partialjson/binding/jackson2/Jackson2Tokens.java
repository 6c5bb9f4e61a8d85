package dev.partialjson.binding.jackson2;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.ObjectCodec;
import com.fasterxml.jackson.databind.util.TokenBuffer;
import dev.partialjson.binding.spi.Tokens;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * Tokens in a Jackson 2 {@link TokenBuffer}, which databind reads as a parser. The buffer writes to
 * memory: its {@code IOException}s cannot happen, and are rethrown unchecked if they do. Confined
 * to one thread at a time.
 */
final class Jackson2Tokens implements Tokens {
  final TokenBuffer buffer = new TokenBuffer((ObjectCodec) null, false);

  @Override
  public void startObject() {
    try {
      buffer.writeStartObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void endObject() {
    try {
      buffer.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void startArray() {
    try {
      buffer.writeStartArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void endArray() {
    try {
      buffer.writeEndArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void fieldName(String name) {
    try {
      buffer.writeFieldName(name);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void nullValue() {
    try {
      buffer.writeNull();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void string(String value) {
    try {
      buffer.writeString(value);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void bool(boolean value) {
    try {
      buffer.writeBoolean(value);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void number(int value) {
    try {
      buffer.writeNumber(value);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void number(long value) {
    try {
      buffer.writeNumber(value);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void number(BigInteger value) {
    try {
      buffer.writeNumber(value);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void number(BigDecimal value) {
    try {
      buffer.writeNumber(value);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void numberText(String value) {
    try {
      buffer.writeNumber(value);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void embedded(Object value) {
    try {
      buffer.writeEmbeddedObject(value);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void replay(Tokens out, EmbeddedHandler embedded) {
    TokenBuffer to = ((Jackson2Tokens) out).buffer;
    int next = 0;
    try (JsonParser tokens = buffer.asParser()) {
      for (JsonToken t = tokens.nextToken(); t != null; t = tokens.nextToken()) {
        if (t == JsonToken.VALUE_EMBEDDED_OBJECT) {
          embedded.at(next++, tokens.getEmbeddedObject(), out);
        } else {
          to.copyCurrentEvent(tokens);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
