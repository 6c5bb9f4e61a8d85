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
  public void startObject(JsonPath path) {
    listener.startObject(path);
    tree.startObject(path);
  }

  @Override
  public void endObject(JsonPath path) {
    listener.endObject(path);
    tree.endObject(path);
  }

  @Override
  public void startArray(JsonPath path) {
    listener.startArray(path);
    tree.startArray(path);
  }

  @Override
  public void endArray(JsonPath path) {
    listener.endArray(path);
    tree.endArray(path);
  }

  @Override
  public void stringOpened(JsonPath path) {
    tree.stringOpened(path);
  }

  @Override
  public void stringDelta(JsonPath path, CharSequence delta) {
    listener.stringDelta(path, delta);
    tree.stringDelta(path, delta);
  }

  @Override
  public void stringValue(JsonPath path, String value) {
    listener.stringValue(path, value);
    tree.stringValue(path, value);
  }

  @Override
  public void numberValue(JsonPath path, Number value) {
    listener.numberValue(path, value);
    tree.numberValue(path, value);
  }

  @Override
  public void booleanValue(JsonPath path, boolean value) {
    listener.booleanValue(path, value);
    tree.booleanValue(path, value);
  }

  @Override
  public void nullValue(JsonPath path) {
    listener.nullValue(path);
    tree.nullValue(path);
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
