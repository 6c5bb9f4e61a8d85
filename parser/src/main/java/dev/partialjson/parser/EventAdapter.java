package dev.partialjson.parser;

import java.util.function.Consumer;

/** Adapts the callbacks of {@link JsonListener} to one {@link JsonEvent} per callback. */
final class EventAdapter implements JsonListener {
  private final Consumer<? super JsonEvent> sink;

  EventAdapter(Consumer<? super JsonEvent> sink) {
    this.sink = sink;
  }

  @Override
  public void startObject(JsonPath path) {
    sink.accept(new JsonEvent(JsonEvent.Kind.START_OBJECT, path, null));
  }

  @Override
  public void endObject(JsonPath path) {
    sink.accept(new JsonEvent(JsonEvent.Kind.END_OBJECT, path, null));
  }

  @Override
  public void startArray(JsonPath path) {
    sink.accept(new JsonEvent(JsonEvent.Kind.START_ARRAY, path, null));
  }

  @Override
  public void endArray(JsonPath path) {
    sink.accept(new JsonEvent(JsonEvent.Kind.END_ARRAY, path, null));
  }

  @Override
  public void stringDelta(JsonPath path, CharSequence delta) {
    sink.accept(new JsonEvent(JsonEvent.Kind.STRING_DELTA, path, delta.toString()));
  }

  @Override
  public void stringValue(JsonPath path, String value) {
    sink.accept(new JsonEvent(JsonEvent.Kind.STRING, path, value));
  }

  @Override
  public void numberValue(JsonPath path, Number value) {
    sink.accept(new JsonEvent(JsonEvent.Kind.NUMBER, path, value));
  }

  @Override
  public void booleanValue(JsonPath path, boolean value) {
    sink.accept(new JsonEvent(JsonEvent.Kind.BOOLEAN, path, value));
  }

  @Override
  public void nullValue(JsonPath path) {
    sink.accept(new JsonEvent(JsonEvent.Kind.NULL, path, null));
  }

  @Override
  public void documentEnd() {
    sink.accept(new JsonEvent(JsonEvent.Kind.DOCUMENT_END, JsonPath.root(), null));
  }

  @Override
  public void repair(Repair repair) {
    sink.accept(new JsonEvent(JsonEvent.Kind.REPAIR, repair.path(), repair));
  }

  @Override
  public void reasoningStart() {
    sink.accept(new JsonEvent(JsonEvent.Kind.REASONING_START, JsonPath.root(), null));
  }

  @Override
  public void reasoningDelta(CharSequence delta) {
    sink.accept(new JsonEvent(JsonEvent.Kind.REASONING_DELTA, JsonPath.root(), delta.toString()));
  }

  @Override
  public void reasoningEnd() {
    sink.accept(new JsonEvent(JsonEvent.Kind.REASONING_END, JsonPath.root(), null));
  }
}
