package dev.partialjson.binding;

import dev.partialjson.parser.JsonListener;
import dev.partialjson.parser.JsonPath;
import dev.partialjson.parser.JsonPathPattern;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The session's listener on the parser: records every token for the final value, records each value
 * a subscription matches into its own buffer while it is open, and hands it to {@link ItemSink}
 * when it closes; streams growing strings to text callbacks. Confined to its session.
 */
final class Recorder implements JsonListener {

  /** Receives each subscribed value as it closes. */
  interface ItemSink {
    void closed(Subscription subscription, TokenRecorder tokens);
  }

  /** A text callback on a pattern. */
  record Text(JsonPathPattern pattern, BindingSession.TextListener listener) {}

  private record Capture(Subscription subscription, TokenRecorder tokens) {}

  private final TokenRecorder whole = new TokenRecorder(JsonPath.root());
  private final List<Subscription> subscriptions;
  private final List<Text> texts;
  private final ItemSink sink;
  private final List<Capture> open = new ArrayList<>();
  private final StringBuilder text = new StringBuilder();
  private @Nullable JsonPath textPath;
  private boolean textWanted;

  Recorder(List<Subscription> subscriptions, List<Text> texts, ItemSink sink) {
    this.subscriptions = subscriptions;
    this.texts = texts;
    this.sink = sink;
  }

  /** Returns the tokens of the whole document so far. */
  TokenRecorder whole() {
    return whole;
  }

  @Override
  public void startObject(JsonPath path) {
    begin(path);
    whole.startObject(path);
    for (Capture c : open) {
      c.tokens.startObject(path);
    }
  }

  @Override
  public void endObject(JsonPath path) {
    whole.endObject();
    for (Capture c : open) {
      c.tokens.endObject();
    }
    end(path);
  }

  @Override
  public void startArray(JsonPath path) {
    begin(path);
    whole.startArray(path);
    for (Capture c : open) {
      c.tokens.startArray(path);
    }
  }

  @Override
  public void endArray(JsonPath path) {
    whole.endArray();
    for (Capture c : open) {
      c.tokens.endArray();
    }
    end(path);
  }

  @Override
  public void stringDelta(JsonPath path, CharSequence delta) {
    if (!path.equals(textPath)) {
      textPath = path;
      text.setLength(0);
      textWanted = false;
      for (Text t : texts) {
        textWanted |= t.pattern().matches(path);
      }
    }
    if (!textWanted) {
      return;
    }
    text.append(delta);
    String full = text.toString();
    String piece = delta.toString();
    for (Text t : texts) {
      if (t.pattern().matches(path)) {
        t.listener().onText(path, full, piece);
      }
    }
  }

  @Override
  public void stringValue(JsonPath path, String value) {
    textPath = null;
    text.setLength(0);
    scalar(path, value);
  }

  @Override
  public void numberValue(JsonPath path, Number value) {
    scalar(path, value);
  }

  @Override
  public void booleanValue(JsonPath path, boolean value) {
    scalar(path, value);
  }

  @Override
  public void nullValue(JsonPath path) {
    scalar(path, null);
  }

  private void scalar(JsonPath path, @Nullable Object value) {
    begin(path);
    whole.scalar(path, value);
    for (Capture c : open) {
      c.tokens.scalar(path, value);
    }
    end(path);
  }

  private void begin(JsonPath path) {
    for (Subscription s : subscriptions) {
      if (s.pattern.matches(path)) {
        open.add(new Capture(s, new TokenRecorder(path)));
      }
    }
  }

  private void end(JsonPath path) {
    // Captures nest like the values they record: those of this value are the last ones opened.
    int first = open.size();
    while (first > 0 && open.get(first - 1).tokens.root().equals(path)) {
      first--;
    }
    if (first == open.size()) {
      return;
    }
    List<Capture> closing = new ArrayList<>(open.subList(first, open.size()));
    open.subList(first, open.size()).clear();
    for (Capture c : closing) {
      sink.closed(c.subscription, c.tokens);
    }
  }
}
