package dev.partialjson.parser;

import java.nio.charset.StandardCharsets;

/** Renders bytes of the input for messages: decoded leniently, control characters escaped. */
final class Excerpts {
  private Excerpts() {}

  /**
   * Decodes {@code bytes[from, to)}, dropping a partial UTF-8 sequence at either end, escapes
   * control characters and quotes, and appends an ellipsis when {@code truncated}.
   */
  static String printable(byte[] bytes, int from, int to, boolean truncated) {
    while (from < to && (bytes[from] & 0xC0) == 0x80) {
      from++; // a continuation byte: the start of its character was cut off
    }
    int end = to;
    int back = end - 1;
    while (back >= from && (bytes[back] & 0xC0) == 0x80) {
      back--;
    }
    if (back >= from && (bytes[back] & 0x80) != 0) {
      int lead = bytes[back] & 0xFF;
      int needed = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1;
      if (end - back < needed) {
        end = back; // the last character is incomplete
      }
    }
    StringBuilder out = escape(new String(bytes, from, end - from, StandardCharsets.UTF_8));
    if (truncated) {
      out.append('…');
    }
    return out.toString();
  }

  /** Returns {@code text} in double quotes with JSON's escapes, for messages and events. */
  static String quote(String text) {
    return '"' + escape(text).toString() + '"';
  }

  private static StringBuilder escape(String text) {
    StringBuilder out = new StringBuilder(text.length() + 8);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '\n':
          out.append("\\n");
          break;
        case '\r':
          out.append("\\r");
          break;
        case '\t':
          out.append("\\t");
          break;
        case '"':
          out.append("\\\"");
          break;
        case '\\':
          out.append("\\\\");
          break;
        default:
          if (c < 0x20 || c == 0x7F) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
      }
    }
    return out;
  }
}
