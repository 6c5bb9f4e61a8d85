package dev.partialjson.binding;

import dev.partialjson.parser.JsonPath;
import dev.partialjson.parser.JsonPathPattern;
import java.util.ArrayList;
import java.util.List;

/**
 * The segments of a {@link JsonPathPattern}, read back from its canonical text (the parser keeps
 * them to itself): member names ({@link String}), indexes ({@link Integer}) and {@link #WILDCARD}.
 * Each segment but a wildcard is read by {@link JsonPath#parse}, so names come back exactly,
 * escapes and all.
 */
final class PatternSegments {
  /** A wildcard segment: any one name or index. */
  static final Object WILDCARD = new Object();

  private PatternSegments() {}

  static List<Object> of(JsonPathPattern pattern) {
    String text = pattern.toString();
    List<Object> segments = new ArrayList<>();
    int i = 1; // after '$'
    while (i < text.length()) {
      int end = end(text, i);
      String segment = text.substring(i, end);
      if (segment.equals("[*]")) {
        segments.add(WILDCARD);
      } else {
        JsonPath path = JsonPath.parse("$" + segment);
        segments.add(path.isIndex() ? (Object) path.arrayIndex() : path.name());
      }
      i = end;
    }
    return segments;
  }

  /** Returns where the segment starting at {@code start} ends in canonical pattern text. */
  private static int end(String text, int start) {
    if (text.charAt(start) == '.') {
      int i = start + 1;
      while (i < text.length() && text.charAt(i) != '.' && text.charAt(i) != '[') {
        i++;
      }
      return i;
    }
    if (text.startsWith("['", start)) {
      int i = start + 2;
      while (!text.startsWith("']", i)) {
        i += text.charAt(i) == '\\' ? 2 : 1; // an escape: its next char is not the end
      }
      return i + 2;
    }
    return text.indexOf(']', start) + 1; // [*] or [12]
  }

  /**
   * Returns whether {@code pattern} ends in an index or {@code [*]}: it may match list items. Read
   * off the end of the canonical text, not by splitting it: sessions ask on every registration.
   */
  static boolean endsInItem(JsonPathPattern pattern) {
    String text = pattern.toString();
    if (text.endsWith("[*]")) {
      return true;
    }
    int open = text.lastIndexOf('[');
    if (open < 0 || !text.endsWith("]") || open + 2 >= text.length()) {
      return false; // a quoted name ends in "']": a quote, not digits, before the last ']'
    }
    for (int i = open + 1; i < text.length() - 1; i++) {
      if (text.charAt(i) < '0' || text.charAt(i) > '9') {
        return false;
      }
    }
    return true;
  }

  /** Appends {@code segment} as canonical pattern text. */
  static void append(StringBuilder out, Object segment) {
    if (segment == WILDCARD) {
      out.append("[*]");
    } else if (segment instanceof Integer index) {
      out.append('[').append(index).append(']');
    } else {
      String field = JsonPath.root().field((String) segment).toString();
      out.append(field, 1, field.length());
    }
  }
}
