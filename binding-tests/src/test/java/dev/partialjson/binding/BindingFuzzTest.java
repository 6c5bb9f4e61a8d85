package dev.partialjson.binding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import dev.partialjson.parser.IncompleteJsonException;
import dev.partialjson.parser.LimitExceededException;
import dev.partialjson.parser.MalformedJsonException;
import dev.partialjson.parser.ParserOptions;
import dev.partialjson.parser.PartialJsonException;
import jakarta.validation.Valid;
import jakarta.validation.Validator;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Coverage-guided fuzzing of a binding session with Jazzer, over a small model with lists of
 * records, enums, a sealed interface with {@code @JsonTypeInfo}, maps and constraints. The fuzzer's
 * bytes choose the parser options, the failure policy, the feed method and the cuts; the rest is
 * the input. Whatever the input:
 *
 * <ul>
 *   <li>only the documented exceptions escape: the parser's ({@link MalformedJsonException}, {@link
 *       LimitExceededException}, {@link IncompleteJsonException}) unchanged, and the binding's
 *       {@link BindingException} and {@link ValidationException}; the latter two from {@code feed}
 *       only under {@link FailurePolicy#FAIL_FAST};
 *   <li>{@code result()} never throws, and {@code complete()} agrees with it;
 *   <li>an {@code onItem} callback never receives an invalid item;
 *   <li>the outcome, the violations and the items are the same whether the input is fed whole or
 *       cut.
 * </ul>
 *
 * <p>A normal build replays the kept inputs under {@code BindingFuzzTestInputs} in the test
 * resources; {@code JAZZER_FUZZ=1} fuzzes (see the README, "Fuzzing").
 */
class BindingFuzzTest {
  /** Binders are immutable and thread-safe: one per policy and options serves every input. */
  private static final List<StreamingBinder<Plan>> BINDERS = new ArrayList<>();

  static {
    for (FailurePolicy policy : FailurePolicy.values()) {
      for (ParserOptions options : List.of(ParserOptions.defaults(), ParserOptions.strict())) {
        BINDERS.add(
            StreamingBinder.builder(Plan.class)
                .failurePolicy(policy)
                .parserOptions(options)
                .showWhenComplete("$.shapes[*].label")
                .build());
      }
    }
  }

  private static final Validator VALIDATOR = Defaults.validator();

  enum Priority {
    LOW,
    MEDIUM,
    HIGH
  }

  record Task(
      @NotBlank String title,
      @NotNull Priority priority,
      @Size(max = 3) List<@NotBlank String> tags,
      @Min(0) @Max(100) Integer hours) {}

  @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
  @JsonSubTypes({
    @JsonSubTypes.Type(value = Circle.class, name = "circle"),
    @JsonSubTypes.Type(value = Rect.class, name = "rect")
  })
  sealed interface Shape permits Circle, Rect {}

  record Circle(String label, @Positive double radius) implements Shape {}

  record Rect(String label, @Positive double width, @Positive double height) implements Shape {}

  record Plan(
      @NotBlank String goal,
      @Size(min = 1, max = 20) List<@Valid Task> tasks,
      List<@Valid Shape> shapes,
      Map<String, @Min(0) Integer> scores,
      Map<String, @Valid Task> named) {}

  @FuzzTest(maxDuration = "5m")
  void bindsOrRejectsAnyInput(FuzzedDataProvider data) {
    int flags = data.consumeByte() & 0xff;
    int[] cuts = new int[(flags >>> 4) & 7];
    for (int i = 0; i < cuts.length; i++) {
      cuts[i] = data.consumeChar();
    }
    StreamingBinder<Plan> binder = BINDERS.get(flags & 3);
    boolean text = (flags & 4) != 0;
    byte[] input = data.consumeRemainingAsBytes();
    String where = binder.failurePolicy() + ", " + binder.parserOptions() + ": " + show(input);

    Outcome whole = run(binder, input, text, new int[0], where);
    Outcome split = run(binder, input, text, cuts, where);
    assertThat(split.describe())
        .as("outcome cut at %s of %s", Arrays.toString(cuts), where)
        .isEqualTo(whole.describe());
  }

  /** What one session did: its result, and what its callbacks received. */
  private record Outcome(
      BindingResult<Plan> result,
      @Nullable PartialJsonException fed,
      List<String> checked,
      List<Task> valid) {
    String describe() {
      PartialJsonException e = result.error();
      return (e == null
              ? "value " + result.value()
              : e.getClass().getSimpleName() + ": " + e.getMessage())
          + "; violations "
          + result.violations()
          + "; checked "
          + checked
          + "; valid "
          + valid;
    }
  }

  private static Outcome run(
      StreamingBinder<Plan> binder, byte[] input, boolean text, int[] cuts, String where) {
    BindingSession<Plan> session = binder.open();
    boolean failFast = binder.failurePolicy() == FailurePolicy.FAIL_FAST;
    List<String> checked = new ArrayList<>();
    List<Task> valid = new ArrayList<>();
    session.onCheckedItem("$.tasks[*]", Task.class, item -> checked.add(item.toString()));
    session.onCheckedItem("$.shapes[*]", Shape.class, item -> checked.add(item.toString()));
    session.onItem(
        "$.tasks[*]",
        Task.class,
        task -> {
          assertThat(VALIDATOR.validate(task))
              .as("onItem got an invalid item in %s", where)
              .isEmpty();
          valid.add(task);
        });

    PartialJsonException fed = null;
    try {
      for (Runnable piece : pieces(session, input, text, cuts)) {
        piece.run();
        partial(session, where);
      }
    } catch (MalformedJsonException | LimitExceededException e) {
      fed = e;
    } catch (BindingException | ValidationException e) {
      assertThat(failFast).as("%s from feed under COLLECT_ALL in %s", e, where).isTrue();
      fed = e;
    }
    if (fed != null) {
      PartialJsonException stopped = fed;
      assertThatThrownBy(() -> session.feed("1"))
          .as("feed after %s in %s", stopped, where)
          .isInstanceOf(IllegalStateException.class);
    }
    partial(session, where);

    BindingResult<Plan> result = session.result();
    PartialJsonException error = result.error();
    if (fed != null) {
      assertThat(error).as("result after %s in %s", fed, where).isSameAs(fed);
    }
    if (error != null) {
      assertThat(error)
          .as("error of %s", where)
          .isInstanceOfAny(
              MalformedJsonException.class,
              LimitExceededException.class,
              IncompleteJsonException.class,
              BindingException.class,
              ValidationException.class);
      assertThat(result.value()).as("value beside %s in %s", error, where).isNull();
      if (!failFast) {
        assertThat(error).as("error of %s", where).isNotInstanceOf(ValidationException.class);
      }
    } else if (result.value() != null) {
      Set<?> found = VALIDATOR.validate(result.value());
      assertThat(result.violations().isEmpty())
          .as("violations %s vs the validator's %s in %s", result.violations(), found, where)
          .isEqualTo(found.isEmpty());
    }
    assertComplete(session, result, where);
    return new Outcome(result, fed, checked, valid);
  }

  /** {@code partial()} shows what arrived, or throws the binding's own exception. */
  private static void partial(BindingSession<Plan> session, String where) {
    try {
      session.partial();
    } catch (BindingException e) {
      assertThat(e.path()).as("path of %s in %s", e, where).isNotNull();
    }
  }

  /** {@code complete()} throws what {@code result()} holds, or returns its value. */
  private static void assertComplete(
      BindingSession<Plan> session, BindingResult<Plan> result, String where) {
    if (result.error() != null) {
      assertThatThrownBy(session::complete).as("complete() of %s", where).isSameAs(result.error());
    } else if (!result.violations().isEmpty()) {
      assertThatThrownBy(session::complete)
          .as("complete() of %s", where)
          .isInstanceOf(ValidationException.class);
    } else {
      assertThat(session.complete()).as("complete() of %s", where).isEqualTo(result.value());
    }
  }

  /** The input cut at {@code cuts}, as UTF-8 bytes (alternately arrays and buffers) or text. */
  private static List<Runnable> pieces(
      BindingSession<Plan> session, byte[] input, boolean text, int[] cuts) {
    String string = new String(input, StandardCharsets.UTF_8); // invalid UTF-8 becomes U+FFFD
    int length = text ? string.length() : input.length;
    int[] at = new int[cuts.length];
    for (int i = 0; i < cuts.length; i++) {
      at[i] = cuts[i] % (length + 1);
    }
    Arrays.sort(at);
    List<Runnable> pieces = new ArrayList<>();
    int from = 0;
    for (int i = 0; i <= at.length; i++) {
      int to = i < at.length ? at[i] : length;
      int start = from;
      if (text) {
        pieces.add(() -> session.feed(string.substring(start, to)));
      } else if (i % 2 == 0) {
        pieces.add(() -> session.feed(input, start, to - start));
      } else {
        pieces.add(() -> session.feed(ByteBuffer.wrap(input, start, to - start)));
      }
      from = to;
    }
    return pieces;
  }

  private static String show(byte[] bytes) {
    StringBuilder out = new StringBuilder(bytes.length + 2).append('"');
    for (byte b : bytes) {
      int c = b & 0xFF;
      if (c >= 0x20 && c < 0x7F && c != '\\' && c != '"') {
        out.append((char) c);
      } else {
        out.append(String.format("\\x%02X", c));
      }
    }
    return out.append('"').toString();
  }
}
