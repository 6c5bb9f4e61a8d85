package dev.partialjson.embeddedmodel;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** Small questions about JSON values that the writer and the checks share. */
final class Values {
  private Values() {}

  /**
   * Returns a size keyword ({@code minItems}, {@code maxLength}, ...) as an {@code int}: {@code
   * absent} when missing or not a number, a size beyond {@code int} as {@link Integer#MAX_VALUE}
   * (no answer is that large) rather than wrapped around, a fraction rounded up.
   */
  static int size(JsonNode schema, String keyword, int absent) {
    JsonNode size = schema.get(keyword);
    if (size == null || !size.isNumber()) {
      return absent;
    }
    BigDecimal value = size.decimalValue().setScale(0, RoundingMode.CEILING);
    return value.compareTo(BigDecimal.valueOf(Integer.MAX_VALUE)) > 0
        ? Integer.MAX_VALUE
        : Math.max(0, value.intValue());
  }

  /** Returns whether two values are equal as JSON Schema sees them: 1 and 1.0 are the same. */
  static boolean same(JsonNode a, JsonNode b) {
    if (a.isNumber() && b.isNumber()) {
      return a.decimalValue().compareTo(b.decimalValue()) == 0;
    }
    return a.equals(b);
  }

  /**
   * Returns the strings a schema lists as examples ({@code examples}, OpenAPI's {@code example},
   * {@code default}) that match {@code pattern} whole, if it is given.
   */
  static List<String> listedStrings(JsonNode schema, @Nullable String pattern) {
    List<JsonNode> listed = new ArrayList<>();
    schema.path("examples").forEach(listed::add);
    for (String keyword : new String[] {"example", "default"}) {
      if (schema.has(keyword)) {
        listed.add(schema.get(keyword));
      }
    }
    List<String> out = new ArrayList<>();
    for (JsonNode value : listed) {
      if (value.isTextual()
          && (pattern == null || Pattern.compile(pattern).matcher(value.asText()).matches())) {
        out.add(value.asText());
      }
    }
    return out;
  }
}
