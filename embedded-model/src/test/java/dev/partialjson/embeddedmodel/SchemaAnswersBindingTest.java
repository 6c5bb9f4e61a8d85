package dev.partialjson.embeddedmodel;

import static org.assertj.core.api.Assertions.assertThat;

import dev.partialjson.binding.BindingResult;
import dev.partialjson.binding.BindingSession;
import dev.partialjson.binding.GenericType;
import dev.partialjson.binding.PropertyOrder;
import dev.partialjson.binding.StreamingBinder;
import dev.partialjson.binding.Violation;
import dev.partialjson.embeddedmodel.SchemaAnswers.InvalidItem;
import dev.partialjson.parser.JsonPath;
import dev.partialjson.schema.ModelSchema;
import dev.partialjson.schema.SchemaMode;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/**
 * Answers for the schemas {@link ModelSchema} writes for records, in both modes, bound and
 * validated by the records' own {@link StreamingBinder}: a valid answer binds with no violation, an
 * answer with an invalid item has exactly one violation, on that item; in either property order.
 * The schema validator checks both too, independently of binding.
 */
class SchemaAnswersBindingTest {
  /** A record, the mode of its schema, and whether a list item of it has a bound to break. */
  record Case(String name, StreamingBinder<?> binder, String schema, boolean boundedItems) {
    static Case of(Class<?> type, SchemaMode mode, boolean boundedItems) {
      return of(type, mode, boundedItems, PropertyOrder.DECLARATION);
    }

    static Case of(Class<?> type, SchemaMode mode, boolean boundedItems, PropertyOrder order) {
      StreamingBinder<?> binder = StreamingBinder.builder(type).propertyOrder(order).build();
      return new Case(
          type.getSimpleName() + " " + mode + " " + order,
          binder,
          ModelSchema.of(binder, mode).toJson(),
          boundedItems);
    }

    SchemaAnswers answers() {
      return SchemaAnswers.forSchema(schema);
    }

    @Override
    public String toString() {
      return name;
    }
  }

  private static final List<Case> CASES = allCases();

  private static List<Case> allCases() {
    List<Case> cases = new ArrayList<>();
    for (SchemaMode mode : SchemaMode.values()) {
      cases.add(Case.of(Records.Plan.class, mode, true));
      cases.add(Case.of(Records.Grid.class, mode, true));
      cases.add(Case.of(Records.Discussion.class, mode, true));
      cases.add(Case.of(Records.Drawing.class, mode, true));
      cases.add(Case.of(Records.Crew.class, mode, true));
      cases.add(Case.of(Records.Book.class, mode, false));
    }
    // Answers in streaming order (short values first) bind as the declared order's do.
    for (SchemaMode mode : SchemaMode.values()) {
      cases.add(Case.of(Records.Plan.class, mode, true, PropertyOrder.STREAMING));
      cases.add(Case.of(Records.Drawing.class, mode, true, PropertyOrder.STREAMING));
      cases.add(Case.of(Records.Crew.class, mode, true, PropertyOrder.STREAMING));
    }
    cases.add(Case.of(Records.Team.class, SchemaMode.PLAIN, true, PropertyOrder.STREAMING));
    // Length bounds and maps are in the plain schema only (strict mode has neither).
    cases.add(Case.of(Records.Team.class, SchemaMode.PLAIN, true));
    cases.add(Case.of(Records.Scores.class, SchemaMode.PLAIN, true));
    StreamingBinder<List<Records.Task>> list = StreamingBinder.of(new GenericType<>() {});
    cases.add(
        new Case("List<Task> PLAIN", list, ModelSchema.of(list, SchemaMode.PLAIN).toJson(), true));
    return cases;
  }

  @Provide
  Arbitrary<Case> cases() {
    return Arbitraries.of(CASES);
  }

  @Provide
  Arbitrary<Case> boundedCases() {
    return Arbitraries.of(CASES.stream().filter(Case::boundedItems).toList());
  }

  @Property(tries = 400)
  void validAnswersBindWithNoViolationAndConformToTheSchema(
      @ForAll("cases") Case c, @ForAll long seed) {
    String json = c.answers().valid(seed);

    BindingResult<?> result = bind(c, json);

    assertThat(result.error()).as(json).isNull();
    assertThat(result.violations()).as(json).isEmpty();
    assertThat(result.value()).as(json).isNotNull();
    assertThat(Conformance.errors(c.schema(), json)).as(json).isEmpty();
  }

  @Property(tries = 400)
  void anInvalidItemBreaksExactlyOneBoundOfOneListItem(
      @ForAll("boundedCases") Case c, @ForAll long seed) {
    InvalidItem bad = c.answers().invalidItem(seed).orElseThrow();

    BindingResult<?> result = bind(c, bad.json());

    assertThat(result.error()).as(bad.toString()).isNull();
    assertThat(result.violations()).as(bad.toString()).hasSize(1);
    Violation violation = result.violations().get(0);
    JsonPath item = JsonPath.parse(bad.itemPath());
    assertThat(item.isIndex()).as(bad.itemPath()).isTrue();
    assertThat(violation.path()).as(bad.toString()).isEqualTo(JsonPath.parse(bad.valuePath()));
    assertThat(violation.path().startsWith(item)).isTrue();
    assertThat(Conformance.errors(c.schema(), bad.json())).as(bad.toString()).isNotEmpty();
  }

  @Test
  void aRecordWithNoBoundInItsListItemsHasNoInvalidItem() {
    for (Case c : CASES) {
      if (!c.boundedItems()) {
        for (long seed = 0; seed < 20; seed++) {
          assertThat(c.answers().withInvalidItem(seed)).as(c.name()).isEmpty();
        }
      }
    }
  }

  private static BindingResult<?> bind(Case c, String json) {
    BindingSession<?> session = c.binder().open();
    // Fed in small pieces, as the server will stream it.
    for (int i = 0; i < json.length(); i += 7) {
      session.feed(json.subSequence(i, Math.min(json.length(), i + 7)));
    }
    return session.result();
  }
}
