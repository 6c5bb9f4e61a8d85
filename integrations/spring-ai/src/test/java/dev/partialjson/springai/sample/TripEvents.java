package dev.partialjson.springai.sample;

import dev.partialjson.binding.StreamingBinder;
import dev.partialjson.binding.jackson3.Jackson3Databind;
import dev.partialjson.parser.JsonEvent;
import dev.partialjson.springai.ChatClientBinding;
import dev.partialjson.springai.StreamedAnswer;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.springframework.ai.chat.client.ChatClient;
import org.springframework.ai.openai.OpenAiChatOptions;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code GET /trip}: the model's trip plan as server-sent events, each keyed by its JSON path:
 *
 * <ul>
 *   <li>{@code text}: a string grew, {@code {"path": "$.title", "delta": "Lis"}};
 *   <li>{@code value}: a number, boolean or string is complete, {@code {"path", "value"}};
 *   <li>{@code activity}: an activity closed, bound and checked, {@code {"path", "value",
 *       "violations"}} (an empty list, {@code "[]"}, when it is valid);
 *   <li>{@code end}: the outcome, {@code {"valid", "problems", "finishReason", "outputTokens"}}.
 * </ul>
 *
 * An invalid or cut-off answer still ends with {@code end}, which says what went wrong.
 */
@RestController
class TripEvents {
  private static final Set<JsonEvent.Kind> COMPLETE =
      Set.of(JsonEvent.Kind.STRING, JsonEvent.Kind.NUMBER, JsonEvent.Kind.BOOLEAN);

  private final ChatClient chat;
  private final ChatClientBinding<Trip> trips;

  /** Binds through the application's own Jackson 3 mapper, as Spring Boot configured it. */
  TripEvents(ChatClient.Builder chat, JsonMapper jsonMapper) {
    this.chat = chat.build();
    this.trips =
        ChatClientBinding.of(
            StreamingBinder.builder(Trip.class).databind(Jackson3Databind.of(jsonMapper)).build());
  }

  @GetMapping(path = "/trip", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
  Flux<ServerSentEvent<Map<String, Object>>> trip(
      @RequestParam(name = "ask", defaultValue = "Plan a weekend in Lisbon") String ask,
      @RequestParam(name = "model", required = false) String model) {
    OpenAiChatOptions.Builder options = trips.openAiOptions();
    if (model != null) {
      options.model(model); // the embedded model's scenarios: embedded/invalid-item, ...
    }
    StreamedAnswer<Trip> answer = trips.stream(chat.prompt().user(ask).options(options));
    Flux<ServerSentEvent<Map<String, Object>>> texts =
        answer
            .events()
            .onErrorComplete() // the end event reports it
            .filter(e -> e.kind() == JsonEvent.Kind.STRING_DELTA || COMPLETE.contains(e.kind()))
            .map(
                e ->
                    e.kind() == JsonEvent.Kind.STRING_DELTA
                        ? event("text", "path", e.path().toString(), "delta", e.value())
                        : event("value", "path", e.path().toString(), "value", e.value()));
    Flux<ServerSentEvent<Map<String, Object>>> activities =
        answer
            .checkedItems("$.activities[*]", Trip.Activity.class)
            .map(
                a ->
                    event(
                        "activity",
                        "path",
                        a.path().toString(),
                        "value",
                        a.value(),
                        "violations",
                        a.violations().toString()))
            .onErrorComplete(); // the end event reports it
    var end =
        answer
            .outcome()
            .map(
                o ->
                    event(
                        "end",
                        "valid",
                        o.result().isValid(),
                        "problems",
                        problems(o),
                        "finishReason",
                        String.valueOf(o.finishReason()),
                        "outputTokens",
                        o.stats().usage() == null ? -1 : o.stats().usage().outputTokens()));
    // The views share one pass and see each signal in order, but Flux.merge may pass on what one
    // view queued (while the client was not asking) after what another emitted later: the end is
    // sent once the other views are done. Subscribing it within the merge starts the request.
    var endOnce = end.cache();
    return Flux.merge(texts, activities, endOnce.ignoreElement()).concatWith(endOnce);
  }

  private static String problems(StreamedAnswer.Outcome<Trip> outcome) {
    if (outcome.result().error() != null) {
      return outcome.result().error().getMessage();
    }
    return outcome.result().violations().toString();
  }

  private static ServerSentEvent<Map<String, Object>> event(String name, Object... keysAndValues) {
    Map<String, Object> data = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      data.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return ServerSentEvent.builder(data).event(name).build();
  }
}
