package dev.partialjson.binding;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.partialjson.binding.spi.DataType;
import dev.partialjson.binding.spi.Databind;
import dev.partialjson.binding.spi.Tokens;
import dev.partialjson.parser.IncrementalJsonParser;
import dev.partialjson.parser.JsonPath;
import dev.partialjson.parser.JsonPathPattern;
import dev.partialjson.parser.ParserOptions;
import dev.partialjson.testkit.Splits;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A list item bound as it closed stands in for its tokens when its parents and the final value are
 * bound, where databind would read it the same way: each item is bound once, and the final value
 * holds the very instances the callbacks got. Where databind would read it otherwise (a Jackson
 * annotation on the list, a polymorphic item), the item is bound again from its tokens.
 */
class HeldItemsTest {
  static final AtomicInteger LEAVES = new AtomicInteger();
  static final AtomicInteger SECTIONS = new AtomicInteger();

  record Leaf(@NotBlank String text) {
    Leaf {
      LEAVES.incrementAndGet();
    }
  }

  record Section(String name, List<@Valid Leaf> leaves) {
    Section {
      SECTIONS.incrementAndGet();
    }
  }

  record Doc(String title, List<@Valid Section> sections, @JsonProperty("n") int count) {}

  private static final String DOC =
      """
      {"title":"t","sections":[
        {"name":"a","leaves":[{"text":"x"},{"text":"y \\u00e9"}]},
        {"name":"b","leaves":[]},
        {"name":"c","leaves":[{"text":"z"},null,{"text":"w"}]}],"n":7}""";

  @BeforeEach
  void reset() {
    LEAVES.set(0);
    SECTIONS.set(0);
  }

  @Test
  void bindsEachItemOnceAndTheFinalValueHoldsTheItemsHandedOut() {
    StreamingBinder<Doc> binder = StreamingBinder.of(Doc.class);
    Doc expected = jackson(DOC, Doc.class);
    for (Splits.Split split : Sweep.of(DOC)) {
      reset();
      List<Leaf> leaves = new ArrayList<>();
      List<Section> sections = new ArrayList<>();
      Doc doc;
      try (BindingSession<Doc> session = binder.open()) {
        session.onItem("$.sections[*].leaves[*]", Leaf.class, leaves::add);
        session.onItem("$.sections[*]", Section.class, sections::add);
        Sweep.feed(split, session);
        doc = session.complete();
      }
      assertThat(doc).as(split.name()).isEqualTo(expected);
      assertThat(LEAVES.get()).as(split.name()).isEqualTo(4);
      assertThat(SECTIONS.get()).as(split.name()).isEqualTo(3);
      assertThat(doc.sections()).as(split.name()).hasSize(3);
      for (int i = 0; i < 3; i++) {
        assertThat(doc.sections().get(i)).isSameAs(sections.get(i));
      }
      List<Leaf> held = new ArrayList<>(doc.sections().get(0).leaves());
      held.addAll(doc.sections().get(2).leaves());
      held.remove(null);
      assertThat(held).hasSize(4);
      for (int i = 0; i < 4; i++) {
        assertThat(held.get(i)).isSameAs(leaves.get(i));
      }
    }
  }

  @Test
  void aListItemsTypeBoundByCallbackToAnotherTypeIsNotHeld() {
    List<Map<String, Object>> maps = new ArrayList<>();
    Doc doc;
    try (BindingSession<Doc> session = StreamingBinder.of(Doc.class).open()) {
      session.onValue("$.sections[*]", Map.class, maps::add);
      session.feed(DOC);
      doc = session.complete();
    }
    assertThat(doc).isEqualTo(jackson(DOC, Doc.class));
    // The map of a section holds its leaves as JSON objects, not as the Leaf records bound inside.
    assertThat(maps.get(0).get("leaves"))
        .isEqualTo(List.of(Map.of("text", "x"), Map.of("text", "y é")));
  }

  /**
   * Classes, not records: Jackson reads this annotation off a field, and does not ignore a
   * creator's.
   */
  static final class Task {
    public String title;
    public String secret;
  }

  static final class Plan {
    @JsonIgnoreProperties("secret")
    public List<@Valid Task> tasks;
  }

  private static final String PLAN = "{\"tasks\":[{\"title\":\"a\",\"secret\":\"s\"}]}";

