package dev.partialjson.parser;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonFactoryBuilder;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What Jackson's own blocking parser makes of a whole document, as the same plain Java values a
 * snapshot holds: the reference for agreement (invariant 4). Numbers are read with {@code
 * getNumberValueExact()}, objects into a {@link LinkedHashMap} (a duplicate key keeps its first
 * position and its last value). Content after the root value is an error, as JSON requires.
 */
final class JacksonReference {
  private static final JsonFactory STRICT = new JsonFactory();
  private static final JsonFactory LENIENT =
      new JsonFactoryBuilder()
          .enable(JsonReadFeature.ALLOW_TRAILING_COMMA)
          .enable(JsonReadFeature.ALLOW_SINGLE_QUOTES)
          .enable(JsonReadFeature.ALLOW_UNQUOTED_FIELD_NAMES)
          .enable(JsonReadFeature.ALLOW_JAVA_COMMENTS)
          .enable(JsonReadFeature.ALLOW_YAML_COMMENTS)
          .enable(JsonReadFeature.ALLOW_UNESCAPED_CONTROL_CHARS)
          .build();

  private JacksonReference() {}

  /** Returns the value of {@code document}, or throws Jackson's exception. */
  static @Nullable Object parse(byte[] document, ParserOptions.Syntax syntax) throws IOException {
    JsonFactory factory = syntax == ParserOptions.Syntax.STRICT ? STRICT : LENIENT;
    try (JsonParser parser = create(factory, document)) {
      JsonToken first = parser.nextToken();
      if (first == null) {
        throw new IOException("no value");
      }
      Object value = read(parser, first);
      if (parser.nextToken() != null) {
        throw new IOException("content after the root value");
      }
      return value;
    }
  }

  /**
   * Jackson's byte parser guesses the encoding from the first four bytes, and takes a NUL byte
   * among them for UTF-16 or UTF-32: it reads the bytes {@code 00 31} as the number 1 (jackson-core
   * 2.22.4). JSON text is UTF-8 (RFC 8259, section 8.1), as the parser reads it, so such a document
   * is read through a UTF-8 reader, where a NUL outside a string is the control character it is. A
   * document that is not UTF-8 is a rejection whatever Jackson says (see ParserProperties), so the
   * reader's replacement of malformed bytes changes no outcome.
   */
  private static JsonParser create(JsonFactory factory, byte[] document) throws IOException {
    for (int i = 0; i < Math.min(4, document.length); i++) {
      if (document[i] == 0) {
        return factory.createParser(
            new InputStreamReader(new ByteArrayInputStream(document), StandardCharsets.UTF_8));
      }
    }
    return factory.createParser(document);
  }

  private static @Nullable Object read(JsonParser parser, JsonToken token) throws IOException {
    switch (token) {
      case START_OBJECT:
        Map<String, Object> map = new LinkedHashMap<>();
        for (JsonToken t = parser.nextToken(); t != JsonToken.END_OBJECT; t = parser.nextToken()) {
          String name = parser.currentName();
          map.put(name, read(parser, parser.nextToken()));
        }
        return map;
      case START_ARRAY:
        List<Object> list = new ArrayList<>();
        for (JsonToken t = parser.nextToken(); t != JsonToken.END_ARRAY; t = parser.nextToken()) {
          list.add(read(parser, t));
        }
        return list;
      case VALUE_STRING:
        return parser.getText();
      case VALUE_NUMBER_INT:
      case VALUE_NUMBER_FLOAT:
        return parser.getNumberValueExact();
      case VALUE_TRUE:
        return Boolean.TRUE;
      case VALUE_FALSE:
        return Boolean.FALSE;
      case VALUE_NULL:
        return null;
      default:
        throw new IOException("unexpected " + token);
    }
  }
}
