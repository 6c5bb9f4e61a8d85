package dev.partialjson.embeddedmodel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.partialjson.embeddedmodel.SchemaAnswers.InvalidItem;
import dev.partialjson.parser.JsonPath;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** What answers look like, what they are the same for, and how schemas are refused. */
class SchemaAnswersTest {
  private static final String PLAN = SchemaAnswersSchemasTest.schema("pydantic-plan.json");
  private static final String TEXTS =
      "{\"type\":\"array\",\"items\":{\"type\":\"string\"},\"minItems\":5,\"maxItems\":5}";

  @Test
  void theSameSchemaAndSeedGiveTheSameText() {
    for (long seed : new long[] {0, 1, -7, Long.MAX_VALUE}) {
      assertThat(SchemaAnswers.forSchema(PLAN).valid(seed))
          .isEqualTo(SchemaAnswers.forSchema(PLAN).valid(seed));
      assertThat(SchemaAnswers.forSchema(PLAN).invalidItem(seed))
          .isEqualTo(SchemaAnswers.forSchema(PLAN).invalidItem(seed));
    }
  }

  @Test
  void otherSeedsGiveOtherTexts() {
    SchemaAnswers answers = SchemaAnswers.forSchema(PLAN);
    Set<String> texts = new HashSet<>();
    Set<String> broken = new HashSet<>();
    for (long seed = 0; seed < 50; seed++) {
      texts.add(answers.valid(seed));
      broken.add(answers.withInvalidItem(seed).orElseThrow());
    }

    assertThat(texts).hasSize(50);
    assertThat(broken).hasSize(50);
  }

  @Test
  void withInvalidItemIsTheTextOfInvalidItem() {
    SchemaAnswers answers = SchemaAnswers.forSchema(PLAN);
    for (long seed = 0; seed < 10; seed++) {
      assertThat(answers.withInvalidItem(seed))
          .isEqualTo(answers.invalidItem(seed).map(InvalidItem::json));
    }
  }

