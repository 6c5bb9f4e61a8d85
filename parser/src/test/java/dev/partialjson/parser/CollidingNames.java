package dev.partialjson.parser;

import java.util.ArrayList;
import java.util.List;

/**
 * Object keys that collide in jackson-core's {@code ByteQuadsCanonicalizer} whatever its random
 * seed. A key of 8 ASCII bytes is two big-endian quads {@code q1} and {@code q2}; Jackson 2.x
 * hashes them as {@code mix((g(q1) + 33 * q2) ^ seed)} with {@code g(h) = (h + (h >>> 15)) ^ ((h +
 * (h >>> 15)) >>> 9)}, so keys with the same {@code g(q1) + 33 * q2} share every bit of the hash,
 * and with it one slot of the table at every size. Since 33 is odd it has an inverse modulo 2^32:
 * for each {@code q1} there is exactly one {@code q2} that hits a chosen sum, and it is kept when
 * its four bytes are printable.
 */
final class CollidingNames {
  private static final int TARGET = 0x5EED_F00D;
  private static final int INVERSE_OF_33 = inverse(33);

  private CollidingNames() {}

  /** Returns {@code count} distinct 8-char keys that all share one hash, in a fixed order. */
  static List<String> generate(int count) {
    List<String> names = new ArrayList<>(count);
    String letters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
    for (int a = 0; a < letters.length(); a++) {
      for (int b = 0; b < letters.length(); b++) {
        for (int c = 0; c < letters.length(); c++) {
          for (int d = 0; d < letters.length(); d++) {
            int q1 =
                letters.charAt(a) << 24
                    | letters.charAt(b) << 16
                    | letters.charAt(c) << 8
                    | letters.charAt(d);
            int q2 = (TARGET - g(q1)) * INVERSE_OF_33;
            if (printable(q2)) {
              names.add(quad(q1) + quad(q2));
              if (names.size() == count) {
                return names;
              }
            }
          }
        }
      }
    }
    throw new IllegalArgumentException("fewer than " + count + " keys");
  }

  /** Returns what Jackson's two-quad hash does to the first quad before adding the second. */
  static int g(int q1) {
    int hash = q1;
    hash += hash >>> 15;
    hash ^= hash >>> 9;
    return hash;
  }

  /** Returns the part of Jackson's two-quad hash that comes before the seed. */
  static int unseeded(String name) {
    return g(quadOf(name, 0)) + quadOf(name, 4) * 33;
  }

  private static int quadOf(String name, int from) {
    return name.charAt(from) << 24
        | name.charAt(from + 1) << 16
        | name.charAt(from + 2) << 8
        | name.charAt(from + 3);
  }

  private static boolean printable(int quad) {
    for (int shift = 0; shift < 32; shift += 8) {
      int b = (quad >>> shift) & 0xFF;
      if (b < 0x20 || b > 0x7E || b == '"' || b == '\\') {
        return false;
      }
    }
    return true;
  }

  private static String quad(int q) {
    return new String(
        new char[] {
          (char) (q >>> 24),
          (char) ((q >>> 16) & 0xFF),
          (char) ((q >>> 8) & 0xFF),
          (char) (q & 0xFF)
        });
  }

  /** Returns the inverse of the odd {@code x} modulo 2^32 (Newton's iteration). */
  private static int inverse(int x) {
    int y = x;
    for (int i = 0; i < 5; i++) {
      y *= 2 - x * y;
    }
    return y;
  }
}
