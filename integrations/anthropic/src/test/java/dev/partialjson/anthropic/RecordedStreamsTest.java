package dev.partialjson.anthropic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.anthropic.client.AnthropicClient;
import com.anthropic.models.messages.MessageCreateParams;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.partialjson.binding.GenericType;
import dev.partialjson.binding.StreamingBinder;
import dev.partialjson.binding.TokenUsage;
import dev.partialjson.embeddedmodel.EmbeddedModelExtension;
import dev.partialjson.parser.IncompleteJsonException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Real Anthropic streams, recorded, replayed byte for byte by the embedded model and read by the
 * real SDK client: what each block of each stream becomes.
 */
class RecordedStreamsTest {
  @RegisterExtension static final EmbeddedModelExtension MODEL = EmbeddedModelExtension.create();

  record Author(String name, String nationality) {}

  record Book(
      String title,
      Author author,
      List<String> genres,
      @JsonProperty("published_year") int publishedYear) {}

  record MakeFile(String filename, @JsonProperty("lines_of_text") List<String> linesOfText) {}

  record Operands(int a, int b) {}

  record Location(String location) {}

  record Sum(
      @JsonProperty("integer_a") int integerA,
      @JsonProperty("integer_b") int integerB,
      int answer) {}

  private final AnthropicClient client = Clients.of(MODEL.model());

  private RecordingEvents replay(String name, long block) {
    MessageCreateParams params = Clients.request("embedded/replay/" + name).build();
    return new RecordingEvents(client.messages().createStreaming(params), block);
  }

  @Test
  void forcedToolInputIsTheAnswerWithEachGenreInTheDeltaThatClosesIt() {
    AnthropicBinding<Book> binding =
        AnthropicBinding.builder(StreamingBinder.of(Book.class)).answerAsTool("Book").build();
    List<String> genres = new ArrayList<>();
    List<long[]> pieces = new ArrayList<>();
    StreamedMessage<Book> message;
    try (RecordingEvents events = replay("anthropic-forced-tool-nested-input", 0)) {
      message =
          binding.read(
              events,
              session ->
                  session.onItem(
                      "$.genres[*]",
                      String.class,
                      genre -> {
                        genres.add(genre);
                        pieces.add(new long[] {events.fed().before(), events.fed().after()});
                      }));
      assertClosedInTheirDelta(ClosingOffsets.of(events.text(), "genres"), pieces);
    }

    assertThat(message.complete())
        .isEqualTo(
            new Book(
                "The Lord of the Rings",
                new Author("J.R.R. Tolkien", "British"),
                List.of("Fantasy", "Adventure", "Epic Fantasy", "High Fantasy"),
                1954));
    assertThat(genres).isEqualTo(message.complete().genres());
    assertThat(message.stopReason()).hasValue("tool_use");
    assertThat(message.usage()).hasValue(new TokenUsage(549, 124));
    assertThat(message.answer().stats().usage()).isEqualTo(new TokenUsage(549, 124));
    assertThat(message.toolUses()).isEmpty();
  }

  @Test
  void rootListItemsArriveWithTheCommaThatEndsThemEvenWhenADeltaCutsANumber() {
    AnthropicBinding<List<Integer>> binding =
        AnthropicBinding.builder(StreamingBinder.of(new GenericType<List<Integer>>() {})).build();
    List<Integer> items = new ArrayList<>();
    List<long[]> pieces = new ArrayList<>();
    StreamedMessage<List<Integer>> message;
    try (RecordingEvents events = replay("anthropic-structured-output-root-array", 0)) {
      message =
          binding.read(
              events,
              session ->
                  session.onItem(
                      "$[*]",
                      Integer.class,
                      item -> {
                        items.add(item);
                        pieces.add(new long[] {events.fed().before(), events.fed().after()});
                      }));
      assertClosedInTheirDelta(ClosingOffsets.of(events.text(), null), pieces);
    }

    assertThat(items).containsExactly(12345, 67890);
    assertThat(message.complete()).containsExactly(12345, 67890);
    assertThat(message.usage()).hasValue(new TokenUsage(135, 10));
  }

