package dev.partialjson.binding;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Valid;
import jakarta.validation.Validator;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

/**
 * Generated lists of generated records, serialized by Jackson and cut anywhere (bytes or chars,
 * between the halves of a surrogate pair too): the items arrive in order, each equal to the
 * original; the final value equals the original; and the violations found while streaming are
 * exactly those Hibernate Validator finds on the final object.
 */
class BindingPropertiesTest {
  private static final ObjectMapper JACKSON = new ObjectMapper();
  private static final Validator VALIDATOR = Defaults.validator();
  private static final StreamingBinder<Batch> BINDER = StreamingBinder.of(Batch.class);

  enum Status {
    TODO,
    DOING,
    DONE
  }

  record Sub(@Size(max = 5) String name, long id) {}

  record Work(
      @NotBlank String title,
      @NotNull Status status,
      @Min(0) int estimate,
      double score,
      List<@Valid Sub> subtasks) {}

  record Batch(List<@Valid Work> tasks) {}

  @Provide
  Arbitrary<String> texts() {
    Arbitrary<String> printable =
        Arbitraries.strings()
            .withCharRange(' ', '~')
            .withChars('é', '€', 'ß', '"', '\\', '\n', '\t', '\u0001', '\u2028')
            .ofMaxLength(12);
    Arbitrary<String> special = Arbitraries.of("", " ", "🚀", "naïve café", "日本語", "a\"b\\c");
    return Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(4, printable),
        net.jqwik.api.Tuple.of(1, special),
        net.jqwik.api.Tuple.of(1, Combinators.combine(printable, special).as((a, b) -> a + b)));
  }

  @Provide
  Arbitrary<Batch> batches() {
    Arbitrary<Sub> sub = Combinators.combine(texts(), Arbitraries.longs()).as(Sub::new);
    Arbitrary<Work> work =
        Combinators.combine(
                texts(),
                Arbitraries.of(Status.class).injectNull(0.1),
                Arbitraries.integers().between(-3, 1_000_000),
                Arbitraries.doubles().between(-1e12, 1e12).ofScale(6).map(d -> d.doubleValue()),
                sub.list().ofMaxSize(3))
            .as(Work::new);
    return work.list().ofMaxSize(6).map(Batch::new);
  }

  @Property(tries = 300)
  void itemsFinalValueAndViolationsAgreeWithJackson(
      @ForAll("batches") Batch batch,
      @ForAll List<@net.jqwik.api.constraints.IntRange(min = 0, max = 100_000) Integer> cuts,
      @ForAll boolean asText)
      throws JsonProcessingException {
    String json = JACKSON.writeValueAsString(batch);
    Statistics.label("text").collect(json.chars().anyMatch(c -> c > 127) ? "non-ASCII" : "ASCII");
    BindingSession<Batch> session = BINDER.open();
    List<Work> items = new ArrayList<>();
    Set<String> streamed = new TreeSet<>();
    session.onCheckedItem(
        "$.tasks[*]",
        Work.class,
        item -> {
          items.add(item.value());
          item.violations().forEach(v -> streamed.add(v.path() + " " + v.message()));
        });
    feed(session, json, cuts, asText);
    BindingResult<Batch> result = session.result();

    assertThat(result.error()).isNull();
    assertThat(items).isEqualTo(batch.tasks());
    assertThat(result.value()).isEqualTo(batch);
    Set<String> expected = new TreeSet<>();
    for (ConstraintViolation<Batch> v : VALIDATOR.validate(batch)) {
      expected.add("$." + v.getPropertyPath() + " " + v.getMessage());
    }
    Statistics.label("violations").collect(expected.isEmpty() ? "none" : "some");
    assertThat(streamed).isEqualTo(expected);
    Set<String> reported = new TreeSet<>();
    result.violations().forEach(v -> reported.add(v.path() + " " + v.message()));
    assertThat(reported).isEqualTo(expected);
    assertThat(result.violations()).hasSize(expected.size()); // none reported twice
  }

  private static void feed(
      BindingSession<?> session, String json, List<Integer> cuts, boolean asText) {
    if (asText) {
      int from = 0;
      for (int cut : new TreeSet<>(cuts)) {
        int to = Math.min(cut % (json.length() + 1), json.length());
        if (to > from) {
          session.feed(json.substring(from, to));
          from = to;
        }
      }
      session.feed(json.substring(from));
    } else {
      byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
      int from = 0;
      for (int cut : new TreeSet<>(cuts)) {
        int to = Math.min(cut % (bytes.length + 1), bytes.length);
        if (to > from) {
          session.feed(bytes, from, to - from);
          from = to;
        }
      }
      session.feed(bytes, from, bytes.length - from);
    }
  }
}
