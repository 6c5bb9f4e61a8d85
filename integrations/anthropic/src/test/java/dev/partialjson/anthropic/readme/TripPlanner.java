package dev.partialjson.anthropic.readme;

import com.anthropic.client.okhttp.AnthropicOkHttpClient;
import com.anthropic.models.messages.MessageCreateParams;
import dev.partialjson.anthropic.AnthropicBinding;
import dev.partialjson.binding.StreamingBinder;
import jakarta.validation.Valid;
import jakarta.validation.constraints.*;
import java.util.List;

public class TripPlanner {
  record Stop(@NotBlank String place, @Min(1) @Max(12) int hours) {}

  record Trip(@NotBlank String title, @Size(min = 1) List<@Valid Stop> stops) {}

  public static void main(String[] args) {
    var client = AnthropicOkHttpClient.fromEnv(); // ANTHROPIC_API_KEY, ANTHROPIC_BASE_URL
    var binding =
        AnthropicBinding.builder(StreamingBinder.of(Trip.class))
            .onThinking((block, delta) -> System.err.print(delta)) // never parsed as the answer
            .build();
    var params =
        binding
            .applyTo(MessageCreateParams.builder().model("claude-sonnet-4-5").maxTokens(2048))
            .addUserMessage("Plan a day in Lisbon.")
            .build();
    try (var events = client.messages().createStreaming(params)) {
      var message =
          binding.read(
              events,
              trip ->
                  trip.onText("$.title", (path, full, delta) -> System.out.print(delta))
                      .onItem("$.stops[*]", Stop.class, stop -> System.out.println("\n+ " + stop)));
      Trip trip = message.complete(); // or ContentBlockException: which block, what went wrong
      System.out.println(trip.stops().size() + " stops, " + message.usage().orElseThrow());
    }
  }
}
