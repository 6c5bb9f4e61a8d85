package dev.partialjson.parser;

import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Turns each token Jackson returns into the listener's events and the snapshot's steps, at the path
 * the {@link PathStack} gives it: containers as they open and close, keys (checked, and counted
 * against their object's limit), and complete values; a string's growth is {@link StringStream}'s.
 * Knows when the root value is complete. Not thread-safe.
 */
final class TokenEvents {
  private final FeedingParser jackson;
  private final EventSink listener;
  private final PathStack paths;
  private final KeyCheck keys;
  private final StringStream string;
  private final Failures failures;
  private final InputWindow window;
  private final CurrentNumber number;
  private final int maxObjectMembers; // read on every key, so kept here
  private boolean rootDone;
  private boolean literalShown; // the literal Jackson is reading was reported at its last letter

  TokenEvents(
      FeedingParser jackson,
      EventSink listener,
      PathStack paths,
      KeyCheck keys,
      StringStream string,
      Failures failures,
      Limits limits,
      InputWindow window) {
    this.jackson = jackson;
    this.window = window;
    this.number = new CurrentNumber(jackson);
    this.listener = listener;
    this.paths = paths;
    this.keys = keys;
    this.string = string;
    this.failures = failures;
    this.maxObjectMembers = limits.maxObjectMembers();
  }

  /** Returns whether the root value is complete. */
  boolean rootDone() {
    return rootDone;
  }

  /**
   * Reports {@code token}, the next one Jackson returned.
   *
   * <p>Kept above C2's {@code FreqInlineSize} (325 bytes of bytecode), so that it is compiled apart
   * from {@link BodyReader}'s token loop rather than inlined into it. At 308 bytes it was inlined,
   * and the events row took 7% more CPU time than before ({@code CpuTime --baseline}); the same
   * build run with {@code -XX:FreqInlineSize=300} took 7% less. The number and literal cases are
   * written out here for that reason; a change that brings it under 325 bytes ({@code javap -c})
   * wants the same measurement.
   */
  void handle(JsonToken token) throws IOException {
    switch (token) {
      case START_OBJECT:
      case START_ARRAY:
        boolean array = token == JsonToken.START_ARRAY;
        paths.nextValue();
        if (array) {
          listener.startArray(paths);
        } else {
          listener.startObject(paths);
        }
        paths.push(array);
        break;
      case END_OBJECT:
      case END_ARRAY:
        paths.pop();
        if (token == JsonToken.END_ARRAY) {
          listener.endArray(paths);
        } else {
          listener.endObject(paths);
        }
        valueDone();
        break;
      case FIELD_NAME:
        String name = jackson.currentName();
        keys.closed(name);
        string.keyClosed();
        if (paths.key(name) > maxObjectMembers) {
          throw tooManyMembers();
        }
        break;
      case VALUE_STRING:
        string.complete(jackson.getText());
        valueDone();
        break;
      case VALUE_NUMBER_INT:
      case VALUE_NUMBER_FLOAT:
        try {
          number.open(token == JsonToken.VALUE_NUMBER_INT);
        } catch (NumberFormatException | ArithmeticException e) {
          // valid JSON, but BigDecimal cannot hold an exponent beyond the int range (1e99999999999)
          throw failures.numberScale(paths.peekNextValue(), e);
        }
        paths.nextValue();
        try {
          listener.numberValue(paths, number);
        } finally {
          number.close();
        }
        valueDone();
        break;
      case VALUE_TRUE:
      case VALUE_FALSE:
      case VALUE_NULL:
        if (literalShown) {
          literalShown = false; // reported at its last letter: now it is over
        } else {
          paths.nextValue();
          if (token == JsonToken.VALUE_NULL) {
            listener.nullValue(paths);
          } else {
            listener.booleanValue(paths, token == JsonToken.VALUE_TRUE);
          }
        }
        valueDone();
        break;
      default:
        // VALUE_EMBEDDED_OBJECT never comes from JSON text
        break;
    }
  }

  /**
   * Reports a literal whose letters have all arrived, which Jackson has not returned: it returns
   * one only once the byte after it has come, which can make the input malformed but cannot change
   * the value. Called where Jackson stopped for input inside a literal, and where it refused a
   * token that began with a whole literal ({@code truex}), so that the literal is reported at its
   * last letter, or else before the error, and so at the same place among the events whatever the
   * split. Its value is done only when Jackson returns it (the document ends then, for a root
   * literal); a later error names its path.
   */
  void literalSoFar() {
    if (literalShown) {
      return;
    }
    JsonToken literal = jackson.literalAwaitingNextByte();
    if (literal == null && jackson.insideWrongWord()) {
      literal = literalAt(failures.inputOffset(jackson.tokenStart()) - 1);
    }
    if (literal != null) {
      literalShown = true;
      literal(literal);
    }
  }

  /**
   * Returns the literal that the input window holds in full at {@code start}, or null. Jackson
   * stops for input or throws as soon as a wrong token is certain, within the feed that made it so,
   * so its first letter is at most a slice and a literal back: in the window.
   */
  private @Nullable JsonToken literalAt(long start) {
    byte first = window.byteAt(start);
    String word = first == 't' ? "true" : first == 'f' ? "false" : first == 'n' ? "null" : "";
    for (int i = 1; i < word.length(); i++) {
      if (window.byteAt(start + i) != word.charAt(i)) {
        return null;
      }
    }
    return word.isEmpty()
        ? null
        : first == 't'
            ? JsonToken.VALUE_TRUE
            : first == 'f' ? JsonToken.VALUE_FALSE : JsonToken.VALUE_NULL;
  }

  /** Reports the literal {@code token} at the next value's path. */
  private void literal(JsonToken token) {
    paths.nextValue();
    if (token == JsonToken.VALUE_NULL) {
      listener.nullValue(paths);
    } else {
      listener.booleanValue(paths, token == JsonToken.VALUE_TRUE);
    }
  }

  private void valueDone() {
    paths.valueDone();
    if (paths.depth() == 0) {
      rootDone = true;
      listener.documentEnd();
    }
  }

  /** The key just read is one too many for its object: the error names the object, at the key. */
  private LimitExceededException tooManyMembers() {
    int max = maxObjectMembers;
    List<JsonPath> open = paths.open(false);
    JsonPath object = open.get(open.size() - 1);
    return failures.atTokenStart(
        Limits.Limit.OBJECT_MEMBERS, Problem.TOO_MANY_MEMBERS.words(max + 1L, max), max, object);
  }
}
