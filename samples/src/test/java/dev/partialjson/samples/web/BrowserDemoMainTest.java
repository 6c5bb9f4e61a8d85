package dev.partialjson.samples.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.partialjson.samples.web.PlanServerTest.Event;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class BrowserDemoMainTest {
  /** An environment without OPENAI_API_KEY, so that the tests never ask a real model. */
  private static final Function<String, String> NO_KEY = name -> null;

  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
  private final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);

  private String printed() {
    return bytes.toString(StandardCharsets.UTF_8);
  }

  @Test
  void printsTheAddressOfTheServerItStarts() throws Exception {
    try (PlanServer server =
        BrowserDemo.start(new String[] {"--port", "0", "--ms-per-token", "0"}, out, NO_KEY)) {
      assertThat(server).isNotNull();
      assertThat(printed())
          .startsWith("Browser demo at " + server.uri() + " (Ctrl-C stops it)\n")
          .contains(server.uri() + "?answer=truncated  The same plan, cut off");
      List<Event> events = PlanServerTest.events(server.uri().resolve("events"));
      assertThat(events.get(events.size() - 1).type()).isEqualTo("done");
    }
  }

  @Test
  void printsHelpAndStartsNothing() {
    assertThat(BrowserDemo.start(new String[] {"--help"}, out, NO_KEY)).isNull();
    assertThat(printed()).startsWith("Serves a page that renders a streamed model answer");
  }

  @Test
  void rejectsUnknownAndIncompleteArguments() {
    assertThatThrownBy(() -> BrowserDemo.start(new String[] {"--colour", "blue"}, out, NO_KEY))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("unknown or incomplete argument: --colour blue");
    assertThatThrownBy(() -> BrowserDemo.start(new String[] {"--ms-per-token"}, out, NO_KEY))
        .hasMessage("unknown or incomplete argument: --ms-per-token ");
    assertThatThrownBy(() -> BrowserDemo.start(new String[] {"--port", "-5"}, out, NO_KEY))
        .hasMessage("unknown or incomplete argument: --port -5");
  }
}
