package dev.partialjson.parser;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** Fuzz inputs as text: UTF-8 checks, decoding that keeps invalid bytes, and readable dumps. */
final class FuzzText {
  private FuzzText() {}

  /** Returns whether {@code bytes} are well-formed UTF-8 (no encoded surrogates). */
  static boolean isValidUtf8(byte[] bytes) {
    try {
      decoder().decode(ByteBuffer.wrap(bytes));
      return true;
    } catch (CharacterCodingException e) {
      return false;
    }
  }

  /**
   * Decodes UTF-8, turning each byte of an invalid sequence into the unpaired low surrogate {@code
   * U+DC00 + byte} (Python's "surrogateescape"), so that invalid UTF-8 in the fuzzer's bytes
   * becomes unpaired surrogates in text input, which the parser must reject at their offset.
   */
  static String decodeEscapingInvalid(byte[] bytes) {
    CharsetDecoder decoder = decoder();
    ByteBuffer in = ByteBuffer.wrap(bytes);
    CharBuffer out = CharBuffer.allocate(bytes.length); // never more chars than bytes
    while (true) {
      CoderResult result = decoder.decode(in, out, true);
      if (result.isUnderflow()) {
        decoder.flush(out);
        break;
      }
      for (int i = 0; i < result.length(); i++) {
        out.put((char) (0xDC00 | (in.get() & 0xFF)));
      }
    }
    return out.flip().toString();
  }

  /** Returns {@code bytes} with printable ASCII as is and everything else as {@code \xNN}. */
  static String show(byte[] bytes) {
    StringBuilder out = new StringBuilder(bytes.length + 2).append('"');
    for (byte b : bytes) {
      int c = b & 0xFF;
      if (c >= 0x20 && c < 0x7F && c != '\\' && c != '"') {
        out.append((char) c);
      } else {
        out.append(String.format("\\x%02X", c));
      }
    }
    return out.append('"').toString();
  }

  private static CharsetDecoder decoder() {
    return StandardCharsets.UTF_8
        .newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
  }
}
