package dev.partialjson.parser;

import java.util.AbstractList;
import java.util.RandomAccess;
import org.jspecify.annotations.Nullable;

/**
 * An array of a snapshot, whichever its form ({@link SnapshotList}, {@link OneElementList}, {@link
 * OpenList}): hashed, compared and printed without recursion, so that a value as deep as a raised
 * depth limit allows does not overflow the stack (see {@link DeepValues}); {@link MembersMap} does
 * the same for objects.
 */
abstract class SnapshotValues extends AbstractList<@Nullable Object> implements RandomAccess {
  @Override
  public final int hashCode() {
    return DeepValues.hashCode(this);
  }

  @Override
  public final boolean equals(@Nullable Object o) {
    return DeepValues.equals(this, o);
  }

  @Override
  public final String toString() {
    return DeepValues.toString(this);
  }
}
