package dev.partialjson.openai;

import static org.assertj.core.api.Assertions.assertThat;

import com.openai.client.OpenAIClient;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import dev.partialjson.binding.StreamingBinder;
import dev.partialjson.embeddedmodel.EmbeddedModelExtension;
import dev.partialjson.parser.ReasoningListener;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The README's program and its reasoning snippet, line for line but for the client (pointed at the
 * embedded model instead of the environment) and the printing (into a list).
 */
class ReadmeProgramTest {
  @RegisterExtension static final EmbeddedModelExtension MODEL = EmbeddedModelExtension.create();

  record Activity(String name, String day, int hours) {}

  record Trip(String title, List<Activity> activities) {}

  @Test
  void theReadmeProgramPrintsEachActivityAsItClosesThenTheTitle() {
    List<String> printed = new ArrayList<>();
    OpenAIClient client = Clients.of(MODEL.model());
    try {
      var binder = StreamingBinder.of(Trip.class);
      var params =
          ChatCompletionCreateParams.builder()
              .model("gpt-5-mini")
              .addUserMessage("Plan a weekend in Lisbon")
              .responseFormat(OpenAiStreams.responseFormat(binder)) // strict schema of Trip
              .build();
      var result =
          OpenAiStreams.chat(binder)
              .onSession(
                  session ->
                      session.onItem(
                          "$.activities[*]",
                          Activity.class,
                          activity -> printed.add("+ " + activity.name()))) // as each one closes
              .stream(client.chat().completions().createStreaming(params));
      printed.add(result.value().title());

      Trip trip = result.value();
      List<String> expected = new ArrayList<>();
      trip.activities().forEach(activity -> expected.add("+ " + activity.name()));
      expected.add(trip.title());
      assertThat(trip.activities()).isNotEmpty();
      assertThat(printed).isEqualTo(expected);
    } finally {
      client.close();
    }
  }

  @Test
  void theReadmeReasoningSnippetPrintsTheReasoningThenEachActivity() {
    List<String> printed = new ArrayList<>();
    StringBuilder raw = new StringBuilder();
    OpenAIClient client = Clients.of(MODEL.model());
    try {
      var binder = StreamingBinder.of(Trip.class);
      var params =
          ChatCompletionCreateParams.builder()
              .model("embedded/reasoning")
              .addUserMessage("Plan a weekend in Lisbon")
              .responseFormat(OpenAiStreams.responseFormat(binder))
              .build();
      var result =
          OpenAiStreams.chat(binder)
              .onReasoning((choice, delta) -> raw.append(delta))
              .onSession(
                  session ->
                      session
                          .onReasoning(
                              new ReasoningListener() {
                                @Override
                                public void reasoningDelta(CharSequence delta) {
                                  printed.add(delta.toString());
                                }

                                @Override
                                public void reasoningEnd() {
                                  printed.add("\n");
                                }
                              })
                          .onItem(
                              "$.activities[*]",
                              Activity.class,
                              activity -> printed.add("+ " + activity.name())))
              .stream(client.chat().completions().createStreaming(params));

      List<String> activities = new ArrayList<>();
      result.value().activities().forEach(activity -> activities.add("+ " + activity.name()));
      assertThat(raw).isNotEmpty();
      assertThat(activities).isNotEmpty();
      int end = printed.indexOf("\n");
      assertThat(end).as("the reasoning's end").isNotNegative();
      assertThat(String.join("", printed.subList(0, end))).isEqualTo(raw.toString());
      assertThat(printed.subList(end + 1, printed.size())).isEqualTo(activities);
    } finally {
      client.close();
    }
  }
}
