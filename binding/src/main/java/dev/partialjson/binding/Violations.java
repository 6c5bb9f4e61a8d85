package dev.partialjson.binding;

import dev.partialjson.parser.JsonPath;
import java.lang.annotation.Annotation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The violations a session has found, each once: an item validated as it closed is validated again
 * inside its parent and inside the final value (a Jakarta validator cannot be told to skip objects
 * it has seen), and what it found there is not reported twice. Confined to its session.
 */
final class Violations {
  private record Key(JsonPath path, Class<? extends Annotation> constraint, String message) {}

  private final Map<Key, Violation> found = new LinkedHashMap<>();

  void addAll(List<Violation> violations) {
    for (Violation v : violations) {
      found.putIfAbsent(new Key(v.path(), v.constraint(), v.message()), v);
    }
  }

  /** Returns every violation, in document order. */
  List<Violation> all() {
    List<Violation> out = new ArrayList<>(found.values());
    out.sort(Checker.DOCUMENT_ORDER);
    return out;
  }
}
