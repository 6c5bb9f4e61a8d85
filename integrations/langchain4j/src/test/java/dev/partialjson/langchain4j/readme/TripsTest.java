package dev.partialjson.langchain4j.readme;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.partialjson.embeddedmodel.EmbeddedModelExtension;
import dev.partialjson.embeddedmodel.ServedStream;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The README's program, run against the embedded model. */
class TripsTest {
  @RegisterExtension static final EmbeddedModelExtension MODEL = EmbeddedModelExtension.create();

  @Test
  void theReadmeProgramStreamsATripToTheEnd() throws Exception {
    Trips.main(new String[] {MODEL.model().openAiBaseUrl().toString()});

    ServedStream stream = MODEL.model().lastStream();
    assertThat(stream.awaitEnd(Duration.ofSeconds(30))).isEqualTo(ServedStream.Ending.COMPLETED);
    assertThat(
            new ObjectMapper()
                .readTree(stream.requestBody())
                .at("/response_format/json_schema/name"))
        .hasToString("\"Trip\"");
  }
}
