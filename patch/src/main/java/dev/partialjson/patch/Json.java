package dev.partialjson.patch;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Writes plain Java values as compact JSON, so that this module needs no JSON library. Strings keep
 * every character as it is except those JSON requires escaped ({@code "}, {@code \} and the control
 * characters) and lone surrogates, written as {@code \}{@code uXXXX} so that the text stays valid
 * UTF-16 and UTF-8; so a string is never longer here than in the document it came from (where a
 * control character or a lone surrogate had to be escaped too). A line break is always escaped, so
 * the JSON fits on one line of a server-sent event. Containers are written without recursion, so
 * that a value as deep as a raised depth limit allows does not overflow the stack.
 */
final class Json {
  private static final char[] HEX = "0123456789abcdef".toCharArray();
  private static final Object DONE = new Object();

  private Json() {}

  /** Returns {@code value} as JSON. */
  static String write(@Nullable Object value) {
    StringBuilder out = new StringBuilder();
    value(out, value);
    return out.toString();
  }

  /** Writes {@code {"op":...,"path":...,"value":...}}. */
  static void operation(StringBuilder out, PatchOperation op) {
    out.append("{\"op\":\"").append(op.op().jsonName()).append("\",\"path\":");
    string(out, op.path());
    out.append(",\"value\":");
    value(out, op.value());
    out.append('}');
  }

  /** Writes {@code ops} as a JSON array. */
  static void operations(StringBuilder out, List<PatchOperation> ops) {
    out.append('[');
    for (int i = 0; i < ops.size(); i++) {
      if (i > 0) {
        out.append(',');
      }
      operation(out, ops.get(i));
    }
    out.append(']');
  }

  /** One open container: its members still to write. */
  private static final class Frame {
    final Iterator<?> members;
    final boolean object;
    boolean first = true;

    Frame(Iterator<?> members, boolean object) {
      this.members = members;
      this.object = object;
    }
  }

  /**
   * Writes a value.
   *
   * @throws IllegalArgumentException for anything that is not a JSON value: a key that is not a
   *     string, a number that is not finite, an object of another type
   */
  static void value(StringBuilder out, @Nullable Object root) {
    ArrayDeque<Frame> open = new ArrayDeque<>();
    Object next = root;
    while (true) {
      if (next instanceof Map<?, ?> map) {
        out.append('{');
        open.push(new Frame(map.entrySet().iterator(), true));
      } else if (next instanceof List<?> list) {
        out.append('[');
        open.push(new Frame(list.iterator(), false));
      } else {
        scalar(out, next);
      }
      next = DONE;
      while (!open.isEmpty()) {
        Frame frame = open.peek();
        if (frame.members.hasNext()) {
          if (!frame.first) {
            out.append(',');
          }
          frame.first = false;
          Object member = frame.members.next();
          if (frame.object) {
            Map.Entry<?, ?> entry = (Map.Entry<?, ?>) member;
            if (!(entry.getKey() instanceof String key)) {
              throw new IllegalArgumentException(
                  "Not a JSON object: a key is " + describe(entry.getKey()) + ", not a string");
            }
            string(out, key);
            out.append(':');
            next = entry.getValue();
          } else {
            next = member;
          }
          break;
        }
        out.append(frame.object ? '}' : ']');
        open.pop();
      }
      if (next == DONE) {
        return;
      }
    }
  }

  private static void scalar(StringBuilder out, @Nullable Object value) {
    if (value == null) {
      out.append("null");
    } else if (value instanceof CharSequence text) {
      string(out, text);
    } else if (value instanceof Boolean
        || value instanceof Integer
        || value instanceof Long
        || value instanceof BigInteger
        || value instanceof BigDecimal
        || value instanceof Short
        || value instanceof Byte) {
      // BigDecimal.toString writes an exponent as 1E+400, which JSON allows
      out.append(value);
    } else if (value instanceof Double || value instanceof Float) {
      double d = ((Number) value).doubleValue();
      if (!Double.isFinite(d)) {
        throw new IllegalArgumentException("Not a JSON number: " + value);
      }
      out.append(value);
    } else {
      throw new IllegalArgumentException("Not a JSON value: " + describe(value));
    }
  }

  private static String describe(@Nullable Object value) {
    return value == null ? "null" : "a " + value.getClass().getName();
  }

  /** Writes {@code text} as a JSON string. */
  static void string(StringBuilder out, CharSequence text) {
    out.append('"');
    int n = text.length();
    int plain = 0; // the start of the run of chars written as they are
    for (int i = 0; i < n; i++) {
      char c = text.charAt(i);
      String escape = null;
      if (c == '"') {
        escape = "\\\"";
      } else if (c == '\\') {
        escape = "\\\\";
      } else if (c < 0x20) {
        escape = control(c);
      } else if (Character.isSurrogate(c)) {
        if (Character.isHighSurrogate(c)
            && i + 1 < n
            && Character.isLowSurrogate(text.charAt(i + 1))) {
          i++; // a pair: both as they are
          continue;
        }
        escape = unicode(c);
      }
      if (escape != null) {
        out.append(text, plain, i).append(escape);
        plain = i + 1;
      }
    }
    out.append(text, plain, n).append('"');
  }

  private static String control(char c) {
    switch (c) {
      case '\b':
        return "\\b";
      case '\f':
        return "\\f";
      case '\n':
        return "\\n";
      case '\r':
        return "\\r";
      case '\t':
        return "\\t";
      default:
        return unicode(c);
    }
  }

  private static String unicode(char c) {
    return new String(
        new char[] {'\\', 'u', HEX[c >> 12], HEX[(c >> 8) & 15], HEX[(c >> 4) & 15], HEX[c & 15]});
  }
}
