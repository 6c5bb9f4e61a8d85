package dev.partialjson.binding;

import dev.partialjson.parser.JsonPath;
import java.lang.annotation.Annotation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The violations a session has found, each once: with a validator given by the user, an item
 * validated as it closed is validated again inside its parent and inside the final value (see
 * {@link Checker.Scope}), and what it found there is not reported twice. Confined to its session.
 */
final class Violations {
  private record Key(JsonPath path, Class<? extends Annotation> constraint, String message) {}

  private final Map<Key, Violation> found = new LinkedHashMap<>();

  void addAll(List<Violation> violations) {
    for (Violation v : violations) {
      found.putIfAbsent(new Key(v.path(), v.constraint(), v.message()), v);
    }
  }

  /**
   * Returns {@code own} and the violations found so far at or below {@code path}, each once, in
   * document order: those of an item and of the items inside it, validated as they closed.
   */
  List<Violation> under(JsonPath path, List<Violation> own) {
    Map<Key, Violation> out = new LinkedHashMap<>();
    for (Violation v : own) {
      out.putIfAbsent(new Key(v.path(), v.constraint(), v.message()), v);
    }
    for (Map.Entry<Key, Violation> e : found.entrySet()) {
      if (e.getKey().path().startsWith(path)) {
        out.putIfAbsent(e.getKey(), e.getValue());
      }
    }
    if (out.size() == own.size()) {
      return own;
    }
    List<Violation> all = new ArrayList<>(out.values());
    all.sort(Checker.DOCUMENT_ORDER);
    return all;
  }

  /** Returns every violation, in document order. */
  List<Violation> all() {
    List<Violation> out = new ArrayList<>(found.values());
    out.sort(Checker.DOCUMENT_ORDER);
    return out;
  }
}
