package dev.partialjson.openai;

import dev.partialjson.binding.BindingSession;
import dev.partialjson.binding.StreamingBinder;
import java.util.Objects;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * What a caller registered on a {@link ChatCompletionBinding} or a {@link ResponseBinding}: the
 * answer's binder and session hook, the tools' binders, and the reasoning, refusal and text
 * listeners. The readers of both APIs read it. Confined to the thread that configures and then
 * streams.
 */
final class Registrations<T> {
  private final @Nullable StreamingBinder<T> binder;
  private final ToolBinders tools = new ToolBinders();
  private Consumer<? super BindingSession<T>> onSession = session -> {};
  private DeltaListener reasoning = (index, delta) -> {};
  private DeltaListener refusal = (index, delta) -> {};
  private DeltaListener text = (index, delta) -> {};

  Registrations(@Nullable StreamingBinder<T> binder) {
    this.binder = binder;
  }

  void onSession(Consumer<? super BindingSession<T>> onSession) {
    this.onSession = Objects.requireNonNull(onSession, "onSession == null");
  }

  <A> void tool(
      String name, StreamingBinder<A> arguments, Consumer<? super BindingSession<A>> onSession) {
    tools.add(Objects.requireNonNull(name, "name == null"), arguments, onSession);
  }

  void reasoning(DeltaListener listener) {
    this.reasoning = Objects.requireNonNull(listener, "listener == null");
  }

  void refusal(DeltaListener listener) {
    this.refusal = Objects.requireNonNull(listener, "listener == null");
  }

  void text(DeltaListener listener) {
    this.text = Objects.requireNonNull(listener, "listener == null");
  }

  @Nullable StreamingBinder<T> binder() {
    return binder;
  }

  ToolBinders tools() {
    return tools;
  }

  Consumer<? super BindingSession<T>> onSession() {
    return onSession;
  }

  DeltaListener reasoning() {
    return reasoning;
  }

  DeltaListener refusal() {
    return refusal;
  }

  DeltaListener text() {
    return text;
  }
}
