package dev.partialjson.langchain4j;

import static org.assertj.core.api.Assertions.assertThat;

import dev.partialjson.testkit.Splits;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * LangChain4j hands the adapter text as strings, so the splitter is swept over text splits: the
 * whole text, every char, chunks of 2, 3, 5 and 100 chars, and real o200k tokens.
 */
class ThinkBlockSplitterTest {

  private record Split(String name, List<String> pieces) {}

  private static final class Outcome {
    final StringBuilder answer = new StringBuilder();
    final StringBuilder thinking = new StringBuilder();
  }

  private static List<Split> sweep(String text) {
    List<Split> splits = new ArrayList<>();
    splits.add(new Split("whole", List.of(text)));
    splits.add(new Split("every char", Splits.everyChar(text)));
    for (int size : new int[] {2, 3, 5, 100}) {
      List<String> pieces = new ArrayList<>();
      for (int i = 0; i < text.length(); i += size) {
        pieces.add(text.substring(i, Math.min(text.length(), i + size)));
      }
      splits.add(new Split(size + " chars", pieces));
    }
    splits.add(new Split("o200k tokens", Splits.tokens(text)));
    return splits;
  }

  private static Outcome split(Split split) {
    Outcome outcome = new Outcome();
    ThinkBlockSplitter splitter =
        new ThinkBlockSplitter(outcome.answer::append, outcome.thinking::append);
    split.pieces().forEach(splitter::accept);
    splitter.flush();
    return outcome;
  }

  @Test
  void routesALeadingThinkBlockToThinkingAndTheRestToTheAnswer() {
    String text = "<think>\nThe user wants {a plan}; keep \"hours\" < 12.\n</think>\n\n{\"a\": 1}";
    for (Split split : sweep(text)) {
      Outcome outcome = split(split);
      assertThat(outcome.thinking.toString())
          .as(split.name())
          .isEqualTo("\nThe user wants {a plan}; keep \"hours\" < 12.\n");
      assertThat(outcome.answer.toString()).as(split.name()).isEqualTo("\n\n{\"a\": 1}");
    }
  }

  @Test
  void takesAThinkingBlockAfterLeadingWhitespace() {
    String text = "  \n<thinking>é — </think> is not my end</thinking>[1]";
    for (Split split : sweep(text)) {
      Outcome outcome = split(split);
      assertThat(outcome.thinking.toString())
          .as(split.name())
          .isEqualTo("é — </think> is not my end");
      assertThat(outcome.answer.toString()).as(split.name()).isEqualTo("[1]");
    }
  }

  @Test
  void leavesTextThatDoesNotStartWithABlockToTheAnswer() {
    for (String text :
        List.of("{\"note\": \"<think>x</think>\"}", "<the answer>{}", "Sure: <think>{}</think>")) {
      for (Split split : sweep(text)) {
        Outcome outcome = split(split);
        assertThat(outcome.answer.toString()).as(split.name()).isEqualTo(text);
        assertThat(outcome.thinking.toString()).as(split.name()).isEmpty();
      }
    }
  }

  @Test
  void anUnclosedBlockIsAllThinking() {
    String text = "<think>still thinking </thi";
    for (Split split : sweep(text)) {
      Outcome outcome = split(split);
      assertThat(outcome.thinking.toString()).as(split.name()).isEqualTo("still thinking </thi");
      assertThat(outcome.answer.toString()).as(split.name()).isEmpty();
    }
  }

  @Test
  void passesTextOnAsItArrivesOnceTheBlockHasEnded() {
    List<String> answer = new ArrayList<>();
    ThinkBlockSplitter splitter = new ThinkBlockSplitter(t -> answer.add(t.toString()), t -> {});
    splitter.accept("<think>x</think>{\"a\"");
    splitter.accept(": ");
    assertThat(answer).containsExactly("{\"a\"", ": ");
  }
}
