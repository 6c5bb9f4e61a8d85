package dev.partialjson.testkit;

import dev.partialjson.parser.JsonEvent;
import dev.partialjson.parser.JsonListener;
import dev.partialjson.parser.JsonPath;
import dev.partialjson.parser.Repair;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A listener that records every event and checks the delta rules as they happen: a delta is never
 * empty, a surrogate pair is never split between two deltas, all deltas of a string are for one
 * path, and they concatenate exactly to the string's value; reasoning comes in segments (start,
 * deltas, end) that never nest, by the same delta rules. A broken rule throws {@link
 * AssertionError} from the callback, so it surfaces from the {@code feed} call that caused it.
 *
 * <p>{@link #merged()} joins the deltas of each string, and of each segment of reasoning, into one
 * event: that list is what must not depend on how the input was split. Not thread-safe, like the
 * parser that calls it. Not final only so that a test suite can give it a shorter name in its own
 * package.
 */
public class EventLog implements JsonListener {
  private final List<JsonEvent> events = new ArrayList<>();
  private final JsonListener recorder = JsonListener.of(events::add);
  private final StringBuilder open = new StringBuilder();
  private @Nullable JsonPath openPath;
  private boolean reasoning;
  private char lastReasoningChar;

  /** Makes an empty log. */
  public EventLog() {}

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
    if (delta.length() == 0) {
      throw new AssertionError("an empty delta at " + path);
    }
    // A delta may end with a high surrogate only if the next char is not its low half: an
    // unpaired one ("\uD800") or one followed by another high surrogate has nothing to wait for.
    if (open.length() > 0
        && Character.isHighSurrogate(open.charAt(open.length() - 1))
        && Character.isLowSurrogate(delta.charAt(0))) {
      throw new AssertionError("a surrogate pair split between deltas at " + path);
    }
    if (openPath == null) {
      openPath = path;
    } else if (!openPath.equals(path)) {
      throw new AssertionError(
          "a delta at " + path + " while the string at " + openPath + " is still open");
    }
    open.append(delta);
    recorder.stringDelta(path, delta);
  }

  @Override
  public void stringValue(JsonPath path, String value) {
    if (openPath != null && !openPath.equals(path)) {
      throw new AssertionError(
          "the string at " + path + " completed while the one at " + openPath + " is open");
    }
    if (!open.toString().equals(value)) {
      throw new AssertionError(
          "the deltas of "
              + path
              + " concatenate to \""
              + open
              + "\" but the value is \""
              + value
              + "\"");
    }
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

  @Override
  public void reasoningStart() {
    if (reasoning) {
      throw new AssertionError("reasoning started inside a segment of reasoning");
    }
    reasoning = true;
    lastReasoningChar = 0;
    recorder.reasoningStart();
  }

  @Override
  public void reasoningDelta(CharSequence delta) {
    if (!reasoning) {
      throw new AssertionError("a reasoning delta outside a segment");
    }
    if (delta.length() == 0) {
      throw new AssertionError("an empty reasoning delta");
    }
    if (Character.isHighSurrogate(lastReasoningChar) && Character.isLowSurrogate(delta.charAt(0))) {
      throw new AssertionError("a surrogate pair split between reasoning deltas");
    }
    lastReasoningChar = delta.charAt(delta.length() - 1);
    recorder.reasoningDelta(delta);
  }

  @Override
  public void reasoningEnd() {
    if (!reasoning) {
      throw new AssertionError("reasoning ended with no segment open");
    }
    reasoning = false;
    recorder.reasoningEnd();
  }

  /** Returns every event as it came, deltas as they were cut; a read-only view. */
  public List<JsonEvent> events() {
    return Collections.unmodifiableList(events);
  }

  /**
   * Returns the events with the consecutive deltas of each string, and of each segment of
   * reasoning, joined into one, in time linear in the number of events.
   */
  public List<JsonEvent> merged() {
    List<JsonEvent> out = new ArrayList<>(events.size());
    StringBuilder joined = new StringBuilder();
    JsonEvent first = null; // the first of the deltas being joined
    for (JsonEvent event : events) {
      boolean delta =
          event.kind() == JsonEvent.Kind.STRING_DELTA
              || event.kind() == JsonEvent.Kind.REASONING_DELTA;
      if (first != null
          && !(delta && event.kind() == first.kind() && event.path().equals(first.path()))) {
        out.add(new JsonEvent(first.kind(), first.path(), joined.toString()));
        first = null;
      }
      if (delta) {
        if (first == null) {
          first = event;
          joined.setLength(0);
        }
        joined.append(event.value());
      } else {
        out.add(event);
      }
    }
    if (first != null) {
      out.add(new JsonEvent(first.kind(), first.path(), joined.toString()));
    }
    return out;
  }
}
