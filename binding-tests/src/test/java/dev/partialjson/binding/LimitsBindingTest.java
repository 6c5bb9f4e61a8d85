package dev.partialjson.binding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.partialjson.binding.Models.Plan;
import dev.partialjson.binding.Models.Task;
import dev.partialjson.parser.LimitExceededException;
import dev.partialjson.parser.Limits;
import dev.partialjson.parser.ParserOptions;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;

/**
 * The parser's limits through a binding session: the same LimitExceededException comes out of
 * {@code feed}, unchanged, and what arrived stays bound in {@code partial()}; and the deepest
 * nesting the default limits allow binds to untyped targets without overflowing the stack in
 * jackson-databind.
 */
class LimitsBindingTest {

  private static String nested(int depth, String open, String leaf, String close) {
    return open.repeat(depth) + leaf + close.repeat(depth);
  }

  @Test
  void surfacesTheNestingLimitFromFeedUnchanged() {
    BindingSession<Object> session = StreamingBinder.of(Object.class).open();
    LimitExceededException e =
        catchThrowableOfType(LimitExceededException.class, () -> session.feed("[".repeat(10_000)));
    assertThat(e.limit()).isEqualTo(Limits.Limit.NESTING_DEPTH);
    assertThat(e.maximum()).isEqualTo(1000);
    assertThat(e.byteOffset()).isEqualTo(1001);
    assertThat(e)
        .hasMessageEndingWith(
            "(offset 1001, line 1, column 1002); raise it with"
                + " Limits.builder().maxNestingDepth(…)");
    assertThatThrownBy(session::complete).isSameAs(e);
    assertThat(session.result().error()).isSameAs(e);
    assertThat(session.stats().phase()).isEqualTo(SessionStats.Phase.FAILED);
  }

  @Test
  void surfacesTheStringLimitFromFeedUnchangedAndKeepsWhatArrived() {
    StreamingBinder<Plan> binder =
        StreamingBinder.builder(Plan.class)
            .parserOptions(
                ParserOptions.builder()
                    .limits(Limits.builder().maxStringLength(100).build())
                    .build())
            .build();
    BindingSession<Plan> session = binder.open();
    session.feed("{\"goal\": \"Ship\", \"tasks\": [{\"title\": \"");
    LimitExceededException e =
        catchThrowableOfType(
            LimitExceededException.class, () -> session.feed("t".repeat(150) + "\"}]}"));
    assertThat(e.limit()).isEqualTo(Limits.Limit.STRING_LENGTH);
    assertThat(e.maximum()).isEqualTo(100);
    assertThat(e.byteOffset()).isEqualTo(37); // the title's opening quote
    assertThat(e)
        .hasMessage(
            "String value length (101) exceeds the maximum allowed (100) at $.tasks[0].title"
                + " (offset 37, line 1, column 38); raise it with"
                + " Limits.builder().maxStringLength(…)");
    assertThat(session.partial())
        .isEqualTo(new Plan("Ship", List.of(new Task("t".repeat(100), null, null))));
    assertThatThrownBy(session::complete).isSameAs(e);
  }

  @Test
  void surfacesTheMemberLimitFromFeedUnchanged() {
    StreamingBinder<Map<String, Integer>> binder =
        StreamingBinder.builder(new GenericType<Map<String, Integer>>() {})
            .parserOptions(
                ParserOptions.builder()
                    .limits(Limits.builder().maxObjectMembers(2).build())
                    .build())
            .build();
    BindingSession<Map<String, Integer>> session = binder.open();
    LimitExceededException e =
        catchThrowableOfType(
            LimitExceededException.class, () -> session.feed("{\"a\": 1, \"b\": 2, \"c\": 3}"));
    assertThat(e.limit()).isEqualTo(Limits.Limit.OBJECT_MEMBERS);
    assertThat(e.byteOffset()).isEqualTo(17);
    assertThat(session.partial()).isEqualTo(Map.of("a", 1, "b", 2));
  }

  // The deepest nesting the default limits allow, bound by jackson-databind.

  @Test
  void bindsTheDeepestArraysAllowedToObjectAndList() {
    String document = nested(1000, "[", "1", "]");
    Object value = complete(StreamingBinder.of(Object.class), document);
    assertThat(depth(value)).isEqualTo(1000);
    List<Object> list = complete(StreamingBinder.of(new GenericType<List<Object>>() {}), document);
    assertThat(depth(list)).isEqualTo(1000);
  }

  @Test
  void bindsTheDeepestObjectsAllowedToObjectAndMap() {
    String document = nested(1000, "{\"a\": ", "1", "}");
    assertThat(depth(complete(StreamingBinder.of(Object.class), document))).isEqualTo(1000);
    Map<String, Object> map =
        complete(StreamingBinder.of(new GenericType<Map<String, Object>>() {}), document);
    assertThat(depth(map)).isEqualTo(1000);
  }

  @Test
  void bindsTheDeepestMixedNestingAllowed() {
    String document = nested(500, "[{\"a\": ", "\"leaf\"", "}]");
    assertThat(depth(complete(StreamingBinder.of(Object.class), document))).isEqualTo(1000);
  }

  @Test
  void showsTheDeepestNestingAllowedAsAPartialValue() {
    BindingSession<Object> session = StreamingBinder.of(Object.class).open();
    session.feed("[{\"a\": ".repeat(500) + "\"le");
    assertThat(depth(session.partial())).isEqualTo(1000);
  }

  /**
   * Binds {@code document} on a new thread of the default stack size (the test runner's main thread
   * may have a larger one, as a JVM's main thread often has), as a caller's pool would.
   */
  private static <T> T complete(StreamingBinder<T> binder, String document) {
    ExecutorService pool = Executors.newSingleThreadExecutor();
    try {
      T value =
          pool.submit(
                  () -> {
                    BindingSession<T> session = binder.open();
                    session.feed(document);
                    return session.complete();
                  })
              .get();
      assertThat(value).isNotNull();
      return value;
    } catch (InterruptedException | ExecutionException e) {
      throw new AssertionError(e);
    } finally {
      pool.shutdownNow();
    }
  }

  /** Returns how many containers nest along the first element or member of each. */
  private static int depth(Object value) {
    int depth = 0;
    while (value instanceof List<?> || value instanceof Map<?, ?>) {
      depth++;
      if (value instanceof List<?> list) {
        value = list.isEmpty() ? null : list.get(0);
      } else {
        Map<?, ?> map = (Map<?, ?>) value;
        value = map.isEmpty() ? null : map.values().iterator().next();
      }
    }
    return depth;
  }
}