  @Test
  void thinkingGoesToItsListenerAndTheStructuredOutputAfterItToTheSession() {
    StringBuilder thinking = new StringBuilder();
    List<Long> thinkingBlocks = new ArrayList<>();
    AnthropicBinding<Sum> binding =
        AnthropicBinding.builder(StreamingBinder.of(Sum.class))
            .onThinking(
                (index, delta) -> {
                  thinking.append(delta);
                  thinkingBlocks.add(index);
                })
            .build();
    StreamedMessage<Sum> message;
    byte[] answer;
    try (RecordingEvents events = replay("anthropic-thinking-structured-output", 1)) {
      message = binding.read(events);
      answer = events.text();
    }

    assertThat(message.complete()).isEqualTo(new Sum(2, 2, 4));
    assertThat(thinking.toString())
        .startsWith("The user is asking me to answer \"What is 2 + 2?\"")
        .doesNotContain("{\"integer_a\"");
    assertThat(thinkingBlocks).isNotEmpty().containsOnly(0L);
    // Not one byte of the thinking went into the value: the session's bytes are the text block's.
    assertThat(message.answer().stats().bytes()).isEqualTo(answer.length);
    assertThat(message.usage()).hasValue(new TokenUsage(293, 146));
  }

  @Test
  void parallelToolCallsEachGetTheirOwnSessionByBlockIndexAndTheProseGoesToOnText() {
    List<String> calls = new ArrayList<>();
    StringBuilder prose = new StringBuilder();
    AnthropicBinding<Void> binding =
        AnthropicBinding.builder()
            .tool(
                "add",
                "Adds two numbers.",
                StreamingBinder.of(Operands.class),
                call ->
                    calls.add(
                        call.name() + "@" + call.index() + ":" + call.session().stats().deltas()))
            .tool(
                "multiply",
                "Multiplies two numbers.",
                StreamingBinder.of(Operands.class),
                call ->
                    calls.add(
                        call.name() + "@" + call.index() + ":" + call.session().stats().deltas()))
            .onText((index, delta) -> prose.append(index).append(':').append(delta).append('|'))
            .build();
    StreamedMessage<Void> message;
    try (RecordingEvents events = replay("anthropic-parallel-tool-use", 1)) {
      message = binding.read(events);
    }

    assertThat(calls).containsExactly("add@1:0", "multiply@2:0");
    assertThat(message.toolUses())
        .extracting(ToolUse::index, ToolUse::name, ToolUse::complete)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(1L, "add", new Operands(2, 3)),
            org.assertj.core.groups.Tuple.tuple(2L, "multiply", new Operands(2, 3)));
    assertThat(message.toolUses()).extracting(ToolUse::id).doesNotHaveDuplicates();
    assertThat(prose.toString().replaceAll("\\|0:", ""))
        .isEqualTo("0:I'll add and multiply the numbers 2 and 3 for you.|");
    assertThat(message.stopReason()).hasValue("tool_use");
  }

  @Test
  void maxTokensInsideAToolInputIsReportedWithTheStopReasonAndKeepsWhatArrived() {
    List<String> lines = new ArrayList<>();
    List<ToolUse<MakeFile>> calls = new ArrayList<>();
    AnthropicBinding<Void> binding =
        AnthropicBinding.builder()
            .tool(
                "make_file",
                "Writes a file.",
                StreamingBinder.of(MakeFile.class),
                call -> {
                  calls.add(call);
                  call.session().onItem("$.lines_of_text[*]", String.class, lines::add);
                })
            .build();
    StreamedMessage<Void> message;
    try (RecordingEvents events = replay("anthropic-max-tokens-in-tool-input", 1)) {
      message = binding.read(events);
    }

    assertThat(message.stopReason()).hasValue("max_tokens");
    ToolUse<?> call = message.toolUses().get(0);
    assertThat(call).isSameAs(calls.get(0));
    ContentBlockException e = catchThrowableOfType(ContentBlockException.class, call::complete);
    assertThat(e)
        .hasMessage(
            "Incomplete JSON: the input ended inside a string at $.lines_of_text[4] (offset 149,"
                + " line 6, column 14); open: $, $.lines_of_text, $.lines_of_text[4] in tool_use"
                + " block 1 (make_file, id toolu_01EKqbqmZrGRXy18eN7m9kvY); the message stopped"
                + " with stop_reason max_tokens")
        .hasCauseInstanceOf(IncompleteJsonException.class);
    assertThat(e.blockIndex()).isEqualTo(1);
    assertThat(e.blockType()).isEqualTo("tool_use");
    assertThat(e.toolName()).isEqualTo("make_file");
    assertThat(e.toolUseId()).isEqualTo("toolu_01EKqbqmZrGRXy18eN7m9kvY");
    assertThat(e.stopReason()).isEqualTo("max_tokens");
    assertThat(lines)
        .containsExactly(
            "# COMPREHENSIVE TAX GUIDE FOR INDIVIDUALS WITH MULTIPLE W-2s",
            "",
            "## INTRODUCTION",
            "");
    assertThat(calls.get(0).session().partial())
        .isEqualTo(
            new MakeFile(
                "taxes.txt",
                List.of(
                    "# COMPREHENSIVE TAX GUIDE FOR INDIVIDUALS WITH MULTIPLE W-2s",
                    "",
                    "## INTRODUCTION",
                    "",
                    "Filing taxes")));
    assertThat(calls.get(0).session().stats().usage()).isEqualTo(new TokenUsage(450, 124));
  }

  @Test
  void thinkingBeforeAToolCallNeverReachesTheToolsSession() {
    StringBuilder thinking = new StringBuilder();
    AnthropicBinding<Void> binding =
        AnthropicBinding.builder()
            .tool("weather", "Weather at a place.", StreamingBinder.of(Location.class), call -> {})
            .onThinking((index, delta) -> thinking.append(delta))
            .build();
    StreamedMessage<Void> message;
    byte[] input;
    try (RecordingEvents events = replay("anthropic-thinking-tool-use", 1)) {
      message = binding.read(events);
      input = events.text();
    }

    assertThat(message.toolUses()).hasSize(1);
    assertThat(message.toolUses().get(0).complete()).isEqualTo(new Location("Florence, Italy"));
    assertThat(message.toolUses().get(0).session().stats().bytes()).isEqualTo(input.length);
    assertThat(thinking.toString()).startsWith("The user is asking for weather information");
  }

  @Test
  void aToolCallAfterProseIsBoundAndAnUnregisteredAnswerIsNotAsked() {
    StringBuilder prose = new StringBuilder();
    AnthropicBinding<Void> binding =
        AnthropicBinding.builder()
            .tool("get_weather", "Weather.", StreamingBinder.of(Location.class), call -> {})
            .onText((index, delta) -> prose.append(delta))
            .build();
    StreamedMessage<Void> message;
    try (RecordingEvents events = replay("anthropic-tool-use", 1)) {
      message = binding.read(events);
    }

    assertThat(prose.toString()).isEqualTo("I'll check the current weather in Paris for you.");
    assertThat(message.toolUses().get(0).complete()).isEqualTo(new Location("Paris"));
    assertThat(message.usage()).hasValue(new TokenUsage(377, 65));
    IllegalStateException e = catchThrowableOfType(IllegalStateException.class, message::complete);
    assertThat(e)
        .hasMessage("no typed answer: the binding was built with AnthropicBinding.builder()");
  }

  @Test
  void redactedThinkingGivesNoDeltaAndPlainTextGoesToOnText() {
    List<String> seen = new ArrayList<>();
    AnthropicBinding<Void> binding =
        AnthropicBinding.builder()
            .onThinking((index, delta) -> seen.add("thinking " + index))
            .onText((index, delta) -> seen.add("text " + index))
            .build();
    StreamedMessage<Void> message;
    try (RecordingEvents events = replay("anthropic-redacted-thinking", 2)) {
      message = binding.read(events);
    }

    assertThat(seen).isNotEmpty().containsOnly("text 2");
    assertThat(message.stopReason()).hasValue("end_turn");
    assertThat(message.toolUses()).isEmpty();
  }

  @Test
  void proseWhereTheAnswerShouldBeIsReportedWithItsBlockAndStopReason() {
    AnthropicBinding<Map<String, Object>> binding =
        AnthropicBinding.builder(StreamingBinder.of(new GenericType<Map<String, Object>>() {}))
            .build();
    StreamedMessage<Map<String, Object>> message;
    try (RecordingEvents events = replay("anthropic-text", 0)) {
      message = binding.read(events);
    }

    ContentBlockException e = catchThrowableOfType(ContentBlockException.class, message::complete);
    assertThat(e)
        .hasMessage(
            "No JSON value began before the end of the input at $ (offset 12, line 1, column 13)"
                + " in text block 0; the message stopped with stop_reason end_turn");
    assertThat(e.blockIndex()).isZero();
    assertThat(e.blockType()).isEqualTo("text");
    assertThat(e.toolName()).isNull();
    assertThat(e.toolUseId()).isNull();
    assertThat(e.session()).isSameAs(message.answer());
    assertThat(message.usage()).hasValue(new TokenUsage(11, 6));
  }

  static void assertClosedInTheirDelta(List<Long> closing, List<long[]> pieces) {
    assertThat(pieces).hasSameSizeAs(closing).isNotEmpty();
    for (int i = 0; i < closing.size(); i++) {
      assertThat(closing.get(i))
          .as("item %d closes at byte %d", i, closing.get(i))
          .isGreaterThanOrEqualTo(pieces.get(i)[0])
          .isLessThan(pieces.get(i)[1]);
    }
  }
}
