package dev.partialjson.parser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/**
 * The window's copy of each delta, and the test for plain string content that comes with it: the
 * copy of a short delta reads and writes 16 bytes as two longs and tests them all at once, so both
 * must agree with a byte-by-byte reading whatever the delta's length and whatever lies past it;
 * with {@link PlainRun}'s decoding of bytes above 0x7F, what is found plain is what the JDK's UTF-8
 * decoder decodes, to the same chars.
 */
class InputWindowTest {

  /** Neither below 0x20 nor a quote or a backslash: no byte above 0x7F is special on its own. */
  private static boolean plainByte(int b) {
    return b >= 0x20 && b != '"' && b != '\\';
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

  /** Plain string content as the JDK's UTF-8 decoder sees it, decoded; null if not plain. */
  private static @Nullable String plainAsTheJdkDecodes(byte[] bytes) {
    for (byte b : bytes) {
      if ((b >= 0 && b < 0x20) || b == '"' || b == '\\') {
        return null;
      }
    }
    try {
      String text =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(bytes))
              .toString();
      return bytes.length > 0 ? text : null;
    } catch (CharacterCodingException e) {
      return null;
    }
  }

  @Provide
  Arbitrary<byte[]> deltas() {
    Arbitrary<String> pieces =
        Arbitraries.of(
            "61",
            "7a",
            "20",
            "7f", // plain ASCII
            "22",
            "5c",
            "0a",
            "01", // quote, backslash, control chars
            "c3a9",
            "c280",
            "dfbf",
            "e4b8ad",
            "e0a080",
            "efbfbf",
            "f09f9880",
            "f48fbfbf", // whole
            "c0af",
            "c1bf",
            "e08080",
            "eda080",
            "f08080",
            "f4908080",
            "f5808080",
            "ff", // forbidden
            "80",
            "bf",
            "c3",
            "e4b8",
            "f09f98"); // lone continuation bytes, characters cut short
    return pieces
        .list()
        .ofMinSize(1)
        .ofMaxSize(12)
        .map(
            list -> {
              StringBuilder hex = new StringBuilder();
              list.forEach(hex::append);
              byte[] bytes = new byte[hex.length() / 2];
              for (int i = 0; i < bytes.length; i++) {
                bytes[i] = (byte) Integer.parseInt(hex.substring(2 * i, 2 * i + 2), 16);
              }
              return bytes;
            });
  }

  @Property
  void findsPlainContentAsTheJdkDecodesIt(
      @ForAll("deltas") byte[] delta,
      @ForAll @IntRange(min = 0, max = 600) int before,
      @ForAll @IntRange(min = 0, max = 20) int after) {
    // the delta lies inside a larger array, at the ring's end or not, short or long
    byte[] bytes = new byte[3 + delta.length + after];
    Arrays.fill(bytes, (byte) 0xE4);
    System.arraycopy(delta, 0, bytes, 3, delta.length);
    InputWindow window = new InputWindow();
    window.add(new byte[before], 0, before, false);
    boolean special = !window.add(bytes, 3, delta.length, true);
    if (delta.length <= 16) {
      assertThat(window.lastAscii()).isEqualTo(allAscii(delta));
    } else {
      assertThat(window.lastAscii()).isFalse(); // not known: looked at by whoever needs to know
    }
    CharSequence chars =
        special
            ? null
            : new PlainRun(window).chars(bytes, 3, delta.length, before, window.lastAscii());
    assertThat(chars == null ? null : chars.toString())
        .as("%s after %d bytes", Arrays.toString(delta), before)
        .isEqualTo(plainAsTheJdkDecodes(delta));
  }

  private static boolean allAscii(byte[] bytes) {
    for (byte b : bytes) {
      if (b < 0) {
        return false;
      }
    }
    return true;
  }
}
