package dev.partialjson.binding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.partialjson.binding.Models.Plan;
import dev.partialjson.parser.IncompleteJsonException;
import dev.partialjson.parser.MalformedJsonException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SessionRouterTest {
  record Weather(String city, String unit) {}

  record Search(String query, int limit) {}

  private static final StreamingBinder<Weather> WEATHER = StreamingBinder.of(Weather.class);
  private static final StreamingBinder<Search> SEARCH = StreamingBinder.of(Search.class);

  /** Feeds the pieces of several documents interleaved, one piece of each key in turn. */
  private static void interleave(SessionRouter<Integer, ?> router, List<String> documents) {
    List<List<String>> pieces = new ArrayList<>();
    for (String d : documents) {
      pieces.add(pieces(d, 3));
    }
    for (int i = 0; pieces.stream().anyMatch(p -> !p.isEmpty()); i = (i + 1) % pieces.size()) {
      if (!pieces.get(i).isEmpty()) {
        router.feed(i, pieces.get(i).remove(0));
      }
    }
  }

  /** Returns {@code text} in pieces of {@code size} characters, the last one shorter. */
  private static List<String> pieces(String text, int size) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < text.length(); i += size) {
      out.add(text.substring(i, Math.min(text.length(), i + size)));
    }
    return out;
  }

  @Test
  void bindsEachToolCallToItsOwnType() {
    Map<Integer, String> names = Map.of(0, "weather", 1, "search");
    SessionRouter<Integer, Record> calls =
        SessionRouter.create(
            index -> names.get(index).equals("weather") ? WEATHER.open() : SEARCH.open());
    interleave(
        calls,
        List.of(
            "{\"city\":\"Paris\",\"unit\":\"C\"}",
            "{\"query\":\"caf\\u00e9 near me\",\"limit\":5}"));
    assertThat(calls.keys()).containsExactly(0, 1);
    Map<Integer, BindingResult<Record>> results = calls.endAll();
    assertThat(results.get(0).value()).isEqualTo(new Weather("Paris", "C"));
    assertThat(results.get(1).value()).isEqualTo(new Search("café near me", 5));
  }

  @Test
  void oneKeysFailureLeavesTheOthersAlone() {
    SessionRouter<Integer, Plan> choices =
        SessionRouter.create(i -> StreamingBinder.of(Plan.class).open());
    String good = "{\"goal\":\"g\",\"tasks\":[{\"title\":\"t\",\"priority\":\"LOW\"}]}";
    assertThat(choices.feed(0, good.substring(0, 10))).isTrue();
    assertThat(choices.feed(1, "{\"goal\":]")).isFalse();
    assertThat(choices.feed(1, "more")).as("dropped after the failure").isFalse();
    assertThat(choices.feed(0, good.substring(10))).isTrue();
    BindingResult<Plan> broken = choices.end(1);
    assertThat(broken.error()).isInstanceOf(MalformedJsonException.class);
    assertThat(choices.results()).containsOnlyKeys(1);
    assertThat(choices.end(0).isValid()).isTrue();
    assertThat(choices.end(0)).isSameAs(choices.end(0));
    assertThat(choices.endAll()).containsOnlyKeys(0, 1);
  }

  @Test
  void endsEachKeyOnItsOwnAndRefusesDeltasAfterIt() {
    SessionRouter<String, Plan> router =
        SessionRouter.create(k -> StreamingBinder.of(Plan.class).open());
    router.feed("answer", "{\"goal\":\"a\",\"tasks\":[]}");
    router.feed("draft", "{\"goal\":\"b\"");
    assertThat(router.end("answer").value().goal()).isEqualTo("a");
    assertThatThrownBy(() -> router.feed("answer", " "))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("ended: answer");
    Map<String, BindingResult<Plan>> all = router.endAll();
    assertThat(all.keySet()).containsExactly("answer", "draft");
    assertThat(all.get("draft").error()).isInstanceOf(IncompleteJsonException.class);
  }

  @Test
  void aKeyWithoutDeltasEndsIncomplete() {
    SessionRouter<Integer, Plan> router =
        SessionRouter.create(k -> StreamingBinder.of(Plan.class).open());
    assertThat(router.session(3)).isNull();
    assertThat(router.end(3).error()).isInstanceOf(IncompleteJsonException.class);
    assertThat(router.keys()).containsExactly(3);
  }

  @Test
  void feedsBytesAndKeepsPartialValuesPerKey() {
    SessionRouter<Integer, Plan> router =
        SessionRouter.create(k -> StreamingBinder.of(Plan.class).open());
    byte[] a = "{\"goal\":\"caf\u00e9".getBytes(StandardCharsets.UTF_8);
    router.feed(0, a, 0, a.length - 1); // the é split between two feeds
    router.feed(1, "{\"goal\":\"other");
    router.feed(0, a, a.length - 1, 1);
    assertThat(router.session(0).partial().goal()).isEqualTo("café");
    assertThat(router.session(1).partial().goal()).isEqualTo("other");
  }

  @Test
  void aCallbacksExceptionSurfacesWithoutStoppingTheOtherKeys() {
    IllegalStateException bug = new IllegalStateException("bug");
    SessionRouter<Integer, Plan> router =
        SessionRouter.create(
            k -> {
              BindingSession<Plan> s = StreamingBinder.of(Plan.class).open();
              if (k == 1) {
                s.onText(
                    "$.goal",
                    (path, full, delta) -> {
                      throw bug;
                    });
              }
              return s;
            });
    router.feed(0, "{\"goal\":\"fine\",\"tasks\":[]}");
    assertThatThrownBy(() -> router.feed(1, "{\"goal\":\"x")).isSameAs(bug);
    assertThatThrownBy(router::endAll).isInstanceOf(IllegalStateException.class).hasRootCause(bug);
    assertThat(router.results()).containsOnlyKeys(0);
    assertThat(router.results().get(0).value().goal()).isEqualTo("fine");
  }

  @Test
  void closeCancelsTheOpenSessions() {
    SessionRouter<Integer, Plan> router =
        SessionRouter.create(k -> StreamingBinder.of(Plan.class).open());
    router.feed(0, "{\"goal\":\"a\",\"tasks\":[]}");
    router.end(0);
    router.feed(1, "{");
    router.close();
    assertThat(router.session(0).stats().phase()).isEqualTo(SessionStats.Phase.COMPLETED);
    assertThat(router.session(1).stats().phase()).isEqualTo(SessionStats.Phase.CANCELLED);
  }
}
