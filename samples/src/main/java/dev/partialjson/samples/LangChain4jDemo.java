package dev.partialjson.samples;

import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.openai.OpenAiStreamingChatModel;
import dev.partialjson.binding.BindingResult;
import dev.partialjson.binding.BindingSession;
import dev.partialjson.binding.StreamingBinder;
import dev.partialjson.embeddedmodel.EmbeddedModel;
import dev.partialjson.langchain4j.BindingHandler;
import java.io.PrintStream;
import java.util.Objects;

/**
 * LangChain4j streaming into a {@link BindingSession}: partialjson's {@link BindingHandler} is the
 * {@code StreamingChatResponseHandler} given to {@code StreamingChatModel.chat(request, handler)};
 * each partial response is fed to the session, the complete response completes it, an error closes
 * it. The model is LangChain4j's own OpenAI model, pointed at the embedded model, which replays a
 * real recorded forecast. Runs offline:
 *
 * <pre>
 * DEMO_MAIN=dev.partialjson.samples.LangChain4jDemo ./demo
 * </pre>
 */
public final class LangChain4jDemo {

  private LangChain4jDemo() {}

  /** Runs the demo on standard output. */
  public static void main(String[] args) {
    PrintStream out = SampleConsole.stdout();
    run(out);
    out.flush();
  }

  /** Streams the recorded forecast through LangChain4j into a session, printing to {@code out}. */
  public static void run(PrintStream out) {
    Objects.requireNonNull(out, "out == null");
    Recording recording = Recording.OPENAI_FORECAST;
    out.println("== " + recording.description() + ", through LangChain4j and a BindingHandler");
    BindingSession<ReactorDemo.Forecast> session =
        StreamingBinder.of(ReactorDemo.Forecast.class)
            .open()
            .onText("$.location", (path, full, delta) -> out.println("location: " + full))
            .onItem("$.forecast[*]", ReactorDemo.Day.class, day -> out.println("day: " + day));
    BindingHandler<ReactorDemo.Forecast> handler = BindingHandler.of(session);
    try (EmbeddedModel model = EmbeddedModel.start()) {
      StreamingChatModel chat =
          OpenAiStreamingChatModel.builder()
              .baseUrl(model.openAiBaseUrl().toString())
              .apiKey("not-needed-by-the-embedded-model")
              .modelName(recording.model())
              .build();
      chat.chat("What is the weather in San Francisco this week?", handler);
      BindingResult<ReactorDemo.Forecast> result = handler.result().join();
      out.println("finish reason: " + handler.finishReason());
      out.println("valid: " + result.isValid());
      out.println("value: " + result.value());
    }
  }
}
