package dev.partialjson.parser;

/**
 * The caller's listener, as the parser calls it: whatever a callback throws comes out wrapped in a
 * {@link Thrown}, which {@link IncrementalJsonParser} unwraps at its public methods and rethrows
 * unchanged after marking itself failed.
 *
 * <p>Why wrap: a listener may throw anything, a checked exception included (Kotlin, Lombok's
 * {@code @SneakyThrows}), and it does so from inside the tokenizer loop, where the parser catches
 * Jackson's {@link java.io.IOException}s to turn them into {@link MalformedJsonException}s.
 * Wrapped, the listener's exception cannot be taken for Jackson's, and the parser knows where a
 * failure came from. A {@code try} costs nothing until something is thrown. Not thread-safe, like
 * the parser.
 */
final class GuardedListener implements EventSink {
  private final JsonListener listener;

  GuardedListener(JsonListener listener) {
    this.listener = listener;
  }

  /** What a listener threw, on its way out of the parser; no stack trace of its own. */
  static final class Thrown extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Thrown(Throwable cause) {
      super(null, cause, false, false);
    }
  }

  @Override
  public void startObject(JsonPath path) {
    try {
      listener.startObject(path);
    } catch (Throwable t) {
      throw new Thrown(t);
    }
  }

  @Override
  public void endObject(JsonPath path) {
    try {
      listener.endObject(path);
    } catch (Throwable t) {
      throw new Thrown(t);
    }
  }

  @Override
  public void startArray(JsonPath path) {
    try {
      listener.startArray(path);
    } catch (Throwable t) {
      throw new Thrown(t);
    }
  }

  @Override
  public void endArray(JsonPath path) {
    try {
      listener.endArray(path);
    } catch (Throwable t) {
      throw new Thrown(t);
    }
  }

  @Override
  public void stringDelta(JsonPath path, CharSequence delta) {
    try {
      listener.stringDelta(path, delta);
    } catch (Throwable t) {
      throw new Thrown(t);
    }
  }

  @Override
  public void stringValue(JsonPath path, String value) {
    try {
      listener.stringValue(path, value);
    } catch (Throwable t) {
      throw new Thrown(t);
    }
  }

  @Override
  public void numberValue(JsonPath path, Number value) {
    try {
      listener.numberValue(path, value);
    } catch (Throwable t) {
      throw new Thrown(t);
    }
  }

  @Override
  public void booleanValue(JsonPath path, boolean value) {
    try {
      listener.booleanValue(path, value);
    } catch (Throwable t) {
      throw new Thrown(t);
    }
  }

  @Override
  public void nullValue(JsonPath path) {
    try {
      listener.nullValue(path);
    } catch (Throwable t) {
      throw new Thrown(t);
    }
  }

  @Override
  public void documentEnd() {
    try {
      listener.documentEnd();
    } catch (Throwable t) {
      throw new Thrown(t);
    }
  }

  @Override
  public void repair(Repair repair) {
    try {
      listener.repair(repair);
    } catch (Throwable t) {
      throw new Thrown(t);
    }
  }

  @Override
  public void reasoningStart() {
    try {
      listener.reasoningStart();
    } catch (Throwable t) {
      throw new Thrown(t);
    }
  }

  @Override
  public void reasoningDelta(CharSequence delta) {
    try {
      listener.reasoningDelta(delta);
    } catch (Throwable t) {
      throw new Thrown(t);
    }
  }

  @Override
  public void reasoningEnd() {
    try {
      listener.reasoningEnd();
    } catch (Throwable t) {
      throw new Thrown(t);
    }
  }
}
