package dev.partialjson.patch;

import dev.partialjson.parser.JsonEvent;
import dev.partialjson.parser.JsonListener;
import dev.partialjson.parser.JsonPath;
import dev.partialjson.parser.ReasoningListener;
import dev.partialjson.parser.Snapshot;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * Turns the parser's events into a stream of {@link PatchOperation}s which, applied in order to an
 * empty document, rebuild the value as it arrives: {@code add} for each value as it begins (an
 * object or array empty, a number, boolean or null whole, a string with its first characters),
 * {@code append} for each further piece of a string. A duplicate key's later value comes as an
 * {@code add} at the same path, which RFC 6902 defines as replacing the member, as the parser's
 * snapshot does. Nothing is sent when a value ends: the stream says what is there, not what is
 * complete.
 *
 * <pre>{@code
 * PatchStream patches = PatchStream.create(op -> ui.send(op.toJson()));
 * IncrementalJsonParser parser = IncrementalJsonParser.create(patches);
 * for (String delta : modelDeltas) {
 *   parser.feed(delta);
 *   patches.sync(parser.snapshot()); // a string begun with no character yet shows as ""
 * }
 * }</pre>
 *
 * <p>Attach it to a parser as its {@link JsonListener}, or hand it the events of a binding session
 * one by one ({@link #accept(JsonEvent)}, from a {@code SessionListener}'s {@code event}). Events
 * alone say nothing of a string whose opening quote has arrived but no character yet, which the
 * parser's snapshot already shows as {@code ""}; {@link #sync(Snapshot)} after each delta adds it,
 * so that the operations so far rebuild the snapshot exactly. Without it, such a string appears
 * with its first character (or at its end if it is empty). {@link PatchFeed} does all this.
 *
 * <p>The model's reasoning (a think block before the JSON, or reasoning fed to the parser or the
 * session apart from the answer) is no part of the document and makes no operation: it goes, in
 * order with the operations, to the sink if the sink is also a {@link ReasoningListener} (a {@link
 * PatchBatcher} is), from the listener's reasoning methods and from {@code REASONING_*} events.
 *
 * <p>The operations' total size is linear in the document's for documents of one shape: each one is
 * a value's first byte or a piece of string that arrived, and carries at most its JSON Pointer and
 * 35 characters besides the value (README, "Patch stream for user interfaces", gives the bound).
 * Each event costs time proportional to the operation it makes; the pointer of an open container is
 * made once.
 *
 * <p>Not thread-safe: called from the thread that feeds the parser, as the parser's listener is.
 */
public final class PatchStream implements JsonListener, Consumer<JsonEvent> {
  private final Consumer<? super PatchOperation> sink;
  private final @Nullable ReasoningListener reasoning; // the sink, if it takes reasoning
  // The open containers, outermost first, with their pointers, so a child's pointer is its
  // parent's plus one segment rather than a walk from the root.
  private JsonPath[] paths = new JsonPath[8];
  private String[] pointers = new String[8];
  private int depth;
  private @Nullable JsonPath string; // the string whose add has gone out and that may grow
  private String stringPointer = "";
  private @Nullable Snapshot synced;

  private PatchStream(Consumer<? super PatchOperation> sink) {
    this.sink = sink;
    this.reasoning = sink instanceof ReasoningListener listener ? listener : null;
  }

  /**
   * Returns a patch stream that hands each operation to {@code sink}, in order, and the reasoning
   * too if {@code sink} is a {@link ReasoningListener}.
   */
  public static PatchStream create(Consumer<? super PatchOperation> sink) {
    Objects.requireNonNull(sink, "sink == null");
    if (sink instanceof PatchBatcher batcher) {
      // The parser's deltas never end inside a surrogate pair: a high surrogate at the end of
      // one is a lone one, which the snapshot already shows, so the batcher need not hold it.
      batcher.wholePairs();
    }
    return new PatchStream(sink);
  }

  /**
   * Adds the string that {@code snapshot} shows open if no event has reported it yet: one whose
   * opening quote has arrived and no character. Call it between deltas with the parser's snapshot
   * ({@link dev.partialjson.parser.IncrementalJsonParser#snapshot()}); it costs time proportional
   * to the nesting depth when the snapshot changed since the last call, nothing otherwise.
   */
  public void sync(Snapshot snapshot) {
    Objects.requireNonNull(snapshot, "snapshot == null");
    if (string != null || snapshot == synced) {
      return;
    }
    synced = snapshot;
    List<JsonPath> open = snapshot.openPaths();
    if (open.size() == depth + 1) {
      // the containers are the ones this stream has seen open; the innermost path is a string
      JsonPath path = open.get(depth);
      string = path;
      stringPointer = pointer(path);
      sink.accept(PatchOperation.add(stringPointer, ""));
    }
  }

  /** Returns whether {@link #sync} could add anything now: no string is growing. */
  boolean needsSync() {
    return string == null;
  }

  /** Takes one event of a binding session or of {@link JsonListener#of}. */
  @Override
  public void accept(JsonEvent event) {
    Objects.requireNonNull(event, "event == null");
    JsonPath path = event.path();
    Object value = event.value();
    switch (event.kind()) {
      case START_OBJECT -> startObject(path);
      case END_OBJECT -> endObject(path);
      case START_ARRAY -> startArray(path);
      case END_ARRAY -> endArray(path);
      case STRING_DELTA -> stringDelta(path, (String) Objects.requireNonNull(value));
      case STRING -> stringValue(path, (String) Objects.requireNonNull(value));
      case NUMBER -> numberValue(path, (Number) Objects.requireNonNull(value));
      case BOOLEAN -> booleanValue(path, (Boolean) Objects.requireNonNull(value));
      case NULL -> nullValue(path);
      case REASONING_START -> reasoningStart();
      case REASONING_DELTA -> reasoningDelta((CharSequence) Objects.requireNonNull(value));
      case REASONING_END -> reasoningEnd();
      case DOCUMENT_END, REPAIR -> {}
    }
  }

  /** Passes the start of a segment of reasoning on to the sink, if it takes reasoning. */
  @Override
  public void reasoningStart() {
    if (reasoning != null) {
      reasoning.reasoningStart();
    }
  }

  /** Passes a piece of reasoning on to the sink, if it takes reasoning. */
  @Override
  public void reasoningDelta(CharSequence delta) {
    if (reasoning != null) {
      reasoning.reasoningDelta(delta);
    }
  }

  /** Passes the end of a segment of reasoning on to the sink, if it takes reasoning. */
  @Override
  public void reasoningEnd() {
    if (reasoning != null) {
      reasoning.reasoningEnd();
    }
  }

  @Override
  public void startObject(JsonPath path) {
    open(path, false);
  }

  @Override
  public void startArray(JsonPath path) {
    open(path, true);
  }

  private void open(JsonPath path, boolean array) {
    String pointer = pointer(path);
    sink.accept(PatchOperation.add(pointer, PatchOperation.empty(array)));
    if (depth == paths.length) {
      paths = Arrays.copyOf(paths, depth * 2);
      pointers = Arrays.copyOf(pointers, depth * 2);
    }
    paths[depth] = path;
    pointers[depth] = pointer;
    depth++;
  }

  @Override
  public void endObject(JsonPath path) {
    close();
  }

  @Override
  public void endArray(JsonPath path) {
    close();
  }

  private void close() {
    if (depth > 0) {
      depth--;
      paths[depth] = null;
      pointers[depth] = null;
    }
  }

  @Override
  public void stringDelta(JsonPath path, CharSequence delta) {
    if (path.equals(string)) {
      sink.accept(PatchOperation.append(stringPointer, delta.toString()));
      return;
    }
    string = path;
    stringPointer = pointer(path);
    sink.accept(PatchOperation.add(stringPointer, delta.toString()));
  }

  @Override
  public void stringValue(JsonPath path, String value) {
    if (!path.equals(string)) {
      sink.accept(PatchOperation.add(pointer(path), value)); // an empty string, or one not streamed
    }
    string = null;
  }

  @Override
  public void numberValue(JsonPath path, Number value) {
    sink.accept(PatchOperation.add(pointer(path), value));
  }

  @Override
  public void booleanValue(JsonPath path, boolean value) {
    sink.accept(PatchOperation.add(pointer(path), value));
  }

  @Override
  public void nullValue(JsonPath path) {
    sink.accept(PatchOperation.add(pointer(path), null));
  }

  /**
   * Returns the JSON Pointer of {@code path}, from its parent's when that is the open container.
   */
  private String pointer(JsonPath path) {
    JsonPath parent = path.parent();
    if (parent == null) {
      return "";
    }
    if (depth == 0 || !parent.equals(paths[depth - 1])) {
      return path.toJsonPointer(); // not below the open container: events from elsewhere
    }
    String base = pointers[depth - 1];
    if (path.isIndex()) {
      return base + '/' + path.arrayIndex();
    }
    String name = path.name();
    if (name.indexOf('~') >= 0 || name.indexOf('/') >= 0) {
      name = name.replace("~", "~0").replace("/", "~1");
    }
    return base + '/' + name;
  }
}
