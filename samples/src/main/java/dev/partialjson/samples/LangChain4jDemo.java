package dev.partialjson.samples;

import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import dev.partialjson.binding.BindingResult;
import dev.partialjson.binding.BindingSession;
import dev.partialjson.binding.StreamingBinder;
import dev.partialjson.parser.PartialJsonException;
import java.io.PrintStream;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * A LangChain4j {@link StreamingChatResponseHandler} wired to a {@link BindingSession}: each
 * partial response is fed to the session, the complete response completes it, an error closes it.
 * Pass the handler to any {@code StreamingChatModel.chat(request, handler)}; here a recorded answer
 * is played into it, delta by delta, as a model's client would. Runs offline:
 *
 * <pre>
 * ./mvnw -q -pl samples -am package -Dmaven.test.skip=true exec:java \
 *     -Ddemo.mainClass=dev.partialjson.samples.LangChain4jDemo
 * </pre>
 */
public final class LangChain4jDemo {

  /**
   * Feeds a session from LangChain4j's callbacks and hands out its {@link BindingResult}. Like a
   * session, it takes one stream and expects its callbacks one at a time, which is how LangChain4j
   * calls a handler.
   *
   * @param <T> what the session binds
   */
  public static final class SessionHandler<T> implements StreamingChatResponseHandler {
    private final BindingSession<T> session;
    private final CompletableFuture<BindingResult<T>> result = new CompletableFuture<>();

    /** Returns a handler that feeds {@code session}, whose callbacks are registered already. */
    public SessionHandler(BindingSession<T> session) {
      this.session = Objects.requireNonNull(session, "session == null");
    }

    /** Returns the session's outcome, once the response has completed or failed. */
    public CompletableFuture<BindingResult<T>> result() {
      return result;
    }

    /**
     * Feeds {@code partialResponse}. Once the session has stopped on malformed input the result is
     * there and further text is ignored (a {@code StreamingHandle} could cancel the request).
     */
    @Override
    public void onPartialResponse(String partialResponse) {
      if (result.isDone()) {
        return;
      }
      try {
        session.feed(partialResponse);
      } catch (PartialJsonException e) {
        result.complete(session.result());
      }
    }

    /** Completes the session; the text was fed already, delta by delta. */
    @Override
    public void onCompleteResponse(ChatResponse completeResponse) {
      if (!result.isDone()) {
        result.complete(session.result());
      }
    }

    /** Closes the session and fails {@link #result()} with {@code error}. */
    @Override
    public void onError(Throwable error) {
      session.close();
      result.completeExceptionally(error);
    }
  }

  private LangChain4jDemo() {}

  /** Runs the demo on standard output. */
  public static void main(String[] args) {
    PrintStream out = SampleConsole.stdout();
    run(out);
    out.flush();
  }

  /** Plays the recorded forecast into a {@link SessionHandler}, printing to {@code out}. */
  public static void run(PrintStream out) {
    Objects.requireNonNull(out, "out == null");
    Recording recording = Recording.OPENAI_FORECAST;
    out.println("== " + recording.description() + ", through a StreamingChatResponseHandler");
    BindingSession<ReactorDemo.Forecast> session =
        StreamingBinder.of(ReactorDemo.Forecast.class)
            .open()
            .onText("$.location", (path, full, delta) -> out.println("location: " + full))
            .onItem("$.forecast[*]", ReactorDemo.Day.class, day -> out.println("day: " + day));
    SessionHandler<ReactorDemo.Forecast> handler = new SessionHandler<>(session);

    StringBuilder text = new StringBuilder();
    for (ModelDeltas.Delta delta : recording.deltas()) {
      handler.onPartialResponse(delta.text()); // what the model's client calls, token by token
      text.append(delta.text());
    }
    handler.onCompleteResponse(
        ChatResponse.builder().aiMessage(AiMessage.from(text.toString())).build());

    BindingResult<ReactorDemo.Forecast> result = handler.result().join();
    out.println("valid: " + result.isValid());
    out.println("value: " + result.value());
  }
}
