package dev.partialjson.parser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

/**
 * The window's copy of each delta, and the test for plain string content that comes with it: the
 * copy of a short delta reads and writes 16 bytes as two longs and tests them all at once, so both
 * must agree with a byte-by-byte reading whatever the delta's length and whatever lies past it.
 */
class InputWindowTest {

  private static boolean plainByte(int b) {
    return b >= 0x20 && b <= 0x7F && b != '"' && b != '\\';
  }

  @Test
  void findsEveryBytePlainOrNotAtEveryPlaceOfEveryShortDelta() {
    for (int length = 1; length <= 16; length++) {
      for (int place = 0; place < length; place++) {
        for (int b = 0; b < 256; b++) {
          for (byte around : new byte[] {'a', '"', 0, (byte) 0xFF}) {
            byte[] bytes = new byte[40];
            Arrays.fill(bytes, around); // what lies past the delta must not count
            int offset = 3;
            Arrays.fill(bytes, offset, offset + length, (byte) 'a');
            bytes[offset + place] = (byte) b;
            InputWindow window = new InputWindow();
            assertThat(window.add(bytes, offset, length, true))
                .as("byte 0x%02x at %d of %d, 0x%02x around", b, place, length, around & 0xFF)
                .isEqualTo(plainByte(b));
            assertThat(window.byteAt(offset + place - 3)).isEqualTo((byte) b);
          }
        }
      }
    }
  }

  @Test
  void saysNotPlainWhenNotAsked() {
    InputWindow window = new InputWindow();
    assertThat(window.add(new byte[] {'a', 'b'}, 0, 2, false)).isFalse();
    assertThat(window.add(new byte[40], 0, 0, true)).isFalse(); // nothing to report
  }

  @Property
  void keepsTheLastBytesWhateverTheDeltasAndArrays(
      @ForAll @Size(min = 1, max = 200)
          java.util.List<@IntRange(min = 0, max = 40) Integer> lengths,
      @ForAll boolean exactArrays) {
    byte[] input = new byte[lengths.stream().mapToInt(Integer::intValue).sum() + 16];
    for (int i = 0; i < input.length; i++) {
      input[i] = (byte) (i * 31 + 7);
    }
    InputWindow window = new InputWindow();
    int at = 0;
    for (int length : lengths) {
      byte[] delta = exactArrays ? Arrays.copyOfRange(input, at, at + length) : input;
      int offset = exactArrays ? 0 : at;
      boolean plain = window.add(delta, offset, length, true);
      boolean expected = length > 0;
      for (int i = 0; i < length; i++) {
        expected &= plainByte(input[at + i] & 0xFF);
      }
      assertThat(plain).isEqualTo(expected);
      at += length;
      assertThat(window.end()).isEqualTo(at);
      for (long o = Math.max(0, at - InputWindow.KEPT); o < at; o++) {
        assertThat(window.byteAt(o))
            .as("offset %d after %d bytes", o, at)
            .isEqualTo(input[(int) o]);
      }
    }
  }
}
