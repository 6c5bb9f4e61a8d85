package dev.partialjson.benchmarks;

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
 * The retained size of an object graph with JOL's sizes: every object reachable from a root and not
 * from the shared roots, nor a class, class loader, thread, module or enum constant (those exist
 * once per JVM). It walks the graph itself rather than with JOL's {@code GraphLayout}, because a
 * binding session holds {@code Class} objects, from whose class loader {@code GraphLayout} walks
 * into the whole heap; and it reads each class's reference fields once, which a walk over millions
 * of objects needs.
 */
final class Retained {
  private final VirtualMachine vm = VM.current();
  private final Map<Class<?>, long[]> offsets = new HashMap<>();

  /** Returns the bytes reachable from {@code root} and not from {@code shared}. */
  long size(Object root, Object... shared) {
    Set<Object> common = Collections.newSetFromMap(new IdentityHashMap<>());
    walk(common, shared);
    Set<Object> own = Collections.newSetFromMap(new IdentityHashMap<>());
    own.addAll(common);
    walk(own, root);
    long size = 0;
    for (Object o : own) {
      if (!common.contains(o)) {
        size += vm.sizeOf(o);
      }
    }
    return size;
  }

  /** Adds to {@code seen} every object reachable from {@code roots} that is not already in it. */
  private void walk(Set<Object> seen, Object... roots) {
    Deque<Object> queue = new ArrayDeque<>();
    for (Object root : roots) {
      if (root != null && seen.add(root)) {
        queue.add(root);
      }
    }
    while (!queue.isEmpty()) {
      Object o = queue.poll();
      if (o instanceof Object[] array) {
        for (Object n : array) {
          visit(seen, queue, n);
        }
      } else if (!o.getClass().isArray()) {
        for (long offset : offsets(o.getClass())) {
          visit(seen, queue, vm.getObject(o, offset));
        }
      }
    }
  }

  private static void visit(Set<Object> seen, Deque<Object> queue, Object n) {
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
