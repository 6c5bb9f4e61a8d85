package dev.partialjson.parser;

import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * Builds the value of a document from the parser's events, so that {@link #snapshot} can hand out
 * an immutable view of it at any moment without copying what is complete. Each open container is a
 * frame with one append-only array of members (an object's keys and values, key first; see {@link
 * KeyIndex}); a complete container becomes a {@link SnapshotList} or {@link SnapshotMap} over its
 * members trimmed to their number (a copy of at most the array's size, paid once per container as
 * the array's growth is), a one-member list or {@link OneMemberMap} with no array, or the shared
 * empty one. A snapshot holds the {@link Slots} of each open container, made only for a container
 * that changed since the last snapshot (and only the innermost containers change: those outside
 * them are carried over without a look), and the open string's chars as far as they go; the views
 * of open containers are made when it is read. Only a duplicate key writes into a slot a snapshot
 * can see, and then the frame copies its array first. A decimal that repeats, and a one-char ASCII
 * string, are kept once (see {@link RepeatedValues}). Not thread-safe; the snapshots it returns
 * are.
 */
final class SnapshotBuilder implements EventSink {
  private static final Slots[] NONE = new Slots[0];
  private static final Object[] NO_MEMBERS = new Object[0];
  private static final int TEXT = 16; // the first size of a string's chars: most strings are short
  // A string's chars are kept for the next string unless they grew past this: once a long string
  // closes, its chars are garbage rather than held until the document ends.
  private static final int TEXT_KEPT = 1024;

  /** An open container; one per depth, used again by each container opened at that depth. */
  private static final class Frame {
    JsonPath path = JsonPath.root();
    boolean array;
    @Nullable Object[] members = NO_MEMBERS; // made at the first member
    int size; // members: values of an array, key-value pairs of an object
    int openIndex = -1;
    boolean shared; // a snapshot holds the members: copy before writing below size
    int @Nullable [] index; // of an object's keys, past KeyIndex.SCAN of them
    @Nullable Slots frozen; // as the last snapshot saw this frame

    /** Makes this the frame of a new container, empty. */
    void open(JsonPath path, boolean array) {
      this.path = path;
      this.array = array;
      members = NO_MEMBERS;
      size = 0;
      openIndex = -1;
      shared = false;
      index = null;
      frozen = null;
    }

    /** Returns the slot for {@code key} (null in arrays), appending one if it is new. */
    int slot(@Nullable String key) {
      if (key != null) {
        int existing = KeyIndex.find(members, size, index, key);
        if (existing >= 0) {
          if (shared) {
            members = members.clone();
            shared = false;
          }
          return existing;
        }
      }
      int stride = array ? 1 : 2;
      if (stride * size == members.length) {
        members = Arrays.copyOf(members, Math.max(stride * size * 2, stride * 4));
      }
      if (key != null) {
        members[2 * size] = key;
        if (index != null || size == KeyIndex.SCAN) {
          index = KeyIndex.add(index, members, size);
        }
      }
      return size++;
    }

    /** Sets the value of slot {@code i}. */
    void set(int i, @Nullable Object value) {
      members[array ? i : 2 * i + 1] = value;
    }

    /** Returns this container complete, as every snapshot from now on shows it. */
    Object complete() {
      if (size == 0) {
        return array ? SnapshotList.EMPTY : SnapshotMap.EMPTY;
      }
      if (size == 1) {
        // no array: a chain of one-element containers ([[[1]]]) costs the most per input byte
        return array
            ? new OneElementList(members[0])
            : new OneMemberMap((String) members[0], members[1]);
      }
      int length = array ? size : 2 * size;
      Object[] exact = members.length == length ? members : Arrays.copyOf(members, length);
      return array ? new SnapshotList(exact) : new SnapshotMap(exact, index);
    }

    /** Returns this container as a snapshot taken now sees it: the last one's if unchanged. */
    Slots freeze() {
      Slots last = frozen;
      if (last != null && last.is(members, size, openIndex)) {
        return last;
      }
      shared = true;
      frozen = new Slots(path, array, members, size, openIndex, index);
      return frozen;
    }
  }

  private Frame[] frames = new Frame[8];
  private int depth;
  private @Nullable Object root;
  private boolean rootBegun;
  private boolean rootComplete;
  private @Nullable JsonPath openString;
  // The open string's chars, append-only while it is open; a new array for the next string once a
  // snapshot has shown this one, since snapshots keep reading it.
  private char[] text = new char[TEXT];
  private int textLength;
  private boolean textShared;
  // The open frames as the last snapshot saw them, of which the first unchangedBelow still hold.
  private Slots[] open = NONE;
  private int unchangedBelow;
  private final RepeatedValues repeated = new RepeatedValues();
  private long version;
  private long snapshotVersion = -1;
  private @Nullable Snapshot last;

  @Override
  public void startObject(PathCursor at) {
    startContainer(at, false);
  }

  @Override
  public void startArray(PathCursor at) {
    startContainer(at, true);
  }

  @Override
  public void endObject(PathCursor at) {
    endContainer();
  }

  @Override
  public void endArray(PathCursor at) {
    endContainer();
  }

  @Override
  public void stringOpened(PathCursor at) {
    openString(at);
  }

  @Override
  public void stringDelta(PathCursor at, CharSequence delta) {
    appendString(delta);
  }

  @Override
  public void stringValue(PathCursor at, String value) {
    closeString(value);
  }

  @Override
  public void numberValue(PathCursor at, NumberView number) {
    scalar(at, number.value());
  }

  @Override
  public void booleanValue(PathCursor at, boolean value) {
    scalar(at, value);
  }

  @Override
  public void nullValue(PathCursor at) {
    scalar(at, null);
  }

  private void startContainer(PathCursor at, boolean array) {
    openChild(at);
    if (depth == frames.length) {
      frames = Arrays.copyOf(frames, depth * 2);
    }
    Frame frame = frames[depth];
    if (frame == null) {
      frame = new Frame();
      frames[depth] = frame;
    }
    frame.open(at.toPath(), array); // its path, for the views a snapshot makes
    depth++;
  }

  private void endContainer() {
    Frame frame = frames[--depth];
    Object complete = frame.complete();
    frame.open(JsonPath.root(), false); // holds nothing of the container until used again
    closeChild(complete);
  }

  private void scalar(PathCursor at, @Nullable Object value) {
    changed();
    if (depth == 0) {
      root = value;
      rootBegun = true;
      rootComplete = true;
      return;
    }
    Frame parent = frames[depth - 1];
    parent.set(parent.slot(keyOf(at)), value == null ? null : repeated.canonical(value));
  }

  private void openString(PathCursor at) {
    openChild(at);
    openString = at.toPath();
    if (textShared) {
      text = new char[TEXT];
      textShared = false;
    }
    textLength = 0;
  }

  private void appendString(CharSequence delta) {
    version++;
    int n = delta.length();
    if (textLength + n > text.length) {
      // a new array: snapshots taken so far keep the old one, whose chars never change
      text = Arrays.copyOf(text, Math.max(text.length * 2, textLength + n));
    }
    if (delta instanceof DeltaChars chars) {
      chars.copyTo(text, textLength); // the parser's own views: no call per char
    } else if (delta instanceof String string) {
      string.getChars(0, n, text, textLength);
    } else {
      for (int i = 0; i < n; i++) {
        text[textLength + i] = delta.charAt(i);
      }
    }
    textLength += n;
  }

  private void closeString(String value) {
    openString = null;
    if (text.length > TEXT_KEPT) {
      text = new char[TEXT];
      textShared = false;
    }
    closeChild(repeated.canonical(value));
  }

  private void openChild(PathCursor at) {
    changed();
    if (depth == 0) {
      rootBegun = true;
      return;
    }
    Frame parent = frames[depth - 1];
    parent.openIndex = parent.slot(keyOf(at));
  }

  private void closeChild(Object value) {
    changed();
    if (depth == 0) {
      root = value;
      rootComplete = true;
      return;
    }
    Frame parent = frames[depth - 1];
    parent.set(parent.openIndex, value);
    parent.openIndex = -1;
  }

  /** The innermost open container (if any) is about to change. */
  private void changed() {
    version++;
    unchangedBelow = Math.min(unchangedBelow, Math.max(depth - 1, 0));
  }

  /** Returns the key of the value at {@code at}, inside an object, or null inside an array. */
  private static @Nullable String keyOf(PathCursor at) {
    return ((PathStack) at).key(); // the only cursor there is; no checks of a public method
  }

  /** Returns the value so far; the same object again if nothing changed since the last call. */
  Snapshot snapshot(long byteOffset) {
    if (version == snapshotVersion && last != null && last.byteOffset() == byteOffset) {
      return last;
    }
    Slots[] frozen = open;
    if (unchangedBelow < depth || frozen.length != depth) {
      // the frames below unchangedBelow are where they were, unchanged: carried over
      frozen = depth == 0 ? NONE : Arrays.copyOf(frozen, depth);
      for (int d = unchangedBelow; d < depth; d++) {
        frozen[d] = frames[d].freeze();
      }
      open = frozen;
    }
    unchangedBelow = depth;
    if (openString != null) {
      textShared = true;
    }
    last =
        new Snapshot(
            root, rootBegun, rootComplete, frozen, openString, text, textLength, byteOffset);
    snapshotVersion = version;
    return last;
  }
}
