package dev.partialjson.parser;

import java.util.Objects;

/**
 * Something the parser did not take as strict JSON: text it skipped around the root value, or
 * relaxed syntax it accepted. Reported through {@link JsonListener#repair} and kept in {@link
 * IncrementalJsonParser#repairs()}, so that nothing is skipped or relaxed silently. Immutable and
 * thread-safe.
 *
 * @param kind what was skipped or relaxed
 * @param path where it was noticed ({@code $} for text around the root value)
 * @param byteOffset the offset of its first byte in the whole input
 * @param length how many bytes it spans where that is known, else 1
 * @param excerpt the start of the skipped text, or the relaxed token, at most 60 characters
 */
public record Repair(Kind kind, JsonPath path, long byteOffset, long length, String excerpt) {

  /** What the parser skipped or relaxed. */
  public enum Kind {
    /** Text before the root value (prose, a Markdown fence, a {@code <think>} block). */
    SKIPPED_PREFIX,
    /** Text after the root value (a closing fence, trailing prose). */
    SKIPPED_SUFFIX,
    /** A {@code //}, {@code /* *}{@code /} or {@code #} comment. */
    COMMENT,
    /** A string or name in single quotes. */
    SINGLE_QUOTES,
    /** An object key without quotes. */
    UNQUOTED_NAME,
    /** A comma before {@code ]} or <code>&#125;</code>. */
    TRAILING_COMMA,
    /**
     * A control character (U+0000 to U+001F: a newline, a tab) written as it is inside a string or
     * name, where JSON wants it escaped; one repair per character, its excerpt the escape.
     */
    UNESCAPED_CONTROL_CHARACTER
  }

  /** Checks the components. */
  public Repair {
    Objects.requireNonNull(kind, "kind == null");
    Objects.requireNonNull(path, "path == null");
    Objects.requireNonNull(excerpt, "excerpt == null");
  }
}
