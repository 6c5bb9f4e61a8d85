package dev.partialjson.testkit;

import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.Encoding;
import com.knuddels.jtokkit.api.EncodingType;
import com.knuddels.jtokkit.api.IntArrayList;
import dev.partialjson.parser.IncrementalJsonParser;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The split sweep: the whole input at once, every single byte, chunks of 2, 3, 5 and 100 bytes (the
 * 3-byte chunks fed from the middle of a larger array, with garbage around the slice, the 5-byte
 * ones as ByteBuffers), and real model tokens of o200k_base, both as UTF-8 bytes and as text
 * deltas. A token that ends inside a multi-byte character is merged with the next, as the streaming
 * APIs do.
 *
 * <pre>{@code
 * for (Splits.Split split : Splits.sweep(document)) {
 *   MyListener listener = new MyListener();
 *   IncrementalJsonParser parser = IncrementalJsonParser.create(listener);
 *   split.feed(parser);
 *   parser.finish();
 *   assertEquals(expected, listener.result(), split.name());
 * }
 * }</pre>
 *
 * <p>Not final, and with a protected constructor, only so that a test suite can extend it with
 * splits of its own and still reach these through one name. Stateless and thread-safe.
 */
public class Splits {
  private static final Encoding O200K =
      // lazy: loads only o200k's table, not every encoding's (about half the start-up)
      Encodings.newLazyEncodingRegistry().getEncoding(EncodingType.O200K_BASE);

  /** For subclasses that add splits of their own; there is nothing to make. */
  protected Splits() {}

  /**
   * One way to feed a document: a name for messages ({@code "every byte"}, {@code "o200k tokens as
   * text"}), and the pieces.
   */
  public record Split(String name, List<Piece> pieces) {
    /** Checks the arguments and keeps an unmodifiable copy of the pieces. */
    public Split {
      Objects.requireNonNull(name, "name == null");
      pieces = List.copyOf(pieces);
    }

    /** Feeds every piece to {@code parser}. */
    public void feed(IncrementalJsonParser parser) {
      feed(Feeder.of(parser));
    }

    /** Feeds every piece to {@code target}. */
    public void feed(Feeder target) {
      for (Piece piece : pieces) {
        piece.feed(target);
      }
    }

    @Override
    public String toString() {
      return name;
    }
  }

  /** One delta, which knows which of the three input methods it is fed through. */
  public interface Piece {
    /** Feeds this delta to {@code target}. */
    void feed(Feeder target);

    /** Feeds this delta to {@code parser}. */
    default void feed(IncrementalJsonParser parser) {
      feed(Feeder.of(parser));
    }
  }

  /**
   * What a piece is fed to: the three input methods of {@link IncrementalJsonParser}, which
   * anything built on the parser (a binding session, your own wrapper) offers too.
   */
  public interface Feeder {
    /** Feeds a text delta. */
    void feed(CharSequence text);

    /** Feeds a slice of UTF-8 bytes. */
    void feed(byte[] bytes, int offset, int length);

    /** Feeds the remaining bytes of a buffer. */
    void feed(ByteBuffer buffer);

    /** Feeds a whole array of UTF-8 bytes. */
    default void feed(byte[] bytes) {
      feed(bytes, 0, bytes.length);
    }

    /** Returns a feeder for {@code parser}. */
    static Feeder of(IncrementalJsonParser parser) {
      Objects.requireNonNull(parser, "parser == null");
      return new Feeder() {
        @Override
        public void feed(CharSequence text) {
          parser.feed(text);
        }

        @Override
        public void feed(byte[] bytes, int offset, int length) {
          parser.feed(bytes, offset, length);
        }

        @Override
        public void feed(ByteBuffer buffer) {
          parser.feed(buffer);
        }
      };
    }
  }

  /**
   * A feeder that passes each piece on to another and counts the UTF-8 bytes fed, so that a
   * callback can tell during which piece it came: for example, that a list item arrived while the
   * piece holding its closing bracket was being fed. Not thread-safe; one per run.
   *
   * <pre>{@code
   * Splits.Counting fed = new Splits.Counting(Splits.Feeder.of(parser));
   * listener.onItem(item -> assertTrue(fed.inCurrentPiece(closingBracketOffset)));
   * split.feed(fed);
   * }</pre>
   */
  public static final class Counting implements Feeder {
    private final Feeder target;
    private long before;
    private long after;

    /** Returns a counting feeder that passes every piece on to {@code target}. */
    public Counting(Feeder target) {
      this.target = Objects.requireNonNull(target, "target == null");
    }

    /** Returns how many bytes were fed before the piece being fed (or the last one fed). */
    public long before() {
      return before;
    }

    /** Returns how many bytes were fed up to the end of the piece being fed (or the last one). */
    public long after() {
      return after;
    }

    /** Returns whether the byte at {@code offset} of the input is in the piece being fed. */
    public boolean inCurrentPiece(long offset) {
      return before <= offset && offset < after;
    }

    @Override
    public void feed(CharSequence text) {
      count(StandardCharsets.UTF_8.encode(CharBuffer.wrap(text)).remaining());
      target.feed(text);
    }

    @Override
    public void feed(byte[] bytes, int offset, int length) {
      count(length);
      target.feed(bytes, offset, length);
    }

    @Override
    public void feed(ByteBuffer buffer) {
      count(buffer.remaining());
      target.feed(buffer);
    }

    private void count(int length) {
      before = after;
      after += length;
    }
  }

