package dev.partialjson.binding;

import dev.partialjson.testkit.Splits;
import java.nio.ByteBuffer;
import java.util.List;

/**
 * The test kit's split sweep (whole, every byte, 2, 3 at an offset, 5 as ByteBuffers, 100, o200k
 * tokens as bytes and as text), fed to binding sessions; {@link #counting} tells a test during
 * which piece a callback came.
 */
final class Sweep {
  private Sweep() {}

  /** Returns every split of the sweep for {@code document}. */
  static List<Splits.Split> of(String document) {
    return Splits.sweep(document);
  }

  /** Returns every split of the sweep for {@code document}. */
  static List<Splits.Split> of(byte[] document) {
    return Splits.sweep(document);
  }

  /** Feeds every piece of {@code split} to {@code session}. */
  static void feed(Splits.Split split, BindingSession<?> session) {
    split.feed(feeder(session));
  }

  /** Returns a feeder that counts the bytes it passes on to {@code session}. */
  static Splits.Counting counting(BindingSession<?> session) {
    return new Splits.Counting(feeder(session));
  }

  /** Returns a feeder for {@code session}, which offers the parser's three input methods. */
  static Splits.Feeder feeder(BindingSession<?> session) {
    return new Splits.Feeder() {
      @Override
      public void feed(CharSequence text) {
        session.feed(text);
      }

      @Override
      public void feed(byte[] bytes, int offset, int length) {
        session.feed(bytes, offset, length);
      }

      @Override
      public void feed(ByteBuffer buffer) {
        session.feed(buffer);
      }
    };
  }
}