  @Test
  void itemsOfAListThatJacksonReadsOtherwiseAreBoundAgainFromTheirTokens() {
    List<Task> items = new ArrayList<>();
    Plan plan;
    try (BindingSession<Plan> session = StreamingBinder.of(Plan.class).open()) {
      session.onItem("$.tasks[*]", Task.class, items::add);
      session.feed(PLAN);
      plan = session.complete();
    }
    // The item alone keeps its secret; in the list, Jackson ignores it, and so does the final
    // value.
    assertThat(items).singleElement().extracting(t -> t.secret).isEqualTo("s");
    assertThat(jackson(PLAN, Plan.class).tasks).singleElement().extracting(t -> t.secret).isNull();
    assertThat(plan.tasks)
        .singleElement()
        .extracting(t -> t.title, t -> t.secret)
        .containsExactly("a", null);
  }

  @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "kind")
  @JsonSubTypes({@JsonSubTypes.Type(value = Note.class, name = "note")})
  sealed interface Part permits Note {}

  record Note(String text) implements Part {}

  record Page(List<@Valid Part> parts) {}

  @Test
  void polymorphicItemsAreBoundAgainFromTheirTokens() {
    String json =
        "{\"parts\":[{\"kind\":\"note\",\"text\":\"a\"},{\"kind\":\"note\",\"text\":\"b\"}]}";
    List<Part> parts = new ArrayList<>();
    Page page;
    try (BindingSession<Page> session = StreamingBinder.of(Page.class).open()) {
      session.onItem("$.parts[*]", Part.class, parts::add);
      session.feed(json);
      page = session.complete();
    }
    assertThat(page).isEqualTo(jackson(json, Page.class));
    assertThat(page.parts()).isEqualTo(parts);
    assertThat(page.parts().get(0)).isNotSameAs(parts.get(0));
  }

  @Test
  void aHeldValueThatCannotStandInFallsBackToItsTokens() {
    Databind databind = Defaults.databind();
    Binder binder = new Binder(databind);
    JsonPath root = JsonPath.root();
    TokenRecorder whole = new TokenRecorder(databind, root);
    JsonPath section = root.field("sections").index(0);
    TokenRecorder tokens = new TokenRecorder(databind, section);
    tokens.startObject(section);
    tokens.scalar(section.field("name"), "a");
    tokens.startArray(section.field("leaves"));
    tokens.endArray();
    tokens.endObject();
    whole.startObject(root);
    whole.scalar(root.field("title"), "t");
    whole.startArray(root.field("sections"));
    whole.hold(section, "not a section", tokens); // a value databind does not take for a Section
    whole.endArray();
    whole.scalar(root.field("n"), 7);
    whole.endObject();

    DataType type = databind.constructType(Doc.class);
    assertThat(binder.bind(type, whole))
        .isEqualTo(new Doc("t", List.of(new Section("a", List.of())), 7));
  }

  @Test
  void heldItemsExpandToEveryTokenOfTheDocument() throws IOException {
    for (boolean bound : new boolean[] {true, false}) {
      Subscription sections =
          new Subscription(
              JsonPathPattern.compile("$.sections[*]"), type(Section.class), true, true);
      Subscription leaves =
          new Subscription(
              JsonPathPattern.compile("$.sections[*].leaves[*]"), type(Leaf.class), true, true);
      // Binds nothing: each value is held as its path, or (bound == false) recorded as tokens.
      Recorder recorder =
          new Recorder(
              DATABIND,
              List.of(sections, leaves),
              List.of(),
              (s, tokens) -> bound ? tokens.root().toString() : Recorder.NOT_BOUND);
      IncrementalJsonParser parser = IncrementalJsonParser.create(ParserOptions.strict(), recorder);
      byte[] bytes = DOC.getBytes(StandardCharsets.UTF_8);
      for (byte b : bytes) {
        parser.feed(new byte[] {b}, 0, 1);
      }
      parser.finish();

      TokenRecorder whole = recorder.whole();
      assertThat(whole.holds()).isEqualTo(bound);
      assertThat(tree(whole.expanded())).isEqualTo(jackson(DOC, Object.class));
      if (bound) {
        // Only the sections are held in the whole: the leaves are held inside their sections.
        assertThat(embedded(whole.buffer()))
            .containsExactly("$.sections[0]", "$.sections[1]", "$.sections[2]");
      }
    }
  }

  private static final Databind DATABIND = Defaults.databind();

  private static DataType type(Class<?> type) {
    return DATABIND.constructType(type);
  }

  /** Returns the recorded value as plain maps, lists and scalars, as databind binds Object. */
  private static @Nullable Object tree(Tokens tokens) {
    return DATABIND.bind(DATABIND.constructType(Object.class), tokens, false);
  }

  private static List<Object> embedded(Tokens tokens) {
    List<Object> found = new ArrayList<>();
    tokens.replay(DATABIND.newTokens(), (index, value, out) -> found.add(value));
    return found;
  }

  private static <V> V jackson(String json, Class<V> type) {
    try {
      return new ObjectMapper().readValue(json, type);
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }
}