  /**
   * Returns every split of the sweep for {@code document}, "whole" first. Bytes that are not UTF-8
   * get no text split, and their token split cuts their Latin-1 reading into tokens.
   */
  public static List<Split> sweep(byte[] document) {
    Objects.requireNonNull(document, "document == null");
    List<Split> splits = new ArrayList<>();
    splits.add(new Split("whole", List.of(bytes(document, 0, document.length))));
    splits.add(chunks(document, 1));
    splits.add(chunks(document, 2));
    splits.add(offsetChunks(document, 3));
    splits.add(bufferChunks(document, 5));
    splits.add(chunks(document, 100));
    splits.add(new Split("o200k tokens as bytes", tokenBytes(document)));
    String text = utf8(document);
    if (text != null) {
      List<Piece> deltas = new ArrayList<>();
      for (String token : tokens(text)) {
        deltas.add(parser -> parser.feed(token));
      }
      splits.add(new Split("o200k tokens as text", deltas));
    }
    return splits;
  }

  /** Returns the sweep for a text document. */
  public static List<Split> sweep(String document) {
    return sweep(document.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Returns {@code text} cut into o200k tokens, each as the text it decodes to, merging a token
   * that ends inside a multi-byte character with the next.
   */
  public static List<String> tokens(String text) {
    List<String> out = new ArrayList<>();
    for (byte[] piece : tokenPieces(text.getBytes(StandardCharsets.UTF_8), text)) {
      out.add(new String(piece, StandardCharsets.UTF_8));
    }
    return out;
  }

  private static List<Piece> tokenBytes(byte[] document) {
    String text = utf8(document);
    // Bytes that are not UTF-8 are tokenized as Latin-1, one char per byte, so that even a
    // malformed document gets token-shaped pieces.
    List<byte[]> pieces =
        text != null
            ? tokenPieces(document, text)
            : latin1Pieces(new String(document, StandardCharsets.ISO_8859_1));
    List<Piece> out = new ArrayList<>();
    for (byte[] piece : pieces) {
      out.add(bytes(piece, 0, piece.length));
    }
    return out;
  }

  private static List<byte[]> tokenPieces(byte[] document, String text) {
    IntArrayList ids = O200K.encodeOrdinary(text);
    List<byte[]> out = new ArrayList<>();
    ByteArrayOutputStream pending = new ByteArrayOutputStream();
    IntArrayList one = new IntArrayList(1);
    for (int i = 0; i < ids.size(); i++) {
      one.clear();
      one.add(ids.get(i));
      pending.writeBytes(O200K.decodeBytes(one));
      byte[] soFar = pending.toByteArray();
      if (completeUtf8(soFar)) {
        out.add(soFar);
        pending.reset();
      }
    }
    if (pending.size() > 0) {
      out.add(pending.toByteArray());
    }
    return out;
  }

  private static List<byte[]> latin1Pieces(String text) {
    // Token pieces of the Latin-1 text (merged where a token cut one of its chars in two), mapped
    // back to the original bytes one char each.
    List<byte[]> out = new ArrayList<>();
    for (byte[] piece : tokenPieces(text.getBytes(StandardCharsets.UTF_8), text)) {
      out.add(new String(piece, StandardCharsets.UTF_8).getBytes(StandardCharsets.ISO_8859_1));
    }
    return out;
  }

  /** Returns whether {@code bytes} does not end inside a multi-byte sequence. */
  private static boolean completeUtf8(byte[] bytes) {
    int i = bytes.length - 1;
    int continuation = 0;
    while (i >= 0 && (bytes[i] & 0xC0) == 0x80 && continuation < 3) {
      i--;
      continuation++;
    }
    if (i < 0) {
      return true;
    }
    int lead = bytes[i] & 0xFF;
    int needed = lead >= 0xF0 ? 3 : lead >= 0xE0 ? 2 : lead >= 0xC0 ? 1 : 0;
    return continuation >= needed;
  }

  private static @Nullable String utf8(byte[] bytes) {
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes))
          .toString();
    } catch (CharacterCodingException e) {
      return null;
    }
  }

  private static Split chunks(byte[] document, int size) {
    List<Piece> pieces = new ArrayList<>();
    for (int i = 0; i < document.length; i += size) {
      pieces.add(bytes(document, i, Math.min(size, document.length - i)));
    }
    return new Split(size == 1 ? "every byte" : size + "-byte chunks", pieces);
  }

  private static Split offsetChunks(byte[] document, int size) {
    List<Piece> pieces = new ArrayList<>();
    for (int i = 0; i < document.length; i += size) {
      int length = Math.min(size, document.length - i);
      byte[] padded = new byte[length + 14];
      padded[0] = '{'; // garbage around the slice must not be read
      padded[padded.length - 1] = '"';
      System.arraycopy(document, i, padded, 7, length);
      pieces.add(parser -> parser.feed(padded, 7, length));
    }
    return new Split(size + "-byte chunks at an offset", pieces);
  }

  private static Split bufferChunks(byte[] document, int size) {
    List<Piece> pieces = new ArrayList<>();
    for (int i = 0; i < document.length; i += size) {
      int from = i;
      int length = Math.min(size, document.length - i);
      pieces.add(parser -> parser.feed(ByteBuffer.wrap(document, from, length).slice()));
    }
    return new Split(size + "-byte ByteBuffers", pieces);
  }

  private static Piece bytes(byte[] source, int offset, int length) {
    return parser -> parser.feed(source, offset, length);
  }

  /**
   * Returns {@code text} cut between every pair of chars, so that a surrogate pair arrives in two
   * text deltas: the split a UTF-16 client can produce and a byte split cannot.
   */
  public static List<String> everyChar(String text) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < text.length(); i++) {
      out.add(CharBuffer.wrap(text, i, i + 1).toString());
    }
    return out;
  }
}
