package dev.partialjson.binding;

import static dev.partialjson.binding.ModelSchemaTest.names;
import static dev.partialjson.binding.ModelSchemaTest.texts;
import static dev.partialjson.binding.ModelSchemaTest.tree;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.JsonNode;
import dev.partialjson.schema.ModelSchema;
import dev.partialjson.schema.SchemaMode;
import dev.partialjson.testkit.Splits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** {@link PropertyOrder#STREAMING}: short values first, explicit orders kept, binding unchanged. */
class PropertyOrderTest {
  enum Priority {
    LOW,
    HIGH
  }

  record Customer(String notes, @Size(max = 60) String name, String id) {}

  record Ticket(
      String reply,
      List<String> actions,
      @Size(max = 40) String subject,
      Priority priority,
      int minutes,
      @Size(max = 101) String headline,
      boolean urgent,
      LocalDate due,
      Customer customer,
      @JsonProperty("ticket_id") String ticketId,
      UUID trace) {}

  @Test
  void streamingPutsIdentifiersThenShortScalarsThenProseListsAndObjectsInDeclarationOrder() {
    JsonNode schema = plain(Ticket.class, PropertyOrder.STREAMING);

    assertThat(names(schema.get("properties")))
        .containsExactly(
            "ticket_id",
            "subject",
            "priority",
            "minutes",
            "urgent",
            "due",
            "trace",
            "reply",
            "actions",
            "headline",
            "customer");
  }

  @Test
  void declarationOrderIsTheDefaultAndUnchanged() {
    JsonNode schema =
        tree(ModelSchema.of(StreamingBinder.of(Ticket.class), SchemaMode.PLAIN).toJson());

    assertThat(names(schema.get("properties")))
        .containsExactly(
            "reply",
            "actions",
            "subject",
            "priority",
            "minutes",
            "headline",
            "urgent",
            "due",
            "customer",
            "ticket_id",
            "trace");
    assertThat(StreamingBinder.of(Ticket.class).propertyOrder())
        .isEqualTo(PropertyOrder.DECLARATION);
    assertThat(ModelSchema.of(Ticket.class, SchemaMode.PLAIN).propertyOrder())
        .isEqualTo(PropertyOrder.DECLARATION);
  }

  @Test
  void nestedObjectsAreOrderedTheSameWay() {
    JsonNode customer =
        plain(Ticket.class, PropertyOrder.STREAMING).get("properties").get("customer");

    assertThat(names(customer.get("properties"))).containsExactly("id", "name", "notes");
  }

  record Transfer(String memo, Customer from, Customer to) {}

  @Test
  void everyDefinitionIsOrderedAndItsReferencesStayLong() {
    JsonNode schema = plain(Transfer.class, PropertyOrder.STREAMING);

    assertThat(names(schema.get("properties"))).containsExactly("memo", "from", "to");
    assertThat(schema.get("properties").get("from").get("$ref").asText())
        .isEqualTo("#/$defs/Customer");
    assertThat(names(schema.get("$defs").get("Customer").get("properties")))
        .containsExactly("id", "name", "notes");
  }

  @JsonPropertyOrder({"notes", "id"})
  record Noted(String id, String notes, int count, String more) {}

  record Holder(String story, Noted noted, boolean flag) {}

  @Test
  void anExplicitOrderIsKeptInEitherOrderAndItsParentIsStillOrdered() {
    for (PropertyOrder order : PropertyOrder.values()) {
      JsonNode schema = plain(Holder.class, order);
      JsonNode noted = schema.get("properties").get("noted");

      assertThat(names(noted.get("properties")))
          .as(order.name())
          .containsExactly("notes", "id", "count", "more");
      assertThat(schema.toString()).doesNotContain("x-partialjson");
    }
    assertThat(names(plain(Holder.class, PropertyOrder.STREAMING).get("properties")))
        .containsExactly("flag", "story", "noted");
  }

  @JsonPropertyOrder(alphabetic = true)
  record Sorted(String zeta, int alpha, String beta) {}

  @Test
  void anAlphabeticOrderIsKept() {
    assertThat(names(plain(Sorted.class, PropertyOrder.STREAMING).get("properties")))
        .containsExactly("alpha", "beta", "zeta");
  }

  @Test
  void theTypeIdComesFirstInEachSubtype() {
    JsonNode shapes =
        strict(Models.Drawing.class, PropertyOrder.STREAMING)
            .get("properties")
            .get("shapes")
            .get("items")
            .get("anyOf");

    assertThat(names(shapes.get(0).get("properties"))).containsExactly("type", "radius", "label");
    assertThat(names(shapes.get(1).get("properties")))
        .containsExactly("type", "width", "height", "label");
  }

  @Test
  void strictModeStillRequiresEveryPropertyInTheNewOrder() {
    JsonNode schema = strict(Ticket.class, PropertyOrder.STREAMING);

    List<String> properties = names(schema.get("properties"));
    assertThat(properties).startsWith("ticket_id", "subject", "priority");
    assertThat(texts(schema.get("required"))).containsExactlyElementsOf(properties);
    JsonNode customer = schema.get("properties").get("customer");
    assertThat(texts(customer.get("required"))).containsExactly("id", "name", "notes");
    assertThat(schema.toString()).doesNotContain("x-partialjson", "maxLength");
  }

  @Test
  void plainModeRequiredListsTheSameNamesInTheNewOrder() {
    record Mixed(@NotNull String body, @NotNull Priority priority, int count) {}

    JsonNode schema = plain(Mixed.class, PropertyOrder.STREAMING);

    assertThat(names(schema.get("properties"))).containsExactly("priority", "count", "body");
    assertThat(texts(schema.get("required"))).containsExactly("priority", "count", "body");
  }

  record Names(
      String valid,
      String paid,
      String customerId,
      String orderID,
      String id,
      List<String> tagIds) {}

  @Test
  void identifiersAreScalarsNamedIdOrEndingInAnIdWord() {
    assertThat(names(plain(Names.class, PropertyOrder.STREAMING).get("properties")))
        .containsExactly("customerId", "orderID", "id", "valid", "paid", "tagIds");
  }

  record Node(String label, List<Node> children, int depth, Node parent) {}

  @Test
  void aRecursiveTypeIsOrderedAndItsReferencesToItselfStayLong() {
    JsonNode schema = strict(Node.class, PropertyOrder.STREAMING);

    assertThat(names(schema.get("properties")))
        .containsExactly("depth", "label", "children", "parent");
  }

  record Ties(String first, String second, int a, int b, List<String> third, String fourth) {}

  @Test
  void tiesKeepDeclarationOrderAndTheSchemaIsTheSameEveryTime() {
    String once =
        ModelSchema.of(Ties.class, SchemaMode.OPENAI_STRICT, PropertyOrder.STREAMING).toJson();

    assertThat(names(tree(once).get("properties")))
        .containsExactly("a", "b", "first", "second", "third", "fourth");
    for (int i = 0; i < 3; i++) {
      assertThat(
              ModelSchema.of(Ties.class, SchemaMode.OPENAI_STRICT, PropertyOrder.STREAMING)
                  .toJson())
          .isEqualTo(once);
    }
  }

  @Test
  void theBinderCarriesTheOrderToItsSchema() {
    StreamingBinder<Ticket> binder =
        StreamingBinder.builder(Ticket.class).propertyOrder(PropertyOrder.STREAMING).build();

    assertThat(binder.propertyOrder()).isEqualTo(PropertyOrder.STREAMING);
    ModelSchema schema = ModelSchema.of(binder, SchemaMode.OPENAI_STRICT);
    assertThat(schema.propertyOrder()).isEqualTo(PropertyOrder.STREAMING);
    assertThat(schema.toJson())
        .isEqualTo(
            ModelSchema.of(Ticket.class, SchemaMode.OPENAI_STRICT, PropertyOrder.STREAMING)
                .toJson());
    assertThatThrownBy(() -> StreamingBinder.builder(Ticket.class).propertyOrder(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("order == null");
    assertThatThrownBy(() -> ModelSchema.of(Ticket.class, SchemaMode.PLAIN, null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("order == null");
  }

  /** Ticket without the date, which the default Jackson 2 mapper cannot bind without a module. */
  record Triage(
      String reply,
      List<String> actions,
      @Size(max = 40) String subject,
      Priority priority,
      int minutes,
      boolean urgent,
      Customer customer,
      @JsonProperty("ticket_id") String ticketId,
      UUID trace) {}

  @Test
  void aSessionBindsTheSameValueFromAnAnswerInEitherOrder() {
    String declared =
        "{\"reply\":\"Thanks, \\u00e9t\\u00e9 fixed\",\"actions\":[\"refund\",\"close\"],"
            + "\"subject\":\"Refund\",\"priority\":\"HIGH\",\"minutes\":12,\"urgent\":true,"
            + "\"customer\":{\"notes\":\"n\",\"name\":\"Ann\",\"id\":\"c1\"},\"ticket_id\":\"T-9\","
            + "\"trace\":\"123e4567-e89b-12d3-a456-426614174000\"}";
    StreamingBinder<Triage> binder =
        StreamingBinder.builder(Triage.class).propertyOrder(PropertyOrder.STREAMING).build();
    JsonNode schema = tree(ModelSchema.of(binder, SchemaMode.OPENAI_STRICT).toJson());
    // The same answer with its properties in the schema's order, as a model would write it.
    String streamed = inOrder(tree(declared), schema);
    assertThat(names(tree(streamed)))
        .containsExactly(
            "ticket_id",
            "subject",
            "priority",
            "minutes",
            "urgent",
            "trace",
            "reply",
            "actions",
            "customer");
    assertThat(names(tree(streamed).get("customer"))).containsExactly("id", "name", "notes");
    Triage expected =
        new Triage(
            "Thanks, \u00e9t\u00e9 fixed",
            List.of("refund", "close"),
            "Refund",
            Priority.HIGH,
            12,
            true,
            new Customer("n", "Ann", "c1"),
            "T-9",
            UUID.fromString("123e4567-e89b-12d3-a456-426614174000"));

    for (String answer : List.of(declared, streamed)) {
      for (Splits.Split split : Sweep.of(answer)) {
        try (BindingSession<Triage> session = binder.open()) {
          Sweep.feed(split, session);
          assertThat(session.complete()).as(split.name()).isEqualTo(expected);
        }
      }
    }
  }

  /** Returns {@code value} as JSON text with each object's members in {@code schema}'s order. */
  private static String inOrder(JsonNode value, JsonNode schema) {
    if (!value.isObject()) {
      return value.toString();
    }
    StringBuilder out = new StringBuilder("{");
    for (String name : names(schema.get("properties"))) {
      if (out.length() > 1) {
        out.append(',');
      }
      out.append('"').append(name).append("\":");
      out.append(inOrder(value.get(name), schema.get("properties").get(name)));
    }
    return out.append('}').toString();
  }

  private static JsonNode plain(Class<?> type, PropertyOrder order) {
    return tree(ModelSchema.of(type, SchemaMode.PLAIN, order).toJson());
  }

  private static JsonNode strict(Class<?> type, PropertyOrder order) {
    return tree(ModelSchema.of(type, SchemaMode.OPENAI_STRICT, order).toJson());
  }
}
