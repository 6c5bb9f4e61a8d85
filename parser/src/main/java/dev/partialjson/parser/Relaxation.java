package dev.partialjson.parser;

import com.fasterxml.jackson.core.json.JsonReadFeature;
import java.util.List;

/**
 * The relaxed syntax {@link ParserOptions.Syntax#LENIENT} accepts, each the pairing of what lets
 * Jackson read it with the {@link Repair.Kind} it is reported as. {@link JacksonSupport} enables
 * the features of every constant; {@link RelaxationScanner} detects each use and reports it by its
 * constant (comments after the root value are {@link SuffixReader}'s, through the scanner's comment
 * states). A new relaxation is a constant here and its case in the scanner.
 */
enum Relaxation {
  /** {@code //}, {@code /* *}{@code /} and {@code #} comments. */
  COMMENT(
      Repair.Kind.COMMENT,
      JsonReadFeature.ALLOW_JAVA_COMMENTS,
      JsonReadFeature.ALLOW_YAML_COMMENTS),
  /** Strings and names in single quotes. */
  SINGLE_QUOTES(Repair.Kind.SINGLE_QUOTES, JsonReadFeature.ALLOW_SINGLE_QUOTES),
  /** Object keys without quotes. */
  UNQUOTED_NAME(Repair.Kind.UNQUOTED_NAME, JsonReadFeature.ALLOW_UNQUOTED_FIELD_NAMES),
  /** A comma before a closing bracket. */
  TRAILING_COMMA(Repair.Kind.TRAILING_COMMA, JsonReadFeature.ALLOW_TRAILING_COMMA),
  /**
   * Raw control characters in strings and names: models write raw newlines and tabs in code, poems
   * and addresses, and one must not end the answer. Strict syntax still rejects them, as JSON does.
   */
  UNESCAPED_CONTROL_CHARACTER(
      Repair.Kind.UNESCAPED_CONTROL_CHARACTER, JsonReadFeature.ALLOW_UNESCAPED_CONTROL_CHARS);

  private final Repair.Kind kind;
  private final List<JsonReadFeature> features;

  Relaxation(Repair.Kind kind, JsonReadFeature... features) {
    this.kind = kind;
    this.features = List.of(features);
  }

  /** Returns what a use of this relaxation is reported as. */
  Repair.Kind kind() {
    return kind;
  }

  /** Returns the Jackson read features that let Jackson accept it. */
  List<JsonReadFeature> features() {
    return features;
  }
}
