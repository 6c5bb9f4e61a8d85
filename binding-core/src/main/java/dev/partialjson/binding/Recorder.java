package dev.partialjson.binding;

import dev.partialjson.binding.spi.Databind;
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
 *
 * <p>A subscription that {@linkplain Subscription#holds holds} its values (the list items the final
 * validation cascades into, bound to their declared type) records in place of the value around it:
 * while such an item is open its tokens go to its own buffer only, and when it closes the bound
 * item goes to the buffer around it as one held value ({@link TokenRecorder#hold}), or its tokens
 * do if it could not be bound. So each token is recorded once for the final value and each item
 * bound once, not again inside every parent.
 */
final class Recorder implements JsonListener {

  /** Receives each subscribed value as it closes. */
  interface ItemSink {
    /**
     * Binds and hands on a subscribed value that just closed; returns the bound value, or {@link
     * #NOT_BOUND} if it could not be bound (or was not bound because the session ended).
     */
    @Nullable Object closed(Subscription subscription, TokenRecorder tokens);
  }

  /** What {@link ItemSink#closed} returns for a value it did not bind. */
  static final Object NOT_BOUND = new Object();

  /** A text callback on a pattern. */
  record Text(JsonPathPattern pattern, BindingSession.TextListener listener) {}

  /**
   * An open subscribed value: {@code outer} is the buffer it records in place of, for a capture
   * that holds its values, else null.
   */
  private record Capture(
      Subscription subscription, TokenRecorder tokens, @Nullable TokenRecorder outer) {}

  private static final Subscription[] NO_SUBSCRIPTIONS = new Subscription[0];
  private static final Text[] NO_TEXTS = new Text[0];

  private final Databind databind;
  private final TokenRecorder whole;
  private final ItemSink sink;
  // Empty until the session's registrations are frozen, at the first feed (see freeze).
  private Subscription[] subscriptions = NO_SUBSCRIPTIONS;
  private Text[] texts = NO_TEXTS;
  private final List<Capture> open = new ArrayList<>();
  private final StringBuilder text = new StringBuilder();
  // Where the final value's tokens go now: whole, or the innermost open capture that holds.
  private TokenRecorder tokens;
  private @Nullable JsonPath textPath;
  private boolean textWanted;

  /**
   * Returns a recorder for {@code subscriptions} and {@code texts}; a session, which makes its
   * recorder before its callbacks are registered, passes none and gives its own to {@link #use}.
   */
  Recorder(Databind databind, List<Subscription> subscriptions, List<Text> texts, ItemSink sink) {
    this.databind = databind;
    this.whole = new TokenRecorder(databind, JsonPath.root());
    this.tokens = whole;
    this.sink = sink;
    if (!subscriptions.isEmpty() || !texts.isEmpty()) {
      use(subscriptions.toArray(NO_SUBSCRIPTIONS), texts.toArray(NO_TEXTS));
    }
  }

  /**
   * Sets the subscriptions and text callbacks, frozen before the first event: arrays, as they are
   * walked at each value and each new string.
   */
  void use(Subscription[] subscriptions, Text[] texts) {
    this.subscriptions = subscriptions;
    this.texts = texts;
  }

  /** Returns the tokens of the whole document so far. */
  TokenRecorder whole() {
    return whole;
  }

  @Override
  public void startObject(JsonPath path) {
    begin(path);
    tokens.startObject(path);
    for (Capture c : open) {
      if (c.outer == null) {
        c.tokens.startObject(path);
      }
    }
  }

  @Override
  public void endObject(JsonPath path) {
    tokens.endObject();
    for (Capture c : open) {
      if (c.outer == null) {
        c.tokens.endObject();
      }
    }
    end(path);
  }

  @Override
  public void startArray(JsonPath path) {
    begin(path);
    tokens.startArray(path);
    for (Capture c : open) {
      if (c.outer == null) {
        c.tokens.startArray(path);
      }
    }
  }

  @Override
  public void endArray(JsonPath path) {
    tokens.endArray();
    for (Capture c : open) {
      if (c.outer == null) {
        c.tokens.endArray();
      }
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
    tokens.scalar(path, value);
    for (Capture c : open) {
      if (c.outer == null) {
        c.tokens.scalar(path, value);
      }
    }
    end(path);
  }

  private void begin(JsonPath path) {
    boolean held = false;
    for (Subscription s : subscriptions) {
      if (s.pattern.matches(path)) {
        TokenRecorder capture = new TokenRecorder(databind, path);
        if (s.holds && !held) {
          held = true;
          open.add(new Capture(s, capture, tokens));
          tokens = capture;
        } else {
          open.add(new Capture(s, capture, null));
        }
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
      if (c.outer != null) {
        tokens = c.outer;
      }
      Object value = sink.closed(c.subscription, c.tokens);
      if (c.outer != null) {
        if (value == NOT_BOUND || value == null) {
          tokens.append(path, c.tokens);
        } else {
          tokens.hold(path, value, c.tokens);
        }
      }
    }
  }
}
