package dev.partialjson.binding;

import static org.assertj.core.api.Assertions.assertThat;

import dev.partialjson.binding.Models.Circle;
import dev.partialjson.binding.Models.Drawing;
import dev.partialjson.binding.Models.Rect;
import dev.partialjson.binding.Models.Shape;
import dev.partialjson.testkit.Splits;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A list of a sealed interface with {@code @JsonTypeInfo}: each item binds as it closes. */
class PolymorphismTest {
  private static final String DRAWING =
      "{\"title\":\"plan\",\"shapes\":[{\"type\":\"circle\",\"label\":\"sun\",\"radius\":1.5},"
          + "{\"label\":\"door\",\"width\":1,\"height\":2.25,\"type\":\"rect\"},"
          + "{\"type\":\"circle\",\"label\":\"bad\",\"radius\":-1}]}";

  @Test
  void bindsEachSubtypeWhenItsItemCloses() {
    StreamingBinder<Drawing> binder = StreamingBinder.of(Drawing.class);
    for (Splits.Split split : Sweep.of(DRAWING)) {
      BindingSession<Drawing> session = binder.open();
      List<BoundItem<Shape>> items = new ArrayList<>();
      session.onCheckedItem("$.shapes[*]", Shape.class, items::add);
      Sweep.feed(split, session);
      assertThat(items)
          .as(split.name())
          .extracting(BoundItem::value)
          .containsExactly(
              new Circle("sun", 1.5), new Rect("door", 1, 2.25), new Circle("bad", -1));
      assertThat(items.get(2).violations())
          .extracting(Violation::toString)
          .containsExactly("$.shapes[2].radius must be greater than 0");
      BindingResult<Drawing> result = session.result();
      assertThat(result.value().shapes()).hasSize(3);
      assertThat(result.violations())
          .extracting(Violation::toString)
          .containsExactly("$.shapes[2].radius must be greater than 0");
    }
  }
}
