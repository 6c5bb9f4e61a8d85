package dev.partialjson.samples.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.partialjson.binding.BindingResult;
import dev.partialjson.binding.BindingSession;
import dev.partialjson.binding.BoundItem;
import dev.partialjson.binding.SessionListener;
import dev.partialjson.binding.StreamingBinder;
import dev.partialjson.binding.Violation;
import dev.partialjson.parser.JsonEvent;
import dev.partialjson.parser.PartialJsonException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Turns a model's answer into the server-sent events the page renders, each keyed by the JSON path
 * of what it is about:
 *
 * <ul>
 *   <li>{@code text}: {@code {"json_path": "$.title", "delta": "Ship the"}}, a string grew;
 *   <li>{@code value}: {@code {"json_path": "$.tasks[0].hours", "value": 3}}, a string, number,
 *       boolean or null is complete;
 *   <li>{@code item}: {@code {"json_path": "$.tasks[2]", "item": {...}, "valid": false,
 *       "violations": [{"json_path": "$.tasks[2].hours", "message": "must be greater than 0"}]}}, a
 *       task closed and was validated;
 *   <li>{@code done}: {@code {"value": {...}, "valid": false, "violations": [...]}}, the answer is
 *       complete and bound (invalid items are reported, not fatal);
 *   <li>{@code error}: {@code {"message": "Incomplete JSON: ..."}}, the answer was malformed, cut
 *       off or could not be bound, or the model could not be reached.
 * </ul>
 *
 * <p>Callbacks only queue events; they are written after each {@code feed} returns, so that a
 * browser that goes away fails the write, not the session. Not thread-safe: one per stream.
 */
final class PlanEvents {
  static final StreamingBinder<Plan> BINDER = StreamingBinder.of(Plan.class);

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private final OutputStream out;
  private final List<String> pending = new ArrayList<>();

  /** Returns a stream of events written to {@code out}, the body of an SSE response. */
  PlanEvents(OutputStream out) {
    this.out = Objects.requireNonNull(out, "out == null");
  }

  /**
   * Feeds the deltas of {@code source} to a new session and sends the events they cause, then
   * {@code done} or {@code error}.
   *
   * @throws IOException if the browser went away (nothing more can be sent)
   * @throws InterruptedException if the thread was interrupted while waiting for the model
   */
  void play(AnswerSource source) throws IOException, InterruptedException {
    try (BindingSession<Plan> session = BINDER.open()) {
      play(session, source);
    }
  }

  private void play(BindingSession<Plan> session, AnswerSource source)
      throws IOException, InterruptedException {
    BindingSession.TextListener text =
        (path, full, delta) ->
            queue("text", object().put("json_path", path.toString()).put("delta", delta));
    session
        .onText("$.title", text)
        .onText("$.tasks[*].title", text)
        .onCheckedItem("$.tasks[*]", Plan.Task.class, this::item)
        // Scalars of any type, once complete: the session's event hook sees them all.
        .addListener(
            new SessionListener() {
              @Override
              public void event(JsonEvent event) {
                switch (event.kind()) {
                  case STRING:
                  case NUMBER:
                  case BOOLEAN:
                  case NULL:
                    ObjectNode data = object().put("json_path", event.path().toString());
                    queue("value", data.set("value", MAPPER.valueToTree(event.value())));
                    break;
                  default:
                    break;
                }
              }
            });
    try {
      source.stream(
          delta -> {
            session.feed(delta);
            flush();
          });
    } catch (PartialJsonException e) {
      flush(); // what arrived before the bad byte
      error(e.getMessage());
      return;
    } catch (BrowserGone e) {
      throw e;
    } catch (IOException | RuntimeException e) {
      flush();
      error("the model stream failed: " + e.getMessage());
      return;
    }
    BindingResult<Plan> result = session.result();
    flush();
    if (result.error() != null) {
      error(result.error().getMessage());
      return;
    }
    ObjectNode done = MAPPER.createObjectNode();
    done.set("value", MAPPER.valueToTree(result.value()));
    done.put("valid", result.isValid());
    done.set("violations", violations(result.violations()));
    send("done", done);
  }

  private void item(BoundItem<Plan.Task> item) {
    ObjectNode data = object().put("json_path", item.path().toString());
    data.set("item", MAPPER.valueToTree(item.value()));
    data.put("valid", item.isValid());
    ArrayNode problems = violations(item.violations());
    if (item.error() != null) { // could not be bound or checked: shown as its one problem
      problems
          .addObject()
          .put("json_path", item.error().path().toString())
          .put("message", item.error().reason());
    }
    data.set("violations", problems);
    queue("item", data);
  }

  private static ObjectNode object() {
    return MAPPER.createObjectNode();
  }

  private static ArrayNode violations(List<Violation> violations) {
    ArrayNode array = MAPPER.createArrayNode();
    for (Violation v : violations) {
      array.addObject().put("json_path", v.path().toString()).put("message", v.message());
    }
    return array;
  }

  private void error(String message) throws IOException {
    send("error", MAPPER.createObjectNode().put("message", message));
  }

  private void queue(String type, ObjectNode data) {
    pending.add("event: " + type + "\ndata: " + data + "\n\n");
  }

  private void send(String type, ObjectNode data) throws IOException {
    queue(type, data);
    flush();
  }

  private void flush() throws IOException {
    if (pending.isEmpty()) {
      return;
    }
    StringBuilder events = new StringBuilder();
    pending.forEach(events::append);
    pending.clear();
    try {
      out.write(events.toString().getBytes(StandardCharsets.UTF_8));
      out.flush();
    } catch (IOException e) {
      throw new BrowserGone(e);
    }
  }

  /** Thrown when the browser closed the connection: no event can be sent any more. */
  static final class BrowserGone extends IOException {
    private static final long serialVersionUID = 1L;

    BrowserGone(IOException cause) {
      super("the browser went away: " + cause.getMessage(), cause);
    }
  }
}
