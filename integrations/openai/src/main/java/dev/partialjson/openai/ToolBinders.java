package dev.partialjson.openai;

import com.fasterxml.jackson.databind.JsonNode;
import dev.partialjson.binding.BindingSession;
import dev.partialjson.binding.StreamingBinder;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/** The argument types registered per function name, and the sessions opened for their calls. */
final class ToolBinders {
  /** Arguments of a function registered with no type: read, never dropped. */
  private static final StreamingBinder<JsonNode> ANY = StreamingBinder.of(JsonNode.class);

  private final Map<String, Tool<?>> tools = new LinkedHashMap<>();

  private record Tool<A>(StreamingBinder<A> binder, Consumer<? super BindingSession<A>> onSession) {
    BindingSession<A> open() {
      BindingSession<A> session = binder.open();
      onSession.accept(session);
      return session;
    }
  }

  <A> void add(
      String name, StreamingBinder<A> binder, Consumer<? super BindingSession<A>> onSession) {
    Objects.requireNonNull(binder, "binder == null");
    Objects.requireNonNull(onSession, "onSession == null");
    if (tools.putIfAbsent(SchemaValues.checkName(name), new Tool<>(binder, onSession)) != null) {
      throw new IllegalArgumentException("tool already registered: " + name);
    }
  }

  /** Opens a session for a call of {@code name}, its callbacks registered by the caller. */
  BindingSession<?> open(String name) {
    Tool<?> tool = tools.get(name);
    return tool != null ? tool.open() : ANY.open();
  }
}
