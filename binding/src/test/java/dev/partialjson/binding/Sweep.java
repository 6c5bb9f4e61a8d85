package dev.partialjson.binding;

import dev.partialjson.testkit.Splits;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The test kit's split sweep (whole, every byte, 2, 3 at an offset, 5 as ByteBuffers, 100, o200k
 * tokens as bytes and as text), fed to binding sessions, counting the bytes fed so that a test can
 * tell during which piece a callback came.
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
    split.feed(new Counter(session));
  }

  /** Feeds a session and counts the UTF-8 bytes: {@link #before} the piece being fed, and after. */
  static final class Counter implements Splits.Feeder {
    private final BindingSession<?> session;
    long before;
    long after;

    Counter(BindingSession<?> session) {
      this.session = session;
    }

    @Override
    public void feed(CharSequence text) {
      before = after;
      after += text.toString().getBytes(StandardCharsets.UTF_8).length;
      session.feed(text);
    }

    @Override
    public void feed(byte[] bytes, int offset, int length) {
      before = after;
      after += length;
      session.feed(bytes, offset, length);
    }

    @Override
    public void feed(ByteBuffer buffer) {
      before = after;
      after += buffer.remaining();
      session.feed(buffer);
    }

    /** Returns whether the byte at {@code offset} is in the piece being fed. */
    boolean inCurrentPiece(long offset) {
      return before <= offset && offset < after;
    }
  }
}
