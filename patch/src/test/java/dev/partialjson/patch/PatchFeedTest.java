package dev.partialjson.patch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.partialjson.parser.IncompleteJsonException;
import dev.partialjson.parser.MalformedJsonException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PatchFeedTest {
  private static final String MALFORMED =
      "Unexpected character ('x' (code 120)): was expecting comma to separate Array entries at $.a"
          + " (offset 17, line 1, column 18) near \"{\\\"a\\\": [1, 2, \\\"x\\\" \"";
  private long now;
  private final List<String> seen = new ArrayList<>();
  private final JsonPatchApplier applied = new JsonPatchApplier();
  private final PatchFeed feed =
      PatchFeed.create(
          PatchBatcher.builder()
              .clock(() -> now)
              .build(
                  new PatchBatcher.Listener() {
                    @Override
                    public void batch(PatchBatch batch) {
                      seen.add(batch.toJson());
                      applied.apply(batch.operations());
                    }

                    @Override
                    public void end() {
                      seen.add("end");
                    }

                    @Override
                    public void error(Throwable error) {
                      seen.add("error " + error.getMessage());
                    }
                  }));

  @Test
  void sendsWhatArrivedBeforeMalformedInputThenTheErrorWhichItAlsoThrows() {
    feed.feed("{\"a\": [1, 2");
    assertThat(seen).hasSize(1); // the first batch goes out at once; the rest waits its interval
    feed.feed(", \"x");

    assertThatThrownBy(() -> feed.feed("\" x]"))
        .isInstanceOf(MalformedJsonException.class)
        .hasMessage(MALFORMED);
    assertThat(seen.get(seen.size() - 1)).isEqualTo("error " + MALFORMED);
    assertThat(seen.get(seen.size() - 2))
        .isEqualTo(
            "[{\"op\":\"add\",\"path\":\"/a/1\",\"value\":2},"
                + "{\"op\":\"add\",\"path\":\"/a/2\",\"value\":\"x\"}]");
    assertThat(Json.write(applied.value())).isEqualTo("{\"a\":[1,2,\"x\"]}");
    assertThat(applied.value()).isEqualTo(feed.snapshot().value());
  }

  @Test
  void sendsTheLastBatchThenTheErrorOfAnIncompleteDocumentAtFinish() {
    feed.feed("{\"title\": \"Half a ti");
    feed.feed("tle");

    Throwable thrown = catchThrowable(feed::finish);

    assertThat(thrown).isInstanceOf(IncompleteJsonException.class);
    assertThat(seen)
        .containsExactly(
            "[{\"op\":\"add\",\"path\":\"\",\"value\":{}},"
                + "{\"op\":\"add\",\"path\":\"/title\",\"value\":\"Half a ti\"}]",
            "[{\"op\":\"append\",\"path\":\"/title\",\"value\":\"tle\"}]",
            "error " + thrown.getMessage());
    assertThat(applied.value()).isEqualTo(feed.snapshot().value());
    feed.finish(); // the error has gone out: nothing more
    assertThat(seen).hasSize(3);
  }

  @Test
  void sendsTheLastBatchThenTheEndAtFinishAndNothingMoreAfter() {
    feed.feed("[\"");
    feed.feed("a\", 1]");
    feed.finish();
    feed.finish();
    feed.close();

    assertThat(seen)
        .containsExactly(
            "[{\"op\":\"add\",\"path\":\"\",\"value\":[]},{\"op\":\"add\",\"path\":\"/0\",\"value\":\"\"}]",
            // within the interval of the first batch: the rest goes out at the end
            "[{\"op\":\"append\",\"path\":\"/0\",\"value\":\"a\"},"
                + "{\"op\":\"add\",\"path\":\"/1\",\"value\":1}]",
            "end");
  }
}
