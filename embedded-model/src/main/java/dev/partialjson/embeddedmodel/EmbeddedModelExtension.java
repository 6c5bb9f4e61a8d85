package dev.partialjson.embeddedmodel;

import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Runs an {@link EmbeddedModel} for a JUnit 5 test class: started before all its tests, closed
 * after them.
 *
 * <pre>{@code
 * @RegisterExtension
 * static EmbeddedModelExtension MODEL = EmbeddedModelExtension.create();
 * ... MODEL.model().openAiBaseUrl() ...
 * }</pre>
 *
 * or {@code @ExtendWith(EmbeddedModelExtension.class)} and an {@code EmbeddedModel} parameter on a
 * test method. Thread-safe for tests that run in parallel within the class.
 */
public final class EmbeddedModelExtension
    implements BeforeAllCallback, AfterAllCallback, ParameterResolver {
  private final EmbeddedModel.Builder builder;
  private volatile @Nullable EmbeddedModel model;
  // Nested test classes run before-all and after-all again: the outermost class owns the model.
  private int classes;

  /** Used by {@code @ExtendWith}: a model with the defaults of {@link EmbeddedModel#start()}. */
  public EmbeddedModelExtension() {
    this(EmbeddedModel.builder());
  }

  private EmbeddedModelExtension(EmbeddedModel.Builder builder) {
    this.builder = builder;
  }

  /** Returns an extension for a model with the defaults of {@link EmbeddedModel#start()}. */
  public static EmbeddedModelExtension create() {
    return new EmbeddedModelExtension();
  }

  /** Returns an extension for a model configured by {@code builder} (port, seed, pace). */
  public static EmbeddedModelExtension create(EmbeddedModel.Builder builder) {
    return new EmbeddedModelExtension(Objects.requireNonNull(builder, "builder == null"));
  }

  /**
   * Returns the running model.
   *
   * @throws IllegalStateException outside the test class's lifetime (before all, after all)
   */
  public EmbeddedModel model() {
    EmbeddedModel running = model;
    if (running == null) {
      throw new IllegalStateException(
          "the embedded model runs only between the test class's before-all and after-all"
              + " (register the extension on a static field)");
    }
    return running;
  }

  @Override
  public synchronized void beforeAll(ExtensionContext context) {
    if (classes++ == 0) {
      model = builder.start();
    }
  }

  @Override
  public synchronized void afterAll(ExtensionContext context) {
    if (--classes > 0) {
      return;
    }
    EmbeddedModel running = model;
    model = null;
    if (running != null) {
      running.close();
    }
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == EmbeddedModel.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    return model();
  }
}
