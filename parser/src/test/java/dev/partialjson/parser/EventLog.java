package dev.partialjson.parser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A listener for tests that records every event and checks the delta rules as they happen: a delta
 * is never empty, never ends with a lone high surrogate, and the deltas of a string concatenate to
 * its value. {@link #merged()} joins the deltas of each string into one event, which is what must
 * not depend on the split.
 */
final class EventLog implements JsonListener {
  private final List<JsonEvent> events = new ArrayList<>();
  private final JsonListener recorder = JsonListener.of(events::add);
  private final StringBuilder open = new StringBuilder();
  private JsonPath openPath;

  @Override
  public void startObject(JsonPath path) {
    recorder.startObject(path);
  }

  @Override
  public void endObject(JsonPath path) {
    recorder.endObject(path);
  }

  @Override
  public void startArray(JsonPath path) {
    recorder.startArray(path);
  }

  @Override
  public void endArray(JsonPath path) {
    recorder.endArray(path);
  }

  @Override
  public void stringDelta(JsonPath path, CharSequence delta) {
    assertThat(delta.length()).as("delta length at %s", path).isPositive();
    // A delta may end with a high surrogate only if the next char is not its low half: an
    // unpaired one ("\uD800") or one followed by another high surrogate has nothing to wait for.
    assertThat(
            open.length() > 0
                && Character.isHighSurrogate(open.charAt(open.length() - 1))
                && Character.isLowSurrogate(delta.charAt(0)))
        .as("a surrogate pair split between deltas at %s", path)
        .isFalse();
    if (openPath == null) {
      openPath = path;
    }
    assertThat(path).isEqualTo(openPath);
    open.append(delta);
    recorder.stringDelta(path, delta);
  }

  @Override
  public void stringValue(JsonPath path, String value) {
    assertThat(open.toString()).as("deltas of %s", path).isEqualTo(value);
    assertThat(openPath == null || openPath.equals(path)).isTrue();
    open.setLength(0);
    openPath = null;
    recorder.stringValue(path, value);
  }

  @Override
  public void numberValue(JsonPath path, Number value) {
    recorder.numberValue(path, value);
  }

  @Override
  public void booleanValue(JsonPath path, boolean value) {
    recorder.booleanValue(path, value);
  }

  @Override
  public void nullValue(JsonPath path) {
    recorder.nullValue(path);
  }

  @Override
  public void documentEnd() {
    recorder.documentEnd();
  }

  @Override
  public void repair(Repair repair) {
    recorder.repair(repair);
  }

  /** Returns every event as it came. */
  List<JsonEvent> events() {
    return events;
  }

  /** Returns the events with the deltas of each string joined into one. */
  List<JsonEvent> merged() {
    List<JsonEvent> out = new ArrayList<>();
    for (JsonEvent event : events) {
      JsonEvent last = out.isEmpty() ? null : out.get(out.size() - 1);
      if (event.kind() == JsonEvent.Kind.STRING_DELTA
          && last != null
          && last.kind() == JsonEvent.Kind.STRING_DELTA
          && last.path().equals(event.path())) {
        out.set(
            out.size() - 1,
            new JsonEvent(
                JsonEvent.Kind.STRING_DELTA,
                event.path(),
                Objects.toString(last.value()) + event.value()));
      } else {
        out.add(event);
      }
    }
    return out;
  }
}
