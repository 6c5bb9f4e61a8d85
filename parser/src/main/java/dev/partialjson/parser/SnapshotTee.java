package dev.partialjson.parser;

/**
 * Tells each event to the caller's listener, then to the snapshot: the events of a parser with
 * {@link ParserOptions.Snapshots#ENABLED}. The listener comes first, so that what it throws leaves
 * the snapshot as it was before the event it refused. Events no snapshot needs (the document's end,
 * repairs, reasoning) go to the listener alone. Not thread-safe.
 */
final class SnapshotTee implements EventSink {
  private final GuardedListener listener;
  private final SnapshotBuilder tree;

  SnapshotTee(GuardedListener listener, SnapshotBuilder tree) {
    this.listener = listener;
    this.tree = tree;
  }

  @Override
  public void startObject(PathCursor at) {
    listener.startObject(at);
    tree.startObject(at);
  }

  @Override
  public void endObject(PathCursor at) {
    listener.endObject(at);
    tree.endObject(at);
  }

  @Override
  public void startArray(PathCursor at) {
    listener.startArray(at);
    tree.startArray(at);
  }

  @Override
  public void endArray(PathCursor at) {
    listener.endArray(at);
    tree.endArray(at);
  }

  @Override
  public void stringOpened(PathCursor at) {
    tree.stringOpened(at);
  }

  @Override
  public void stringDelta(PathCursor at, CharSequence delta) {
    listener.stringDelta(at, delta);
    tree.stringDelta(at, delta);
  }

  @Override
  public void stringValue(PathCursor at, String value) {
    listener.stringValue(at, value);
    tree.stringValue(at, value);
  }

  @Override
  public void numberValue(PathCursor at, NumberView number) {
    listener.numberValue(at, number);
    tree.numberValue(at, number);
  }

  @Override
  public void booleanValue(PathCursor at, boolean value) {
    listener.booleanValue(at, value);
    tree.booleanValue(at, value);
  }

  @Override
  public void nullValue(PathCursor at) {
    listener.nullValue(at);
    tree.nullValue(at);
  }

  @Override
  public void documentEnd() {
    listener.documentEnd();
  }

  @Override
  public void repair(Repair repair) {
    listener.repair(repair);
  }

  @Override
  public void reasoningStart() {
    listener.reasoningStart();
  }

  @Override
  public void reasoningDelta(CharSequence delta) {
    listener.reasoningDelta(delta);
  }

  @Override
  public void reasoningEnd() {
    listener.reasoningEnd();
  }
}
