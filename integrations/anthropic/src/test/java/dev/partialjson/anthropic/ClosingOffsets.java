package dev.partialjson.anthropic;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Where each item of one list is closed in a JSON text, by Jackson's own blocking parse of the
 * whole text: the byte that ends an object, array or string item, or, for a number, the delimiter
 * after it (a number is complete only when something follows it). An item must reach its callback
 * during the delta that holds that byte.
 */
final class ClosingOffsets {
  private ClosingOffsets() {}

  /** Returns the closing offsets of the items of the list in {@code field}, or of a root list. */
  static List<Long> of(byte[] json, @Nullable String field) {
    List<Long> offsets = new ArrayList<>();
    try (JsonParser parser = new JsonFactory().createParser(json)) {
      for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
        // After an item's last token the context is the list again (after '}' too).
        boolean ends = token.isScalarValue() || token.isStructEnd();
        if (ends && inList(parser.getParsingContext(), field)) {
          parser.finishToken(); // Jackson reads a string's text lazily: read it to its quote
          long end = parser.currentLocation().getByteOffset();
          offsets.add(token.isNumeric() ? delimiter(json, end) : end - 1);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return offsets;
  }

  private static boolean inList(JsonStreamContext context, @Nullable String field) {
    if (!context.inArray()) {
      return false;
    }
    JsonStreamContext parent = context.getParent();
    return field == null ? parent.inRoot() : field.equals(parent.getCurrentName());
  }

  private static long delimiter(byte[] json, long from) {
    long at = from;
    while (at < json.length && Character.isWhitespace(json[(int) at])) {
      at++;
    }
    return at;
  }
}
