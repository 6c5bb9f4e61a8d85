package dev.partialjson.openai;

import com.openai.core.JsonValue;
import dev.partialjson.binding.StreamingBinder;
import dev.partialjson.schema.ModelSchema;
import dev.partialjson.schema.SchemaMode;
import java.util.LinkedHashMap;
import java.util.Map;

/** A bound type's strict schema as the SDK's JSON values, and a name for it that OpenAI accepts. */
final class SchemaValues {
  /** OpenAI's limit on a schema's and a function's name. */
  private static final int MAX_NAME = 64;

  private SchemaValues() {}

  /** Returns the top-level properties of the binder's strict schema, in schema order. */
  static Map<String, JsonValue> strict(StreamingBinder<?> binder) {
    Map<String, JsonValue> values = new LinkedHashMap<>();
    ModelSchema.of(binder, SchemaMode.OPENAI_STRICT)
        .toMap()
        .forEach((key, value) -> values.put(key, JsonValue.from(value)));
    return values;
  }

  /**
   * Returns a schema name for the binder's type: its simple class name with what OpenAI does not
   * accept in a name (anything but letters, digits, {@code _} and {@code -}) replaced by {@code _}.
   */
  static String name(StreamingBinder<?> binder) {
    String simple = binder.rawType().getSimpleName();
    StringBuilder name = new StringBuilder(Math.min(simple.length(), MAX_NAME));
    for (int i = 0; i < simple.length() && name.length() < MAX_NAME; i++) {
      char c = simple.charAt(i);
      boolean allowed =
          (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-';
      name.append(allowed ? c : '_');
    }
    return name.length() == 0 ? "answer" : name.toString();
  }

  /** Returns {@code name} unchanged, or throws if OpenAI would refuse it as a function name. */
  static String checkName(String name) {
    if (name.isEmpty() || name.length() > MAX_NAME) {
      throw new IllegalArgumentException(
          "a function name has 1 to " + MAX_NAME + " characters: \"" + name + "\"");
    }
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (!((c >= 'a' && c <= 'z')
          || (c >= 'A' && c <= 'Z')
          || (c >= '0' && c <= '9')
          || c == '_'
          || c == '-')) {
        throw new IllegalArgumentException(
            "a function name has only letters, digits, '_' and '-': \"" + name + "\"");
      }
    }
    return name;
  }
}
