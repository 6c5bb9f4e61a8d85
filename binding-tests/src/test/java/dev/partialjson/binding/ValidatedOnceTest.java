package dev.partialjson.binding;

import static org.assertj.core.api.Assertions.assertThat;

import dev.partialjson.parser.JsonPath;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.hibernate.validator.HibernateValidator;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * An item validated as it closes is not validated again inside its parent or the final value, and
 * every violation the full validation finds is still reported.
 */
class ValidatedOnceTest {
  /** Counts its checks: one per leaf validated. */
  @Retention(RetentionPolicy.RUNTIME)
  @Constraint(validatedBy = CountedValidator.class)
  @interface Counted {
    String message() default "counted";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
  }

  static final AtomicInteger CHECKS = new AtomicInteger();

  public static final class CountedValidator implements ConstraintValidator<Counted, Object> {
    @Override
    public boolean isValid(Object value, ConstraintValidatorContext context) {
      CHECKS.incrementAndGet();
      return true;
    }
  }

  record Leaf(@Counted @NotBlank String text) {}

  record Section(@NotBlank String name, @Size(min = 1) List<@Valid @NotNull Leaf> leaves) {}

  record Doc(@NotBlank String title, @Size(min = 1) List<@Valid Section> sections) {}

  record Box(@NotBlank String name, List<@Valid Leaf> notes) {}

  record Shelves(List<@Valid Section> sections, List<@Valid Box> boxes) {}

  private static final String JSON =
      """
      {"title":"","sections":[
        {"name":"a","leaves":[{"text":"x"},{"text":""},null]},
        {"name":"","leaves":[]},
        {"name":"c","leaves":[{"text":"y"},{"text":"z"}]}]}""";

  @BeforeEach
  void reset() {
    CHECKS.set(0);
  }

  @Test
  void validatesEachItemOnce() {
    List<String> found = violations(StreamingBinder.of(Doc.class));
    assertThat(CHECKS.get()).isEqualTo(4); // four leaves, null aside
    assertThat(found)
        .containsExactly(
            "$.sections[0].leaves[1].text NotBlank",
            "$.sections[0].leaves[2] NotNull",
            "$.sections[1].leaves Size",
            "$.sections[1].name NotBlank",
            "$.title NotBlank");
  }

  @Test
  void listsOfTwoPatternsAtOneDepthEachValidateTheirItemsOnce() {
    // $.sections[*] and $.boxes[*] lie at one depth, each with its own list validated once; the
    // sections come again after the boxes, so the validator of their pattern is wanted again
    BindingSession<Shelves> session = StreamingBinder.of(Shelves.class).open();
    session.feed(
        """
        {"sections":[{"name":"a","leaves":[{"text":"x"}]},{"name":"b","leaves":[{"text":"y"}]}],
         "boxes":[{"name":"c","notes":[{"text":""}]},{"name":"d","notes":[{"text":"z"}]}],
         "sections":[{"name":"e","leaves":[{"text":"w"}]}]}""");
    assertThat(paths(session.result().violations()))
        .containsExactly("$.boxes[0].notes[0].text NotBlank");
    assertThat(CHECKS.get()).isEqualTo(5); // five leaves, each validated as it closed
  }

  @Test
  void sessionsOfOneBinderInterleavedEachValidateTheirItemsOnce() {
    // the binder's validator is shared; what to cut is the session's own
    List<String> expected = violations(StreamingBinder.of(Doc.class));
    CHECKS.set(0);
    StreamingBinder<Doc> binder = StreamingBinder.of(Doc.class);
    BindingSession<Doc> first = binder.open();
    BindingSession<Doc> second = binder.open();
    int half = JSON.indexOf("{\"name\":\"c\"");
    first.feed(JSON.substring(0, half));
    second.feed(JSON.substring(0, half));
    second.feed(JSON.substring(half));
    first.feed(JSON.substring(half));
    assertThat(paths(first.result().violations())).isEqualTo(expected);
    assertThat(paths(second.result().violations())).isEqualTo(expected);
    assertThat(CHECKS.get()).isEqualTo(8); // four leaves each, all validated as they closed
  }

  private static List<String> paths(List<Violation> violations) {
    return violations.stream().map(v -> v.path() + " " + v.constraint().getSimpleName()).toList();
  }

  @Test
  void anItemKeepsTheViolationsOfTheItemsInside() {
    BindingSession<Doc> session = StreamingBinder.of(Doc.class).open();
    List<BoundItem<Section>> sections = new ArrayList<>();
    session.onCheckedItem("$.sections[*]", Section.class, sections::add);
    session.feed(JSON);
    session.result();
    assertThat(sections).hasSize(3);
    assertThat(sections.get(0).violations())
        .extracting(v -> v.path() + " " + v.constraint().getSimpleName())
        .containsExactly(
            "$.sections[0].leaves[1].text NotBlank", "$.sections[0].leaves[2] NotNull");
    assertThat(sections.get(2).isValid()).isTrue();
  }

  @Test
  void aRootListsItemsAreValidatedOnce() {
    StreamingBinder<List<Leaf>> binder =
        StreamingBinder.builder(new GenericType<List<Leaf>>() {}).build();
    BindingSession<List<Leaf>> session = binder.open();
    session.feed("[{\"text\":\"a\"},{\"text\":\"\"}]");
    assertThat(session.result().violations())
        .extracting(v -> v.path() + " " + v.constraint().getSimpleName())
        .containsExactly("$[1].text NotBlank");
    assertThat(CHECKS.get()).isEqualTo(2);
  }

  @Test
  void aUsersValidatorValidatesAgainAndReportsTheSame() {
    jakarta.validation.Validator users =
        jakarta.validation.Validation.byProvider(HibernateValidator.class)
            .configure()
            .messageInterpolator(new ParameterMessageInterpolator())
            .buildValidatorFactory()
            .getValidator();
    List<String> found = violations(StreamingBinder.builder(Doc.class).validator(users).build());
    assertThat(CHECKS.get()).isGreaterThan(4); // documented: validated inside parents again
    CHECKS.set(0);
    assertThat(found).isEqualTo(violations(StreamingBinder.of(Doc.class)));
  }

  /** Paths of a few names and small indexes, so that many pairs share their pattern. */
  @Provide
  Arbitrary<JsonPath> paths() {
    Arbitrary<Object> segment =
        Arbitraries.oneOf(
            Arbitraries.of("a", "b", "items", "a.b"), Arbitraries.integers().between(0, 2));
    return segment
        .list()
        .ofMaxSize(4)
        .map(
            segments -> {
              JsonPath path = JsonPath.root();
              for (Object s : segments) {
                path = s instanceof String name ? path.field(name) : path.index((Integer) s);
              }
              return path;
            });
  }

  @Property(tries = 2000)
  void itemsShareAValidatorExactlyWhenTheirListsShareAPattern(
      @ForAll("paths") JsonPath a, @ForAll("paths") JsonPath b) {
    // the session looks a list's validator up again only for a list of another pattern
    assertThat(ClosingItems.samePattern(a, b))
        .as(a + " " + b)
        .isEqualTo(Checker.pattern(a).equals(Checker.pattern(b)));
    JsonPath shared = a.field("items");
    assertThat(ClosingItems.samePattern(shared.index(1), shared.index(2))).isTrue();
  }

  private static List<String> violations(StreamingBinder<Doc> binder) {
    BindingSession<Doc> session = binder.open();
    session.feed(JSON);
    return session.result().violations().stream()
        .map(v -> v.path() + " " + v.constraint().getSimpleName())
        .toList();
  }
}
