package dev.partialjson.anthropic;

import dev.partialjson.binding.BindingSession;
import org.jspecify.annotations.Nullable;

/**
 * A content block whose JSON goes into a session: the answer's text block, the forced answer tool
 * or a bound tool call. Only {@link #describe()} reads the fields for messages.
 */
record Block(
    long index,
    String type,
    @Nullable String toolName,
    @Nullable String toolUseId,
    BindingSession<?> session) {

  /** Returns {@code text block 0} or {@code tool_use block 1 (get_weather, id toolu_01)}. */
  String describe() {
    String where = type + " block " + index;
    return toolName == null ? where : where + " (" + toolName + ", id " + toolUseId + ")";
  }
}
