package dev.partialjson.samples;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.partialjson.binding.BindingSession;
import dev.partialjson.binding.SessionListener;
import dev.partialjson.binding.StreamingBinder;
import dev.partialjson.parser.IncompleteJsonException;
import dev.partialjson.parser.JsonEvent;
import dev.partialjson.parser.ParserOptions;
import dev.partialjson.parser.PartialJsonException;
import dev.partialjson.parser.Repair;
import jakarta.validation.constraints.NotBlank;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What partialjson tells you when a typed answer goes wrong at its edges. Cut off: the recorded
 * tool call stopped on {@code max_tokens} inside a string; completing the session throws an {@link
 * IncompleteJsonException} naming the open paths, and the partial record still holds everything
 * that arrived. Fenced: a recorded structured output wrapped in prose and a Markdown {@code
 * ```json} fence, as chat models often answer; the default options skip the wrapping and report
 * each skip as a repair, where strict options reject it. Runs offline:
 *
 * <pre>
 * ./mvnw -q -pl samples -am package -Dmaven.test.skip=true exec:java \
 *     -Ddemo.mainClass=dev.partialjson.samples.TruncationDemo
 * </pre>
 */
public final class TruncationDemo {

  /** The input of the cut-off recording's {@code make_file} tool. */
  public record FileContents(
      @NotBlank String filename, @JsonProperty("lines_of_text") List<String> linesOfText) {}

  /** Prose and an opening fence before a recorded answer, as a chat model writes them. */
  static final String FENCE_OPEN = "Sure! Here is the weather as JSON:\n\n```json\n";

  /** The closing fence and prose after it. */
  static final String FENCE_CLOSE = "\n```\n\nLet me know if you need anything else.";

  private TruncationDemo() {}

  /** Runs both scenarios on standard output. */
  public static void main(String[] args) {
    PrintStream out = SampleConsole.stdout();
    run(out);
    out.flush();
  }

  /** Runs the cut-off and then the fenced scenario, printing to {@code out}. */
  public static void run(PrintStream out) {
    Objects.requireNonNull(out, "out == null");
    cutOff(out);
    out.println();
    fenced(out);
  }

  private static void cutOff(PrintStream out) {
    Recording recording = Recording.ANTHROPIC_MAX_TOKENS;
    out.println("== cut off: " + recording.description());
    BindingSession<FileContents> session =
        StreamingBinder.of(FileContents.class)
            .open()
            .onItem("$.lines_of_text[*]", String.class, line -> out.println("line: " + line));
    for (ModelDeltas.Delta delta : recording.deltas()) {
      session.feed(delta.text());
    }
    try {
      session.complete();
      out.println("complete (not expected for this recording)");
    } catch (IncompleteJsonException e) {
      out.println("incomplete: " + e.getMessage());
      out.println("open paths: " + e.openPaths());
      out.println("$.filename: " + session.state("$.filename"));
      out.println("$.lines_of_text[4]: " + session.state("$.lines_of_text[4]"));
      out.println("partial value: " + session.partial());
    }
  }

  private static void fenced(PrintStream out) {
    Recording recording = Recording.OPENAI_STRUCTURED_OUTPUT;
    out.println("== fenced: " + recording.description() + ", wrapped in prose and a fence");
    List<String> deltas = new ArrayList<>();
    deltas.add(FENCE_OPEN);
    recording.deltas().forEach(delta -> deltas.add(delta.text()));
    deltas.add(FENCE_CLOSE);

    BindingSession<ChoicesDemo.Weather> session =
        StreamingBinder.of(ChoicesDemo.Weather.class).open();
    session.addListener(
        new SessionListener() {
          @Override
          public void event(JsonEvent event) {
            if (event.value() instanceof Repair repair) { // the excerpt comes escaped already
              out.printf(
                  "repair: %s at byte %d, %d bytes: \"%s\"%n",
                  repair.kind(), repair.byteOffset(), repair.length(), repair.excerpt());
            }
          }
        });
    deltas.forEach(session::feed);
    out.println("value: " + session.complete());

    try (BindingSession<ChoicesDemo.Weather> strict =
        StreamingBinder.builder(ChoicesDemo.Weather.class)
            .parserOptions(ParserOptions.strict())
            .build()
            .open()) {
      for (String delta : deltas) {
        strict.feed(delta);
      }
      out.println("with ParserOptions.strict(): " + strict.complete());
    } catch (PartialJsonException e) {
      out.println("with ParserOptions.strict(): " + e.getMessage());
    }
  }
}
