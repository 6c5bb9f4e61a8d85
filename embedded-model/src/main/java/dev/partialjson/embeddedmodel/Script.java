package dev.partialjson.embeddedmodel;

import dev.partialjson.testkit.Splits;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One choice's answer cut into o200k tokens, in the order they go out: its parts (reasoning, text,
 * tool calls) and the steps that stream them, one token each, already cut at the token limit. A
 * protocol writer turns each step into its own events. Immutable.
 */
final class Script {

  enum Kind {
    REASONING,
    TEXT,
    TOOL_CALL
  }

  /**
   * One part of the answer.
   *
   * @param kind what it is
   * @param text its whole text (a tool call's arguments)
   * @param callId a tool call's id (without the protocol's prefix), else empty
   * @param name a tool call's function name, else empty
   */
  record Part(Kind kind, String text, String callId, String name) {
    Part {
      Objects.requireNonNull(text, "text == null");
    }

    static Part reasoning(String text) {
      return new Part(Kind.REASONING, text, "", "");
    }

    static Part text(String text) {
      return new Part(Kind.TEXT, text, "", "");
    }

    static Part toolCall(String callId, String name, String arguments) {
      return new Part(Kind.TOOL_CALL, arguments, callId, name);
    }
  }

  /**
   * One token of one part.
   *
   * @param part the index of the part in {@link #parts()}
   * @param token the token's text
   * @param ordinal the token's place within its part, from 0
   */
  record Step(int part, String token, int ordinal) {}

  private final List<Part> parts;
  private final List<Step> steps;
  private final boolean complete;
  private final int[] lastSteps;

  private Script(List<Part> parts, List<Step> steps, boolean complete, int[] tokenCounts) {
    this.parts = List.copyOf(parts);
    this.steps = List.copyOf(steps);
    this.complete = complete;
    this.lastSteps = new int[parts.size()];
    int[] sent = new int[parts.size()];
    Arrays.fill(lastSteps, -1);
    for (int s = 0; s < this.steps.size(); s++) {
      int p = this.steps.get(s).part();
      if (++sent[p] == tokenCounts[p]) {
        lastSteps[p] = s;
      }
    }
    for (int p = 0; p < parts.size(); p++) {
      if (sent[p] > 0 && sent[p] < tokenCounts[p]) {
        lastSteps[p] = Integer.MAX_VALUE;
      }
    }
  }

  /**
   * Cuts {@code parts} into tokens: in order, except that tool calls take turns token by token when
   * {@code interleaveTools} is set; at most {@code limit} steps.
   */
  static Script of(List<Part> parts, boolean interleaveTools, int limit) {
    List<List<String>> tokens = new ArrayList<>();
    for (Part part : parts) {
      tokens.add(Splits.tokens(part.text()));
    }
    List<Step> all = new ArrayList<>();
    List<Integer> calls = new ArrayList<>();
    for (int p = 0; p < parts.size(); p++) {
      if (interleaveTools && parts.get(p).kind() == Kind.TOOL_CALL) {
        calls.add(p);
      } else {
        for (int t = 0; t < tokens.get(p).size(); t++) {
          all.add(new Step(p, tokens.get(p).get(t), t));
        }
      }
    }
    for (int t = 0, left = calls.size(); left > 0; t++) {
      left = 0;
      for (int p : calls) {
        if (t < tokens.get(p).size()) {
          all.add(new Step(p, tokens.get(p).get(t), t));
          left++;
        }
      }
    }
    boolean complete = all.size() <= limit;
    int[] counts = tokens.stream().mapToInt(List::size).toArray();
    return new Script(parts, complete ? all : all.subList(0, limit), complete, counts);
  }

  List<Part> parts() {
    return parts;
  }

  List<Step> steps() {
    return steps;
  }

  /**
   * Returns the index of the step that sends the last token of part {@code p}; {@link
   * Integer#MAX_VALUE} when the token limit cut the part short, -1 when none of it was sent.
   */
  int lastStep(int p) {
    return lastSteps[p];
  }

  /** Returns whether part {@code p} was sent whole. */
  boolean sentWhole(int p) {
    return lastSteps[p] >= 0 && lastSteps[p] < Integer.MAX_VALUE;
  }

  /** Returns whether every token fits the limit; false means the answer was cut off. */
  boolean complete() {
    return complete;
  }

  /** Returns whether the answer calls tools. */
  boolean callsTools() {
    return parts.stream().anyMatch(p -> p.kind() == Kind.TOOL_CALL);
  }

  /** Returns the text of part {@code p} that the steps send (all of it unless cut off). */
  String sentText(int p) {
    StringBuilder text = new StringBuilder();
    for (Step step : steps) {
      if (step.part() == p) {
        text.append(step.token());
      }
    }
    return text.toString();
  }

  /** Returns the index of the first step of part {@code p}, or -1 if none was sent. */
  int firstStep(int p) {
    for (int s = 0; s < steps.size(); s++) {
      if (steps.get(s).part() == p) {
        return s;
      }
    }
    return -1;
  }

  /** Returns the first part of {@code kind}, or null. */
  @Nullable Part first(Kind kind) {
    return parts.stream().filter(p -> p.kind() == kind).findFirst().orElse(null);
  }
}
