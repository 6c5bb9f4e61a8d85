package dev.partialjson.parser;

import java.util.ArrayList;
import java.util.List;

/**
 * A recursive-descent reader for the JSONPath subset described at {@link JsonPath#parse}, shared by
 * {@link JsonPath} and {@link JsonPathPattern}, and the reader of JSON Pointers ({@link #pointer}).
 * Not thread-safe; one per text read.
 */
final class JsonPathReader {
  private final String text;
  private final boolean allowWildcards;
  private int pos;

  JsonPathReader(String text, boolean allowWildcards) {
    this.text = text;
    this.allowWildcards = allowWildcards;
  }

  /** Reads an RFC 6901 JSON Pointer, as {@link JsonPath#parseJsonPointer} describes. */
  static JsonPath pointer(String pointer) {
    if (pointer.isEmpty()) {
      return JsonPath.root();
    }
    if (pointer.charAt(0) != '/') {
      throw new IllegalArgumentException(
          "Expected '/' at index 0 in JSON Pointer \"" + pointer + "\"");
    }
    JsonPath path = JsonPath.root();
    StringBuilder token = new StringBuilder();
    for (int i = 1; i <= pointer.length(); i++) {
      char c = i < pointer.length() ? pointer.charAt(i) : '/';
      if (c == '/') {
        path = appendPointerToken(path, token.toString());
        token.setLength(0);
      } else if (c == '~') {
        char next = i + 1 < pointer.length() ? pointer.charAt(i + 1) : 0;
        if (next != '0' && next != '1') {
          throw new IllegalArgumentException(
              "Expected '0' or '1' after '~' at index "
                  + (i + 1)
                  + " in JSON Pointer \""
                  + pointer
                  + "\"");
        }
        token.append(next == '0' ? '~' : '/');
        i++;
      } else {
        token.append(c);
      }
    }
    return path;
  }

  private static JsonPath appendPointerToken(JsonPath path, String token) {
    if (token.equals("0") || (!token.isEmpty() && token.charAt(0) != '0')) {
      int index = indexOrMinusOne(token);
      if (index >= 0) {
        return path.index(index);
      }
    }
    return path.field(token);
  }

  /** Returns the value of an all-digit token, or -1 if it is empty, has another char or is big. */
  private static int indexOrMinusOne(String digits) {
    if (digits.isEmpty()) {
      return -1;
    }
    long value = 0;
    for (int i = 0; i < digits.length(); i++) {
      char c = digits.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      value = value * 10 + (c - '0');
      if (value > Integer.MAX_VALUE) {
        return -1;
      }
    }
    return (int) value;
  }

  List<Object> parse() {
    List<Object> segments = new ArrayList<>();
    expect('$');
    while (pos < text.length()) {
      char c = text.charAt(pos);
      if (c == '.') {
        pos++;
        segments.add(dotSegment());
      } else if (c == '[') {
        pos++;
        segments.add(bracketSegment());
        expect(']');
      } else {
        throw error("Expected '.' or '['");
      }
    }
    return segments;
  }

  private Object dotSegment() {
    if (pos < text.length() && text.charAt(pos) == '*') {
      return wildcard();
    }
    if (pos >= text.length() || !JsonPath.isNameFirst(text.charAt(pos))) {
      throw error(allowWildcards ? "Expected a member name or '*'" : "Expected a member name");
    }
    int start = pos;
    while (pos < text.length()
        && (JsonPath.isNameFirst(text.charAt(pos)) || JsonPath.isDigit(text.charAt(pos)))) {
      pos++;
    }
    return text.substring(start, pos);
  }

  private Object bracketSegment() {
    char c = pos < text.length() ? text.charAt(pos) : 0;
    if (c == '\'' || c == '"') {
      return quotedName(c);
    }
    if (JsonPath.isDigit(c)) {
      return index();
    }
    if (c == '*') {
      return wildcard();
    }
    if (c == '-') {
      throw error("Expected a non-negative index");
    }
    throw error(
        allowWildcards
            ? "Expected an index, a quoted name or '*'"
            : "Expected an index or a quoted name");
  }

  private Object wildcard() {
    if (!allowWildcards) {
      throw error("Unexpected wildcard (use JsonPathPattern for patterns)");
    }
    pos++;
    return JsonPath.WILDCARD;
  }

  private Integer index() {
    int start = pos;
    if (text.charAt(pos) == '0'
        && pos + 1 < text.length()
        && JsonPath.isDigit(text.charAt(pos + 1))) {
      throw error("Expected an index without leading zeros");
    }
    while (pos < text.length() && JsonPath.isDigit(text.charAt(pos))) {
      pos++;
    }
    int index = indexOrMinusOne(text.substring(start, pos));
    if (index < 0) {
      pos = start;
      throw error("Expected an index of at most " + Integer.MAX_VALUE);
    }
    return index;
  }

  private String quotedName(char quote) {
    int start = pos++;
    StringBuilder name = new StringBuilder();
    while (true) {
      if (pos >= text.length()) {
        pos = start;
        throw error("Unterminated quoted name");
      }
      char c = text.charAt(pos);
      if (c == quote) {
        pos++;
        return name.toString();
      }
      if (c < 0x20) {
        throw error(String.format("Unescaped control character U+%04X", (int) c));
      }
      pos++;
      name.append(c == '\\' ? escape(quote) : c);
    }
  }

  private char escape(char quote) {
    char c = pos < text.length() ? text.charAt(pos) : 0;
    pos++;
    return switch (c) {
      case 'b' -> '\b';
      case 'f' -> '\f';
      case 'n' -> '\n';
      case 'r' -> '\r';
      case 't' -> '\t';
      case '/', '\\' -> c;
      case 'u' -> hex4();
      default -> {
        if (c == quote) {
          yield c;
        }
        pos--;
        throw error("Expected an escape (b, f, n, r, t, /, \\, " + quote + " or uXXXX)");
      }
    };
  }

  // Each escape yields one char, so a surrogate pair written as two escapes rebuilds the pair.
  private char hex4() {
    int value = 0;
    for (int i = 0; i < 4; i++, pos++) {
      int digit = pos < text.length() ? hexDigit(text.charAt(pos)) : -1;
      if (digit < 0) {
        throw error("Expected 4 hex digits");
      }
      value = value * 16 + digit;
    }
    return (char) value;
  }

  // Character.digit would also accept non-ASCII digits such as U+0663.
  private static int hexDigit(char c) {
    if (c >= '0' && c <= '9') {
      return c - '0';
    }
    if (c >= 'a' && c <= 'f') {
      return c - 'a' + 10;
    }
    if (c >= 'A' && c <= 'F') {
      return c - 'A' + 10;
    }
    return -1;
  }

  private void expect(char c) {
    if (pos >= text.length() || text.charAt(pos) != c) {
      throw error("Expected '" + c + "'");
    }
    pos++;
  }

  private IllegalArgumentException error(String expected) {
    return new IllegalArgumentException(expected + " at index " + pos + " in \"" + text + "\"");
  }
}
