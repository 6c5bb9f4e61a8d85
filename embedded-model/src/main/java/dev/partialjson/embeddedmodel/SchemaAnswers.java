package dev.partialjson.embeddedmodel;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.Objects;
import java.util.Optional;

/**
 * Answers that a model under a JSON schema would write: generated from the schema, seeded (the same
 * schema and seed give the same text), with realistic values (prose of varied length with escapes
 * and non-ASCII now and then, numbers within their bounds, enums, formats, nested lists), and
 * properties in the order of the schema's {@code properties}, as constrained decoders write them.
 *
 * <pre>{@code
 * SchemaAnswers answers = SchemaAnswers.forSchema(schemaJson);
 * String json = answers.valid(7);                          // valid against the schema
 * Optional<InvalidItem> bad = answers.invalidItem(7);     // one list item breaks one bound
 * }</pre>
 *
 * <p>Understood: {@code type} (one or a list), {@code properties} with {@code required}, {@code
 * additionalProperties} (false, or a schema for maps), {@code items} and {@code prefixItems},
 * {@code minItems}/{@code maxItems}/{@code uniqueItems}, {@code enum}, {@code const}, {@code
 * minimum}/{@code maximum} and their exclusive forms (draft 4's booleans too), {@code multipleOf},
 * {@code minLength}/{@code maxLength}, {@code pattern} (a common subset of regular expressions;
 * otherwise a matching {@code examples} or {@code default} value), {@code format} ({@code date},
 * {@code date-time}, {@code time}, {@code duration}, {@code email}, {@code hostname}, {@code ipv4},
 * {@code ipv6}, {@code uri}, {@code uuid}), {@code $ref} within the document ({@code $defs}, {@code
 * definitions}, any JSON Pointer), {@code anyOf}/{@code oneOf} (one branch is picked), {@code
 * allOf} (merged), {@code nullable}, boolean schemas. Annotations and unknown keywords are ignored;
 * assertions that cannot be honoured ({@code not}, {@code if}, {@code patternProperties}, ...) are
 * refused when the schema is read, as are lower bounds above 10000 items, properties or characters.
 * Recursion is cut off: below the second use of the same {@code $ref} on the way down, every choice
 * takes the way out (null, no optional property, the fewest items). A {@code oneOf} branch is
 * picked like an {@code anyOf} one: a value that also matches another branch is not avoided.
 *
 * <p>Only what the schema says is honoured: a constraint of the caller's record that its schema
 * leaves out (OpenAI's strict mode has no {@code minLength}/{@code maxLength}) can be broken by a
 * valid answer, as it can by a real model.
 *
 * <p>Immutable and thread-safe.
 */
public final class SchemaAnswers {
  /** How the JSON text is laid out. */
  public enum Layout {
    /** No whitespace, as models write under strict structured outputs. */
    COMPACT,
    /** Indented over several lines. */
    PRETTY
  }

  /**
   * An answer that is valid except for one list item, which breaks one bound of the schema.
   *
   * @param json the whole answer
   * @param itemPath the JSONPath of the list item that was broken, for example {@code $.tasks[2]}
   * @param valuePath the JSONPath of the value that breaks the bound, for example {@code
   *     $.tasks[2].priority} (the item itself for a list of scalars)
   * @param description what was broken, for example {@code 7 is above the maximum 5}
   */
  public record InvalidItem(String json, String itemPath, String valuePath, String description) {
    /** Checks that the parts are present. */
    public InvalidItem {
      Objects.requireNonNull(json, "json == null");
      Objects.requireNonNull(itemPath, "itemPath == null");
      Objects.requireNonNull(valuePath, "valuePath == null");
      Objects.requireNonNull(description, "description == null");
    }
  }

