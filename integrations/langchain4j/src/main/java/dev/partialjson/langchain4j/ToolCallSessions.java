package dev.partialjson.langchain4j;

import dev.partialjson.binding.BindingSession;
import dev.partialjson.binding.StreamingBinder;
import dev.partialjson.binding.TokenUsage;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * The sessions of a response's tool calls: one per call, keyed by the call's index while it
 * streams, opened from the binder registered for the tool's name. A call whose tool has no binder
 * is left alone. An index that comes again after its call completed starts a new call (AI Services
 * number the calls of each round from 0 again). Not thread-safe.
 */
final class ToolCallSessions {

  /** How to open a session for one tool's arguments. */
  private record Binding<A>(StreamingBinder<A> binder, Consumer<? super BindingSession<A>> setup) {
    BindingSession<A> open() {
      BindingSession<A> session = binder.open();
      setup.accept(session);
      return session;
    }
  }

  private static final class Call {
    final int index;
    final String name;
    @Nullable String id;
    final BindingSession<?> session;
    boolean fed;

    Call(int index, String name, @Nullable String id, BindingSession<?> session) {
      this.index = index;
      this.name = name;
      this.id = id;
      this.session = session;
    }
  }

  private final Map<String, Binding<?>> bindings = new LinkedHashMap<>();
  private final Map<Integer, Call> open = new HashMap<>();
  private final List<BoundToolCall> completed = new ArrayList<>();
  private final List<BindingSession<?>> sessions = new ArrayList<>();

  <A> void register(
      String name, StreamingBinder<A> binder, Consumer<? super BindingSession<A>> setup) {
    bindings.put(name, new Binding<>(binder, setup));
  }

  /**
   * Feeds a fragment of the arguments of the call at {@code index}, opening its session first.
   *
   * @throws dev.partialjson.parser.PartialJsonException as {@link BindingSession#feed} does
   */
  void feed(int index, @Nullable String id, String name, String arguments) {
    Call call = callAt(index, id, name);
    if (call != null) {
      call.fed = true;
      call.session.feed(arguments);
    }
  }

  /**
   * Ends the call at {@code index}: its session gets the whole {@code arguments} first if no
   * fragment came (a provider that sends whole calls), then is completed.
   */
  void complete(int index, @Nullable String id, String name, @Nullable String arguments) {
    Call call = callAt(index, id, name);
    if (call == null) {
      return;
    }
    if (!call.fed && arguments != null && !arguments.isEmpty()) {
      call.fed = true;
      try {
        call.session.feed(arguments);
      } catch (RuntimeException e) {
        // The session keeps the failure; its result below reports it.
      }
    }
    end(call);
  }

  /** Completes every call still open, in index order. */
  void completeAll() {
    open.values().stream()
        .sorted((a, b) -> Integer.compare(a.index, b.index))
        .toList()
        .forEach(this::end);
  }

  /** Records the request's token usage on the session of every call, open or completed. */
  void reportUsage(TokenUsage usage) {
    for (BindingSession<?> session : sessions) {
      session.reportUsage(usage);
    }
  }

  /** Closes every open call's session, as the stream failed. */
  void closeAll() {
    for (Call call : open.values()) {
      call.session.close();
    }
    open.clear();
  }

  /** Returns the completed calls, in the order they completed. */
  List<BoundToolCall> completed() {
    return List.copyOf(completed);
  }

  private @Nullable Call callAt(int index, @Nullable String id, String name) {
    Call call = open.get(index);
    if (call == null) {
      Binding<?> binding = bindings.get(name);
      if (binding == null) {
        return null;
      }
      call = new Call(index, name, id, binding.open());
      sessions.add(call.session);
      open.put(index, call);
    } else if (id != null) {
      // OpenAI-compatible servers may send a call's id after its first fragment.
      call.id = id;
    }
    return call;
  }

  private void end(Call call) {
    open.remove(call.index);
    completed.add(new BoundToolCall(call.index, call.id, call.name, call.session.result()));
  }
}
