package dev.partialjson.samples;

import dev.partialjson.embeddedmodel.EmbeddedModel;
import dev.partialjson.parser.IncompleteJsonException;
import dev.partialjson.parser.IncrementalJsonParser;
import dev.partialjson.parser.JsonListener;
import dev.partialjson.parser.JsonPath;
import dev.partialjson.parser.PartialJsonException;
import dev.partialjson.parser.Repair;
import dev.partialjson.parser.Snapshot;
import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Replays one {@link Recording}: reads its events through the provider's SDK, feeds each JSON delta
 * to the parser of its channel (one {@link IncrementalJsonParser} per document, so parallel tool
 * calls stay apart), and prints every delta followed by the events it caused; at the end, the
 * outcome of each document. Not thread-safe; one instance replays one recording.
 */
final class Replay {
  private final PrintStream out;
  private final long delayMillis;
  private final Map<String, IncrementalJsonParser> parsers = new LinkedHashMap<>();

  Replay(PrintStream out, long delayMillis) {
    this.out = Objects.requireNonNull(out, "out == null");
    this.delayMillis = delayMillis;
  }

  /**
   * Replays {@code recording}, which {@code model} streams; returns early, with the interrupt flag
   * set, if interrupted.
   */
  void play(Recording recording, EmbeddedModel model) {
    out.println("== " + recording.id() + ": " + recording.description());
    out.println("   replayed by the embedded model as " + recording.model() + ", read by the SDK");
    boolean[] interrupted = {false};
    ModelDeltas deltas =
        recording.stream(
            model,
            delta -> {
              if (!pause()) {
                interrupted[0] = true;
                return false;
              }
              feed(delta);
              return true;
            });
    if (interrupted[0]) {
      return;
    }
    out.println("stop reason: " + deltas.stopReason());
    parsers.forEach(this::finish);
    out.println();
  }

  private void feed(ModelDeltas.Delta delta) {
    IncrementalJsonParser parser = parsers.get(delta.channel());
    if (parser == null) {
      String tool = delta.tool().isEmpty() ? "" : " (tool " + delta.tool() + ")";
      out.println("-- " + delta.channel() + tool + ": new document, new parser");
      parser =
          IncrementalJsonParser.create(
              JsonListener.of(e -> out.println("  " + EventFormat.event(e))));
      parsers.put(delta.channel(), parser);
    }
    out.println(delta.channel() + " " + EventFormat.delta(delta.text()));
    if (parser.isClosed()) {
      out.println("  (ignored: this document already failed)");
      return;
    }
    try {
      parser.feed(delta.text());
    } catch (PartialJsonException e) {
      out.println("  malformed: " + e.getMessage());
    }
  }

  private void finish(String channel, IncrementalJsonParser parser) {
    out.println("-- " + channel + ": end of stream");
    if (parser.isClosed()) { // failed while feeding: what arrived before the error is kept
      out.println("  partial value: " + EventFormat.json(parser.snapshot().value()));
    } else {
      try {
        parser.finish();
        out.println("  final value: " + EventFormat.json(parser.snapshot().value()));
      } catch (IncompleteJsonException e) {
        out.println("  incomplete: " + e.getMessage());
        Snapshot partial = Objects.requireNonNull(e.snapshot(), "snapshots are on by default");
        out.println("  open paths: " + e.openPaths());
        out.println("  complete so far: " + completeFields(partial));
        out.println("  partial value: " + EventFormat.json(partial.value()));
      } catch (PartialJsonException e) {
        out.println("  malformed: " + e.getMessage());
      }
    }
    List<Repair> repairs = parser.repairs();
    out.println("  repairs: " + (repairs.isEmpty() ? "none" : ""));
    for (Repair repair : repairs) {
      out.println("    " + repair.path() + " " + EventFormat.repair(repair));
    }
  }

  /** Returns the root's members that arrived whole, as a UI would show them as final. */
  private static List<JsonPath> completeFields(Snapshot partial) {
    if (!(partial.value() instanceof Map<?, ?> root)) {
      return List.of();
    }
    return root.keySet().stream()
        .map(key -> JsonPath.root().field(String.valueOf(key)))
        .filter(partial::isComplete)
        .toList();
  }

  private boolean pause() {
    if (delayMillis <= 0) {
      return true;
    }
    try {
      Thread.sleep(delayMillis);
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
