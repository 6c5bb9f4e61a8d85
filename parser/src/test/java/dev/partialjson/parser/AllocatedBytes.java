package dev.partialjson.parser;

import static org.assertj.core.api.Assumptions.assumeThat;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;

/**
 * The bytes the current thread has allocated, as the JVM counts them, for tests that assert that
 * something allocates nothing per call. Skips the test (an assumption) on a JVM without the count.
 *
 * <p>The parser module does not read java.management, so its tests cannot name the MXBean types; a
 * bound method handle reaches the counter without boxing or allocating per call.
 */
final class AllocatedBytes {
  private final MethodHandle counter;

  AllocatedBytes() throws ReflectiveOperationException {
    Object threads =
        Class.forName("java.lang.management.ManagementFactory")
            .getMethod("getThreadMXBean")
            .invoke(null);
    Class<?> type = Class.forName("com.sun.management.ThreadMXBean");
    assumeThat(threads).isInstanceOf(type);
    counter =
        MethodHandles.publicLookup()
            .findVirtual(type, "getCurrentThreadAllocatedBytes", MethodType.methodType(long.class))
            .bindTo(threads);
    try {
      assumeThat(read()).as("JVM measures allocation").isNotNegative();
    } catch (Error | RuntimeException e) {
      throw e;
    } catch (Throwable t) {
      throw new IllegalStateException(t);
    }
  }

  /** Returns the count so far; allocates nothing itself once linked (the first call links it). */
  long read() throws Throwable {
    return (long) counter.invokeExact();
  }
}
