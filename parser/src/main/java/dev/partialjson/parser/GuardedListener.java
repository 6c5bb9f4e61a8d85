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
 *
 * <p>Two kinds, one per kind of caller's listener: a {@link JsonListener}'s events get each value's
 * {@link JsonPath}, which its (eager) {@link PathStack} made as the value started; a {@link
 * CursorListener}'s get the cursor. Two classes rather than one with a branch in every callback:
 * each callback stays one call, as it was with one kind of listener.
 */
abstract class GuardedListener implements EventSink {

  private final ReasoningListener reasoning; // the listener, either kind

  private GuardedListener(ReasoningListener reasoning) {
    this.reasoning = reasoning;
  }

  /** Returns {@code listener}, guarded; its events get {@link JsonPath}s. */
  static GuardedListener of(JsonListener listener) {
    return new Paths(listener);
  }

  /** Returns {@code listener}, guarded. */
  static GuardedListener of(CursorListener listener) {
    return new Cursors(listener);
  }

  /** What a listener threw, on its way out of the parser; no stack trace of its own. */
  static final class Thrown extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Thrown(Throwable cause) {
      super(null, cause, false, false);
    }
  }

  @Override
  public void reasoningStart() {
    try {
      reasoning.reasoningStart();
    } catch (Throwable t) {
      throw new Thrown(t);
    }
  }

  @Override
  public void reasoningDelta(CharSequence delta) {
    try {
      reasoning.reasoningDelta(delta);
    } catch (Throwable t) {
      throw new Thrown(t);
    }
  }

  @Override
  public void reasoningEnd() {
    try {
      reasoning.reasoningEnd();
    } catch (Throwable t) {
      throw new Thrown(t);
    }
  }

  /** A {@link JsonListener}, called with each value's path. */
  static final class Paths extends GuardedListener {
    /** Returns the path at {@code at}, which the eager stack made as the value started. */
    private static JsonPath here(PathCursor at) {
      return ((PathStack) at).here(); // the only cursor there is
    }

    private final JsonListener listener;

    Paths(JsonListener listener) {
      super(listener);
      this.listener = listener;
    }

    @Override
    public void startObject(PathCursor at) {
      try {
        listener.startObject(here(at));
      } catch (Throwable t) {
        throw new Thrown(t);
      }
    }

    @Override
    public void endObject(PathCursor at) {
      try {
        listener.endObject(here(at));
      } catch (Throwable t) {
        throw new Thrown(t);
      }
    }

    @Override
    public void startArray(PathCursor at) {
      try {
        listener.startArray(here(at));
      } catch (Throwable t) {
        throw new Thrown(t);
      }
    }

    @Override
    public void endArray(PathCursor at) {
      try {
        listener.endArray(here(at));
      } catch (Throwable t) {
        throw new Thrown(t);
      }
    }

    @Override
    public void stringDelta(PathCursor at, CharSequence delta) {
      try {
        listener.stringDelta(here(at), delta);
      } catch (Throwable t) {
        throw new Thrown(t);
      }
    }

    @Override
    public void stringValue(PathCursor at, String value) {
      try {
        listener.stringValue(here(at), value);
      } catch (Throwable t) {
        throw new Thrown(t);
      }
    }

    @Override
    public void numberValue(PathCursor at, NumberView number) {
      try {
        listener.numberValue(here(at), number.value());
      } catch (Throwable t) {
        throw new Thrown(t);
      }
    }

    @Override
    public void booleanValue(PathCursor at, boolean value) {
      try {
        listener.booleanValue(here(at), value);
      } catch (Throwable t) {
        throw new Thrown(t);
      }
    }

    @Override
    public void nullValue(PathCursor at) {
      try {
        listener.nullValue(here(at));
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
  }

  /** A {@link CursorListener}, called with the cursor. */
  static final class Cursors extends GuardedListener {
    private final CursorListener listener;

    Cursors(CursorListener listener) {
      super(listener);
      this.listener = listener;
    }

    @Override
    public void startObject(PathCursor at) {
      try {
        listener.startObject(at);
      } catch (Throwable t) {
        throw new Thrown(t);
      }
    }

    @Override
    public void endObject(PathCursor at) {
      try {
        listener.endObject(at);
      } catch (Throwable t) {
        throw new Thrown(t);
      }
    }

    @Override
    public void startArray(PathCursor at) {
      try {
        listener.startArray(at);
      } catch (Throwable t) {
        throw new Thrown(t);
      }
    }

    @Override
    public void endArray(PathCursor at) {
      try {
        listener.endArray(at);
      } catch (Throwable t) {
        throw new Thrown(t);
      }
    }

    @Override
    public void stringDelta(PathCursor at, CharSequence delta) {
      try {
        listener.stringDelta(at, delta);
      } catch (Throwable t) {
        throw new Thrown(t);
      }
    }

    @Override
    public void stringValue(PathCursor at, String value) {
      try {
        listener.stringValue(at, value);
      } catch (Throwable t) {
        throw new Thrown(t);
      }
    }

    @Override
    public void numberValue(PathCursor at, NumberView number) {
      try {
        listener.numberValue(at, number);
      } catch (Throwable t) {
        throw new Thrown(t);
      }
    }

    @Override
    public void booleanValue(PathCursor at, boolean value) {
      try {
        listener.booleanValue(at, value);
      } catch (Throwable t) {
        throw new Thrown(t);
      }
    }

    @Override
    public void nullValue(PathCursor at) {
      try {
        listener.nullValue(at);
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
  }
}
