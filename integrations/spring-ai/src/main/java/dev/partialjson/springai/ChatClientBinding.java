package dev.partialjson.springai;

import dev.partialjson.binding.StreamingBinder;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.springframework.ai.chat.client.ChatClient;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.model.tool.StructuredOutputChatOptions;
import org.springframework.ai.openai.OpenAiChatOptions;
import reactor.core.publisher.Flux;

/**
 * Binds Spring AI's streamed chat answers to a type while they stream: sets the model's JSON schema
 * from the type, and turns the stream of {@code ChatClient.prompt()...stream()} into a {@link
 * StreamedAnswer}, whose views are a {@code Flux} of list items as they close and a {@code Mono} of
 * the validated value.
 *
 * <pre>{@code
 * ChatClientBinding<Plan> plans = ChatClientBinding.of(StreamingBinder.of(Plan.class));
 * StreamedAnswer<Plan> answer = plans.bind(chatClient.prompt("Plan a trip to Lyon")
 *     .options(plans.openAiOptions())                       // strict json_schema of Plan
 *     .stream().chatResponse());
 * Flux<Task> tasks = answer.items("$.tasks[*]", Task.class);
 * Mono<Plan> plan = answer.value();
 * }</pre>
 *
 * <p>Made once per binder: immutable and thread-safe (the schema is made at the first call that
 * needs it, once).
 */
public final class ChatClientBinding<T> {
  private final StreamingBinder<T> binder;
  private volatile @Nullable String schema; // racing callers make the same text

  private ChatClientBinding(StreamingBinder<T> binder) {
    this.binder = binder;
  }

  /** Returns a binding of {@code binder}'s type. */
  public static <T> ChatClientBinding<T> of(StreamingBinder<T> binder) {
    return new ChatClientBinding<>(Objects.requireNonNull(binder, "binder == null"));
  }

  /** Returns the binder each answer opens its session with. */
  public StreamingBinder<T> binder() {
    return binder;
  }

  /**
   * Returns the bound type's JSON schema in OpenAI's strict subset ({@code ModelSchema.of(binder,
   * SchemaMode.OPENAI_STRICT)}), as JSON text: for a provider's {@link
   * StructuredOutputChatOptions.Builder#outputSchema(String)}.
   *
   * @throws IllegalArgumentException if the type cannot be described in the strict subset (its root
   *     is not an object, or it holds a map); the message names the place
   */
  public String outputSchema() {
    String s = schema;
    if (s == null) {
      schema = s = OpenAiSchema.strictJson(binder);
    }
    return s;
  }

  /**
   * Returns new OpenAI chat options whose response format is a strict {@code json_schema} of the
   * bound type ({@link #outputSchema()}), for {@code ChatClientRequestSpec.options(...)}; set the
   * request's other options on the same builder, as {@code options} takes one builder per request.
   *
   * @throws IllegalArgumentException as {@link #outputSchema()} does
   */
  public OpenAiChatOptions.Builder openAiOptions() {
    return OpenAiSchema.options(outputSchema());
  }

  /**
   * Returns the answer of {@code request}: {@code bind(request.stream().chatResponse())}. Nothing
   * is sent until the answer's views are subscribed.
   */
  public StreamedAnswer<T> stream(ChatClient.ChatClientRequestSpec request) {
    Objects.requireNonNull(request, "request == null");
    return bind(request.stream().chatResponse());
  }

  /**
   * Returns the answer streamed as {@code responses} ({@code ...stream().chatResponse()}): the text
   * of each chunk's first generation is fed to the session, its reasoning (the {@code
   * reasoningContent} metadata of Spring AI's OpenAI model) too, through {@code feedReasoning}, the
   * usage of the provider's final chunk is reported to it, and its finish reason kept for {@link
   * StreamedAnswer#outcome()}. Cold, like Spring AI's stream: nothing is sent until the answer's
   * views are subscribed.
   */
  public StreamedAnswer<T> bind(Flux<ChatResponse> responses) {
    Objects.requireNonNull(responses, "responses == null");
    return new StreamedAnswer<>(binder, responses.map(Delta::of));
  }

  /**
   * Returns the answer streamed as {@code content} ({@code ...stream().content()}): each string is
   * fed to the session. Such a stream carries no usage and no finish reason; prefer {@link #bind}
   * where the {@code ChatResponse} stream is at hand.
   */
  public StreamedAnswer<T> bindContent(Flux<String> content) {
    Objects.requireNonNull(content, "content == null");
    return new StreamedAnswer<>(binder, content.map(Delta::of));
  }
}
