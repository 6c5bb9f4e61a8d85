package dev.partialjson.parser;

/**
 * What the event layer ({@link TokenEvents}, {@link StringStream}) reports to, at the {@link
 * PathStack}'s cursor: the listener's events, and the one step no listener is told of, a string
 * value opening before any of its chars arrived (a snapshot shows it as empty from then on). The
 * caller's listener ({@link GuardedListener}) and the snapshot ({@link SnapshotBuilder}) are each
 * one; {@link SnapshotTee} tells both.
 */
interface EventSink extends CursorListener {

  /** A string value opens at {@code at}; its chars, if any, follow as deltas. */
  default void stringOpened(PathCursor at) {}
}
