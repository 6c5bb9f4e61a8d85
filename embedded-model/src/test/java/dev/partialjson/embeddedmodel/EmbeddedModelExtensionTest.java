package dev.partialjson.embeddedmodel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The JUnit 5 extension: one model per test class, nested classes included. */
class EmbeddedModelExtensionTest {
  @RegisterExtension static EmbeddedModelExtension MODEL = EmbeddedModelExtension.create();

  private static EmbeddedModel seenByOuter;

  @BeforeAll
  static void seeTheModel() {
    seenByOuter = MODEL.model(); // the extension's before-all runs before the class's own
  }

  @Test
  void runsOneModelForTheClass() {
    assertThat(MODEL.model()).isSameAs(seenByOuter);
    assertThat(MODEL.model().baseUrl().getPort()).isPositive();
  }

  @Nested
  class Inner {
    @Test
    void seesTheSameModelAsTheOuterClass() {
      assertThat(MODEL.model()).isSameAs(seenByOuter);
    }
  }

  @Test
  void outsideATestClassTheModelIsNotRunning() {
    EmbeddedModelExtension idle = EmbeddedModelExtension.create();

    assertThatThrownBy(idle::model)
        .isInstanceOf(IllegalStateException.class)
        .hasMessage(
            "the embedded model runs only between the test class's before-all and after-all"
                + " (register the extension on a static field)");
  }

  @Nested
  @ExtendWith(EmbeddedModelExtension.class)
  class AsAParameter {
    @Test
    void resolvesAnEmbeddedModelParameter(EmbeddedModel model) {
      assertThat(model.openAiBaseUrl().toString()).endsWith("/v1");
    }
  }
}
