package dev.partialjson.parser;

import java.util.Arrays;
import java.util.HashMap;
import org.jspecify.annotations.Nullable;

/**
 * Builds the value of a document from the parser's events, so that {@link #snapshot} can hand out
 * an immutable view of it at any moment without copying what is complete. Each open container is a
 * frame of append-only arrays; a complete container becomes a {@link SnapshotList} or {@link
 * SnapshotMap} over the {@link Slots} of its frame's arrays, which are never written again. A
 * snapshot holds the {@code Slots} of each open container, made only for a container that changed
 * since the last snapshot (and only the innermost containers change: those outside them are carried
 * over without a look), and the open string's chars as far as they go; the views of open containers
 * are made when it is read. Only a duplicate key writes into a slot a snapshot can see, and then
 * the frame copies its arrays first. Not thread-safe; the snapshots it returns are.
 */
final class SnapshotBuilder {
  private static final Slots[] NONE = new Slots[0];
  private static final int TEXT = 16; // the first size of a string's chars: most strings are short

  private static final class Frame {
    final JsonPath path;
    final boolean array;
    @Nullable String[] keys;
    @Nullable Object[] values;
    int size;
    int openIndex = -1;
    boolean shared; // a snapshot holds these arrays: copy before writing below size
    @Nullable HashMap<String, Integer> index;
    @Nullable Slots frozen; // as the last snapshot saw this frame

    Frame(JsonPath path, boolean array) {
      this.path = path;
      this.array = array;
      this.values = new Object[4];
      this.keys = array ? new String[0] : new String[4];
    }

    /** Returns the slot for {@code key} (null in arrays), appending one if it is new. */
    int slot(@Nullable String key) {
      if (key != null) {
        int existing = find(key);
        if (existing >= 0) {
          if (shared) {
            keys = keys.clone();
            values = values.clone();
            shared = false;
          }
          return existing;
        }
      }
      if (size == values.length) {
        values = Arrays.copyOf(values, size * 2);
        if (!array) {
          keys = Arrays.copyOf(keys, size * 2);
        }
      }
      if (key != null) {
        keys[size] = key;
        if (index != null) {
          index.put(key, size);
        } else if (size == Slots.SCAN) {
          index = new HashMap<>();
          for (int i = 0; i <= size; i++) {
            index.put(keys[i], i);
          }
        }
      }
      return size++;
    }

    private int find(String key) {
      if (index != null) {
        Integer i = index.get(key);
        return i == null ? -1 : i;
      }
      for (int i = 0; i < size; i++) {
        if (key.equals(keys[i])) {
          return i;
        }
      }
      return -1;
    }

    /** Returns this container complete, as every snapshot from now on shows it. */
    Object complete() {
      openIndex = -1;
      return freeze().view(null, 0);
    }

    /** Returns this container as a snapshot taken now sees it: the last one's if unchanged. */
    Slots freeze() {
      String[] names = keysAsStrings();
      Slots last = frozen;
      if (last != null && last.is(names, values, size, openIndex)) {
        return last;
      }
      shared = true;
      frozen = new Slots(path, array, names, values, size, openIndex);
      return frozen;
    }

    @SuppressWarnings("NullAway") // every slot below size holds a key
    private String[] keysAsStrings() {
      return (String[]) keys;
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
  private long version;
  private long snapshotVersion = -1;
  private @Nullable Snapshot last;

  void startContainer(JsonPath path, boolean array) {
    openChild(path);
    if (depth == frames.length) {
      frames = Arrays.copyOf(frames, depth * 2);
    }
    frames[depth++] = new Frame(path, array);
  }

  void endContainer() {
    Frame frame = frames[--depth];
    frames[depth] = null;
    closeChild(frame.complete());
  }

  void scalar(JsonPath path, @Nullable Object value) {
    changed();
    if (depth == 0) {
      root = value;
      rootBegun = true;
      rootComplete = true;
      return;
    }
    Frame parent = frames[depth - 1];
    int slot = parent.slot(keyOf(path)); // first: it may replace parent.values
    parent.values[slot] = value;
  }

  void openString(JsonPath path) {
    openChild(path);
    openString = path;
    if (textShared) {
      text = new char[TEXT];
      textShared = false;
    }
    textLength = 0;
  }

  void appendString(CharSequence delta) {
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

  void closeString(String value) {
    openString = null;
    closeChild(value);
  }

  private void openChild(JsonPath path) {
    changed();
    if (depth == 0) {
      rootBegun = true;
      return;
    }
    Frame parent = frames[depth - 1];
    parent.openIndex = parent.slot(keyOf(path));
  }

  private void closeChild(Object value) {
    changed();
    if (depth == 0) {
      root = value;
      rootComplete = true;
      return;
    }
    Frame parent = frames[depth - 1];
    parent.values[parent.openIndex] = value;
    parent.openIndex = -1;
  }

  /** The innermost open container (if any) is about to change. */
  private void changed() {
    version++;
    unchangedBelow = Math.min(unchangedBelow, Math.max(depth - 1, 0));
  }

  private static @Nullable String keyOf(JsonPath path) {
    return path.isIndex() ? null : path.name();
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
