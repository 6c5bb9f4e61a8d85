package dev.partialjson.testkit;

import dev.partialjson.parser.JsonListener;
import dev.partialjson.parser.JsonPath;
import dev.partialjson.parser.Repair;

/** Passes every event on; the tests' broken listeners override one method. */
class Forwarder implements JsonListener {
  private final JsonListener next;

  Forwarder(JsonListener next) {
    this.next = next;
  }

  @Override
  public void startObject(JsonPath path) {
    next.startObject(path);
  }

  @Override
  public void endObject(JsonPath path) {
    next.endObject(path);
  }

  @Override
  public void startArray(JsonPath path) {
    next.startArray(path);
  }

  @Override
  public void endArray(JsonPath path) {
    next.endArray(path);
  }

  @Override
  public void stringDelta(JsonPath path, CharSequence delta) {
    next.stringDelta(path, delta);
  }

  @Override
  public void stringValue(JsonPath path, String value) {
    next.stringValue(path, value);
  }

  @Override
  public void numberValue(JsonPath path, Number value) {
    next.numberValue(path, value);
  }

  @Override
  public void booleanValue(JsonPath path, boolean value) {
    next.booleanValue(path, value);
  }

  @Override
  public void nullValue(JsonPath path) {
    next.nullValue(path);
  }

  @Override
  public void documentEnd() {
    next.documentEnd();
  }

  @Override
  public void repair(Repair repair) {
    next.repair(repair);
  }

  @Override
  public void reasoningStart() {
    next.reasoningStart();
  }

  @Override
  public void reasoningDelta(CharSequence delta) {
    next.reasoningDelta(delta);
  }

  @Override
  public void reasoningEnd() {
    next.reasoningEnd();
  }
}
