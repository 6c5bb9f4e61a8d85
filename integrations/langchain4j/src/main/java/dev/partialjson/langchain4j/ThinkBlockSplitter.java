package dev.partialjson.langchain4j;

import java.util.function.Consumer;

/**
 * Takes a {@code <think>...</think>} (or {@code <thinking>...</thinking>}) block at the start of an
 * answer's text out of it, so that a model's reasoning written into the text reaches the thinking
 * callback and never the session. Tags split across deltas are held back until they can be told
 * apart from text, at most a tag's length; the rest passes through at once, so a delta costs time
 * proportional to its length. Only a block before anything else but whitespace counts: after the
 * answer has begun, {@code <think>} is the answer's own text. Not thread-safe.
 */
final class ThinkBlockSplitter {
  private static final String[] OPENING = {"<think>", "<thinking>"};

  private enum State {
    START,
    THINKING,
    ANSWER
  }

  private final Consumer<CharSequence> answer;
  private final Consumer<String> thinking;
  private final StringBuilder held = new StringBuilder();
  private State state = State.START;
  private String closing = "";

  ThinkBlockSplitter(Consumer<CharSequence> answer, Consumer<String> thinking) {
    this.answer = answer;
    this.thinking = thinking;
  }

  /** Passes {@code text} on to the answer or to the thinking, holding back a possible tag. */
  void accept(String text) {
    switch (state) {
      case ANSWER -> answer.accept(text);
      case START -> start(text);
      case THINKING -> think(text);
    }
  }

  /** Passes on what was held back: the end of the text has come. */
  void flush() {
    if (held.length() == 0) {
      return;
    }
    String rest = held.toString();
    held.setLength(0);
    if (state == State.THINKING) {
      thinking.accept(rest);
    } else {
      answer.accept(rest);
    }
  }

  private void start(String text) {
    held.append(text);
    int begin = 0;
    while (begin < held.length() && Character.isWhitespace(held.charAt(begin))) {
      begin++;
    }
    for (String tag : OPENING) {
      if (startsWith(held, begin, tag)) {
        state = State.THINKING;
        closing = "</" + tag.substring(1);
        String after = held.substring(begin + tag.length());
        held.setLength(0);
        think(after);
        return;
      }
    }
    boolean mayBecomeTag = begin == held.length();
    for (String tag : OPENING) {
      mayBecomeTag |= tag.startsWith(held.substring(begin));
    }
    // Whitespace alone is held back only while it is short: a model that pads without end is
    // answering, not opening a block.
    if (!mayBecomeTag || held.length() > 256) {
      state = State.ANSWER;
      flush();
    }
  }

  private void think(String text) {
    held.append(text);
    int end = held.indexOf(closing);
    if (end >= 0) {
      String thought = held.substring(0, end);
      String after = held.substring(end + closing.length());
      held.setLength(0);
      state = State.ANSWER;
      if (!thought.isEmpty()) {
        thinking.accept(thought);
      }
      if (!after.isEmpty()) {
        answer.accept(after);
      }
      return;
    }
    int keep = partialTagAtEnd();
    if (held.length() > keep) {
      String thought = held.substring(0, held.length() - keep);
      held.delete(0, held.length() - keep);
      thinking.accept(thought);
    }
  }

  /** Returns the length of the longest end of {@code held} that begins the closing tag. */
  private int partialTagAtEnd() {
    for (int length = Math.min(closing.length() - 1, held.length()); length > 0; length--) {
      if (startsWith(held, held.length() - length, closing.substring(0, length))) {
        return length;
      }
    }
    return 0;
  }

  private static boolean startsWith(CharSequence text, int offset, String prefix) {
    if (text.length() - offset < prefix.length()) {
      return false;
    }
    for (int i = 0; i < prefix.length(); i++) {
      if (text.charAt(offset + i) != prefix.charAt(i)) {
        return false;
      }
    }
    return true;
  }
}
