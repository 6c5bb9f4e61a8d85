package dev.partialjson.parser;

import java.util.Locale;

/**
 * Every problem the parser reports in words of its own, with those words: the one table of its
 * messages. Jackson's own messages, which the parser passes on where they depend on the input
 * alone, are read by {@link Failures}; each constant here is either such a message made the same
 * whatever the split, or one Jackson has no words for. A message is a format for {@link
 * String#format}, filled in by {@link #words}.
 */
enum Problem {
  // Malformed input
  /** A byte above 0x7F outside a string; the byte. */
  NON_ASCII_OUTSIDE_STRING(
      "Unexpected byte 0x%02X outside a string: only strings may hold non-ASCII characters"),
  /** A closing bracket where a value must stand, in Jackson's words; the bracket, its code. */
  EXPECTED_VALUE(
      "Unexpected character ('%c' (code %d)): expected a valid value (JSON String, Number, Array,"
          + " Object or token 'null', 'true' or 'false')"),
  /** <code>&#125;</code> after a comma in an object, in Jackson's words. */
  TRAILING_COMMA_IN_OBJECT(
      "Unexpected character ('}' (code 125)): was expecting double-quote to start field name"),
  /** A surrogate without its partner in fed text; the surrogate. */
  UNPAIRED_SURROGATE(
      "Unpaired surrogate U+%04X in the text: it is not Unicode and has no UTF-8 form"),
  /** Text after the root value where only whitespace may follow. */
  CONTENT_AFTER_ROOT("Unexpected content after the root value"),
  /** A control character in a comment after the root, in Jackson's words; its code. */
  CONTROL_IN_COMMENT(
      "Illegal character ((CTRL-CHAR, code %d)): only regular white space (\\r, \\n, \\t) is"
          + " allowed between tokens"),
  /** A bad UTF-8 sequence whose lead byte begins no character; the byte. */
  INVALID_UTF8_START("Invalid UTF-8 start byte 0x%x"),
  /** A bad UTF-8 sequence, by the byte after its lead that cannot follow; the byte. */
  INVALID_UTF8_MIDDLE("Invalid UTF-8 middle byte 0x%x"),

  // Limits
  /** The document's bytes; the maximum. */
  DOCUMENT_TOO_LONG("Document length exceeds the maximum allowed (%d bytes)"),
  /** A string's chars; the length reached, the maximum. */
  STRING_TOO_LONG("String value length (%d) exceeds the maximum allowed (%d)"),
  /** A number's digits; the maximum. */
  NUMBER_TOO_LONG("Number value length exceeds the maximum allowed (%d digits)"),
  /** A number's exponent beyond what {@link java.math.BigDecimal} can hold. */
  NUMBER_SCALE("Number exponent exceeds what a BigDecimal can hold (the int range)"),
  /** An object's members; the count reached, the maximum. */
  TOO_MANY_MEMBERS("Object member count (%d) exceeds the maximum allowed (%d)"),

  // Incomplete input
  /** The input ended before a value began. */
  NO_VALUE("No JSON value began before the end of the input"),
  /** The input ended inside a think block, before a value began. */
  NO_VALUE_IN_THINK(
      "No JSON value began before the end of the input (it ended inside a thinking block)"),
  /** The input ended inside a string value or key. */
  ENDED_IN_STRING("Incomplete JSON: the input ended inside a string"),
  /** The input ended inside one container. */
  ENDED_IN_CONTAINER("Incomplete JSON: the input ended inside a container"),
  /** The input ended inside more than one container; how many. */
  ENDED_IN_CONTAINERS("Incomplete JSON: the input ended inside %d containers"),
  /** The input ended inside a root token that only the end broke; which ("a number"). */
  ENDED_IN_TOKEN("Incomplete JSON: the input ended inside %s"),
  /** The input ended inside a comment after the root value. */
  ENDED_IN_COMMENT("Incomplete JSON: the input ended inside a comment after the root value");

  private final String format;

  Problem(String format) {
    this.format = format;
  }

  /** Returns the message, its blanks filled with {@code values} in order. */
  String words(Object... values) {
    return values.length == 0 ? format : String.format(Locale.ROOT, format, values);
  }
}
