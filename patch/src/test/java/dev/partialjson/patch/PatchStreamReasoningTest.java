package dev.partialjson.patch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.partialjson.parser.IncrementalJsonParser;
import dev.partialjson.parser.JsonListener;
import dev.partialjson.parser.ReasoningListener;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** The reasoning passed on by a patch stream to a sink that takes it, from both entry points. */
class PatchStreamReasoningTest {
  private static final String STREAM = "<think>Two \uD83D\uDE80 steps.</think>{\"a\":\"x\"}";

  /** A sink that takes operations and reasoning, and writes down both in order. */
  static final class Recorder implements Consumer<PatchOperation>, ReasoningListener {
    final List<String> seen = new ArrayList<>();

    @Override
    public void accept(PatchOperation op) {
      seen.add(op.toJson());
    }

    @Override
    public void reasoningStart() {
      seen.add("start");
    }

    @Override
    public void reasoningDelta(CharSequence delta) {
      seen.add("delta " + delta);
    }

    @Override
    public void reasoningEnd() {
      seen.add("end");
    }
  }

  private static List<String> expected(List<String> seen) {
    List<String> out = new ArrayList<>();
    out.add("start");
    for (String s : seen) {
      if (s.startsWith("delta ")) {
        out.add(s);
      }
    }
    out.add("end");
    out.add("{\"op\":\"add\",\"path\":\"\",\"value\":{}}");
    out.add("{\"op\":\"add\",\"path\":\"/a\",\"value\":\"x\"}");
    return out;
  }

  private static String reasoning(List<String> seen) {
    StringBuilder text = new StringBuilder();
    seen.stream().filter(s -> s.startsWith("delta ")).forEach(s -> text.append(s.substring(6)));
    return text.toString();
  }

  @Test
  void passesTheParsersReasoningOnInOrderWithTheOperations() {
    Recorder sink = new Recorder();
    IncrementalJsonParser parser = IncrementalJsonParser.create(PatchStream.create(sink));
    for (String piece :
        List.of("<thi", "nk>Two \uD83D", "\uDE80 st", "eps.</thi", "nk>{\"a\":\"x\"}")) {
      parser.feed(piece);
    }
    parser.finish();

    assertThat(reasoning(sink.seen)).isEqualTo("Two \uD83D\uDE80 steps.");
    assertThat(sink.seen).containsExactlyElementsOf(expected(sink.seen));
  }

  @Test
  void passesTheReasoningEventsOfASessionOnInOrderWithTheOperations() {
    Recorder sink = new Recorder();
    PatchStream stream = PatchStream.create(sink);
    IncrementalJsonParser parser = IncrementalJsonParser.create(JsonListener.of(stream::accept));
    parser.feed(STREAM);
    parser.finish();

    assertThat(reasoning(sink.seen)).isEqualTo("Two \uD83D\uDE80 steps.");
    assertThat(sink.seen).containsExactlyElementsOf(expected(sink.seen));
  }

  @Test
  void sendsOnlyTheOperationsToASinkThatTakesNoReasoning() {
    List<String> ops = new ArrayList<>();
    IncrementalJsonParser parser =
        IncrementalJsonParser.create(PatchStream.create(op -> ops.add(op.toJson())));
    parser.feed(STREAM);
    parser.finish();

    assertThat(ops)
        .containsExactly(
            "{\"op\":\"add\",\"path\":\"\",\"value\":{}}",
            "{\"op\":\"add\",\"path\":\"/a\",\"value\":\"x\"}");
  }
}
