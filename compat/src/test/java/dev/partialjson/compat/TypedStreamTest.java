package dev.partialjson.compat;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.partialjson.binding.BindingResult;
import dev.partialjson.binding.BindingSession;
import dev.partialjson.binding.BoundItem;
import dev.partialjson.binding.StreamingBinder;
import dev.partialjson.testkit.Splits;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A typed answer streamed through binding under the platform's Jackson and validator: each item
 * arrives while the piece holding its closing brace is fed, an invalid item is reported by its JSON
 * path as it closes, and the final value carries every violation.
 */
class TypedStreamTest {
  enum Priority {
    LOW,
    HIGH
  }

  record Task(
      @NotBlank String title,
      @NotNull Priority priority,
      @JsonProperty("estimate_hours") @Min(0) @Max(40) Integer hours) {}

  record Plan(@NotBlank String goal, @Size(min = 1) List<@Valid Task> tasks) {}

  private static final String ANSWER =
      """
      {"goal": "Ship the release",
       "tasks": [
        {"title": "Write the changelog", "priority": "HIGH", "estimate_hours": 2},
        {"title": "", "priority": "LOW", "estimate_hours": 90},
        {"title": "Tag it \\u2014 then announce 🚀", "priority": "LOW", "estimate_hours": 1}]}\
      """;

  @Test
  void streamsItemsAsTheyCloseAndReportsTheInvalidOneByPath() {
    StreamingBinder<Plan> binder = StreamingBinder.of(Plan.class);
    byte[] bytes = ANSWER.getBytes(StandardCharsets.UTF_8);
    List<Integer> closes = closingBraces(bytes);
    for (Splits.Split split : Splits.sweep(bytes)) {
      BindingSession<Plan> session = binder.open();
      Splits.Counting fed = new Splits.Counting(feeder(session));
      List<BoundItem<Task>> items = new ArrayList<>();
      session.onCheckedItem(
          "$.tasks[*]",
          Task.class,
          item -> {
            assertThat(fed.inCurrentPiece(closes.get(items.size())))
                .as("%s: %s arrives while its closing brace is fed", split, item.path())
                .isTrue();
            items.add(item);
          });
      split.feed(fed);
      BindingResult<Plan> result = session.result();

      assertThat(items)
          .as(split.name())
          .extracting(BoundItem::isValid)
          .containsExactly(true, false, true);
      assertThat(items.get(1).violations())
          .extracting(v -> v.path() + " " + v.constraint().getSimpleName())
          .containsExactly("$.tasks[1].estimate_hours Max", "$.tasks[1].title NotBlank");
      assertThat(result.value().tasks().get(2).title()).isEqualTo("Tag it — then announce 🚀");
      assertThat(result.violations())
          .extracting(v -> v.path() + " " + v.constraint().getSimpleName())
          .containsExactly("$.tasks[1].estimate_hours Max", "$.tasks[1].title NotBlank");
    }
  }

  /** Returns the offsets of the closing braces of the three tasks. */
  private static List<Integer> closingBraces(byte[] bytes) {
    List<Integer> closes = new ArrayList<>();
    int depth = 0;
    for (int i = 0; i < bytes.length; i++) {
      if (bytes[i] == '{') {
        depth++;
      } else if (bytes[i] == '}' && --depth == 1) {
        closes.add(i);
      }
    }
    assertThat(closes).hasSize(3);
    return closes;
  }

  /** Returns a feeder for {@code session}, which offers the parser's three input methods. */
  static Splits.Feeder feeder(BindingSession<?> session) {
    return new Splits.Feeder() {
      @Override
      public void feed(CharSequence text) {
        session.feed(text);
      }

      @Override
      public void feed(byte[] bytes, int offset, int length) {
        session.feed(bytes, offset, length);
      }

      @Override
      public void feed(ByteBuffer buffer) {
        session.feed(buffer);
      }
    };
  }
}
