package dev.partialjson.samples.web;

import dev.partialjson.testkit.Splits;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * A model answer written in advance, streamed the way a model streams it: cut into real {@code
 * o200k_base} tokens (the tokenizer of OpenAI's current models, through jtokkit), one delta per
 * token. Immutable and thread-safe.
 */
public enum ScriptedAnswer {
  /** A plan of four tasks; the third has an estimate of zero hours, which validation rejects. */
  PLAN(
      "A plan of four tasks, one of them invalid",
      """
      {
        "title": "Ship the browser demo of partialjson, tested in headless Chromium",
        "tasks": [
          {"title": "Serve one static page and one event stream", "priority": "high", "hours": 3},
          {"title": "Render each field while its deltas arrive", "priority": "high", "hours": 5},
          {"title": "Mark every task as valid or not", "priority": "medium", "hours": 0},
          {"title": "Check it all in a real browser", "priority": "medium", "hours": 4}
        ]
      }
      """),
  /** The same plan cut off in its third task, as when a model reaches its token limit. */
  TRUNCATED(
      "The same plan, cut off in its third task (max_tokens)",
      PLAN.text.substring(0, PLAN.text.indexOf("\"priority\": \"medium\"")));

  private final String description;
  private final String text;

  ScriptedAnswer(String description, String text) {
    this.description = description;
    this.text = text;
  }

  /** Returns the name used on the command line and in the page's URL, such as {@code plan}. */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Returns what the answer shows. */
  public String description() {
    return description;
  }

  /** Returns the whole answer. */
  public String text() {
    return text;
  }

  /** Returns the answer cut into the deltas a model would stream: one o200k token each. */
  public List<String> deltas() {
    return tokens(text);
  }

  /** Returns the answer named {@code id} (see {@link #id()}), if there is one. */
  public static Optional<ScriptedAnswer> byId(String id) {
    Objects.requireNonNull(id, "id == null");
    for (ScriptedAnswer answer : values()) {
      if (answer.id().equals(id)) {
        return Optional.of(answer);
      }
    }
    return Optional.empty();
  }

  /**
   * Returns {@code text} cut into o200k tokens, each as the text it decodes to. A token that ends
   * inside a multi-byte character is merged with the next, as the streaming APIs do: a delta is
   * always whole characters.
   */
  static List<String> tokens(String text) {
    return Splits.tokens(text); // o200k tokens, a token cut inside a character merged with the next
  }
}
