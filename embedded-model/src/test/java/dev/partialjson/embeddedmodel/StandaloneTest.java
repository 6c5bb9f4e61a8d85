package dev.partialjson.embeddedmodel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The command line of the standalone jar. */
class StandaloneTest {

  @Test
  void readsPortSeedAndPace() {
    assertThat(Standalone.parse(new String[] {"--port", "8080", "--seed", "-7", "--pace-ms", "20"}))
        .isEqualTo(new Standalone.Options(8080, -7, Duration.ofMillis(20), false));
    assertThat(Standalone.parse(new String[0]))
        .isEqualTo(new Standalone.Options(0, 0, Duration.ZERO, false));
    assertThat(Standalone.parse(new String[] {"--port", "1", "--help"}).help()).isTrue();
  }

  @Test
  void badArgumentsAreNamedWithWhatIsWrong() {
    assertThatThrownBy(() -> Standalone.parse(new String[] {"--prot", "8080"}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("unknown argument: --prot");
    assertThatThrownBy(() -> Standalone.parse(new String[] {"--port"}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("--port needs a number after it");
    assertThatThrownBy(() -> Standalone.parse(new String[] {"--port", "eighty"}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("--port needs a whole number, not 'eighty'");
    assertThatThrownBy(() -> Standalone.parse(new String[] {"--port", "65536"}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("--port must be 0..65535, not 65536");
    assertThatThrownBy(() -> Standalone.parse(new String[] {"--pace-ms", "-1"}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("--pace-ms must be 0 or more, not -1");
  }

  @Test
  void printsTheBaseUrlFirstThenHowToUseIt() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (EmbeddedModel model = EmbeddedModel.start()) {
      Standalone.started(model, new PrintStream(bytes, true, StandardCharsets.UTF_8));

      String[] lines = bytes.toString(StandardCharsets.UTF_8).split("\n");
      assertThat(lines[0]).isEqualTo(model.baseUrl().toString());
      assertThat(lines).contains("  OpenAI base URL:    " + model.openAiBaseUrl());
      assertThat(lines).anyMatch(l -> l.startsWith("    parallel-tools "));
    }
  }

  @Test
  void helpListsTheOptionsScenariosAndRecordings() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    Standalone.help(new PrintStream(bytes, true, StandardCharsets.UTF_8));

    String help = bytes.toString(StandardCharsets.UTF_8);
    assertThat(help).contains("  --pace-ms N   milliseconds to wait after each token (default 0)");
    for (Scenario scenario : Scenario.values()) {
      if (scenario != Scenario.REPLAY) {
        assertThat(help).contains("  " + scenario.id() + " ");
      }
    }
    for (Recording recording : Recording.values()) {
      assertThat(help).contains("  " + recording.id() + " ");
    }
  }
}
