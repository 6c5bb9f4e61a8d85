package dev.partialjson.parser;

import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * An oracle for the snapshot of a prefix that shares no code with the parser: the prefix of a
 * standard JSON text cut back to the last point where a value was complete and closed, as the
 * re-parsing libraries do (the logic of the benchmarks' {@code PrefixCloser}, which the parser's
 * tests cannot depend on, restated here). Parsing the result with Jackson gives what the snapshot
 * contract promises: strings as far as they arrived (without a half escape), containers closed, a
 * dangling key dropped, an incomplete number or literal not shown. Strict JSON only (no comments,
 * single quotes or text around the root). Not thread-safe.
 */
final class ClosedPrefix {
  private char[] stack = new char[16];

  /** Returns {@code prefix} cut back and closed, or null if no value has begun. */
  @Nullable String close(CharSequence prefix) {
    int depth = 0;
    int safe = -1; // where the text can be cut
    int safeDepth = 0;
    boolean safeInString = false;
    boolean inString = false;
    boolean key = false; // the open string is a member name
    boolean expectKey = false; // in an object, before a member name
    boolean escape = false;
    int escapeStart = -1;
    boolean inScalar = false;
    for (int i = 0, n = prefix.length(); i < n; i++) {
      char c = prefix.charAt(i);
      if (inString) {
        if (escape) {
          escape = false;
          if (c == 'u') {
            escapeStart = i - 1;
          }
          continue;
        }
        if (escapeStart >= 0 && i - escapeStart < 6) {
          continue; // inside the four hex digits of a \\u escape
        }
        escapeStart = -1;
        if (c == '\\') {
          escape = true;
        } else if (c == '"') {
          inString = false;
          if (!key) {
            safe = i + 1;
            safeDepth = depth;
            safeInString = false;
          }
        }
        continue;
      }
      if (inScalar && (c == ',' || c == '}' || c == ']' || c <= ' ')) {
        inScalar = false;
        safe = i; // a number or literal is complete once a delimiter follows
        safeDepth = depth;
        safeInString = false;
      }
      switch (c) {
        case '{', '[' -> {
          if (depth == stack.length) {
            stack = Arrays.copyOf(stack, depth * 2);
          }
          stack[depth++] = c;
          expectKey = c == '{';
          safe = i + 1;
          safeDepth = depth;
          safeInString = false;
        }
        case '}', ']' -> {
          depth--;
          expectKey = false;
          safe = i + 1;
          safeDepth = depth;
          safeInString = false;
        }
        case '"' -> {
          inString = true;
          key = expectKey;
          expectKey = false;
        }
        case ',' -> expectKey = depth > 0 && stack[depth - 1] == '{';
        case ':', ' ', '\n', '\r', '\t' -> {}
        default -> inScalar = true;
      }
    }
    if (inString && !key) {
      // an open string value is shown as far as it has arrived, without a half escape
      safe = escape ? prefix.length() - 1 : escapeStart >= 0 ? escapeStart : prefix.length();
      safeDepth = depth;
      safeInString = true;
    }
    if (safe < 0) {
      return null;
    }
    StringBuilder out = new StringBuilder(safe + safeDepth + 1);
    out.append(prefix, 0, safe);
    if (safeInString) {
      out.append('"');
    }
    for (int d = safeDepth - 1; d >= 0; d--) {
      out.append(stack[d] == '{' ? '}' : ']');
    }
    return out.toString();
  }
}
