package dev.partialjson.parser;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Builds the value of a document from the parser's events, so that {@link #snapshot} can hand out
 * an immutable view of it at any moment without copying what is complete. Each open container is a
 * frame of append-only arrays; a complete container becomes a {@link SnapshotList} or {@link
 * SnapshotMap} over its frame's arrays, which are never written again. Only a duplicate key writes
 * into a slot a view can see, and then the frame copies its arrays first. Not thread-safe; the
 * snapshots it returns are.
 */
final class SnapshotBuilder {
  private static final int SCAN = 8;

  private static final class Frame {
    final JsonPath path;
    final boolean array;
    @Nullable String[] keys;
    @Nullable Object[] values;
    int size;
    int openIndex = -1;
    boolean shared; // a snapshot holds these arrays: copy before writing below size
    @Nullable HashMap<String, Integer> index;

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
        } else if (size == SCAN) {
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

    Object view(@Nullable Object open) {
      shared = true;
      return array
          ? new SnapshotList(values, size, openIndex, open)
          : new SnapshotMap(keysAsStrings(), values, size, openIndex, open);
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
  private char[] text = new char[64];
  private int textLength;
  private boolean textShared;
  private @Nullable List<JsonPath> openPaths; // cached while the open containers and string stay
  private long version;
  private long snapshotVersion = -1;
  private @Nullable Snapshot last;

  void startContainer(JsonPath path, boolean array) {
    openPaths = null;
    openChild(path);
    if (depth == frames.length) {
      frames = Arrays.copyOf(frames, depth * 2);
    }
    frames[depth++] = new Frame(path, array);
  }

  void endContainer() {
    openPaths = null;
    Frame frame = frames[--depth];
    frames[depth] = null;
    frame.openIndex = -1;
    Object value = frame.view(null);
    closeChild(value);
  }

  void scalar(JsonPath path, @Nullable Object value) {
    version++;
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
    openPaths = null;
    openChild(path);
    openString = path;
    if (textShared) {
      text = new char[64];
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
    for (int i = 0; i < n; i++) {
      text[textLength + i] = delta.charAt(i);
    }
    textLength += n;
  }

  void closeString(String value) {
    openPaths = null;
    openString = null;
    closeChild(value);
  }

  private void openChild(JsonPath path) {
    version++;
    if (depth == 0) {
      rootBegun = true;
      return;
    }
    Frame parent = frames[depth - 1];
    parent.openIndex = parent.slot(keyOf(path));
  }

  private void closeChild(Object value) {
    version++;
    if (depth == 0) {
      root = value;
      rootComplete = true;
      return;
    }
    Frame parent = frames[depth - 1];
    parent.values[parent.openIndex] = value;
    parent.openIndex = -1;
  }

  private static @Nullable String keyOf(JsonPath path) {
    return path.isIndex() ? null : path.name();
  }

  /** Returns the value so far; the same object again if nothing changed since the last call. */
  Snapshot snapshot(long byteOffset) {
    if (version == snapshotVersion && last != null && last.byteOffset() == byteOffset) {
      return last;
    }
    List<JsonPath> open = openPaths;
    if (open == null) {
      List<JsonPath> paths = new ArrayList<>(depth + 1);
      for (int d = 0; d < depth; d++) {
        paths.add(frames[d].path);
      }
      if (openString != null) {
        paths.add(openString);
      }
      open = List.copyOf(paths);
      openPaths = open;
    }
    Object child = null;
    if (openString != null) {
      child = new OpenText(text, textLength);
      textShared = true;
    }
    for (int d = depth - 1; d >= 0; d--) {
      child = frames[d].view(child);
    }
    Object value = rootComplete ? root : child;
    last = new Snapshot(value, rootBegun, open, byteOffset);
    snapshotVersion = version;
    return last;
  }
}
