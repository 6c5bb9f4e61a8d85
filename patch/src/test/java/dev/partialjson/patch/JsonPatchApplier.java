package dev.partialjson.patch;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A reference applier for the tests, written from RFC 6902 and RFC 6901 rather than from the code
 * under test: {@code add} (a member set, an element inserted at an index up to the length or at
 * {@code -}, the root replaced), {@code replace} (an existing path), and {@code append} (text added
 * to a string). Each value is copied into mutable containers, so later operations may change it. An
 * operation that does not apply throws {@link AssertionError}.
 */
final class JsonPatchApplier {
  private static final Object ABSENT = new Object();
  private Object root = ABSENT;

  /** Returns whether any operation has set the root. */
  boolean hasValue() {
    return root != ABSENT;
  }

  /** Returns the document; null before the first operation. */
  @Nullable Object value() {
    return root == ABSENT ? null : root;
  }

  void apply(Iterable<PatchOperation> ops) {
    for (PatchOperation op : ops) {
      apply(op);
    }
  }

  @SuppressWarnings("unchecked")
  void apply(PatchOperation op) {
    List<String> tokens = tokens(op.path());
    if (tokens.isEmpty()) {
      switch (op.op()) {
        case ADD -> root = copy(op.value());
        case REPLACE -> {
          check(root != ABSENT, op, "the document is empty");
          root = copy(op.value());
        }
        case APPEND -> root = appended(root, op);
      }
      return;
    }
    Object parent = root;
    for (String token : tokens.subList(0, tokens.size() - 1)) {
      if (parent instanceof List<?> list) {
        parent = list.get(index(list, token, op, false));
      } else if (parent instanceof Map<?, ?> map) {
        check(map.containsKey(token), op, "no member " + token);
        parent = map.get(token);
      } else {
        throw new AssertionError(op + ": no container at " + token);
      }
    }
    String last = tokens.get(tokens.size() - 1);
    if (parent instanceof List<?> raw) {
      List<Object> list = (List<Object>) raw;
      switch (op.op()) {
        case ADD -> list.add(index(list, last, op, true), copy(op.value()));
        case REPLACE -> list.set(index(list, last, op, false), copy(op.value()));
        case APPEND -> {
          int i = index(list, last, op, false);
          list.set(i, appended(list.get(i), op));
        }
      }
    } else if (parent instanceof Map<?, ?> raw) {
      Map<String, Object> map = (Map<String, Object>) raw;
      switch (op.op()) {
        case ADD -> map.put(last, copy(op.value()));
        case REPLACE -> {
          check(map.containsKey(last), op, "no member " + last);
          map.put(last, copy(op.value()));
        }
        case APPEND -> {
          check(map.containsKey(last), op, "no member " + last);
          map.put(last, appended(map.get(last), op));
        }
      }
    } else {
      throw new AssertionError(op + ": the parent is no container");
    }
  }

  private static Object appended(@Nullable Object current, PatchOperation op) {
    check(current instanceof String, op, "not a string: " + current);
    return (String) current + op.value();
  }

  private static int index(List<?> list, String token, PatchOperation op, boolean end) {
    if (end && token.equals("-")) {
      return list.size();
    }
    check(token.matches("0|[1-9][0-9]*"), op, "not an index: " + token);
    int i = Integer.parseInt(token);
    check(i < list.size() || (end && i == list.size()), op, "index out of range: " + i);
    return i;
  }

  private static List<String> tokens(String pointer) {
    List<String> tokens = new ArrayList<>();
    if (pointer.isEmpty()) {
      return tokens;
    }
    for (String token : pointer.substring(1).split("/", -1)) {
      tokens.add(token.replace("~1", "/").replace("~0", "~"));
    }
    return tokens;
  }

  private static @Nullable Object copy(@Nullable Object value) {
    if (value instanceof Map<?, ?> map) {
      Map<String, Object> out = new LinkedHashMap<>();
      map.forEach((k, v) -> out.put((String) k, copy(v)));
      return out;
    }
    if (value instanceof List<?> list) {
      List<Object> out = new ArrayList<>();
      list.forEach(v -> out.add(copy(v)));
      return out;
    }
    return value;
  }

  private static void check(boolean condition, PatchOperation op, String why) {
    if (!condition) {
      throw new AssertionError("cannot apply " + op + ": " + why);
    }
  }
}
