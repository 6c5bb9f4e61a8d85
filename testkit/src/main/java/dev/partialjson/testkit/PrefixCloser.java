package dev.partialjson.testkit;

import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * What re-parsing partial-JSON libraries do to make a prefix parseable: scan it from the start, cut
 * it back to the last point where a value was complete (dropping a dangling key, a half number or
 * literal, a trailing comma, an unfinished escape), keep an open string value as far as it goes,
 * and close what is open. Parsed with Jackson, the result is what a snapshot of the same prefix
 * promises (strings as far as they arrived, without a half escape; containers closed; a dangling
 * key dropped; a number not shown until a byte after it arrived, a literal not until its last
 * letter), computed without any of the parser's code: an oracle for snapshot tests, and the
 * approach the benchmarks measure as RE-PARSE, which scans from the start on every delta. Strict
 * JSON only (no comments, single quotes or text around the root). Not thread-safe; reusable.
 */
public final class PrefixCloser {
  private char[] stack = new char[16];
  private final StringBuilder out = new StringBuilder();

  /** Returns a closer; one may close any number of prefixes, one after the other. */
  public PrefixCloser() {}

  /** Returns {@code prefix} cut back and closed, or null if no value has begun. */
  public @Nullable String close(CharSequence prefix) {
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
    int scalarStart = -1;
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
        default -> {
          if (!inScalar) {
            inScalar = true;
            scalarStart = i;
          }
          if (isLiteral(prefix, scalarStart, i + 1)) {
            safe = i + 1; // a literal is complete at its last letter
            safeDepth = depth;
            safeInString = false;
          }
        }
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
    out.setLength(0);
    out.append(prefix, 0, safe);
    if (safeInString) {
      out.append('"');
    }
    for (int d = safeDepth - 1; d >= 0; d--) {
      out.append(stack[d] == '{' ? '}' : ']');
    }
    return out.toString();
  }

  private static boolean isLiteral(CharSequence text, int from, int to) {
    int length = to - from;
    if (length != 4 && length != 5) {
      return false;
    }
    String word = text.subSequence(from, to).toString();
    return word.equals("true") || word.equals("false") || word.equals("null");
  }
}
