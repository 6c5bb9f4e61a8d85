package dev.partialjson.binding;

import dev.partialjson.binding.spi.Databind;
import dev.partialjson.binding.spi.Tokens;
import dev.partialjson.parser.JsonPath;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Records the value at one path as Jackson tokens (in the {@link Databind}'s own buffer), from the
 * parser's events or from a snapshot's plain values, so that databind can bind it without the text
 * being parsed again. Field names come from the events' paths; numbers keep the exact type the
 * parser gave ({@code Integer}, {@code Long}, {@code BigInteger}, {@code BigDecimal}), so no digit
 * is lost before databind converts.
 *
 * <p>A value inside this one that was already bound as it closed (a list item) can be {@linkplain
 * #hold held}: recorded as one embedded-object token carrying the bound value, which databind's
 * bean deserializer takes as it is, so the item is not bound again inside its parents and the final
 * value. The item's own recording is kept next to it, and {@link #expanded} gives back every token,
 * for the binding to fall back on if the held values cannot stand in for their tokens.
 */
final class TokenRecorder {
  private final Databind databind;
  private final Tokens buffer;
  private final JsonPath root;
  // The recordings of the held values, one per embedded-object token, in the order of the tokens.
  private final List<TokenRecorder> held = new ArrayList<>(0);

  TokenRecorder(Databind databind, JsonPath root) {
    this.databind = databind;
    this.buffer = databind.newTokens();
    this.root = root;
  }

  JsonPath root() {
    return root;
  }

  Tokens buffer() {
    return buffer;
  }

  void startObject(JsonPath path) {
    name(path);
    buffer.startObject();
  }

  void endObject() {
    buffer.endObject();
  }

  void startArray(JsonPath path) {
    name(path);
    buffer.startArray();
  }

  void endArray() {
    buffer.endArray();
  }

  /** Records a scalar (a string, number, boolean or null) as the parser reports it. */
  void scalar(JsonPath path, @Nullable Object value) {
    name(path);
    if (value == null) {
      buffer.nullValue();
    } else if (value instanceof String s) {
      buffer.string(s);
    } else if (value instanceof Boolean b) {
      buffer.bool(b);
    } else if (value instanceof Integer i) {
      buffer.number(i);
    } else if (value instanceof Long l) {
      buffer.number(l);
    } else if (value instanceof BigInteger b) {
      buffer.number(b);
    } else if (value instanceof BigDecimal d) {
      buffer.number(d);
    } else {
      buffer.numberText(value.toString());
    }
  }

  /**
   * Records {@code value}, bound from {@code tokens} (the recording of the value at {@code path},
   * directly inside this one), as one embedded-object token.
   */
  void hold(JsonPath path, Object value, TokenRecorder tokens) {
    name(path);
    buffer.embedded(value);
    held.add(tokens);
  }

  /** Records the tokens of {@code tokens} (the recording of the value at {@code path}) here. */
  void append(JsonPath path, TokenRecorder tokens) {
    name(path);
    tokens.buffer.replay(buffer, Tokens.EmbeddedHandler.COPY);
    held.addAll(tokens.held);
  }

  /** Returns whether a value is held as an embedded object (see {@link #hold}). */
  boolean holds() {
    return !held.isEmpty();
  }

  /** Returns every token, each held value replaced by the tokens it was bound from. */
  Tokens expanded() {
    if (held.isEmpty()) {
      return buffer;
    }
    Tokens out = databind.newTokens();
    expand(out);
    return out;
  }

  private void expand(Tokens out) {
    // nesting bounded by that of the subscribed lists
    buffer.replay(out, (index, value, to) -> held.get(index).expand(to));
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

  private void name(JsonPath path) {
    if (path.depth() > root.depth() && path.isField()) {
      buffer.fieldName(path.name());
    }
  }
}
