package dev.partialjson.parser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/**
 * The encoder of text deltas against the JDK's own UTF-8 encoder: text of ASCII runs, two-, three-
 * and four-byte characters, cut anywhere (a surrogate pair too) and encoded into chunks of every
 * small size, gives the JDK's bytes, in chunks no longer than asked; a surrogate with no partner
 * stops it after every byte before it.
 */
class Utf8EncoderTest {

  /** Collects the chunks, checking that none is longer than the encoder's size. */
  private static final class Chunks implements Utf8Encoder.Sink {
    final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    final int size;

    Chunks(int size) {
      this.size = size;
    }

    @Override
    public void accept(byte[] chunk, int offset, int length) {
      assertThat(length).isBetween(1, size);
      bytes.write(chunk, offset, length);
    }
  }

  @Provide
  Arbitrary<String> text() {
    Arbitrary<String> ascii = Arbitraries.strings().ascii().ofMaxLength(40);
    Arbitrary<String> wide =
        Arbitraries.of("é", "ß", "ж", "中", "文", "€", "😀", "𝄞", "\u0080", "\u07FF", "\uFFFF")
            .list()
            .ofMaxSize(6)
            .map(list -> String.join("", list));
    return Arbitraries.oneOf(ascii, wide).list().ofMaxSize(8).map(list -> String.join("", list));
  }

  @Property
  void encodesAsTheJdkDoesUnderEveryCutAndChunkSize(
      @ForAll("text") String text,
      @ForAll @IntRange(min = 4, max = 12) int size,
      @ForAll List<@IntRange(min = 0, max = 60) Integer> cuts) {
    Utf8Encoder encoder = new Utf8Encoder(size);
    Chunks chunks = new Chunks(size);
    int from = 0;
    for (int cut : cuts) {
      int to = Math.min(text.length(), from + cut);
      encoder.encode(text.subSequence(from, to), chunks);
      from = to;
    }
    encoder.encode(text.substring(from), chunks);
    encoder.flush(chunks);
    assertThat(chunks.bytes.toByteArray()).isEqualTo(text.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void aPairCutBetweenTwoDeltasIsOneCharacter() {
    Utf8Encoder encoder = new Utf8Encoder(4);
    Chunks chunks = new Chunks(4);
    encoder.encode("a\uD83D", chunks);
    assertThat(chunks.bytes.toByteArray()).containsExactly('a');
    encoder.encode("\uDE00b", chunks);
    encoder.flush(chunks);
    assertThat(chunks.bytes.toString(StandardCharsets.UTF_8)).isEqualTo("a😀b");
  }

  @Test
  void aLoneSurrogateStopsAfterEveryByteBeforeIt() {
    for (String text : List.of("abc\uDE00def", "abc\uD83Ddef", "abcdefghijk\uD83D\uD83D")) {
      Utf8Encoder encoder = new Utf8Encoder(4);
      Chunks chunks = new Chunks(4);
      int lone = text.indexOf('\uD83D') >= 0 ? text.indexOf('\uD83D') : text.indexOf('\uDE00');
      assertThatThrownBy(() -> encoder.encode(text, chunks))
          .isInstanceOfSatisfying(
              Utf8Encoder.Unpaired.class,
              e -> assertThat(e.surrogate).isEqualTo(text.charAt(lone)));
      assertThat(chunks.bytes.toString(StandardCharsets.UTF_8)).isEqualTo(text.substring(0, lone));
    }
  }

  @Test
  void aHighSurrogateAtTheEndIsUnpairedWhenFlushed() {
    Utf8Encoder encoder = new Utf8Encoder(8);
    Chunks chunks = new Chunks(8);
    encoder.encode("ok\uD83D", chunks);
    assertThatThrownBy(() -> encoder.flush(chunks)).isInstanceOf(Utf8Encoder.Unpaired.class);
    assertThat(chunks.bytes.toString(StandardCharsets.UTF_8)).isEqualTo("ok");
  }

  @Test
  void aHighSurrogateHeldBackThenAnythingButItsPartnerIsUnpaired() {
    Utf8Encoder encoder = new Utf8Encoder(8);
    Chunks chunks = new Chunks(8);
    encoder.encode("ok\uD83D", chunks);
    assertThatThrownBy(() -> encoder.encode("x", chunks))
        .isInstanceOfSatisfying(
            Utf8Encoder.Unpaired.class, e -> assertThat(e.surrogate).isEqualTo('\uD83D'));
    assertThat(chunks.bytes.toString(StandardCharsets.UTF_8)).isEqualTo("ok");
  }
}