  @Test
  void answersFromManyThreadsAreTheAnswersFromOne() throws Exception {
    SchemaAnswers answers = SchemaAnswers.forSchema(PLAN);
    List<String> alone = new ArrayList<>();
    for (long seed = 0; seed < 200; seed++) {
      alone.add(answers.valid(seed) + answers.withInvalidItem(seed).orElseThrow());
    }
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<String>> together = new ArrayList<>();
      for (long seed = 0; seed < 200; seed++) {
        long s = seed;
        together.add(
            pool.submit(() -> answers.valid(s) + answers.withInvalidItem(s).orElseThrow()));
      }
      for (int i = 0; i < 200; i++) {
        assertThat(together.get(i).get()).isEqualTo(alone.get(i));
      }
    } finally {
      pool.shutdown();
    }
  }

  @Test
  void proseVariesInLengthAndNowAndThenHasEscapesAndNonAscii() throws Exception {
    SchemaAnswers answers = SchemaAnswers.forSchema(TEXTS);
    int quotes = 0, backslashes = 0, newlines = 0, tabs = 0, accents = 0, cjk = 0, astral = 0;
    int shortest = Integer.MAX_VALUE;
    int longest = 0;
    int count = 0;
    for (long seed = 0; seed < 300; seed++) {
      String json = answers.valid(seed);
      quotes += json.contains("\\\"") ? 1 : 0;
      backslashes += json.contains("\\\\") ? 1 : 0;
      newlines += json.contains("\\n") ? 1 : 0;
      tabs += json.contains("\\t") ? 1 : 0;
      for (JsonNode text : Conformance.JSON.readTree(json)) {
        String s = text.asText();
        count++;
        shortest = Math.min(shortest, s.length());
        longest = Math.max(longest, s.length());
        accents += s.chars().anyMatch(c -> c >= 0xC0 && c < 0x250) ? 1 : 0;
        cjk += s.chars().anyMatch(c -> c >= 0x3040 && c < 0xD7B0) ? 1 : 0;
        astral += s.codePoints().anyMatch(c -> c > 0xFFFF) ? 1 : 0;
      }
    }

    // Each now and then: in some answers, not in most.
    for (int seen : new int[] {quotes, backslashes, newlines, tabs}) {
      assertThat(seen).isBetween(3, 200);
    }
    for (int seen : new int[] {accents, cjk, astral}) {
      assertThat(seen).isBetween(5, count / 2);
    }
    assertThat(shortest).isLessThan(20);
    assertThat(longest).isGreaterThan(200);
  }

  @Test
  void stringLengthsHoldInCodePointsAndInCharsAlike() throws Exception {
    // JSON Schema counts code points, Jakarta's @Size counts chars: an emoji is 1 and 2.
    SchemaAnswers answers =
        SchemaAnswers.forSchema(
            "{\"type\":\"array\",\"minItems\":5,\"items\":{\"type\":\"string\",\"minLength\":5,\"maxLength\":9}}");
    for (long seed = 0; seed < 300; seed++) {
      for (JsonNode text : Conformance.JSON.readTree(answers.valid(seed))) {
        String s = text.asText();
        assertThat(s.length()).as(s).isLessThanOrEqualTo(9);
        assertThat(s.codePointCount(0, s.length())).as(s).isGreaterThanOrEqualTo(5);
      }
    }
  }

  @Test
  void numbersAreWrittenPlainAndWithinTightExclusiveBounds() throws Exception {
    SchemaAnswers answers =
        SchemaAnswers.forSchema(
            "{\"type\":\"array\",\"minItems\":3,\"items\":{\"type\":\"number\","
                + "\"exclusiveMinimum\":0,\"exclusiveMaximum\":0.001}}");
    for (long seed = 0; seed < 100; seed++) {
      String json = answers.valid(seed);
      assertThat(json).doesNotContainIgnoringCase("e");
      for (JsonNode number : Conformance.JSON.readTree(json)) {
        BigDecimal value = number.decimalValue();
        assertThat(value).isGreaterThan(BigDecimal.ZERO).isLessThan(new BigDecimal("0.001"));
      }
    }
  }

  @Test
  void aBrokenNumberLiesJustPastItsBoundAndStaysAMultiple() throws Exception {
    SchemaAnswers answers =
        SchemaAnswers.forSchema(
            "{\"type\":\"array\",\"items\":{\"type\":\"integer\",\"minimum\":10,\"maximum\":50,"
                + "\"multipleOf\":10}}");
    Set<String> descriptions = new HashSet<>();
    for (long seed = 0; seed < 40; seed++) {
      InvalidItem bad = answers.invalidItem(seed).orElseThrow();
      JsonNode value =
          Conformance.JSON.readTree(bad.json()).at(JsonPath.parse(bad.valuePath()).toJsonPointer());
      descriptions.add(value + " / " + bad.description());
      assertThat(bad.valuePath()).isEqualTo(bad.itemPath());
    }

    assertThat(descriptions)
        .containsExactlyInAnyOrder(
            "60 / 60 is above the maximum 50", "0 / 0 is below the minimum 10");
  }

  @Test
  void aBrokenExclusiveBoundIsTheBoundItself() {
    SchemaAnswers answers =
        SchemaAnswers.forSchema(
            "{\"type\":\"object\",\"properties\":{\"xs\":{\"type\":\"array\",\"minItems\":1,"
                + "\"items\":{\"type\":\"number\",\"exclusiveMaximum\":2.5}}},\"required\":[\"xs\"]}");

    InvalidItem bad = answers.invalidItem(0).orElseThrow();

    assertThat(bad.description()).isEqualTo("2.5 is not below the exclusive maximum 2.5");
    assertThat(bad.json()).contains("2.5").matches("\\{\"xs\":\\[.*\\]\\}");
  }

  @Test
  void boundsOutsideListItemsAreNeverBroken() {
    SchemaAnswers answers =
        SchemaAnswers.forSchema(
            "{\"type\":\"object\",\"properties\":{\"n\":{\"type\":\"integer\",\"maximum\":3},"
                + "\"xs\":{\"type\":\"array\",\"maxItems\":2,\"items\":{\"type\":\"string\"}}},"
                + "\"required\":[\"n\",\"xs\"]}");

    for (long seed = 0; seed < 20; seed++) {
      assertThat(answers.withInvalidItem(seed)).isEmpty();
    }
  }

  @Test
  void aPatternNoWriterCanMatchIsRefusedUnlessAnExampleMatches() {
    assertThatThrownBy(
            () ->
                SchemaAnswers.forSchema("{\"type\":\"string\",\"pattern\":\"^(?=.*\\\\d).{8,}$\"}"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "pattern \"^(?=.*\\d).{8,}$\" uses lookaround, which answers cannot be written for;"
                + " give a matching value in \"examples\" or \"default\" (at /pattern)");

    SchemaAnswers answers =
        SchemaAnswers.forSchema(
            "{\"type\":\"string\",\"pattern\":\"^(?=.*\\\\d).{8,}$\",\"examples\":[\"short\",\"passw0rdX\"]}");

    assertThat(answers.valid(0)).isEqualTo("\"passw0rdX\"");
  }

  @Test
  void constructsThatCannotBeHonouredAreRefusedWithTheirPlace() {
    assertRefused(
        "{\"type\":\"object\",\"properties\":{\"status\":{\"not\":{\"const\":\"x\"}}}}",
        "\"not\" (a value that must not match a schema) is not supported (at /properties/status/not)");
    assertRefused(
        "{\"$defs\":{\"A\":{\"if\":{\"type\":\"string\"}}},\"$ref\":\"#/$defs/A\"}",
        "\"if\" (conditional schemas) is not supported (at /$defs/A/if)");
    assertRefused(
        "{\"type\":\"object\",\"patternProperties\":{\"^x\":{}}}",
        "\"patternProperties\" (property names by pattern) is not supported (at /patternProperties)");
    assertRefused(
        "{\"properties\":{\"a\":{\"$ref\":\"other.json#/A\"}}}",
        "$ref \"other.json#/A\" is not supported: only references within the schema, such as"
            + " \"#/$defs/Name\" (at /properties/a/$ref)");
    assertRefused(
        "{\"items\":{\"$ref\":\"#/$defs/Missing\"}}",
        "$ref \"#/$defs/Missing\" points at nothing (at /items/$ref)");
    assertRefused("{\"type\":\"text\"}", "unknown type \"text\" (at /type)");
    assertRefused("{\"anyOf\":[]}", "\"anyOf\" is an empty list (at /anyOf)");
    assertRefused(
        "{\"type\":\"string\",\"pattern\":\"[a-\"}",
        "pattern \"[a-\" is not a regular expression: Illegal character range (at /pattern)");
  }

  @Test
  void schemasThatAdmitNoValueAreRefusedWithThePlace() {
    assertRefused("false", "the schema false admits no value (at the root)");
    assertRefused(
        "{\"type\":\"object\",\"properties\":{\"n\":{\"type\":\"integer\",\"minimum\":5,\"maximum\":3}},"
            + "\"required\":[\"n\"]}",
        "no integer is within [5, 3] (at /properties/n)");
    assertRefused(
        "{\"$defs\":{\"N\":{\"type\":\"object\",\"properties\":{\"next\":{\"$ref\":\"#/$defs/N\"}},"
            + "\"required\":[\"next\"]}},\"$ref\":\"#/$defs/N\"}",
        "the schema requires values nested deeper than 48 levels (at /$defs/N/properties/next)");
    assertRefused(
        "{\"type\":\"object\",\"required\":[\"a\"],\"additionalProperties\":false}",
        "\"a\" is required but additionalProperties is false (at the root)");
  }

  @Test
  void boundsTooLargeToWriteAreRefused() {
    assertRefused(
        "{\"type\":\"array\",\"minItems\":20000}",
        "\"minItems\" 20000 is more than the 10000 that answers are written with (at /minItems)");
    assertRefused(
        "{\"type\":\"object\",\"properties\":{\"s\":{\"type\":\"string\",\"minLength\":1e9}}}",
        "\"minLength\" 1000000000 is more than the 10000 that answers are written with"
            + " (at /properties/s/minLength)");
    assertRefused(
        "{\"type\":\"string\",\"pattern\":\"a{20000}\"}",
        "pattern \"a{20000}\" uses a repetition of more than 10000, which answers cannot be"
            + " written for; give a matching value in \"examples\" or \"default\" (at /pattern)");
    assertRefused(
        "{\"type\":\"string\",\"format\":\"email\",\"maxLength\":3}",
        "no string in the format email was found within minLength 0 and maxLength 3 (at the root)");
  }

  @Test
  void sizesBeyondIntAreTakenAsLargeAndNotBroken() throws Exception {
    String schema =
        "{\"type\":\"array\",\"minItems\":1,\"items\":{\"type\":\"object\",\"properties\":{"
            + "\"s\":{\"type\":\"string\",\"maxLength\":4294967296},"
            + "\"xs\":{\"type\":\"array\",\"maxItems\":1e12,\"items\":{\"type\":\"integer\"}},"
            + "\"n\":{\"type\":\"integer\",\"maximum\":3}},\"required\":[\"s\",\"xs\",\"n\"]}}";
    SchemaAnswers answers = SchemaAnswers.forSchema(schema);
    for (long seed = 0; seed < 30; seed++) {
      // Not networknt here: it wraps such sizes around too ("at most -727,379,968 items").
      for (JsonNode item : Conformance.JSON.readTree(answers.valid(seed))) {
        assertThat(item.get("s").asText()).isNotEmpty();
        assertThat(item.get("xs").size()).isBetween(2, 5);
        assertThat(item.get("n").asInt()).isLessThanOrEqualTo(3);
      }
      InvalidItem bad = answers.invalidItem(seed).orElseThrow();
      assertThat(bad.valuePath()).endsWith(".n");
      assertThat(bad.description()).isEqualTo("4 is above the maximum 3");
    }
  }

  @Test
  void textThatIsNotASchemaIsRefused() {
    assertRefused("[1,2]", "A schema is a JSON object or a boolean, not [1,2]");
    assertThatThrownBy(() -> SchemaAnswers.forSchema("{\"type\":"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("The schema is not JSON: ");
    assertThatThrownBy(() -> SchemaAnswers.forSchema(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("schemaJson == null");
  }

  @Test
  void unknownKeywordsAndAnnotationsAreIgnored() throws Exception {
    SchemaAnswers answers =
        SchemaAnswers.forSchema(
            "{\"type\":\"object\",\"x-order\":1,\"discriminator\":{\"propertyName\":\"k\"},"
                + "\"properties\":{\"k\":{\"const\":\"a\",\"description\":\"d\",\"deprecated\":true}},"
                + "\"required\":[\"k\"],\"unevaluatedProperties\":false}");

    assertThat(answers.valid(0)).isEqualTo("{\"k\":\"a\"}");
  }

  private static void assertRefused(String schema, String message) {
    assertThatThrownBy(() -> SchemaAnswers.forSchema(schema))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(message);
  }
}
