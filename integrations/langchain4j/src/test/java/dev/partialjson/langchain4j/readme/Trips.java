package dev.partialjson.langchain4j.readme;

import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.openai.OpenAiStreamingChatModel;
import dev.partialjson.binding.StreamingBinder;
import dev.partialjson.langchain4j.BindingHandler;
import dev.partialjson.langchain4j.LangChain4jSchemas;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import java.util.List;

public class Trips {
  record Activity(String name, @Max(12) int hours) {}

  record Trip(String title, List<@Valid Activity> activities) {}

  public static void main(String[] args) {
    var model =
        OpenAiStreamingChatModel.builder() // args[0]: an OpenAI-compatible base URL
            .baseUrl(args[0])
            .apiKey(System.getenv().getOrDefault("OPENAI_API_KEY", "none"))
            .modelName("gpt-4o-mini")
            .strictJsonSchema(true)
            .returnThinking(true)
            .build();
    StreamingBinder<Trip> binder = StreamingBinder.of(Trip.class);
    BindingHandler<Trip> handler =
        BindingHandler.of(
                binder
                    .open()
                    .onText("$.title", (path, title, delta) -> System.out.print(delta))
                    .onItem("$.activities[*]", Activity.class, a -> System.out.println("\n+ " + a)))
            .onThinking(System.err::print);
    model.chat(
        ChatRequest.builder()
            .messages(UserMessage.from("Plan a weekend in Lisbon"))
            .responseFormat(LangChain4jSchemas.responseFormat(binder))
            .build(),
        handler);
    var result = handler.result().join(); // the value, its violations, or why there is none
    System.out.println(
        result.isValid() ? result.value() : result.violations() + " " + result.error());
    System.out.println(handler.session().stats().usage() + ", " + handler.finishReason());
  }
}
