package dev.partialjson.parser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.partialjson.testkit.EventLog;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A {@link CursorListener} for {@link CursorListenerTest}: hands each event to an {@link EventLog},
 * as a {@link JsonListener}'s with the path read from the cursor's segments, and at every event
 * checks that the cursor reads the same every way (segments, text, {@code toPath()} once per value,
 * patterns) and that a number's view agrees with its value and is dead after its call.
 */
final class CursorRecorder implements CursorListener {
  final EventLog log = new EventLog();
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

  /** Checks that the last number's view is dead, then reads the cursor (see {@link #read}). */
  private JsonPath path(PathCursor at) {
    if (lastNumber != null) {
      assertThatThrownBy(lastNumber::value).isInstanceOf(IllegalStateException.class);
    }
    return read(at);
  }

  @Override
  public void startObject(PathCursor at) {
    log.startObject(path(at));
    open.put(at.toPath(), at.toPath());
  }

  @Override
  public void endObject(PathCursor at) {
    assertThat(open.remove(at.toPath())).as("the start's path, at %s", at).isNotNull();
    log.endObject(path(at));
  }

  @Override
  public void startArray(PathCursor at) {
    log.startArray(path(at));
    open.put(at.toPath(), at.toPath());
  }

  @Override
  public void endArray(PathCursor at) {
    assertThat(open.remove(at.toPath())).as("the start's path, at %s", at).isNotNull();
    log.endArray(path(at));
  }

  @Override
  public void stringDelta(PathCursor at, CharSequence delta) {
    if (string == null) {
      string = at.toPath();
    }
    assertThat(at.toPath()).as("the same path for each delta").isSameAs(string);
    log.stringDelta(path(at), delta);
  }

  @Override
  public void stringValue(PathCursor at, String value) {
    if (string != null) {
      assertThat(at.toPath()).as("the deltas' path").isSameAs(string);
    }
    string = null;
    log.stringValue(path(at), value);
  }

  @Override
  public void numberValue(PathCursor at, NumberView number) {
    JsonPath path = read(at); // not path(at): this event's view is the last one's, live again
    Number value = number.value();
    assertThat(number.value()).isSameAs(value);
    assertThat(number.isIntegral()).isEqualTo(!(value instanceof BigDecimal));
    assertThat(new BigDecimal(number.toString()))
        .isEqualByComparingTo(new BigDecimal(value.toString()));
    log.numberValue(path, value);
    lastNumber = number;
  }

  @Override
  public void booleanValue(PathCursor at, boolean value) {
    log.booleanValue(path(at), value);
  }

  @Override
  public void nullValue(PathCursor at) {
    log.nullValue(path(at));
  }

  @Override
  public void documentEnd() {
    log.documentEnd();
  }

  @Override
  public void repair(Repair repair) {
    log.repair(repair);
  }

  @Override
  public void reasoningStart() {
    log.reasoningStart();
  }

  @Override
  public void reasoningDelta(CharSequence delta) {
    log.reasoningDelta(delta);
  }

  @Override
  public void reasoningEnd() {
    log.reasoningEnd();
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
