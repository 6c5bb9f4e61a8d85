package dev.partialjson.samples;

import dev.partialjson.parser.JsonEvent;
import dev.partialjson.parser.Repair;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Renders parser events, deltas and snapshot values as one-line text, with every control character
 * escaped so that one event stays one line. Stateless and thread-safe.
 *
 * <pre>{@code
 * EventFormat.event(event); // STRING_DELTA $.city "San"
 * EventFormat.delta("\", \"c"); // [", "c]
 * EventFormat.json(snapshot.value()); // {"city":"San Francisco","temperature":61}
 * }</pre>
 */
public final class EventFormat {

  private EventFormat() {}

  /** Returns {@code event} as its kind, its path and its value, such as {@code NUMBER $.n 61}. */
  public static String event(JsonEvent event) {
    String head = event.kind() + " " + event.path();
    Object value = event.value();
    if (value instanceof Repair repair) {
      return head + " " + repair(repair);
    }
    return value == null ? head : head + " " + json(value);
  }

  /** Returns {@code repair} as its kind, where it lies, and the text involved. */
  public static String repair(Repair repair) {
    return repair.kind()
        + " at byte "
        + repair.byteOffset()
        + " ("
        + repair.length()
        + " bytes) "
        + json(repair.excerpt());
  }

  /**
   * Returns {@code text} in brackets, exactly as received but for backslashes and control
   * characters, which are escaped as in JSON; quotes are left alone since the brackets delimit.
   */
  public static String delta(CharSequence text) {
    return "[" + escape(text, false) + "]";
  }

  /**
   * Returns a snapshot value (maps, lists, strings, numbers, booleans and nulls) as compact JSON.
   */
  public static String json(@Nullable Object value) {
    StringBuilder out = new StringBuilder();
    write(value, out);
    return out.toString();
  }

  private static void write(@Nullable Object value, StringBuilder out) {
    if (value instanceof Map<?, ?> map) {
      out.append('{');
      String comma = "";
      for (Map.Entry<?, ?> entry : map.entrySet()) {
        out.append(comma).append('"').append(escape(String.valueOf(entry.getKey()), true));
        out.append("\":");
        write(entry.getValue(), out);
        comma = ",";
      }
      out.append('}');
    } else if (value instanceof List<?> list) {
      out.append('[');
      for (int i = 0; i < list.size(); i++) {
        out.append(i == 0 ? "" : ",");
        write(list.get(i), out);
      }
      out.append(']');
    } else if (value instanceof CharSequence text) {
      out.append('"').append(escape(text, true)).append('"');
    } else {
      out.append(value); // a number, a boolean or null
    }
  }

  private static String escape(CharSequence text, boolean quotes) {
    StringBuilder out = new StringBuilder(text.length() + 8);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '\\' -> out.append("\\\\");
        case '"' -> out.append(quotes ? "\\\"" : "\"");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20 || c == 0x7f) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.toString();
  }
}
