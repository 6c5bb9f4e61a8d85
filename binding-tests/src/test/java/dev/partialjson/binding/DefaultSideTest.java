package dev.partialjson.binding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.partialjson.binding.spi.Databind;
import dev.partialjson.binding.spi.DatabindProvider;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A binder given no databind uses the one Jackson side on the class path, and refuses none or two
 * with a message that says what to add or how to choose.
 */
class DefaultSideTest {
  @Test
  void theOneSideOnTheClassPathIsTheDefault() {
    String expected = Side.current() == Side.JACKSON3 ? "Jackson 3." : "Jackson 2.";
    assertThat(Defaults.databind().describe()).startsWith(expected);
  }

  @Test
  void refusesNoSide() {
    assertThatThrownBy(() -> Defaults.choose(List.of()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage(
            "No Jackson for binding: add dev.partialjson:partialjson-binding (Jackson 2) or"
                + " dev.partialjson:partialjson-binding-jackson3 (Jackson 3), or give the binder a"
                + " databind with StreamingBinder.Builder#databind");
  }

  @Test
  void refusesTwoSides() {
    DatabindProvider one = provider("partialjson-binding (Jackson 2)");
    DatabindProvider two = provider("partialjson-binding-jackson3 (Jackson 3)");
    assertThatThrownBy(() -> Defaults.choose(List.of(one, two)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage(
            "More than one Jackson side for binding on the class path [partialjson-binding"
                + " (Jackson 2), partialjson-binding-jackson3 (Jackson 3)]: choose with"
                + " StreamingBinder.Builder#databind (Jackson2Databind.of(objectMapper) or"
                + " Jackson3Databind.of(jsonMapper))");
  }

  private static DatabindProvider provider(String artifact) {
    return new DatabindProvider() {
      @Override
      public String artifact() {
        return artifact;
      }

      @Override
      public Databind defaultDatabind() {
        throw new AssertionError("not chosen");
      }
    };
  }
}
