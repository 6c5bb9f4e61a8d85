package dev.partialjson.parser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A {@link CursorListener} for {@link CursorListenerTest}: records each event as the {@link
 * JsonEvent} a {@link JsonListener#of} listener would, with the path read from the cursor's
 * segments, and at every event checks that the cursor reads the same every way (segments, text,
 * {@code toPath()} once per value, patterns) and that a number's view agrees with its value and is
 * dead after its call.
 */
final class CursorRecorder implements CursorListener {
  final List<JsonEvent> events = new ArrayList<>();
  final Set<String> matched = new LinkedHashSet<>();
  private final List<JsonPathPattern> patterns;
  // the path each open value got first, to check that its later events get the same instance
  private final Map<JsonPath, JsonPath> open = new IdentityHashMap<>();
  private @Nullable JsonPath string;
  private @Nullable NumberView lastNumber;

  CursorRecorder(List<JsonPathPattern> patterns) {
    this.patterns = patterns;
  }

  /** Reads the cursor every way there is, checks that they agree, returns the path. */
  private JsonPath read(PathCursor at) {
    JsonPath path = JsonPath.root();
    for (int i = 0; i < at.depth(); i++) {
      path = at.isIndex(i) ? path.index(at.arrayIndex(i)) : path.field(at.name(i));
    }
    assertThat(at.toPath()).isEqualTo(path);
    assertThat(at.toPath()).isSameAs(at.toPath());
    assertThat(at).hasToString(path.toString());
    for (JsonPathPattern pattern : patterns) {
      assertThat(at.matches(pattern))
          .as("%s at %s", pattern, path)
          .isEqualTo(pattern.matches(path));
      assertThat(at.startsWith(pattern))
          .as("prefix %s at %s", pattern, path)
          .isEqualTo(pattern.matchesPrefixOf(path));
      if (at.matches(pattern)) {
        matched.add(pattern + " at " + path);
      }
    }
    return path;
  }

  private void add(JsonEvent.Kind kind, PathCursor at, @Nullable Object value) {
    if (lastNumber != null && kind != JsonEvent.Kind.NUMBER) { // the view is reused by the next
      assertThatThrownBy(lastNumber::value).isInstanceOf(IllegalStateException.class);
    }
    events.add(new JsonEvent(kind, read(at), value));
  }

  @Override
  public void startObject(PathCursor at) {
    add(JsonEvent.Kind.START_OBJECT, at, null);
    open.put(at.toPath(), at.toPath());
  }

  @Override
  public void endObject(PathCursor at) {
    assertThat(open.remove(at.toPath())).as("the start's path, at %s", at).isNotNull();
    add(JsonEvent.Kind.END_OBJECT, at, null);
  }

  @Override
  public void startArray(PathCursor at) {
    add(JsonEvent.Kind.START_ARRAY, at, null);
    open.put(at.toPath(), at.toPath());
  }

  @Override
  public void endArray(PathCursor at) {
    assertThat(open.remove(at.toPath())).as("the start's path, at %s", at).isNotNull();
    add(JsonEvent.Kind.END_ARRAY, at, null);
  }

  @Override
  public void stringDelta(PathCursor at, CharSequence delta) {
    if (string == null) {
      string = at.toPath();
    }
    assertThat(at.toPath()).as("the same path for each delta").isSameAs(string);
    add(JsonEvent.Kind.STRING_DELTA, at, delta.toString());
  }

  @Override
  public void stringValue(PathCursor at, String value) {
    if (string != null) {
      assertThat(at.toPath()).as("the deltas' path").isSameAs(string);
    }
    string = null;
    add(JsonEvent.Kind.STRING, at, value);
  }

  @Override
  public void numberValue(PathCursor at, NumberView number) {
    Number value = number.value();
    assertThat(number.value()).isSameAs(value);
    assertThat(number.isIntegral()).isEqualTo(!(value instanceof BigDecimal));
    assertThat(new BigDecimal(number.toString()))
        .isEqualByComparingTo(new BigDecimal(value.toString()));
    add(JsonEvent.Kind.NUMBER, at, value);
    lastNumber = number;
  }

  @Override
  public void booleanValue(PathCursor at, boolean value) {
    add(JsonEvent.Kind.BOOLEAN, at, value);
  }

  @Override
  public void nullValue(PathCursor at) {
    add(JsonEvent.Kind.NULL, at, null);
  }

  @Override
  public void documentEnd() {
    events.add(new JsonEvent(JsonEvent.Kind.DOCUMENT_END, JsonPath.root(), null));
  }

  @Override
  public void repair(Repair repair) {
    events.add(new JsonEvent(JsonEvent.Kind.REPAIR, repair.path(), repair));
  }

  @Override
  public void reasoningStart() {
    events.add(new JsonEvent(JsonEvent.Kind.REASONING_START, JsonPath.root(), null));
  }

  @Override
  public void reasoningDelta(CharSequence delta) {
    events.add(new JsonEvent(JsonEvent.Kind.REASONING_DELTA, JsonPath.root(), delta.toString()));
  }

  @Override
  public void reasoningEnd() {
    events.add(new JsonEvent(JsonEvent.Kind.REASONING_END, JsonPath.root(), null));
  }

  /**
   * Patterns from the document's own paths (at most 40): each path exactly, with its first and its
   * last segment a wildcard, and its parent; so every event meets patterns that match it, that
   * match a prefix of it and that do not match.
   */
  static List<JsonPathPattern> patterns(List<JsonEvent> events) {
    Set<JsonPathPattern> patterns = new LinkedHashSet<>();
    for (JsonEvent event : events) {
      JsonPath path = event.path();
      if (patterns.size() >= 40) {
        break;
      }
      patterns.add(JsonPathPattern.of(path));
      List<Object> segments = path.segments();
      if (!segments.isEmpty()) {
        patterns.add(wildcard(segments, 0));
        patterns.add(wildcard(segments, segments.size() - 1));
        patterns.add(JsonPathPattern.of(path.parent()));
      }
    }
    return new ArrayList<>(patterns);
  }

  private static JsonPathPattern wildcard(List<Object> segments, int at) {
    StringBuilder text = new StringBuilder("$");
    for (int i = 0; i < segments.size(); i++) {
      Object segment = segments.get(i);
      if (i == at) {
        text.append("[*]");
      } else if (segment instanceof String name) {
        JsonPath.appendSegment(text, name, -1);
      } else {
        JsonPath.appendSegment(text, null, (Integer) segment);
      }
    }
    return JsonPathPattern.compile(text.toString());
  }
}
