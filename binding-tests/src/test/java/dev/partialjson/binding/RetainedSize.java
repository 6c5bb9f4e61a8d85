package dev.partialjson.binding;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.openjdk.jol.vm.VM;
import org.openjdk.jol.vm.VirtualMachine;

/**
 * The retained size of a large object graph with JOL's sizes: the objects reachable from a root and
 * not from the shared roots, nor a class, class loader, thread, module or enum constant. It walks
 * the graph itself, by identity: JOL's {@code GraphLayout} tells objects apart by address, so a
 * collection during the walk (certain, over millions of objects) moves them and spoils the count.
 */
final class RetainedSize {
  private final VirtualMachine vm = VM.current();
  private final Map<Class<?>, long[]> offsets = new HashMap<>();

  /** Returns the bytes reachable from {@code root} and not from {@code shared}. */
  long of(Object root, Object... shared) {
    Set<Object> common = Collections.newSetFromMap(new IdentityHashMap<>());
    walk(common, shared);
    Set<Object> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    seen.addAll(common);
    long size = 0;
    Deque<Object> queue = new ArrayDeque<>();
    if (seen.add(root)) {
      queue.add(root);
    }
    while (!queue.isEmpty()) {
      Object o = queue.poll();
      size += vm.sizeOf(o);
      visitFields(o, seen, queue);
    }
    return size;
  }

  private void walk(Set<Object> seen, Object... roots) {
    Deque<Object> queue = new ArrayDeque<>();
    for (Object root : roots) {
      if (seen.add(root)) {
        queue.add(root);
      }
    }
    while (!queue.isEmpty()) {
      visitFields(queue.poll(), seen, queue);
    }
  }

  private void visitFields(Object o, Set<Object> seen, Deque<Object> queue) {
    if (o instanceof Object[] array) {
      for (Object n : array) {
        visit(n, seen, queue);
      }
    } else if (!o.getClass().isArray()) {
      for (long offset : offsets(o.getClass())) {
        visit(vm.getObject(o, offset), seen, queue);
      }
    }
  }

  private static void visit(Object n, Set<Object> seen, Deque<Object> queue) {
    if (n != null && !perJvm(n) && seen.add(n)) {
      queue.add(n);
    }
  }

  private long[] offsets(Class<?> type) {
    return offsets.computeIfAbsent(
        type,
        t -> {
          List<Long> all = new ArrayList<>();
          for (Class<?> c = t; c != null; c = c.getSuperclass()) {
            for (Field f : c.getDeclaredFields()) {
              if (!Modifier.isStatic(f.getModifiers()) && !f.getType().isPrimitive()) {
                all.add(vm.fieldOffset(f));
              }
            }
          }
          return all.stream().mapToLong(Long::longValue).toArray();
        });
  }

  private static boolean perJvm(Object o) {
    return o instanceof Class
        || o instanceof ClassLoader
        || o instanceof Thread
        || o instanceof Enum
        || o instanceof Module;
  }
}
