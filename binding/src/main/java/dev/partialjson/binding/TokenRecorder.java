package dev.partialjson.binding;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.ObjectCodec;
import com.fasterxml.jackson.databind.util.TokenBuffer;
import dev.partialjson.parser.JsonPath;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Records the value at one path as Jackson tokens, from the parser's events or from a snapshot's
 * plain values, so that databind can bind it without the text being parsed again. Field names come
 * from the events' paths; numbers keep the exact type the parser gave ({@code Integer}, {@code
 * Long}, {@code BigInteger}, {@code BigDecimal}), so no digit is lost before databind converts.
 *
 * <p>A value inside this one that was already bound as it closed (a list item) can be {@linkplain
 * #hold held}: recorded as one embedded-object token carrying the bound value, which databind's
 * bean deserializer takes as it is, so the item is not bound again inside its parents and the final
 * value. The item's own recording is kept next to it, and {@link #expanded} gives back every token,
 * for the binding to fall back on if the held values cannot stand in for their tokens.
 */
final class TokenRecorder {
  private final TokenBuffer buffer = new TokenBuffer((ObjectCodec) null, false);
  private final JsonPath root;
  // The recordings of the held values, one per embedded-object token, in the order of the tokens.
  private final List<TokenRecorder> held = new ArrayList<>(0);

  TokenRecorder(JsonPath root) {
    this.root = root;
  }

  JsonPath root() {
    return root;
  }

  TokenBuffer buffer() {
    return buffer;
  }

  void startObject(JsonPath path) {
    try {
      name(path);
      buffer.writeStartObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  void endObject() {
    try {
      buffer.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  void startArray(JsonPath path) {
    try {
      name(path);
      buffer.writeStartArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  void endArray() {
    try {
      buffer.writeEndArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Records a scalar (a string, number, boolean or null) as the parser reports it. */
  void scalar(JsonPath path, @Nullable Object value) {
    try {
      name(path);
      if (value == null) {
        buffer.writeNull();
      } else if (value instanceof String s) {
        buffer.writeString(s);
      } else if (value instanceof Boolean b) {
        buffer.writeBoolean(b);
      } else if (value instanceof Integer i) {
        buffer.writeNumber(i);
      } else if (value instanceof Long l) {
        buffer.writeNumber(l);
      } else if (value instanceof BigInteger b) {
        buffer.writeNumber(b);
      } else if (value instanceof BigDecimal d) {
        buffer.writeNumber(d);
      } else {
        buffer.writeNumber(value.toString());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Records {@code value}, bound from {@code tokens} (the recording of the value at {@code path},
   * directly inside this one), as one embedded-object token.
   */
  void hold(JsonPath path, Object value, TokenRecorder tokens) {
    try {
      name(path);
      buffer.writeEmbeddedObject(value);
      held.add(tokens);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Records the tokens of {@code tokens} (the recording of the value at {@code path}) here. */
  void append(JsonPath path, TokenRecorder tokens) {
    try {
      name(path);
      copy(tokens.buffer, buffer);
      held.addAll(tokens.held);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Returns whether a value is held as an embedded object (see {@link #hold}). */
  boolean holds() {
    return !held.isEmpty();
  }

  /** Returns every token, each held value replaced by the tokens it was bound from. */
  TokenBuffer expanded() {
    if (held.isEmpty()) {
      return buffer;
    }
    TokenBuffer out = new TokenBuffer((ObjectCodec) null, false);
    try {
      expand(out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }

  private void expand(TokenBuffer out) throws IOException {
    int next = 0;
    try (JsonParser tokens = buffer.asParser()) {
      for (JsonToken t = tokens.nextToken(); t != null; t = tokens.nextToken()) {
        if (t == JsonToken.VALUE_EMBEDDED_OBJECT) {
          held.get(next++).expand(out); // nesting bounded by that of the subscribed lists
        } else {
          out.copyCurrentEvent(tokens);
        }
      }
    }
  }

  private static void copy(TokenBuffer from, TokenBuffer to) throws IOException {
    try (JsonParser tokens = from.asParser()) {
      while (tokens.nextToken() != null) {
        to.copyCurrentEvent(tokens);
      }
    }
  }

  /**
   * Records a snapshot value (maps, lists and scalars) at {@code path}. Recursion is bounded by the
   * parser's nesting limit, which the value already passed.
   */
  void tree(JsonPath path, @Nullable Object value) {
    if (value instanceof Map<?, ?> map) {
      startObject(path);
      for (Map.Entry<?, ?> entry : map.entrySet()) {
        tree(path.field((String) entry.getKey()), entry.getValue());
      }
      endObject();
    } else if (value instanceof List<?> list) {
      startArray(path);
      for (int i = 0; i < list.size(); i++) {
        tree(path.index(i), list.get(i));
      }
      endArray();
    } else {
      scalar(path, value);
    }
  }

  private void name(JsonPath path) throws IOException {
    if (path.depth() > root.depth() && path.isField()) {
      buffer.writeFieldName(path.name());
    }
  }
}