  private static final ObjectMapper JSON =
      JsonMapper.builder()
          // Bounds such as 0.1 or 1e400 are compared exactly, never through a double.
          .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
          .enable(DeserializationFeature.USE_BIG_INTEGER_FOR_INTS)
          .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN)
          .build();

  // As models indent: two spaces, "key": value, and every item of a list on its own line.
  private static final DefaultPrettyPrinter PRETTY =
      new DefaultPrettyPrinter()
          .withObjectIndenter(new DefaultIndenter("  ", "\n"))
          .withArrayIndenter(new DefaultIndenter("  ", "\n"))
          .withSeparators(
              Separators.createDefaultInstance()
                  .withObjectFieldValueSpacing(Separators.Spacing.AFTER));

  private final JsonNode root;

  private SchemaAnswers(JsonNode root) {
    this.root = root;
  }

  /**
   * Reads {@code schemaJson} and checks that answers can be written for it.
   *
   * @throws IllegalArgumentException if the text is not JSON, is not a schema (an object or a
   *     boolean), uses a construct that cannot be honoured, or admits no value; the message names
   *     the construct and its JSON Pointer in the schema, for example {@code "not" is not supported
   *     (at /properties/status)}
   */
  public static SchemaAnswers forSchema(String schemaJson) {
    Objects.requireNonNull(schemaJson, "schemaJson == null");
    JsonNode root;
    try {
      root = JSON.readTree(schemaJson);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("The schema is not JSON: " + e.getOriginalMessage(), e);
    }
    if (root == null || !(root.isObject() || root.isBoolean())) {
      throw new IllegalArgumentException(
          "A schema is a JSON object or a boolean, not " + (root == null ? "nothing" : root));
    }
    SchemaCheck.check(root);
    SchemaAnswers answers = new SchemaAnswers(root);
    try {
      new AnswerWriter(root, 0, false).write();
    } catch (Unsatisfiable e) {
      throw new IllegalArgumentException(e.getMessage(), e);
    }
    return answers;
  }

  /** Returns a compact JSON text valid against the schema, the same for the same seed. */
  public String valid(long seed) {
    return valid(seed, Layout.COMPACT);
  }

  /**
   * Returns a JSON text valid against the schema, laid out as asked, the same for the same seed.
   */
  public String valid(long seed, Layout layout) {
    Objects.requireNonNull(layout, "layout == null");
    return text(write(new AnswerWriter(root, seed, false)), layout);
  }

  /**
   * Returns a compact JSON text that is valid except for one list item, which breaks one bound of
   * the schema ({@code maximum}, {@code minimum}, their exclusive forms, {@code maxLength}, {@code
   * minLength} above 1, {@code pattern}, or the {@code maxItems}/{@code minItems} above 1 of a list
   * inside the item), so that Jakarta Validation on the bound record rejects that item and nothing
   * else; empty if no list item of the schema has such a bound.
   */
  public Optional<String> withInvalidItem(long seed) {
    return invalidItem(seed, Layout.COMPACT).map(InvalidItem::json);
  }

  /** Returns {@link #withInvalidItem(long)}'s answer with where and what was broken. */
  public Optional<InvalidItem> invalidItem(long seed) {
    return invalidItem(seed, Layout.COMPACT);
  }

  /** Returns {@link #invalidItem(long)} laid out as asked. */
  public Optional<InvalidItem> invalidItem(long seed, Layout layout) {
    Objects.requireNonNull(layout, "layout == null");
    return ItemBreaker.breakOne(root, seed)
        .map(b -> new InvalidItem(text(b.value(), layout), b.itemPath(), b.valuePath(), b.what()));
  }

  private static JsonNode write(AnswerWriter writer) {
    try {
      return writer.write();
    } catch (Unsatisfiable e) {
      // forSchema wrote one answer, and every choice that can fail is retried another way.
      throw new IllegalStateException(e.getMessage(), e);
    }
  }

  static String text(JsonNode value, Layout layout) {
    try {
      return layout == Layout.PRETTY
          ? JSON.writer(PRETTY).writeValueAsString(value)
          : JSON.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a generated tree is always writable", e);
    }
  }
}
