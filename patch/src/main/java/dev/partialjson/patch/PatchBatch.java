package dev.partialjson.patch;

import java.util.List;
import java.util.Objects;

/**
 * The operations a {@link PatchBatcher} releases at once, to be applied in order; the {@code
 * sequence} counts batches from 0. Immutable and thread-safe.
 *
 * @param sequence the number of batches released before this one
 * @param operations the operations, in stream order; never empty
 */
public record PatchBatch(long sequence, List<PatchOperation> operations) {

  /** Checks the arguments and keeps an unmodifiable copy of the operations. */
  public PatchBatch {
    Objects.requireNonNull(operations, "operations == null");
    operations = List.copyOf(operations);
    if (operations.isEmpty()) {
      throw new IllegalArgumentException("a batch has at least one operation");
    }
    if (sequence < 0) {
      throw new IllegalArgumentException("sequence < 0: " + sequence);
    }
  }

  /** Returns the operations as a JSON Patch document: a JSON array, on one line. */
  public String toJson() {
    StringBuilder out = new StringBuilder();
    Json.operations(out, operations);
    return out.toString();
  }
}
